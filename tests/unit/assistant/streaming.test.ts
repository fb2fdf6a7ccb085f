import { PassThrough, type Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda'
import { isLocalStreamingHandler, openResponse, streamifyResponse, type LambdaStreamingRuntime, type ResponseMetadata, type StreamingHandler } from '../../../functions/assistant/streaming.js'
import { bearerOf, verifyBearer } from '../../../functions/lib/adapters/jwt.js'
import { streamAsk } from '../../../functions/assistant/stream.js'

/** The part of the Lambda Node.js runtime's `awslambda` the wrapper uses, recording what it is given. */
function fakeRuntime() {
  const seen: { wrapped?: StreamingHandler; metadata: ResponseMetadata[]; written: string[] } = { metadata: [], written: [] }
  const runtime: LambdaStreamingRuntime = {
    streamifyResponse(fn) { seen.wrapped = fn; return { streamified: fn } },
    HttpResponseStream: { from(stream: Writable, metadata: ResponseMetadata) { seen.metadata.push(metadata); return stream } },
  }
  return { runtime, seen }
}

const collect = (s: PassThrough) => new Promise<string>((resolve) => { let out = ''; s.on('data', (c) => { out += String(c) }); s.on('end', () => resolve(out)) })
const event = (over: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 => ({
  version: '2.0', routeKey: '$default', rawPath: '/api/assistant/stream', rawQueryString: '', headers: { 'accept-language': 'en' }, isBase64Encoded: false,
  requestContext: { http: { method: 'POST', path: '/api/assistant/stream', sourceIp: '1.2.3.4' }, requestId: 'r-1' } as APIGatewayProxyEventV2['requestContext'],
  ...over,
})

describe('the Lambda response-streaming wrapper', () => {
  it('hands the handler to awslambda.streamifyResponse on Lambda, and sets status and headers through HttpResponseStream.from', async () => {
    const { runtime, seen } = fakeRuntime()
    const handler: StreamingHandler = async (_e, stream) => {
      const out = openResponse(stream, { statusCode: 200, headers: { 'content-type': 'application/x-ndjson' } }, runtime)
      out.write('a\n'); out.write('b\n'); out.end()
    }
    const wrapped = streamifyResponse(handler, runtime)
    expect(wrapped).toEqual({ streamified: handler })
    expect(isLocalStreamingHandler(wrapped)).toBe(false)
    const stream = new PassThrough()
    const body = collect(stream)
    await seen.wrapped!(event(), stream, {} as Context)
    expect(await body).toBe('a\nb\n')
    expect(seen.metadata).toEqual([{ statusCode: 200, headers: { 'content-type': 'application/x-ndjson' } }])
  })

  it('without the Lambda runtime, marks the handler for the embedded gateway, which gives it the HTTP response', async () => {
    const handler: StreamingHandler = async (_e, stream) => { openResponse(stream, { statusCode: 201, headers: { 'x-a': '1' } }, undefined).end('ok') }
    const local = streamifyResponse(handler, undefined)
    expect(isLocalStreamingHandler(local)).toBe(true)
    const res = Object.assign(new PassThrough(), { head: undefined as unknown, writeHead(status: number, headers: Record<string, string>) { this.head = { status, headers } } })
    const body = collect(res)
    await (local as StreamingHandler)(event(), res, {} as Context)
    expect(await body).toBe('ok')
    expect(res.head).toEqual({ status: 201, headers: { 'x-a': '1' } })
  })

  it('answers a request without a token with 401 and the API\'s error body, before any answer is produced', async () => {
    const { runtime, seen } = fakeRuntime()
    // As on Lambda: the runtime's `awslambda` is a global.
    const g = globalThis as unknown as { awslambda?: unknown }
    const before = g.awslambda
    g.awslambda = runtime
    try {
      streamifyResponse(streamAsk, runtime)
      const stream = new PassThrough()
      const body = collect(stream)
      await seen.wrapped!(event({ body: JSON.stringify({ question: 'When?' }) }), stream, {} as Context)
      expect(seen.metadata[0].statusCode).toBe(401)
      expect(JSON.parse(await body)).toMatchObject({ error: { code: 'auth.required', message: expect.any(String) }, requestId: 'r-1' })
    } finally { g.awslambda = before }
  })
  it.each([['GET', '/api/assistant/stream'], ['POST', '/api/assistant/other']])('answers %s %s with 404', async (method, path) => {
    const { runtime, seen } = fakeRuntime()
    const g = globalThis as unknown as { awslambda?: unknown }
    const before = g.awslambda
    g.awslambda = runtime
    try {
      streamifyResponse(streamAsk, runtime)
      const stream = new PassThrough()
      const body = collect(stream)
      await seen.wrapped!(event({ rawPath: path, requestContext: { http: { method, path }, requestId: 'r-2' } as APIGatewayProxyEventV2['requestContext'] }), stream, {} as Context)
      expect(seen.metadata[0].statusCode).toBe(404)
      expect(JSON.parse(await body).error.code).toBe('notFound.route')
    } finally { g.awslambda = before }
  })
})

describe('the bearer check of the function URL (as the HTTP API JWT authorizer)', () => {
  const issuer = 'https://cognito-idp.ap-southeast-1.amazonaws.com/pool'
  const setup = async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const sign = (claims: Record<string, unknown>, opts: { iss?: string; exp?: string; aud?: string } = {}) => {
      const j = new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setIssuer(opts.iss ?? issuer).setIssuedAt().setExpirationTime(opts.exp ?? '1h')
      return (opts.aud ? j.setAudience(opts.aud) : j).sign(privateKey)
    }
    return { sign, settings: { issuer, audience: 'client-1', key: publicKey as CryptoKey } }
  }

  it('accepts Cognito access tokens by client_id and ID-style tokens by aud; refuses other clients, issuers, expired or forged tokens', async () => {
    const { sign, settings } = await setup()
    await expect(verifyBearer(await sign({ username: 'a', client_id: 'client-1' }), settings)).resolves.toMatchObject({ username: 'a' })
    await expect(verifyBearer(await sign({ username: 'a' }, { aud: 'client-1' }), settings)).resolves.toMatchObject({ username: 'a' })
    for (const bad of [
      await sign({ username: 'a', client_id: 'client-2' }),
      await sign({ username: 'a' }, { aud: 'client-2' }),
      await sign({ username: 'a', client_id: 'client-1' }, { iss: 'https://evil.example' }),
      await sign({ username: 'a', client_id: 'client-1' }, { exp: '-1m' }),
      (await setup()).sign({ username: 'a', client_id: 'client-1' }).then((t) => t),
    ]) await expect(verifyBearer(await bad, settings)).rejects.toMatchObject({ status: 401 })
    expect(await exportJWK(settings.key)).toMatchObject({ kty: 'RSA' })
  })

  it('reads the token from Authorization, or from X-Access-Token when CloudFront signed Authorization', () => {
    expect(bearerOf({ authorization: 'Bearer abc' })).toBe('abc')
    expect(bearerOf({ authorization: 'AWS4-HMAC-SHA256 Credential=x', 'x-access-token': 'Bearer def' })).toBe('def')
    expect(bearerOf({})).toBeUndefined()
  })
})
