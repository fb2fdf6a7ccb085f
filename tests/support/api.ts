/** A small API client for tests: signs in as a demo user and calls the real gateway. */
import { inject } from 'vitest'

export const DEMO_PASSWORD = 'DigitalOffice@2026'
export interface Res<T = any> { status: number; body: T }

export function baseUrl(): string { return inject('baseUrl') }

export async function call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string; lang?: 'vi' | 'en'; headers?: Record<string, string>; base?: string } = {}): Promise<Res<T>> {
  const res = await fetch(`${opts.base ?? baseUrl()}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined || opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      'accept-language': opts.lang ?? 'vi',
      ...opts.headers,
    },
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  })
  const text = await res.text()
  let body: unknown = text
  try { body = JSON.parse(text) } catch { /* not JSON */ }
  return { status: res.status, body: body as T }
}

export interface Session {
  token: string
  get<T = any>(path: string, lang?: 'vi' | 'en'): Promise<Res<T>>
  post<T = any>(path: string, body?: unknown, lang?: 'vi' | 'en'): Promise<Res<T>>
  patch<T = any>(path: string, body?: unknown, lang?: 'vi' | 'en'): Promise<Res<T>>
}

/** `base`: another platform than the shared one (restart tests start their own). */
export async function login(username: string, password = DEMO_PASSWORD, base?: string): Promise<Session> {
  const res = await call('POST', '/api/auth/login', { body: { username, password }, base })
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  const token = res.body.token as string
  return {
    token,
    get: (path, lang) => call('GET', path, { token, lang, base }),
    post: (path, body, lang) => call('POST', path, { token, body: body ?? {}, lang, base }),
    patch: (path, body, lang) => call('PATCH', path, { token, body: body ?? {}, lang, base }),
  }
}

/** Retries until the check passes (for the read model and workflows, which follow the table asynchronously). */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 20_000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try { return await check() } catch (err) { lastError = err }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw lastError
}

/** A unique suffix so tests sharing one platform never collide. */
export const uniq = (): string => Math.random().toString(36).slice(2, 8)

/** Flattens a tree response. */
export function flatten(nodes: any[]): any[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])])
}
