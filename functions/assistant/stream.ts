/**
 * Lambda entry of the streaming ask endpoint (`POST /api/assistant/stream`):
 * the same ask use case as `POST /api/assistant/ask`, with the answer's text
 * written as it is produced. On AWS it is served from a function URL in
 * RESPONSE_STREAM mode behind CloudFront (the HTTP API buffers responses),
 * so the bearer token is verified here, as the API's JWT authorizer would.
 * Embedded: the local gateway calls it with the HTTP response as the stream.
 *
 * The body is NDJSON (`application/x-ndjson`), one event per line:
 *   {"type":"delta","text":"…"}            text as the engine produces it
 *   {"type":"done","result":AskResult}     the whole answer, its citations, the conversation
 *   {"type":"error","error":{code,message}} a failure after the stream started
 * A failure before the first byte (no or bad token, bad body, unknown
 * conversation) is an ordinary JSON error with its 4xx status, as the API gives.
 */
import type { Writable } from 'node:stream'
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda'
import { AskBody } from '../../shared/assistant/contracts.js'
import { NotFoundError, UnauthenticatedError } from '../../shared/errors/index.js'
import { pickLang } from '../../shared/i18n/messages.js'
import { lowerKeys, mapError, parseBody } from '../lib/http.js'
import { env } from '../lib/env.js'
import { loggerFor } from '../lib/log.js'
import { parse } from '../lib/validation.js'
import { orgStore } from '../org/adapters/store.js'
import { orgContext, resolveActor } from '../org/usecases/context.js'
import { bearerOf, jwtSettings, verifyBearer } from '../lib/adapters/jwt.js'
import type { AnswerEvent } from './engines.js'
import { ask, assistantEngines } from './usecases/ask.js'
import { endStream, openResponse, streamifyResponse, writeChunk } from './streaming.js'

export const STREAM_PATH = '/api/assistant/stream'
const logger = loggerFor('assistant-stream')
const NDJSON = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

export async function streamAsk(event: APIGatewayProxyEventV2, responseStream: Writable, context: Context): Promise<void> {
  const started = Date.now()
  const headers = lowerKeys(event.headers ?? {})
  const lang = pickLang(headers['accept-language'])
  const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local'
  let out: Writable | undefined
  let status = 200
  try {
    const method = event.requestContext?.http?.method ?? 'POST'
    if (method !== 'POST' || (event.rawPath && event.rawPath !== STREAM_PATH)) throw new NotFoundError('route', `${method} ${event.rawPath}`)
    const token = bearerOf(headers)
    if (!token) throw new UnauthenticatedError()
    const claims = await verifyBearer(token, await jwtSettings())
    const prefetched = orgStore.tree()
    prefetched.catch(() => undefined)
    const actor = await resolveActor(claims as Record<string, unknown>)
    const body = parse(AskBody, parseBody(event, headers))
    // Behind CloudFront the function URL sees an edge address: the viewer's is the entry CloudFront appended to X-Forwarded-For (the last one).
    const forwarded = headers['x-forwarded-for']?.split(',').map((x) => x.trim()).filter(Boolean).at(-1)
    const ctx = orgContext(actor, forwarded ?? event.requestContext?.http?.sourceIp ?? 'unknown', new Date(), prefetched)
    // The status is sent with the first piece of the answer: a refusal before it (e.g. an unknown conversation) keeps its own 4xx.
    const open = () => (out ??= openResponse(responseStream, { statusCode: 200, headers: NDJSON }))
    const result = await ask(ctx, body, assistantEngines(), async (e: AnswerEvent) => {
      if (e.type === 'delta' && e.text) await writeChunk(open(), `${JSON.stringify({ type: 'delta', text: e.text })}\n`)
    })
    await writeChunk(open(), `${JSON.stringify({ type: 'done', result })}\n`)
  } catch (err) {
    const mapped = mapError(err, lang, requestId)
    status = mapped.statusCode ?? 500
    if (status >= 500) logger.error('request failed', { requestId, routeKey: `POST ${STREAM_PATH}`, error: String(err), stack: (err as Error)?.stack })
    if (out) {
      const { error } = JSON.parse(String(mapped.body)) as { error: unknown }
      await writeChunk(out, `${JSON.stringify({ type: 'error', error, requestId })}\n`).catch(() => undefined)
    } else {
      out = openResponse(responseStream, { statusCode: status, headers: (mapped.headers ?? {}) as Record<string, string> })
      await writeChunk(out, String(mapped.body)).catch(() => undefined)
    }
  } finally {
    await endStream(out ?? openResponse(responseStream, { statusCode: status, headers: NDJSON }))
    if (env().LOG_REQUESTS) logger.info('request', { requestId, routeKey: `POST ${STREAM_PATH}`, status, ms: Date.now() - started })
  }
}

export const handler = streamifyResponse(streamAsk)
