/**
 * A small typed fetch wrapper: bearer token, Accept-Language, JSON in and
 * out, and one error type carrying the API's `{ error: { code, message,
 * issues } , requestId }`. A 401 on an authenticated call refreshes the token
 * once and retries; if the refresh is refused the session ends.
 */
import i18n, { currentLang } from '../i18n'
import { session } from './session'

export interface ApiIssue { path: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly requestId?: string,
    /** The whole answer, for a refusal that carries a report (a rejected import's rows). */
    readonly data?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

let unauthorizedHandler: (() => void) | null = null
/** Called (once per burst) when the API answers 401 to an authenticated call. */
export function onUnauthorized(fn: (() => void) | null): void {
  unauthorizedHandler = fn
}

export type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** Do not attach the token nor treat 401 as an expired session (login). */
  anonymous?: boolean
  /** Already retried after a refresh. */
  retried?: boolean
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    qs.set(k, String(v))
  }
  const s = qs.toString()
  return s ? `${path}?${s}` : path
}

function normaliseIssues(raw: unknown): ApiIssue[] {
  if (!Array.isArray(raw)) return []
  return raw.map((i: { path?: unknown; message?: unknown }) => ({
    path: Array.isArray(i?.path) ? i.path.join('.') : String(i?.path ?? ''),
    message: String(i?.message ?? ''),
  }))
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLang() === 'en' ? 'en' : 'vi',
  }
  const token = opts.anonymous ? null : session.token()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }

  let res: Response
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, signal: opts.signal })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, 'network', i18n.t('errors.network'))
  }

  const text = await res.text()
  let data: unknown = undefined
  if (text) {
    try { data = JSON.parse(text) } catch { data = undefined }
  }

  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; issues?: unknown }; requestId?: string } | undefined)
    const e = new ApiError(
      res.status,
      err?.error?.code ?? `http.${res.status}`,
      err?.error?.message ?? i18n.t('errors.unexpected', { status: res.status }),
      normaliseIssues(err?.error?.issues),
      err?.requestId,
      data,
    )
    if (res.status === 401 && !opts.anonymous) {
      // The access token may have just expired (a laptop asleep past the timer): one refresh, one retry.
      if (!opts.retried && await session.refresh()) return request<T>(method, path, { ...opts, retried: true })
      session.clear()
      unauthorizedHandler?.()
    }
    throw e
  }
  if (data === undefined && text) throw new ApiError(res.status, 'http.badJson', i18n.t('errors.unexpected', { status: res.status }))
  return data as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path, {}),
}
