/**
 * The signed-in session, in memory only: the short-lived access token and the
 * user summary live in this module (no sessionStorage or localStorage, so a
 * script injected into the page finds no token at rest). The refresh token is
 * an HttpOnly cookie the browser sends to /api/auth only; on a page load
 * `restore()` asks /api/auth/refresh for a new access token, and a timer
 * refreshes it a minute before it expires. The chosen working unit stays in
 * localStorage (not a secret).
 */
export interface SessionUser { userId: string; username: string; fullName: string }
interface Current { token: string; expiresAt: number; user: SessionUser }
interface RefreshAnswer { token: string; expiresIn: number; user: SessionUser }

const UNIT_KEY = 'do.unitId'
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000

let current: Current | null = null
let timer: ReturnType<typeof setTimeout> | undefined
let inFlight: Promise<boolean> | null = null
const listeners = new Set<() => void>()

function schedule(expiresIn: number): void {
  clearTimeout(timer)
  if (expiresIn <= 0) return
  timer = setTimeout(() => { void session.refresh() }, Math.max(5_000, expiresIn * 1000 - EARLY_MS))
}

export const session = {
  token(): string | null {
    return current && current.expiresAt > Date.now() ? current.token : null
  },
  user(): SessionUser | null {
    return current?.user ?? null
  },
  save(token: string, expiresIn: number, user: SessionUser): void {
    current = { token, expiresAt: expiresIn > 0 ? Date.now() + expiresIn * 1000 : Number.MAX_SAFE_INTEGER, user }
    schedule(expiresIn)
  },
  clear(): void {
    current = null
    clearTimeout(timer)
  },
  /** Called when a refresh changed (or ended) the session. */
  onChange(fn: () => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  },
  /**
   * A new access token from the refresh cookie: true when signed in. Concurrent
   * callers share one request. A refused cookie (signed out, expired, revoked)
   * ends the session.
   */
  refresh(): Promise<boolean> {
    inFlight ??= (async () => {
      try {
        const res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
        if (!res.ok) {
          // A network or server trouble keeps what we have; a refusal ends it.
          if (res.status === 401 || res.status === 403) session.clear()
          return false
        }
        const r = await res.json() as RefreshAnswer
        session.save(r.token, r.expiresIn, r.user)
        return true
      } catch {
        return false
      } finally {
        inFlight = null
        for (const l of listeners) l()
      }
    })()
    return inFlight
  },
  /** At page load: signed in again from the cookie, if it still works. */
  restore(): Promise<boolean> {
    return session.refresh()
  },
  /** Sign-out: the server revokes the refresh token and clears the cookie. */
  async signOut(): Promise<void> {
    session.clear()
    try {
      await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' })
    } catch { /* offline: the token in memory is gone, the cookie expires on its own */ }
  },
  unitId(): string | null {
    try { return localStorage.getItem(UNIT_KEY) } catch { return null }
  },
  saveUnitId(unitId: string): void {
    try { localStorage.setItem(UNIT_KEY, unitId) } catch { /* private mode */ }
  },
}
