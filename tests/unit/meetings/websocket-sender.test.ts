/**
 * The management API sender (functions/lib/adapters/websocket.ts) against a
 * fake that answers as API Gateway's `POST /@connections/{id}` does: 200 for
 * a live connection (the body arrives as sent), 410 `GoneException` for one
 * that is gone, 429 `TooManyRequestsException` / `LimitExceededException`
 * when throttled, 403 `ForbiddenException` otherwise.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGatewaySender, SEND_ATTEMPTS } from '../../../functions/lib/adapters/websocket.js'

const received: { path: string; body: string; signed: boolean }[] = []
/** Per connection id: the statuses it answers with, in turn (the last one repeats). */
const script = new Map<string, number[]>()
const ERROR_TYPE: Record<number, string> = { 410: 'GoneException', 429: 'TooManyRequestsException', 403: 'ForbiddenException', 400: 'LimitExceededException' }

const server = http.createServer((req, res) => {
  let body = ''
  req.on('data', (c) => { body += c })
  req.on('end', () => {
    const id = decodeURIComponent(req.url!.replace(/^\/stage\/@connections\//, ''))
    received.push({ path: req.url!, body, signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '') })
    const turns = script.get(id) ?? [200]
    const status = turns.length > 1 ? turns.shift()! : turns[0]!
    if (status === 200) { res.writeHead(200, { 'content-type': 'application/json' }).end(); return }
    const type = ERROR_TYPE[status]!
    res.writeHead(status === 400 ? 429 : status, { 'content-type': 'application/json', 'x-amzn-errortype': type }).end(JSON.stringify({ message: type }))
  })
})
let endpoint = ''
const sender = () => apiGatewaySender(endpoint, new ApiGatewayManagementApiClient({
  endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: SEND_ATTEMPTS,
}))

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stage`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('posting to a WebSocket connection through the management API', () => {
  it('posts the message, signed, to the connection at the stage\'s callback URL', async () => {
    received.length = 0
    expect(await sender().send('abc=', '{"type":"state"}')).toBe('sent')
    expect(received).toEqual([{ path: '/stage/@connections/abc%3D', body: '{"type":"state"}', signed: true }])
  })

  it('answers gone for a connection that no longer exists (410), without retrying', async () => {
    received.length = 0
    script.set('gone', [410])
    expect(await sender().send('gone', 'x')).toBe('gone')
    expect(received).toHaveLength(1)
  })

  it('retries when throttled and then delivers', async () => {
    received.length = 0
    script.set('busy', [429, 400, 200])
    expect(await sender().send('busy', 'x')).toBe('sent')
    expect(received).toHaveLength(3)
  }, 30_000)

  it('gives up after its attempts when throttling lasts, and says so', async () => {
    received.length = 0
    script.set('jammed', [429])
    await expect(sender().send('jammed', 'x')).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    expect(received).toHaveLength(SEND_ATTEMPTS)
  }, 60_000)

  it('throws on any other refusal (not mistaken for a gone connection)', async () => {
    script.set('forbidden', [403])
    await expect(sender().send('forbidden', 'x')).rejects.toMatchObject({ name: 'ForbiddenException' })
  })
})
