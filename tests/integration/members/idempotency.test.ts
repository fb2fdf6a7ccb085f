import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { call, login } from '../../support/api.js'
import { monthsAgo, newCell, newMember } from './support.js'

describe('Idempotency-Key on a retried payment', () => {
  it('records a payment once when the same request is sent twice with the same key, answers the first result again, and refuses the key with another body (vi/en)', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const member = await newMember(admin, cellId, { fee: { category: 'insured', incomes: [{ from: '2025-01', amount: 10_000_000 }] } })
    const month = monthsAgo(1)
    expect((await admin.post('/api/members/fees/assessments', { cellId, month })).status).toBe(200)

    const key = randomUUID()
    const pay = (amount: number, lang: 'vi' | 'en' = 'vi') =>
      call('POST', '/api/members/fees/payments', { token: admin.token, body: { memberId: member.memberId, month, amount }, lang, headers: { 'idempotency-key': key } })
    const first = await pay(100_000)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const retry = await pay(100_000)
    expect(retry.status).toBe(201)
    expect(retry.body).toEqual(first.body)

    const handbook = await admin.get(`/api/members/${member.memberId}`)
    expect(handbook.body.fees.payments).toHaveLength(1)

    const other = await pay(50_000, 'en')
    expect(other.status).toBe(422)
    expect(other.body.error.message).toMatch(/already used for a different request/)
    const otherVi = await pay(50_000, 'vi')
    expect(otherVi.status).toBe(422)
    expect(otherVi.body.error.message).toMatch(/đã được dùng cho một yêu cầu khác/)
    // Neither the refused body nor a key with a control character records anything.
    const bad = await call('POST', '/api/members/fees/payments', { token: admin.token, body: { memberId: member.memberId, month, amount: 1 }, lang: 'en', headers: { 'idempotency-key': 'x'.repeat(300) } })
    expect(bad.status).toBe(400)
    expect((await admin.get(`/api/members/${member.memberId}`)).body.fees.payments).toHaveLength(1)

    // Without the header, the same body is a new payment, as before.
    expect((await admin.post('/api/members/fees/payments', { memberId: member.memberId, month, amount: 100_000 })).status).toBe(201)
    expect((await admin.get(`/api/members/${member.memberId}`)).body.fees.payments).toHaveLength(2)
  })
})
