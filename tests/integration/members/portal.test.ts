import { describe, expect, inject, it } from 'vitest'
import { call, eventually, login } from '../../support/api.js'
import { HANGDAO, monthsAgo, newCell, newMember } from './support.js'

const portal = async (path: string, body?: unknown) => {
  const res = await fetch(`${inject('portalUrl')}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return res.json() as Promise<any>
}

describe('National Public Service Portal: signed requests from the portal simulator', () => {
  it('records an online fee payment once: a replayed callback is refused and changes nothing', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId)
    const month = monthsAgo(1)

    const paid = await portal('/simulate/pay', { cardNumber: m.cardNumber, month, amount: 120_000 })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect(paid.body).toMatchObject({ status: 'recorded', memberId: m.memberId })

    const replay = await portal('/simulate/replay', { requestId: paid.requestId })
    expect(replay.status).toBe(409)
    expect(replay.body.error.code).toBe('members.portal.replayed')

    // The same settled transaction delivered again under a new request id is not a second payment either.
    const again = await portal('/simulate/pay', { cardNumber: m.cardNumber, month, amount: 120_000, transactionId: paid.body.portalRef })
    expect(again.status).toBe(409)

    const fees = (await admin.get(`/api/members/${m.memberId}`)).body.fees
    expect(fees.payments).toHaveLength(1)
    expect(fees.payments[0]).toMatchObject({ channel: 'portal', amount: 120_000, month, portalRef: paid.body.portalRef })
    expect(fees.months.find((x: any) => x.month === month)).toMatchObject({ due: 100_000, paid: 120_000, owed: 0 })
  })

  it('refuses a request whose body was changed after signing, an unsigned one, and a wrong currency, recording nothing', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId)
    const tampered = await portal('/simulate/tampered', { cardNumber: m.cardNumber, month: monthsAgo(1), amount: 100_000 })
    expect(tampered.status).toBe(401)
    expect(tampered.body.error.code).toBe('members.portal.signature')
    const unsigned = await call('POST', '/api/portal/requests', { body: { type: 'fee.payment.settled', transactionId: 'TX-123456', cardNumber: m.cardNumber, month: monthsAgo(1), amount: 1, currency: 'VND' }, lang: 'en' })
    expect(unsigned.status).toBe(401)
    expect(unsigned.body.error.message).toMatch(/signature/)
    const usd = await portal('/simulate/pay', { cardNumber: m.cardNumber, month: monthsAgo(1), amount: 5, currency: 'USD' })
    expect(usd.status).toBe(400)
    expect((await admin.get(`/api/members/${m.memberId}`)).body.fees.payments).toEqual([])
  })

  it('a transfer filed on the portal runs the same procedure, and the portal receives each status change', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId)
    const applied = await portal('/simulate/apply', { cardNumber: m.cardNumber, toUnitId: HANGDAO, reason: 'Nộp qua Cổng Dịch vụ công' })
    expect(applied.status, JSON.stringify(applied.body)).toBe(202)
    const { transferId, portalRef } = applied.body
    const t = (await admin.get(`/api/members/transfers/${transferId}`)).body.transfer
    expect(t.filedBy.via).toBe('portal')

    const secretaryName = `bithu.${cellId.slice(-6)}`
    await admin.post('/api/users', { username: secretaryName, fullName: 'Bí Thư Cổng', assignments: [{ unitId: cellId, role: 'secretary' }], password: 'DigitalOffice@2026' })
    const secretary = await login(secretaryName)
    await eventually(async () => expect((await secretary.post(`/api/members/transfers/${transferId}/decision`, { approved: false, comment: 'Thiếu quyết định điều động' })).status).toBe(200))
    await eventually(async () => {
      const updates = await portal(`/simulate/statuses?portalRef=${portalRef}`)
      expect(updates.statuses.map((s: any) => s.status)).toEqual(['rejected'])
      expect(updates.statuses[0].transferId).toBe(transferId)
    })
    // An application to a unit that was merged away is refused with a clear message.
    const toEnded = await portal('/simulate/apply', { cardNumber: m.cardNumber, toUnitId: 'hk-du-hangbac', reason: 'Đến đơn vị đã sáp nhập' })
    expect(toEnded.status).toBe(422)
    expect(toEnded.body.error.code).toBe('members.destinationEnded')
  })
})
