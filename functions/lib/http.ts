/**
 * The HTTP side of a module Lambda, written once: body limits and JSON
 * parsing, language choice, the actor from the JWT claims, routing by
 * `routeKey`, the one error mapper (domain errors → 4xx with a vi/en message;
 * anything else → 500 with a reference, detail logged), idempotent routes
 * (idempotency.ts), and Powertools as middy middleware: structured logs with
 * the request id and the caller's user id, a trace on Lambda, and a metric per
 * outcome (observability.ts).
 */
import middy from '@middy/core'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware'
import { MetricUnit } from '@aws-lambda-powertools/metrics'
import { timingSafeEqual } from 'node:crypto'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { DomainError, ForbiddenError, NotFoundError, PayloadTooLargeError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../../shared/errors/index.js'
import { pickLang, translate, type Lang } from '../../shared/i18n/messages.js'
import { issueMessage } from '../../shared/i18n/field-labels.js'
import { env } from './env.js'
import { idempotentRoute, registerInvocation } from './idempotency.js'
import { loggerFor } from './log.js'
import { metricsFor, outcomeMetric, tracing } from './observability.js'
import { parseJson } from './validation.js'

export interface HttpRequest<A = unknown> {
  routeKey: string
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  headers: Record<string, string>
  lang: Lang
  requestId: string
  /** The person's address: CloudFront's `CloudFront-Viewer-Address` behind the site, else the connection's. */
  sourceIp: string
  /** The request's cookies by name (payload 2.0 `cookies`). */
  cookies: Record<string, string>
  /** The caller, resolved from the JWT claims (absent on public routes). */
  actor: A
  /** What `prefetch` started while the caller was being resolved. */
  prefetched?: Promise<unknown>
}
/** `text`: a body sent as it is (with its own content-type header), not as JSON — an iCalendar feed. */
export interface HttpResult { status?: number; body?: unknown; text?: string; headers?: Record<string, string>; /** `Set-Cookie` values (payload 2.0 `cookies`). */ cookies?: string[] }
export type RouteHandler<A> = (req: HttpRequest<A>) => Promise<HttpResult>

export interface HttpModuleOptions<A> {
  routes: Record<string, RouteHandler<A>>
  /** Routes that need no actor (public). */
  publicRoutes?: string[]
  resolveActor?: (claims: Record<string, unknown>) => Promise<A>
  /** A read every route needs, started in parallel with resolving the caller (saves one round trip). */
  prefetch?: () => Promise<unknown>
  /** The module's name in logs and metrics (its id in modules.ts). */
  service?: string
  /** POST routes a client may retry with an `Idempotency-Key` header (idempotency.ts). */
  idempotentRoutes?: string[]
  /** The caller's user id, for logs and to scope idempotency keys. */
  userIdOf?: (actor: A) => string | undefined
}

type Event = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } }

export function httpModule<A>(opts: HttpModuleOptions<A>) {
  const service = opts.service ?? env().POWERTOOLS_SERVICE_NAME
  const logger = loggerFor(service)
  const metrics = metricsFor(service)
  const userIdOf = opts.userIdOf ?? ((actor: A) => (actor as { userId?: string } | undefined)?.userId)
  const routes: Record<string, RouteHandler<A>> = { ...opts.routes }
  for (const key of opts.idempotentRoutes ?? []) {
    if (!routes[key]) throw new Error(`httpModule ${service}: idempotent route ${key} is not a route of the module`)
    routes[key] = idempotentRoute(routes[key], userIdOf)
  }
  const core = async (event: Event, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now()
    const headers = lowerKeys(event.headers ?? {})
    const lang = pickLang(headers['accept-language'])
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local'
    let status = 500
    try {
      logger.appendKeys({ requestId, routeKey: event.routeKey })
      if (!fromOrigin(headers)) throw new ForbiddenError('auth.notThroughSite')
      if (opts.idempotentRoutes?.length) registerInvocation(context)
      const handler = routes[event.routeKey]
      if (!handler) throw new NotFoundError('route', event.routeKey)
      const params = pathParams(event)
      const body = parseBody(event, headers)
      let actor = undefined as A
      const prefetched = opts.prefetch?.()
      prefetched?.catch(() => undefined) // awaited (and its error surfaced) by the route that uses it
      if (!opts.publicRoutes?.includes(event.routeKey)) {
        const claims = event.requestContext?.authorizer?.jwt?.claims
        if (!claims || !opts.resolveActor) throw new UnauthenticatedError()
        actor = await opts.resolveActor(claims)
        logger.appendKeys({ userId: userIdOf(actor) })
      }
      const result = await handler({
        routeKey: event.routeKey, params,
        query: (event.queryStringParameters ?? {}) as Record<string, string>, body, headers, lang, requestId,
        sourceIp: sourceAddress(headers, event.requestContext?.http?.sourceIp), cookies: cookiesOf(event, headers), actor, prefetched,
      })
      status = result.status ?? 200
      if (result.cookies?.length) return { ...json(status, result.body ?? null, result.headers), cookies: result.cookies }
      if (result.text !== undefined) {
        return { statusCode: status, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...result.headers }, body: result.text }
      }
      return json(status, result.body ?? null, result.headers)
    } catch (err) {
      const mapped = mapError(err, lang, requestId)
      status = mapped.statusCode as number
      if (status >= 500) logger.error('request failed', { error: String(err), stack: (err as Error)?.stack })
      return mapped
    } finally {
      metrics.addMetric(outcomeMetric(status), MetricUnit.Count, 1)
      if (env().LOG_REQUESTS) logger.info('request', { status, ms: Date.now() - started })
    }
  }
  return middy<Event, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(tracing(service))
    .use(logMetrics(metrics))
    .handler(core)
}

/** The request came through CloudFront (its origin-verify header), or no such header is configured (the embedded gateway). */
export function fromOrigin(headers: Record<string, string>): boolean {
  const expected = env().ORIGIN_VERIFY
  if (!expected) return true
  const given = Buffer.from(headers['x-origin-verify'] ?? '')
  const wanted = Buffer.from(expected)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * The person's address. Behind CloudFront (the origin-verify header was checked) the
 * connection is CloudFront's edge, so its `CloudFront-Viewer-Address` ("ip:port", set by
 * CloudFront, not by the viewer) is the person's; otherwise the connection's own address.
 */
export function sourceAddress(headers: Record<string, string>, connection: string | undefined): string {
  const viewer = headers['cloudfront-viewer-address']
  if (env().ORIGIN_VERIFY && viewer && viewer.lastIndexOf(':') > 0) return viewer.slice(0, viewer.lastIndexOf(':'))
  return connection ?? 'unknown'
}

/** Cookies by name: API Gateway's payload 2.0 gives them as `cookies` ("a=b"), a plain request as the Cookie header. */
export function cookiesOf(event: Pick<APIGatewayProxyEventV2, 'cookies'>, headers: Record<string, string>): Record<string, string> {
  const pairs = event.cookies ?? (headers.cookie ? headers.cookie.split(';') : [])
  const out: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at > 0) out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return out
}

/** The longest path parameter a route accepts: ids are UUIDs, codes and slugs, far shorter (a longer key would fail in DynamoDB). */
export const MAX_PATH_PARAMETER = 256

/**
 * The path parameters, percent-decoded once here (the embedded gateway passes
 * them as the URL has them, so this is the one place that decodes, locally
 * and on AWS). A malformed encoding or an over-long id is the client's
 * mistake: a 400 with a vi/en message, not a 500. Ids in this system never
 * contain `%`, so a value API Gateway already decoded decodes to itself.
 */
function pathParams(event: Event): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [name, raw] of Object.entries(event.pathParameters ?? {})) {
    if (raw === undefined) continue
    let value: string
    try {
      value = decodeURIComponent(raw)
    } catch {
      throw new DomainError('request.malformedPath', 400, { name })
    }
    if (value.length > MAX_PATH_PARAMETER) throw new DomainError('request.pathParameterTooLong', 400, { name, max: MAX_PATH_PARAMETER })
    params[name] = value
  }
  return params
}

/** The JSON body of a request, within the size limit (413) and as `application/json` (415); malformed JSON is a 400. */
export function parseBody(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>, headers: Record<string, string>): unknown {
  if (!event.body) return undefined
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body
  const limit = env().MAX_BODY_BYTES
  if (Buffer.byteLength(raw, 'utf8') > limit) throw new PayloadTooLargeError(limit)
  const type = headers['content-type'] ?? 'application/json'
  if (!type.toLowerCase().startsWith('application/json')) throw new DomainError('request.unsupportedMediaType', 415)
  return parseJson(raw)
}

export function mapError(err: unknown, lang: Lang, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (err instanceof DomainError) {
    const issues = err instanceof ValidationError
      ? err.issues.map((i) => ({ path: i.path, code: i.code, message: issueMessage(i, lang) }))
      : undefined
    const headers: Record<string, string> = err instanceof TooManyRequestsError ? { 'retry-after': String(err.retryAfterSeconds) } : {}
    return json(err.status, { error: { code: err.code, message: translate(err.code, lang, err.params), issues }, requestId }, headers)
  }
  return json(500, { error: { code: 'server.error', message: translate('server.error', lang, { requestId }) }, requestId })
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    // nosniff here, not only in CloudFront's policy: the HTTP API's own URL answers with it too.
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
    body: JSON.stringify(body),
  }
}

export const lowerKeys = (h: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined).map(([k, v]) => [k.toLowerCase(), v as string]))
