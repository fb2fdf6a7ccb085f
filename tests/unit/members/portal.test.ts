import { describe, expect, it } from 'vitest'
import { PortalRequest, signature, signedHeaders, statusRequest, verifySigned, portalStatusClient } from '../../../functions/members/adapters/portal.js'

const SECRET = 'unit-test-secret-0123456789'

describe('portal adapter: signed requests', () => {
  const body = JSON.stringify({ type: 'fee.payment.settled', transactionId: 'TX-000001', cardNumber: '010203040506', month: '2026-05', amount: 120000, currency: 'VND' })
  const now = new Date('2026-06-01T03:00:00Z')

  it('signs `${timestamp}.${requestId}.${body}` with HMAC-SHA256 and verifies it', () => {
    const headers = signedHeaders(SECRET, body, now, 'req-000001')
    expect(headers['x-portal-timestamp']).toBe(String(now.getTime() / 1000))
    expect(headers['x-portal-signature']).toBe(signature(SECRET, headers['x-portal-timestamp'], 'req-000001', body))
    expect(headers['x-portal-signature']).toMatch(/^v1=[0-9a-f]{64}$/)
    expect(verifySigned(SECRET, headers, body, now)).toEqual({ ok: true, requestId: 'req-000001' })
  })

  it('refuses a changed body, another secret, a changed request id, missing headers, a stale time', () => {
    const h = signedHeaders(SECRET, body, now, 'req-000002')
    expect(verifySigned(SECRET, h, body.replace('120000', '1200000'), now)).toEqual({ ok: false, reason: 'signature' })
    expect(verifySigned('another-secret-0123456789', h, body, now)).toEqual({ ok: false, reason: 'signature' })
    expect(verifySigned(SECRET, { ...h, 'x-portal-request-id': 'req-000003' }, body, now)).toEqual({ ok: false, reason: 'signature' })
    expect(verifySigned(SECRET, { ...h, 'x-portal-signature': undefined }, body, now)).toEqual({ ok: false, reason: 'missing' })
    expect(verifySigned(SECRET, h, body, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: 'stale' })
    expect(verifySigned(SECRET, h, body, new Date(now.getTime() + 299_000)).ok).toBe(true)
  })

  it('accepts only whole đồng in VND and known request types', () => {
    expect(PortalRequest.safeParse(JSON.parse(body)).success).toBe(true)
    for (const change of [{ amount: -1 }, { amount: 1.5 }, { amount: 0 }, { currency: 'USD' }, { type: 'fee.refund' }, { extra: 1 }]) {
      expect(PortalRequest.safeParse({ ...JSON.parse(body), ...change }).success, JSON.stringify(change)).toBe(false)
    }
  })

  it('maps a status update to a signed POST on the portal\'s /status, and sends it through the given client', async () => {
    const update = { portalRef: 'HS-1', transferId: 'p-x.tr-abcdefgh', status: 'issued', at: '2026-06-01T03:00:00.000Z' }
    const { url, init } = statusRequest('https://portal.example.vn/api/', SECRET, update, now)
    expect(url).toBe('https://portal.example.vn/api/status')
    expect(JSON.parse(init.body)).toEqual(update)
    expect(verifySigned(SECRET, init.headers, init.body, now)).toEqual({ ok: true, requestId: 'st-HS-1-issued' })

    process.env.PORTAL_URL = 'https://portal.example.vn'
    process.env.PORTAL_SHARED_SECRET = SECRET
    const { resetEnvCache } = await import('../../../functions/lib/env.js')
    resetEnvCache()
    const calls: { url: string; body: string }[] = []
    const ok = await portalStatusClient(async (u, i) => { calls.push({ url: u, body: i.body }); return { ok: true, status: 200 } }).send(update)
    expect(ok).toBe(true)
    expect(calls).toEqual([{ url: 'https://portal.example.vn/status', body: JSON.stringify(update) }])
    const sent = statusRequest('https://portal.example.vn', SECRET, update)
    expect(verifySigned(SECRET, sent.init.headers, calls[0].body).ok).toBe(true)
    const refused = await portalStatusClient(async () => ({ ok: false, status: 503 })).send(update)
    expect(refused).toBe(false)
    delete process.env.PORTAL_URL
    delete process.env.PORTAL_SHARED_SECRET
    resetEnvCache()
  })
})
