/**
 * The HTTP API emulation: one node:http server that matches the shared route
 * table (infra/definitions/routes.ts), verifies the bearer JWT like the API
 * Gateway JWT authorizer, builds an `APIGatewayProxyEventV2` and calls the
 * module's handler in-process. It also serves the SPA (web/dist) like
 * CloudFront would, and the development mailbox (the local SMTP server's Maildir).
 * On the same port, the
 * WebSocket API of `websocket` modules (modules.ts; the meetings' live
 * updates at `/ws`): a `ws` server that calls the same handler with the
 * events API Gateway sends — `$connect` before the handshake completes (a
 * refusal is the handshake's HTTP status), each message by its `action`,
 * `$disconnect` when the socket closes — and is the local sender of posts to
 * a connection (functions/lib/adapters/websocket.ts), as the management API
 * is on AWS.
 */
import http, { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { randomBytes, randomUUID } from 'node:crypto'
import { WebSocket, WebSocketServer } from 'ws'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { jwtVerify, type JWTVerifyGetKey, type CryptoKey } from 'jose'
import { ROUTES, routeKey, type RouteDefinition } from '../definitions/routes.js'
import { SCHEDULES } from '../definitions/schedules.js'
import { MODULES } from '../definitions/modules.js'
import { FRAME_OPTIONS, REFERRER_POLICY } from '../definitions/security-headers.js'
import { z } from 'zod'
import { isLocalStreamingHandler } from '../../functions/assistant/streaming.js'
import { mapError } from '../../functions/lib/http.js'
import { parse, parseJson } from '../../functions/lib/validation.js'
import { DomainError, ForbiddenError, UnauthenticatedError } from '../../shared/errors/index.js'
import { orgStore } from '../../functions/org/adapters/store.js'
import { useLocalSender } from '../../functions/lib/adapters/websocket.js'
import { pickLang } from '../../shared/i18n/messages.js'
import { listMailbox, mailboxMessage } from './mail-server.js'

type Handler = (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>
const MAX_PAYLOAD = 10 * 1024 * 1024 // the HTTP API's own limit
/** A local job's body: optionally the time to pretend it is. */
const JobBody = z.object({ now: z.string().optional(), unitIds: z.array(z.string()).optional() })

interface CompiledRoute { route: RouteDefinition; key: string; regex: RegExp; names: string[] }
function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = []
  const pattern = route.path.replace(/\{(\w+)\}/g, (_, n: string) => { names.push(n); return '([^/]+)' })
  return { route, key: routeKey(route), regex: new RegExp(`^${pattern}$`), names }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.csv': 'text/csv; charset=utf-8', '.webmanifest': 'application/manifest+json',
}

export interface GatewayOptions {
  port: number
  handlers: Record<string, Handler>
  verifyKey: CryptoKey | JWTVerifyGetKey
  issuer: string
  audience: string
  webDist: string
  /** The local SMTP server's Maildir (mail-server.ts). */
  maildir: string
  /** The SPA's Content-Security-Policy (infra/definitions/security-headers.ts, with the local origins). */
  contentSecurityPolicy: string
}

export async function startGateway(opts: GatewayOptions): Promise<{ url: string; close(): Promise<void> }> {
  const routes = ROUTES.map(compile)
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('gateway error', err)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Internal Server Error' }))
    })
  })

  // Idle keep-alive sockets stay open longer than a client keeps them (as load balancers do): a request sent on a
  // socket the server is about to close, while its event loop was busy (a PDF, an OCR), is reset, not answered.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = (req.method ?? 'GET').toUpperCase()
    if (url.pathname.startsWith('/api/')) return api(req, res, url, method)
    // `/local/outbox`: the old name of the same list, kept for scripts written against the file outbox.
    const mailbox = url.pathname === '/local/mail' || url.pathname.startsWith('/local/mail/') || url.pathname === '/local/outbox'
    if ((mailbox && method === 'GET') || (url.pathname.startsWith('/local/jobs/') && method === 'POST')) {
      // The local tools read everyone's mail and run any job: an administrator's token only.
      const refused = await administratorOnly(req)
      if (refused) return sendResult(res, refused)
      if (mailbox) return mail(res, url.pathname.startsWith('/local/mail/') ? url.pathname.slice('/local/mail/'.length) : '')
      return runJob(req, res, url.pathname.slice('/local/jobs/'.length))
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      // What CloudFront and S3 would refuse too: a 400, with the API's vi/en error body.
      return sendResult(res, mapError(new DomainError('request.malformedPath', 400), pickLang(req.headers['accept-language']), randomUUID()))
    }
    return staticFile(res, pathname)
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string): Promise<void> {
    const send = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' }); res.end(JSON.stringify(body)) }
    let match: { r: CompiledRoute; params: Record<string, string> } | undefined
    for (const r of routes) {
      if (r.route.method !== method) continue
      const m = url.pathname.match(r.regex)
      // As the URL has them: functions/lib/http.ts decodes them (and answers a malformed encoding with a 400).
      if (m) { match = { r, params: Object.fromEntries(r.names.map((n, i) => [n, m[i + 1]])) }; break }
    }
    const streamed = match ? undefined : MODULES.find((m) => 'functionUrl' in m && m.functionUrl.method === method && m.functionUrl.path === url.pathname)
    if (!match && !streamed) return send(404, { message: 'Not Found' })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_PAYLOAD) return send(413, { message: 'Request Entity Too Large' })
      chunks.push(chunk as Buffer)
    }
    const raw = Buffer.concat(chunks)
    if (streamed) return functionUrl(req, res, url, method, raw, streamed.id)
    if (!match) return
    let claims: Record<string, unknown> | undefined
    if (match.r.route.auth === 'jwt') {
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
      if (!token) return send(401, { message: 'Unauthorized' })
      try {
        const verified = await jwtVerify(token, opts.verifyKey as CryptoKey, { issuer: opts.issuer, audience: opts.audience })
        claims = verified.payload as Record<string, unknown>
      } catch {
        return send(401, { message: 'Unauthorized' })
      }
    }
    const { cookie, ...headers } = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v ?? '']))
    const textual = /json|text|xml|form/.test(headers['content-type'] ?? 'application/json')
    const now = new Date()
    const event: APIGatewayProxyEventV2 = {
      version: '2.0', routeKey: match.r.key, rawPath: url.pathname, rawQueryString: url.search.slice(1),
      // As API Gateway's payload 2.0: the Cookie header arrives as `cookies`, one "name=value" each.
      ...(cookie ? { cookies: cookie.split(';').map((c) => c.trim()).filter(Boolean) } : {}),
      headers, queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      pathParameters: Object.keys(match.params).length ? match.params : undefined,
      body: raw.length ? (textual ? raw.toString('utf8') : raw.toString('base64')) : undefined, isBase64Encoded: raw.length > 0 && !textual,
      requestContext: {
        accountId: '000000000000', apiId: 'local', domainName: headers.host ?? 'localhost', domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(), routeKey: match.r.key, stage: '$default', time: now.toUTCString(), timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { jwt: { claims: claims as Record<string, string>, scopes: [] } } } : {}),
      } as APIGatewayProxyEventV2['requestContext'],
    }
    const handler = opts.handlers[match.r.route.module]
    const result = await handler(event, { awsRequestId: event.requestContext.requestId, functionName: match.r.route.module })
    sendResult(res, result)
  }

  /**
   * A Lambda function URL in RESPONSE_STREAM mode (modules.ts `functionUrl`):
   * the event as the URL delivers it (payload 2.0, no authorizer: the
   * function verifies the token), and the HTTP response as the response
   * stream, so what the function writes reaches the client as it is written.
   */
  async function functionUrl(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string, raw: Buffer, moduleId: string): Promise<void> {
    const handler = opts.handlers[moduleId] as unknown
    if (!isLocalStreamingHandler(handler)) throw new Error(`${moduleId} is not a streaming handler`)
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v ?? '']))
    const textual = /json|text|xml|form/.test(headers['content-type'] ?? 'application/json')
    const now = new Date()
    const event = {
      version: '2.0', routeKey: '$default', rawPath: url.pathname, rawQueryString: url.search.slice(1), headers,
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      body: raw.length ? (textual ? raw.toString('utf8') : raw.toString('base64')) : undefined, isBase64Encoded: raw.length > 0 && !textual,
      requestContext: {
        accountId: 'anonymous', apiId: 'local-function-url', domainName: headers.host ?? 'localhost', domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(), routeKey: '$default', stage: '$default', time: now.toUTCString(), timeEpoch: now.getTime(),
      },
    } as APIGatewayProxyEventV2
    res.socket?.setNoDelay(true)
    await handler(event, res, { awsRequestId: event.requestContext.requestId, functionName: moduleId } as never)
  }

  /**
   * Runs a scheduled job now, with the schedule's own input (and `now` from
   * the body, if given), as EventBridge Scheduler would invoke it. Local only:
   * for developers and tests.
   */
  async function runJob(req: http.IncomingMessage, res: http.ServerResponse, id: string): Promise<void> {
    const send = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }); res.end(JSON.stringify(body)) }
    const schedule = SCHEDULES.find((s) => s.id === id)
    if (!schedule) return send(404, { message: `No schedule ${id}; known: ${SCHEDULES.map((s) => s.id).join(', ')}` })
    let body = ''
    for await (const chunk of req) body += String(chunk)
    const requestId = randomUUID()
    try {
      const extra = body ? parse(JobBody, parseJson(body)) : {}
      const handler = opts.handlers[schedule.module] as unknown as (event: unknown, context: unknown) => Promise<unknown>
      send(200, await handler({ ...schedule.input, ...(extra.now ? { now: extra.now } : {}), ...(extra.unitIds ? { unitIds: extra.unitIds } : {}) }, { awsRequestId: requestId, functionName: schedule.module }))
    } catch (err) {
      // The client's mistake (malformed JSON, not an object, a `now` the job refuses) is a 4xx with a vi/en message.
      if (!(err instanceof DomainError)) throw err
      sendResult(res, mapError(err, pickLang(req.headers['accept-language']), requestId))
    }
  }

  /** Refuses (401/403, vi/en) anyone but a signed-in administrator; undefined when allowed. */
  async function administratorOnly(req: http.IncomingMessage): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
    const lang = pickLang(req.headers['accept-language'])
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    let username: string | undefined
    try {
      if (token) username = (await jwtVerify(token, opts.verifyKey as CryptoKey, { issuer: opts.issuer, audience: opts.audience })).payload.username as string
    } catch { /* an invalid token is no token */ }
    if (!username) return mapError(new UnauthenticatedError(), lang, randomUUID())
    const user = await orgStore.getUserByUsername(username)
    if (!user?.assignments.some((a) => a.role === 'admin')) return mapError(new ForbiddenError(), lang, randomUUID())
    return undefined
  }

  function sendResult(res: http.ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
    // `cookies` become Set-Cookie headers, as API Gateway sends them.
    const headers = { ...result.headers, ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}) }
    res.writeHead(result.statusCode ?? 200, headers as http.OutgoingHttpHeaders)
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : result.body ?? '')
  }

  /** `/local/mail`: the newest 100 messages, parsed; `/local/mail/<id>`: one as received (message/rfc822). */
  async function mail(res: http.ServerResponse, id: string): Promise<void> {
    if (!id) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(await listMailbox(opts.maildir)))
      return
    }
    const raw = mailboxMessage(opts.maildir, id)
    if (!raw) { res.writeHead(404, { 'content-type': 'application/json' }); res.end(JSON.stringify({ message: 'Not Found' })); return }
    res.writeHead(200, { 'content-type': 'message/rfc822', 'content-disposition': `attachment; filename="${id}"`, 'cache-control': 'no-store' })
    res.end(raw)
  }

  /** `pathname`: decoded. */
  function staticFile(res: http.ServerResponse, pathname: string): void {
    const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '')
    let file = join(opts.webDist, safe)
    if (!file.startsWith(opts.webDist) || !existsSync(file) || statSync(file).isDirectory()) file = join(opts.webDist, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The web app is not built yet: run `npm run build:web` (npm start does it).')
      return
    }
    const immutable = file.includes(`${join(opts.webDist, 'assets')}`)
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': opts.contentSecurityPolicy,
      'x-content-type-options': 'nosniff', 'referrer-policy': REFERRER_POLICY, 'x-frame-options': FRAME_OPTIONS,
    })
    res.end(readFileSync(file))
  }

  const live = liveSocket(opts)
  server.on('upgrade', (req, socket, head) => {
    live.upgrade(req, socket, head).catch((err) => { console.error('gateway websocket error', err); socket.destroy() })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://localhost:${opts.port}`,
    close: () => new Promise((resolve) => { live.close(); server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

type WebSocketHandler = (event: unknown, context: unknown) => Promise<{ statusCode: number; headers?: Record<string, string> }>

/** The WebSocket API of the `websocket` module, as API Gateway runs it: routes by `action`, the handler called per event, posts to connections by id. */
function liveSocket(opts: GatewayOptions) {
  const module = MODULES.find((m) => 'websocket' in m)
  const protocols = new WeakMap<http.IncomingMessage, string>()
  const wss = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024, handleProtocols: (_offered, req) => protocols.get(req) ?? false })
  const sockets = new Map<string, WebSocket>()
  useLocalSender({
    async send(connectionId, data) {
      const ws = sockets.get(connectionId)
      if (!ws || ws.readyState !== WebSocket.OPEN) return 'gone'
      await new Promise<void>((resolve, reject) => ws.send(data, (err) => (err ? reject(err) : resolve())))
      return 'sent'
    },
  })

  async function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!module || !('websocket' in module) || url.pathname !== module.websocket.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    const handler = opts.handlers[module.id] as unknown as WebSocketHandler
    const routes: readonly string[] = module.websocket.routes
    const connectionId = randomBytes(12).toString('base64url')
    const sourceIp = req.socket.remoteAddress ?? '127.0.0.1'
    const event = (routeKey: string, extra: Record<string, unknown> = {}) => ({
      requestContext: { routeKey, connectionId, requestId: randomUUID(), eventType: routeKey === '$connect' ? 'CONNECT' : routeKey === '$disconnect' ? 'DISCONNECT' : 'MESSAGE', identity: { sourceIp }, stage: module.websocket.path.slice(1) },
      ...extra,
    })
    const context = (routeKey: string) => ({ awsRequestId: randomUUID(), functionName: `${module.id} ${routeKey}` })
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v ?? '']))
    const connected = await handler(event('$connect', { headers, queryStringParameters: Object.fromEntries(url.searchParams) }), context('$connect'))
    if (connected.statusCode !== 200) {
      socket.end(`HTTP/1.1 ${connected.statusCode} ${STATUS_CODES[connected.statusCode] ?? ''}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`)
      return
    }
    const protocol = connected.headers?.['Sec-WebSocket-Protocol']
    if (protocol) protocols.set(req, protocol)
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(connectionId, ws)
      ws.on('message', (data) => {
        let action: unknown
        try { action = (JSON.parse(String(data)) as { action?: unknown }).action } catch { /* no route: as API Gateway answers */ }
        if (typeof action !== 'string' || action.startsWith('$') || !routes.includes(action)) {
          ws.send(JSON.stringify({ message: 'Forbidden', connectionId, requestId: randomUUID() }))
          return
        }
        handler(event(action, { body: String(data) }), context(action)).catch((err) => console.error('websocket route failed', err))
      })
      ws.on('close', () => {
        sockets.delete(connectionId)
        handler(event('$disconnect'), context('$disconnect')).catch((err) => console.error('websocket $disconnect failed', err))
      })
    })
  }

  return {
    upgrade,
    close() {
      useLocalSender(undefined)
      for (const ws of sockets.values()) ws.terminate()
      wss.close()
    },
  }
}
