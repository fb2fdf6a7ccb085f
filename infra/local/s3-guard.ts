/**
 * A loopback-only guard in front of s3rver. s3rver serves anonymous requests
 * and never checks a SigV4 signature (its V4 path accepts any), so the port
 * the platform and the browser use is this proxy: it forwards a request only
 * when it is signed with SigV4 by the local credentials — in the
 * Authorization header (the SDK) or as a presigned URL that has not expired
 * (the SPA's uploads and downloads). The signature is recomputed with
 * @smithy/signature-v4 over the request as received and compared in constant
 * time. CORS preflights (OPTIONS, never signed by browsers) pass, as on S3.
 * Anything else: 403 with S3's AccessDenied / SignatureDoesNotMatch XML.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto'
import { SignatureV4 } from '@smithy/signature-v4'

type SourceData = string | ArrayBuffer | ArrayBufferView
const bytes = (d: SourceData): string | Uint8Array =>
  typeof d === 'string' ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength)

/** The signer's hash constructor (SHA-256, HMAC-SHA-256 with a secret) over node:crypto. */
class Sha256 {
  private readonly h: Hash | Hmac
  constructor(secret?: SourceData) { this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret)) }
  update(data: SourceData): void { this.h.update(bytes(data)) }
  digest(): Promise<Uint8Array> { return Promise.resolve(new Uint8Array(this.h.digest())) }
}

export interface S3Credentials { accessKeyId: string; secretAccessKey: string }

const DENIED = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`

/** Parses `AWS4-HMAC-SHA256 Credential=AK/20260101/region/s3/aws4_request, SignedHeaders=a;b, Signature=hex`. */
function parseAuthorization(value: string): { credential: string; signedHeaders: string[]; signature: string } | undefined {
  const m = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(value.trim())
  return m ? { credential: m[1]!, signedHeaders: m[2]!.split(';'), signature: m[3]! } : undefined
}

/** 20260101T000000Z → Date, or undefined. */
function amzDate(v: string | undefined): Date | undefined {
  const m = v && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v)
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** Query parameters as the signer wants them (decoded; repeated names as arrays); undefined when the encoding is malformed. */
function parseQuery(search: string): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {}
  try {
    for (const part of search.replace(/^\?/, '').split('&')) {
      if (!part) continue
      const i = part.indexOf('=')
      const k = decodeURIComponent((i < 0 ? part : part.slice(0, i)).replace(/\+/g, ' '))
      const v = i < 0 ? '' : decodeURIComponent(part.slice(i + 1).replace(/\+/g, ' '))
      const prev = out[k]
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
  } catch { return undefined }
  return out
}

/** Whether the request carries a valid SigV4 signature by `creds`; the reason when not. */
export async function verifySigV4(req: { method: string; url: string; headers: http.IncomingHttpHeaders }, body: Buffer, creds: S3Credentials, now = new Date()):
  Promise<{ ok: true } | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch'; reason: string }> {
  const url = new URL(req.url, 'http://local')
  const query = parseQuery(url.search)
  if (!query) return { ok: false, code: 'AccessDenied', reason: 'malformed query' }
  const header = (n: string) => { const v = req.headers[n]; return Array.isArray(v) ? v.join(',') : v }
  const presigned = query['X-Amz-Algorithm'] !== undefined
  const auth = header('authorization')
  if (!presigned && !auth) return { ok: false, code: 'AccessDenied', reason: 'anonymous request' }
  if (presigned && auth) return { ok: false, code: 'AccessDenied', reason: 'two auth mechanisms' }

  let credential: string, signedHeaders: string[], signature: string, date: Date | undefined, expiresIn: number | undefined
  if (presigned) {
    const q = (n: string) => (typeof query[n] === 'string' ? query[n] as string : undefined)
    if (q('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return { ok: false, code: 'AccessDenied', reason: 'algorithm' }
    credential = q('X-Amz-Credential') ?? ''
    signedHeaders = (q('X-Amz-SignedHeaders') ?? '').split(';')
    signature = q('X-Amz-Signature') ?? ''
    date = amzDate(q('X-Amz-Date'))
    expiresIn = Number(q('X-Amz-Expires'))
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604800) return { ok: false, code: 'AccessDenied', reason: 'expires' }
    if (date && now.getTime() > date.getTime() + expiresIn * 1000) return { ok: false, code: 'AccessDenied', reason: 'Request has expired' }
  } else {
    const parsed = parseAuthorization(auth!)
    if (!parsed) return { ok: false, code: 'AccessDenied', reason: 'malformed Authorization' }
    ;({ credential, signedHeaders, signature } = parsed)
    date = amzDate(header('x-amz-date'))
    // As S3: a header-signed request is valid within 15 minutes of its date.
    if (date && Math.abs(now.getTime() - date.getTime()) > 15 * 60_000) return { ok: false, code: 'AccessDenied', reason: 'RequestTimeTooSkewed' }
  }
  const [accessKeyId, day, region, service, terminator] = credential.split('/')
  if (!date || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, code: 'AccessDenied', reason: 'malformed signature' }
  if (accessKeyId !== creds.accessKeyId) return { ok: false, code: 'AccessDenied', reason: 'InvalidAccessKeyId' }
  if (service !== 's3' || terminator !== 'aws4_request' || !region || day !== date.toISOString().slice(0, 10).replace(/-/g, '')) {
    return { ok: false, code: 'AccessDenied', reason: 'credential scope' }
  }
  if (!signedHeaders.includes('host')) return { ok: false, code: 'AccessDenied', reason: 'host not signed' }

  // Only the headers the client signed take part; the payload hash is the one the client declared (checked against the body below).
  const headers: Record<string, string> = {}
  for (const h of signedHeaders) {
    const v = header(h)
    if (v === undefined) return { ok: false, code: 'SignatureDoesNotMatch', reason: `signed header ${h} missing` }
    headers[h] = v
  }
  const signer = new SignatureV4({ credentials: creds, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false })
  const base = { method: req.method, protocol: 'http:', hostname: 'local', path: url.pathname, headers }
  let expected: string
  if (presigned) {
    const rest = Object.fromEntries(Object.entries(query).filter(([k]) => !k.startsWith('X-Amz-') || !['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'].includes(k)))
    const signed = await signer.presign({ ...base, query: rest, headers: { ...headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
      { signingDate: date, expiresIn, unsignableHeaders: new Set(['x-amz-content-sha256']), unhoistableHeaders: new Set([...Object.keys(headers), 'x-amz-content-sha256']), signableHeaders: new Set(signedHeaders) })
    expected = String(signed.query?.['X-Amz-Signature'] ?? '')
    // A presigned request signs exactly the headers the URL names; anything hoisted would change the name list.
    if (String(signed.query?.['X-Amz-SignedHeaders'] ?? '') !== signedHeaders.join(';')) return { ok: false, code: 'SignatureDoesNotMatch', reason: 'signed header list' }
  } else {
    const payloadHash = header('x-amz-content-sha256')
    if (!payloadHash || !signedHeaders.includes('x-amz-content-sha256')) return { ok: false, code: 'AccessDenied', reason: 'payload hash not signed' }
    if (/^[0-9a-f]{64}$/.test(payloadHash) && createHash('sha256').update(body).digest('hex') !== payloadHash) {
      return { ok: false, code: 'SignatureDoesNotMatch', reason: 'XAmzContentSHA256Mismatch' }
    }
    const signed = await signer.sign({ ...base, query }, { signingDate: date, signableHeaders: new Set(signedHeaders), unsignableHeaders: new Set(Object.keys(headers).filter((h) => !signedHeaders.includes(h))) })
    const got = parseAuthorization(String(signed.headers['authorization'] ?? ''))
    expected = got?.signature ?? ''
    if (got && got.signedHeaders.join(';') !== signedHeaders.join(';')) return { ok: false, code: 'SignatureDoesNotMatch', reason: 'signed header list' }
  }
  return sameHex(expected, signature) ? { ok: true } : { ok: false, code: 'SignatureDoesNotMatch', reason: 'signature' }
}

const forwardHeaders = (h: http.IncomingHttpHeaders, length: number): http.OutgoingHttpHeaders => {
  const { 'transfer-encoding': _te, ...rest } = h
  return { ...rest, 'content-length': String(length) }
}

export interface S3Guard { port: number; close(): Promise<void> }

/** Listens on 127.0.0.1:`port`, forwarding verified requests to the s3rver at 127.0.0.1:`upstreamPort`. */
export async function startS3Guard(opts: { port: number; upstreamPort: number; credentials: S3Credentials }): Promise<S3Guard> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('error', () => res.destroy())
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const deny = (status: number, code: string, message: string) => {
        if (res.headersSent) return res.destroy()
        res.writeHead(status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' }).end(DENIED(code, message))
      }
      const check = req.method === 'OPTIONS' ? Promise.resolve({ ok: true } as const) : verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, body, opts.credentials)
      check.then((r) => {
        if (!r.ok) return deny(403, r.code, r.reason)
        const up = http.request({ host: '127.0.0.1', port: opts.upstreamPort, method: req.method, path: req.url, headers: forwardHeaders(req.headers, body.length) }, (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers)
          upRes.pipe(res)
        })
        up.on('error', () => deny(502, 'ServiceUnavailable', 'the local S3 engine did not answer'))
        up.end(body)
      }, () => deny(403, 'AccessDenied', 'unverifiable request'))
    })
  })
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port, '127.0.0.1', () => resolve()) })
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}
