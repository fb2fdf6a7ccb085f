import { describe, expect, it } from 'vitest'
import { eventually, login, type Session } from '../../support/api.js'
import { HANGBAC, HANGDAO, newMember } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { addDays as shiftDays } from '../../../shared/calendar/working-days.js'

const addDays = (days: number) => shiftDays(vietnamDate(), days)
const transfer = (s: Session, id: string) => s.get(`/api/members/transfers/${id}`).then((r) => r.body.transfer)

describe('temporary transfer of Party activity', () => {
  it('refuses a period under 3 months or of a year and more, with a clear message', async () => {
    const admin = await login('admin')
    const m = await newMember(admin, HANGBAC)
    const short = await admin.post('/api/members/transfers', { kind: 'temporary', memberId: m.memberId, toUnitId: HANGDAO, reason: 'Đi công tác ngắn', from: addDays(0), until: addDays(60) }, 'vi')
    expect(short.status).toBe(400)
    expect(short.body.error.issues[0].message).toMatch(/từ 3 tháng trở lên/)
    const long = await admin.post('/api/members/transfers', { kind: 'temporary', memberId: m.memberId, toUnitId: HANGDAO, reason: 'Đi công tác dài', from: addDays(0), until: addDays(400) }, 'en')
    expect(long.status).toBe(400)
    expect(long.body.error.issues[0].message).toMatch(/under 1 year/)
  })

  it('approved by the cell and the ward, accepted at the temporary cell, reminded at the end, extended there and reported home, then back', async () => {
    const admin = await login('admin')
    const m = await newMember(admin, HANGBAC)
    const filed = await admin.post('/api/members/transfers', {
      kind: 'temporary', memberId: m.memberId, toUnitId: HANGDAO, reason: 'Học lớp bồi dưỡng 4 tháng', from: addDays(0), until: addDays(120), purpose: 'study',
      deadlines: { approvalSeconds: 600, acceptSeconds: 3, lateSeconds: 600 },
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const id = filed.body.transfer.transferId
    // The temporary letter is issued by the grassroots level: two steps only.
    expect(filed.body.transfer.steps.map((s: any) => s.stage)).toEqual(['cell', 'grassroots'])
    const cell = await login('bithu.cb.hangbac')
    const ward = await login('bithu.hoankiem')
    const temporaryCell = await login('bithu.cb.hangdao')
    await eventually(async () => expect((await cell.post(`/api/members/transfers/${id}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await ward.post(`/api/members/transfers/${id}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await temporaryCell.post(`/api/members/transfers/${id}/accept`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await eventually(async () => expect((await transfer(admin, id)).status).toBe('accepted'))
    const away = (await admin.get(`/api/members/${m.memberId}`)).body.member
    // Still a member of the home cell (voting there only), away at the temporary one.
    expect(away).toMatchObject({ status: 'temporarily-away', cellId: HANGBAC, openTransferId: id })

    // The return date passes: a reminder. The temporary cell extends; home is told.
    await eventually(async () => expect((await transfer(admin, id)).history.map((h: any) => h.status)).toContain('return-reminder'), { timeoutMs: 30_000 })
    const newUntil = addDays(200)
    await eventually(async () => expect((await temporaryCell.post(`/api/members/transfers/${id}/extension`, { until: newUntil, reason: 'Lớp học kéo dài thêm' })).status).toBe(200))
    const extended = await transfer(admin, id)
    expect(extended.until).toBe(newUntil)
    expect(JSON.stringify((await admin.get(`/api/audit?unitId=${HANGBAC}`)).body)).toMatch(/transfer\.extensionReported/)

    // Back home.
    await eventually(async () => expect((await cell.post(`/api/members/transfers/${id}/return`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await eventually(async () => expect((await transfer(admin, id)).status).toBe('returned'))
    const back = (await admin.get(`/api/members/${m.memberId}`)).body.member
    expect(back).toMatchObject({ status: 'active', cellId: HANGBAC })
    expect(back.openTransferId).toBeUndefined()
  })
})
