/**
 * Lambda entry of the meetings' live updates (API Gateway WebSocket API;
 * locally the embedded gateway's `ws` server calls it with the same events).
 * Routes: `$connect` verifies the person's token — in the query (`?token=`)
 * or, from a browser, as the second entry of `Sec-WebSocket-Protocol` beside
 * `digital-office.live`, which is echoed — with the same RS256 check as the
 * HTTP API's JWT authorizer, and resolves them as every route does (a
 * disabled person is refused); `subscribe` follows a meeting the person may
 * see (else a refusal message); `$disconnect` forgets the connection.
 */
import type { Context } from 'aws-lambda'
import { DomainError } from '../../shared/errors/index.js'
import { pickLang } from '../../shared/i18n/messages.js'
import { LIVE_PROTOCOL, LiveSubscribe } from '../../shared/meetings/contracts.js'
import { jwtSettings, verifyBearer } from '../lib/adapters/jwt.js'
import { lowerKeys } from '../lib/http.js'
import { loggerFor } from '../lib/log.js'
import { parse, parseJson } from '../lib/validation.js'
import { orgStore } from '../org/adapters/store.js'
import { actorOf, orgContext, resolveActor } from '../org/usecases/context.js'
import { connectionStore } from './adapters/connections.js'
import { refusal, subscribe, tell } from './usecases/live.js'

/** What API Gateway (and the embedded gateway) deliver on a WebSocket route. */
export interface WebSocketEvent {
  requestContext: { routeKey: string; connectionId: string; requestId?: string; identity?: { sourceIp?: string } }
  headers?: Record<string, string | undefined>
  queryStringParameters?: Record<string, string | undefined>
  body?: string
}
export interface WebSocketResult { statusCode: number; headers?: Record<string, string>; body?: string }

const logger = loggerFor('meetings-live')

/** The token of a connection request: `?token=`, or the protocol entry beside ours. */
export function tokenOf(headers: Record<string, string>, query: Record<string, string | undefined>): { token?: string; protocol: boolean } {
  const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean)
  return { token: query.token || offered.find((p) => p !== LIVE_PROTOCOL), protocol: offered.includes(LIVE_PROTOCOL) }
}

async function connect(event: WebSocketEvent, now: Date): Promise<WebSocketResult> {
  const headers = lowerKeys(event.headers ?? {})
  const query = event.queryStringParameters ?? {}
  const { token, protocol } = tokenOf(headers, query)
  const actor = await resolveActor(await verifyBearer(token, await jwtSettings()) as Record<string, unknown>)
  await connectionStore.put({ connectionId: event.requestContext.connectionId, userId: actor.userId, lang: pickLang(query.lang ?? headers['accept-language']), meetingIds: [], connectedAt: now.toISOString() }, now)
  return { statusCode: 200, ...(protocol ? { headers: { 'Sec-WebSocket-Protocol': LIVE_PROTOCOL } } : {}) }
}

async function onSubscribe(event: WebSocketEvent, now: Date): Promise<WebSocketResult> {
  const { connectionId } = event.requestContext
  const connection = await connectionStore.get(connectionId)
  if (!connection) return { statusCode: 410 }
  try {
    const { meetingId } = parse(LiveSubscribe, parseJson(event.body ?? ''))
    const user = await orgStore.getUser(connection.userId)
    if (!user || user.status !== 'active') throw new DomainError('auth.disabled', 403)
    await subscribe(orgContext(actorOf(user), event.requestContext.identity?.sourceIp ?? 'unknown', now), connection, meetingId)
  } catch (err) {
    if (!(err instanceof DomainError)) throw err
    await tell(connectionId, refusal(connection.lang, err.code, err.params))
  }
  return { statusCode: 200 }
}

export const handler = async (event: WebSocketEvent, _context?: Context): Promise<WebSocketResult> => {
  const { routeKey, connectionId } = event.requestContext
  const now = new Date()
  try {
    if (routeKey === '$connect') return await connect(event, now)
    if (routeKey === '$disconnect') { await connectionStore.remove(connectionId); return { statusCode: 200 } }
    if (routeKey === 'subscribe') return await onSubscribe(event, now)
    return { statusCode: 404 }
  } catch (err) {
    // A refused connection gets the status API Gateway answers the handshake with (401, 403).
    if (err instanceof DomainError) return { statusCode: err.status }
    logger.error('live route failed', { routeKey, error: String(err), stack: (err as Error)?.stack })
    return { statusCode: 500 }
  }
}
