/**
 * The portal's inbound route. It has no user token: the request is signed
 * (adapters/portal.ts), so the signature is checked on the raw body before
 * anything is parsed. Errors go through the one error mapper (vi/en).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { DomainError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { pickLang } from '../../../shared/i18n/messages.js'
import { env } from '../../lib/env.js'
import { mapError } from '../../lib/http.js'
import { loggerFor } from '../../lib/observability.js'
import { parse } from '../../lib/validation.js'
import { PortalRequest, verifySigned } from '../adapters/portal.js'
import { handlePortalRequest } from '../usecases/portal.js'

export const PORTAL_ROUTE = 'POST /api/portal/requests'

export async function portalRequest(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  const lang = pickLang(headers['accept-language'])
  const requestId = event.requestContext?.requestId ?? 'local'
  try {
    const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : ''
    if (Buffer.byteLength(raw) > 64 * 1024) throw new DomainError('request.tooLarge', 413, { limit: 64 * 1024 })
    const secret = env().PORTAL_SHARED_SECRET
    // A deployment without the portal's secret accepts nothing from it (no well-known default).
    if (!secret) throw new DomainError('members.portal.notConfigured', 503)
    const verified = verifySigned(secret, headers, raw)
    if (!verified.ok) throw new UnauthenticatedError(`members.portal.${verified.reason}`)
    let json: unknown
    try { json = JSON.parse(raw) } catch { throw new DomainError('request.malformedJson', 400) }
    const result = await handlePortalRequest(verified.requestId, parse(PortalRequest, json), event.requestContext?.http?.sourceIp ?? 'portal')
    return { statusCode: result.status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(result.body) }
  } catch (err) {
    const mapped = mapError(err, lang, requestId)
    if ((mapped.statusCode as number) >= 500) loggerFor('members').error('request failed', { requestId, routeKey: PORTAL_ROUTE, error: String(err), stack: (err as Error)?.stack })
    return mapped
  }
}
