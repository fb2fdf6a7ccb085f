/**
 * The portal simulator's HMAC secret belongs to the data directory: random,
 * made on its first start and kept there, owner-only. A request signed with
 * the constant the code once held is refused; one signed with the data
 * directory's secret is accepted.
 */
import { readFileSync, statSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'
import { baseUrl } from '../../support/api.js'
import { signedHeaders } from '../../../functions/members/adapters/portal.js'
import { portalSecretFile } from '../../../infra/local/portal/secret.js'

const OLD_CONSTANT = 'local-portal-shared-secret-do-not-use-in-prod'

const send = async (secret: string) => {
  const body = JSON.stringify({ type: 'fee.payment.settled', transactionId: `TX-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, cardNumber: '00000000', month: '2026-01', amount: 1000, currency: 'VND' })
  const res = await fetch(`${baseUrl()}/api/portal/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en', ...signedHeaders(secret, body) }, body })
  return { status: res.status, body: await res.json() as any }
}

describe('the local portal secret', () => {
  it('is random, kept in the data directory, readable by its owner only', () => {
    const file = portalSecretFile(inject('dataDir'))
    const secret = readFileSync(file, 'utf8').trim()
    expect(secret).not.toBe(OLD_CONSTANT)
    expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(32)
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('signs what the platform accepts; the constant once in the code no longer does', async () => {
    const old = await send(OLD_CONSTANT)
    expect(old.status).toBe(401)
    expect(old.body.error.code).toBe('members.portal.signature')
    const own = await send(readFileSync(portalSecretFile(inject('dataDir')), 'utf8').trim())
    expect(own.status, JSON.stringify(own.body)).not.toBe(401)
    expect(own.body.error?.code ?? '').not.toMatch(/^members\.portal\.(signature|stale)/)
  })
})
