/**
 * A local stand-in for the National Public Service Portal, part of the
 * embedded runtime. It drives the platform the way the portal does — signed
 * requests to `POST /api/portal/requests` (applications, payment callbacks)
 * — and receives the platform's signed status updates at `POST /status`,
 * verifying them with the same code. Its own small API lets a developer or
 * a test act as a citizen on the portal:
 *
 *   POST /simulate/pay        { cardNumber, month, amount, currency?, transactionId? } → the platform's answer
 *   POST /simulate/apply      { type, cardNumber, toUnitId | toOutside, reason, ... } → the platform's answer
 *   POST /simulate/replay     { requestId }  re-sends a request exactly as first sent (same id, time, signature)
 *   POST /simulate/tampered   { ... }        sends a payment whose body was altered after signing
 *   GET  /simulate/statuses?portalRef=...   the status updates the platform sent
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { randomUUID } from 'node:crypto'
import { signedHeaders, verifySigned, type SignedHeaders } from '../../../functions/members/adapters/portal.js'

export interface PortalSimulator { url: string; close(): Promise<void> }

interface Sent { requestId: string; headers: SignedHeaders; body: string }

const readBody = (req: IncomingMessage): Promise<string> => new Promise((resolve, reject) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject)
})

export async function startPortalSimulator(opts: { port: number; platformUrl: () => string; secret: string }): Promise<PortalSimulator> {
  const sent = new Map<string, Sent>()
  const statuses: { portalRef: string; transferId: string; status: string; at: string; receivedAt: string }[] = []

  const forward = async (s: Sent) => {
    const res = await fetch(`${opts.platformUrl()}/api/portal/requests`, { method: 'POST', headers: { 'content-type': 'application/json', ...s.headers }, body: s.body })
    return { status: res.status, body: await res.json().catch(() => null), requestId: s.requestId }
  }
  const send = (payload: unknown) => {
    const body = JSON.stringify(payload)
    const requestId = randomUUID()
    const s: Sent = { requestId, headers: signedHeaders(opts.secret, body, new Date(), requestId), body }
    sent.set(requestId, s)
    return forward(s)
  }

  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)) }
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const raw = req.method === 'POST' ? await readBody(req) : ''
      const json = raw ? JSON.parse(raw) as Record<string, unknown> : {}
      if (req.method === 'POST' && url.pathname === '/status') {
        const v = verifySigned(opts.secret, req.headers as Record<string, string>, raw)
        if (!v.ok) return reply(401, { error: v.reason })
        statuses.push({ ...(json as { portalRef: string; transferId: string; status: string; at: string }), receivedAt: new Date().toISOString() })
        return reply(200, { received: true })
      }
      if (req.method === 'POST' && url.pathname === '/simulate/pay') {
        return reply(200, await send({ type: 'fee.payment.settled', currency: 'VND', transactionId: `TX-${randomUUID()}`, ...json }))
      }
      if (req.method === 'POST' && url.pathname === '/simulate/apply') {
        return reply(200, await send({ type: 'transfer.official', applicationId: `HS-${randomUUID()}`, ...json }))
      }
      if (req.method === 'POST' && url.pathname === '/simulate/replay') {
        const s = sent.get(String(json.requestId))
        return s ? reply(200, await forward(s)) : reply(404, { error: 'unknown requestId' })
      }
      if (req.method === 'POST' && url.pathname === '/simulate/tampered') {
        const body = JSON.stringify({ type: 'fee.payment.settled', currency: 'VND', transactionId: `TX-${randomUUID()}`, ...json })
        const headers = signedHeaders(opts.secret, body)
        return reply(200, await forward({ requestId: headers['x-portal-request-id'], headers, body: body.replace(/"amount":(\d+)/, (_, n: string) => `"amount":${Number(n) * 10}`) }))
      }
      if (req.method === 'GET' && url.pathname === '/simulate/statuses') {
        const ref = url.searchParams.get('portalRef')
        return reply(200, { statuses: statuses.filter((s) => !ref || s.portalRef === ref) })
      }
      reply(404, { error: 'not found' })
    } catch (err) {
      reply(500, { error: String(err) })
    }
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, '127.0.0.1', () => resolve()))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : opts.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()) }),
  }
}
