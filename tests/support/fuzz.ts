/**
 * Random requests for every route of the route table (infra/definitions/routes.ts),
 * shaped by its contract (shared/api/contracts.ts): path parameters (unicode,
 * over-long, malformed percent-encodings, dot segments), queries (the
 * contract's own keys with random values, stray keys, broken encodings),
 * headers (random names and values, odd content types and languages,
 * forged bearer tokens, idempotency keys) and bodies (any JSON value, an
 * object with the contract's keys and random values, text that is not
 * JSON, nothing). Used by the fuzz suite (tests/integration/fuzz) and by
 * `npm run bench` (requests per second). Generated with fast-check from a
 * seed, so a failure is replayed with the same seed.
 */
import fc from 'fast-check'
import { z } from 'zod'
import { ROUTES, type RouteDefinition } from '../../infra/definitions/routes.js'
import { CONTRACTS } from '../../shared/api/contracts.js'

export interface FuzzRequest { method: string; path: string; headers: Record<string, string>; body?: string }
export interface FuzzAnswer { request: FuzzRequest; status: number; text: string }

/** Percent-encodings a careless or hostile client sends: truncated, not hex, an encoded surrogate, an overlong `/`, NUL, an encoded slash. */
const MALFORMED = ['%', '%E0%A4%A', '%zz', '%ED%A0%80', '%C0%AF', '%00', '%2F', '%2e%2e', '%FF%FE', '%u0041']

/** A path segment: an encoded unicode string, an over-long id, a malformed encoding, a dot segment, or an id of the usual shape. */
const segment: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.integer({ min: 257, max: 6000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), fc.constantFrom(...MALFORMED)).map(([s, m]) => `${encodeURIComponent(s)}${m}`),
  fc.constantFrom('.', '..', '%2E', 'null', 'undefined', '0', '-1', 'đơn-vị', encodeURIComponent('Đảng ủy phường Bền Vững')),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
)

/** A JSON value of any shape, unicode strings included. */
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 })
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  anyJson, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 3000 }), fc.integer(), fc.double(), fc.boolean(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), fc.constant(null), fc.constant({}), fc.constant([]),
)

/** The top-level keys of an object schema (a union's members' keys too). */
function keysOf(schema: unknown): string[] {
  if (!(schema instanceof z.ZodType)) return []
  const s = schema as unknown as { shape?: Record<string, unknown>; options?: unknown[]; def?: { innerType?: unknown; in?: unknown; left?: unknown; right?: unknown } }
  if (s.shape) return Object.keys(s.shape)
  if (s.options) return [...new Set(s.options.flatMap(keysOf))]
  for (const inner of [s.def?.innerType, s.def?.in, s.def?.left, s.def?.right]) if (inner) { const k = keysOf(inner); if (k.length) return k }
  return []
}

const shaped = (keys: string[]): fc.Arbitrary<Record<string, unknown>> => keys.length
  ? fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue])), { requiredKeys: [] })
  : fc.dictionary(fc.string({ maxLength: 10 }), fieldValue, { maxKeys: 4 })

function bodyOf(route: RouteDefinition): fc.Arbitrary<string | undefined> {
  if (route.method === 'GET') return fc.constant(undefined)
  const contract = CONTRACTS[`${route.method} ${route.path}`]
  return fc.oneof(
    shaped(keysOf(contract?.body)).map((o) => JSON.stringify(o)),
    anyJson.map((v) => JSON.stringify(v)),
    fc.constantFrom('{"a":', '{', 'null', '[]', '""', 'true', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', 'x'.repeat(70_000)),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constant(undefined),
  )
}

function queryOf(route: RouteDefinition): fc.Arbitrary<string> {
  const keys = keysOf(CONTRACTS[`${route.method} ${route.path}`]?.query)
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 })
  const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent), segment, fc.integer().map(String), fc.constantFrom('true', '', '2026-02-30', '9999-99-99', '-1', '1e400'))
  return fc.tuple(fc.array(fc.tuple(key.map(encodeURIComponent), value), { maxLength: 5 }), fc.option(fc.constantFrom(...MALFORMED.map((m) => `${m}=${m}`)), { nil: undefined }))
    .map(([pairs, broken]) => [...pairs.map(([k, v]) => `${k}=${v}`), ...(broken ? [broken] : [])].join('&'))
}

/** Header names a client may not set (fetch refuses them, or they change framing). */
const FORBIDDEN = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection', 'authorization'])
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }).map((s) => s.trim())
const headers: fc.Arbitrary<Record<string, string>> = fc.record({
  'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
  'accept-language': fc.oneof(fc.constantFrom('vi', 'en', 'fr', '*', 'en-US,en;q=0.9', 'vi;q=abc', ''), headerValue),
  'idempotency-key': fc.oneof(fc.uuid(), headerValue, fc.constant('x'.repeat(2000))),
  'x-forwarded-for': fc.oneof(fc.ipV4(), headerValue),
  extra: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue, { maxKeys: 3 }),
}, { requiredKeys: [] }).map(({ extra, ...named }) => Object.fromEntries(Object.entries({ ...extra, ...named }).filter(([k]) => !FORBIDDEN.has(k))))

/** Random requests for one route; `token` is the caller's (absent: anonymous, sometimes with a forged bearer token). */
export function requestsFor(route: RouteDefinition, token: string | undefined): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
  const forged = fc.oneof(fc.constant(undefined), fc.constantFrom('Bearer ', 'Bearer x', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.eyJ1c2VybmFtZSI6ImFkbWluIn0.'), headerValue.map((v) => `Bearer ${v}`))
  return fc.record({
    params: fc.tuple(...names.map(() => segment)),
    query: fc.option(queryOf(route), { nil: undefined }),
    headers,
    body: bodyOf(route),
    authorization: token ? fc.constant(`Bearer ${token}`) : forged,
  }).map(({ params, query, headers: h, body, authorization }) => {
    let i = 0
    const path = route.path.replace(/\{\w+\}/g, () => params[i++]!) + (query ? `?${query}` : '')
    return { method: route.method, path, headers: { ...h, ...(authorization ? { authorization } : {}) }, ...(body === undefined ? {} : { body }) }
  })
}

/** `runs` requests per route for each caller, from one seed (a route's own seed is the seed plus its index). */
export function fuzzRequests(seed: number, runs: number, callers: (string | undefined)[], routes: readonly RouteDefinition[] = ROUTES): { route: RouteDefinition; requests: FuzzRequest[] }[] {
  return routes.map((route, i) => ({
    route,
    requests: callers.flatMap((token, c) => fc.sample(requestsFor(route, token), { numRuns: runs, seed: seed + i * 7919 + c })),
  }))
}

/** Sends requests `concurrency` at a time; a request the client itself cannot send (an invalid header) is skipped, not counted. */
export async function send(base: string, requests: FuzzRequest[], concurrency = 4): Promise<FuzzAnswer[]> {
  const answers: FuzzAnswer[] = []
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!
      let res: Response
      try {
        res = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body })
      } catch (err) {
        if (err instanceof TypeError && /header|ByteString|Invalid URL/i.test(String(err.cause ?? err.message))) continue
        throw Object.assign(new Error(`${request.method} ${request.path.slice(0, 200)}: ${String(err)}`), { cause: err })
      }
      answers.push({ request, status: res.status, text: await res.text() })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return answers
}

/** How a request is shown in a failure: enough to replay it. */
export const describeRequest = (r: FuzzRequest): string =>
  `${r.method} ${r.path.length > 300 ? `${r.path.slice(0, 300)}…(${r.path.length})` : r.path} headers=${JSON.stringify({ ...r.headers, ...(r.headers.authorization && r.headers.authorization.length > 100 ? { authorization: 'Bearer <the caller’s token>' } : {}) })} body=${r.body === undefined ? '(none)' : JSON.stringify(r.body.length > 300 ? `${r.body.slice(0, 300)}…(${r.body.length})` : r.body)}`
