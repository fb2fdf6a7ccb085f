/**
 * The signed-in session: bearer token and user summary in sessionStorage
 * (gone when the tab closes), the chosen working unit in localStorage.
 */
export interface SessionUser { userId: string; username: string; fullName: string }
interface Stored { token: string; expiresAt: number; user: SessionUser }

const KEY = 'do.session'
const UNIT_KEY = 'do.unitId'

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as Stored
    if (!s.token || (s.expiresAt && s.expiresAt <= Date.now())) {
      sessionStorage.removeItem(KEY)
      return null
    }
    return s
  } catch {
    return null
  }
}

export const session = {
  token(): string | null {
    return read()?.token ?? null
  },
  user(): SessionUser | null {
    return read()?.user ?? null
  },
  save(token: string, expiresIn: number, user: SessionUser): void {
    const expiresAt = expiresIn > 0 ? Date.now() + expiresIn * 1000 : 0
    sessionStorage.setItem(KEY, JSON.stringify({ token, expiresAt, user } satisfies Stored))
  },
  clear(): void {
    sessionStorage.removeItem(KEY)
  },
  unitId(): string | null {
    try { return localStorage.getItem(UNIT_KEY) } catch { return null }
  },
  saveUnitId(unitId: string): void {
    try { localStorage.setItem(UNIT_KEY, unitId) } catch { /* private mode */ }
  },
}
