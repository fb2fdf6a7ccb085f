/**
 * Asks through the streaming endpoint (`POST /api/assistant/stream`, NDJSON)
 * and hands each piece of the answer to `onDelta` as it arrives; resolves
 * with the whole answer and its citations. On AWS the endpoint is a Lambda
 * function URL behind CloudFront with origin access control, which signs
 * the origin request itself: the token goes in `X-Access-Token` and the
 * body's SHA-256 in `x-amz-content-sha256` (Lambda refuses unsigned
 * payloads). A client whose network path cannot stream (a 404 from an older
 * deployment) falls back to the buffered `POST /api/assistant/ask`.
 */
import type { AskBody, AskResult } from '../../../../shared/assistant/contracts'
import { api, ApiError, request } from '../../api/client'
import { session } from '../../api/session'
import i18n, { currentLang } from '../../i18n'

async function sha256Hex(text: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export async function askStream(body: AskBody, onDelta: (text: string) => void, signal?: AbortSignal): Promise<AskResult> {
  const json = JSON.stringify(body)
  const headers: Record<string, string> = {
    Accept: 'application/x-ndjson', 'Content-Type': 'application/json', 'Accept-Language': currentLang() === 'en' ? 'en' : 'vi',
  }
  const token = session.token()
  if (token) headers['X-Access-Token'] = `Bearer ${token}`
  const hash = await sha256Hex(json)
  if (hash) headers['x-amz-content-sha256'] = hash
  let res: Response
  try {
    res = await fetch('/api/assistant/stream', { method: 'POST', headers, body: json, signal })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, 'network', i18n.t('errors.network'))
  }
  if (res.status === 404 && !(res.headers.get('content-type') ?? '').includes('json')) return api.post<AskResult>('/api/assistant/ask', body)
  if (!res.ok || !res.body) {
    // The same error handling as every other call (message, issues, 401 ends the session): read through the client.
    const text = await res.text()
    let data: { error?: { code?: string; message?: string; issues?: { path?: unknown; message?: unknown }[] }; requestId?: string } | undefined
    try { data = JSON.parse(text) } catch { data = undefined }
    if (res.status === 401) return request<AskResult>('POST', '/api/assistant/ask', { body })
    throw new ApiError(res.status, data?.error?.code ?? `http.${res.status}`, data?.error?.message ?? i18n.t('errors.unexpected', { status: res.status }),
      (data?.error?.issues ?? []).map((i) => ({ path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''), message: String(i.message ?? '') })), data?.requestId)
  }
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (value) buffer += decoder.decode(value, { stream: !done })
    const lines = buffer.split('\n')
    buffer = done ? '' : lines.pop() ?? ''
    for (const line of lines) {
      if (!line.trim()) continue
      const e = JSON.parse(line) as { type: 'delta'; text: string } | { type: 'done'; result: AskResult } | { type: 'error'; error: { code: string; message: string }; requestId?: string }
      if (e.type === 'delta') onDelta(e.text)
      else if (e.type === 'done') return e.result
      else throw new ApiError(500, e.error.code, e.error.message, [], e.requestId)
    }
    if (done) break
  }
  throw new ApiError(0, 'network', i18n.t('errors.network'))
}
