import { describe, expect, it } from 'vitest'
import { login } from '../../support/api.js'
import { monthsAgo, newCell, newMember } from './support.js'

describe('Party fees: assessment, payments, arrears, remittance', () => {
  it('assesses a cell\'s month by the rule in force, records cash and overpayment, flags three unpaid months, remits with a reconciliation', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const salaried = await newMember(admin, cellId, { fee: { category: 'insured', incomes: [{ from: '2025-01', amount: 10_000_000 }] } })
    const student = await newMember(admin, cellId, { fee: { category: 'student' } })
    const months = [monthsAgo(4), monthsAgo(3), monthsAgo(2)]

    for (const month of months) {
      const res = await admin.post('/api/members/fees/assessments', { cellId, month })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.assessments.find((a: any) => a.memberId === salaried.memberId)).toMatchObject({ amount: 100_000, rule: '01-QĐ/TW' })
      expect(res.body.assessments.find((a: any) => a.memberId === student.memberId)).toMatchObject({ amount: 5_000 })
    }
    // The salaried member pays three months, the first with more than due; the student pays nothing.
    for (const [month, amount] of [[months[0], 150_000], [months[1], 100_000], [months[2], 100_000]] as const) {
      expect((await admin.post('/api/members/fees/payments', { memberId: salaried.memberId, month, amount })).status).toBe(201)
    }
    const sheet = await admin.get(`/api/members/fees/sheet?cellId=${cellId}&month=${months[2]}`)
    expect(sheet.status).toBe(200)
    expect(sheet.body.flagged).toEqual([student.memberId])
    const salariedRow = sheet.body.rows.find((r: any) => r.memberId === salaried.memberId)
    expect(salariedRow).toMatchObject({ due: 100_000, paid: 100_000, owed: 0, arrears: 0 })
    expect(sheet.body.rows.find((r: any) => r.memberId === student.memberId)).toMatchObject({ arrears: 15_000 })

    const remit = await admin.post('/api/members/fees/remittances', { cellId, month: months[0] })
    expect(remit.status, JSON.stringify(remit.body)).toBe(201)
    const r = remit.body.remittance
    expect(r.collected).toBe(150_000)
    expect(r.totals).toMatchObject({ due: 105_000, paid: 150_000, owed: 5_000, members: 2 })
    expect(r.allocations.reduce((s: number, a: any) => s + a.amount, 0)).toBe(150_000)
    expect(r.allocations.map((a: any) => a.unitId)).toEqual([cellId, 'p-hoankiem', 'hn-tu'])
    // Once per month.
    const again = await admin.post('/api/members/fees/remittances', { cellId, month: months[0] })
    expect(again.status).toBe(409)

    // The cell's remittance history: each remitted month with its split by level and its reconciliation, newest first.
    expect((await admin.post('/api/members/fees/remittances', { cellId, month: months[1] })).status).toBe(201)
    const history = await admin.get(`/api/members/fees/remittances?cellId=${cellId}`)
    expect(history.status).toBe(200)
    expect(history.body.remittances.map((x: any) => [x.month, x.collected])).toEqual([[months[1], 100_000], [months[0], 150_000]])
    expect(history.body.remittances[1].report.find((x: any) => x.memberId === student.memberId)).toMatchObject({ due: 5_000, paid: 0, owed: 5_000 })
    // The month's report as a PDF, through a short-lived link.
    const pdf = await admin.get(`/api/members/fees/remittances/report?cellId=${cellId}&month=${months[0]}`)
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200)
    const bytes = Buffer.from(await (await fetch(pdf.body.report.url)).arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await admin.get(`/api/members/fees/remittances/report?cellId=${cellId}&month=${months[2]}`)).status).toBe(404)
    const hang = await login('dangvien.hangbac')
    expect((await hang.get(`/api/members/fees/remittances?cellId=${cellId}`)).status).toBe(403)
    expect((await hang.get(`/api/members/fees/remittances/report?cellId=${cellId}&month=${months[0]}`)).status).toBe(403)
  })

  it('refuses amounts in the wrong unit or negative, and another currency, with a clear message, recording nothing', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId)
    const month = monthsAgo(1)
    for (const amount of [-100_000, 120.5, '120000', 0]) {
      const res = await admin.post('/api/members/fees/payments', { memberId: m.memberId, month, amount }, 'vi')
      expect(res.status).toBe(400)
    }
    const usd = await admin.post('/api/members/fees/payments', { memberId: m.memberId, month, amount: 5, currency: 'USD' }, 'en')
    expect(usd.status).toBe(400)
    expect(usd.body.error.issues[0].message).toMatch(/VND/)
    const neg = await admin.post('/api/members/fees/payments', { memberId: m.memberId, month, amount: -5 }, 'en')
    expect(neg.body.error.issues[0].message).toMatch(/whole đồng, not negative/)
    const handbook = await admin.get(`/api/members/${m.memberId}`)
    expect(handbook.body.fees.payments).toEqual([])
    expect(handbook.body.fees.months).toEqual([])
  })

  it('refuses to assess a month when a member who needs a salary has none, naming them and writing nothing', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    await newMember(admin, cellId, { fee: { category: 'student' } })
    const noSalary = await newMember(admin, cellId, { fullName: 'Không Có Lương', fee: { category: 'insured', incomes: [] } })
    const res = await admin.post('/api/members/fees/assessments', { cellId, month: monthsAgo(1) }, 'vi')
    expect(res.status).toBe(422)
    expect(res.body.error.message).toContain('Không Có Lương')
    const sheet = await admin.get(`/api/members/fees/sheet?cellId=${cellId}&month=${monthsAgo(1)}`)
    expect(sheet.body.rows.every((r: any) => !r.assessed)).toBe(true)
    expect((await admin.get(`/api/members/${noSalary.memberId}`)).body.fees.months).toEqual([])
  })

  it('only officers with the fee duty of the cell record payments', async () => {
    const hang = await login('dangvien.hangbac')
    const me = (await hang.get('/api/me/handbook')).body.member
    const res = await hang.post('/api/members/fees/payments', { memberId: me.memberId, month: monthsAgo(1), amount: 120_000 })
    expect(res.status).toBe(403)
  })
})
