/**
 * A member's access follows their membership (issue 12): when an official
 * transfer is accepted, the member's account loses the member role at the old
 * cell and gets one at the new cell, in the transaction that moves the record;
 * a temporary transfer grants a member role at the temporary cell that carries
 * no vote there (a meeting of that cell counts the person as a guest), and the
 * return takes it away.
 */
import { describe, expect, it } from 'vitest'
import { eventually, login, uniq, type Session } from '../../support/api.js'
import { HANGBAC, HANGDAO, decideWhenReady, newCell, newMember } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { addDays as shiftDays } from '../../../shared/calendar/working-days.js'

const PASSWORD = 'DigitalOffice@2026'
const addDays = (days: number) => shiftDays(vietnamDate(), days)
const statusOf = (s: Session, id: string) => s.get(`/api/members/transfers/${id}`).then((r) => r.body.transfer?.status)

/** A member record with its own login, a member of `cellId`. */
async function memberWithAccount(admin: Session, cellId: string): Promise<{ member: any; userId: string; session: Session }> {
  const username = `dv.${uniq()}`
  const user = await admin.post('/api/users', { username, fullName: `Đảng Viên ${uniq()}`, assignments: [{ unitId: cellId, role: 'member' }], password: PASSWORD })
  expect(user.status, JSON.stringify(user.body)).toBe(201)
  const member = await newMember(admin, cellId, { username })
  return { member, userId: user.body.user.userId, session: await login(username) }
}

describe('access follows membership', () => {
  it('an accepted official transfer moves the member role from the old cell to the new one', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const { member, userId, session } = await memberWithAccount(admin, fromCell)
    expect((await session.get(`/api/units/${fromCell}`)).status).toBe(200)
    expect((await session.get(`/api/units/${HANGDAO}`)).status).toBe(403)

    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú' })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const id = filed.body.transfer.transferId
    const secretaryName = `bithu.${uniq()}`
    expect((await admin.post('/api/users', { username: secretaryName, fullName: 'Bí Thư Chi Bộ Cũ', assignments: [{ unitId: fromCell, role: 'secretary' }], password: PASSWORD })).status).toBe(201)
    await decideWhenReady(await login(secretaryName), id, true)
    await decideWhenReady(await login('bithu.hoankiem'), id, true)
    await decideWhenReady(await login('tochuc.tu'), id, true)
    const receiving = await login('bithu.cb.hangdao')
    await eventually(async () => expect((await receiving.post(`/api/members/transfers/${id}/accept`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await eventually(async () => expect(await statusOf(admin, id)).toBe('accepted'))

    const account = (await admin.get(`/api/users/${userId}`)).body.user
    expect(account.assignments).toEqual([{ unitId: HANGDAO, role: 'member' }])
    // The same token, the new reach: the new cell's, not the old one's.
    expect((await session.get(`/api/units/${HANGDAO}`)).status).toBe(200)
    expect((await session.get(`/api/units/${fromCell}`)).status).toBe(403)
    // Recorded in both cells' audit trails, with the transfer.
    for (const unitId of [fromCell, HANGDAO]) {
      const entries = (await admin.get(`/api/audit?unitId=${unitId}`)).body.entries as any[]
      expect(entries.some((e) => e.action === 'user.update' && e.target === userId && e.details.transferId === id), unitId).toBe(true)
    }
  }, 180_000)

  it('a temporary transfer grants a member role without a vote at the temporary cell, taken away at the return', async () => {
    const admin = await login('admin')
    const { member, userId, session } = await memberWithAccount(admin, HANGBAC)
    const filed = await admin.post('/api/members/transfers', {
      kind: 'temporary', memberId: member.memberId, toUnitId: HANGDAO, reason: 'Đi công tác 4 tháng', from: addDays(0), until: addDays(120), purpose: 'work',
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const id = filed.body.transfer.transferId
    const home = await login('bithu.cb.hangbac')
    await decideWhenReady(home, id, true)
    await decideWhenReady(await login('bithu.hoankiem'), id, true)
    const temporaryCell = await login('bithu.cb.hangdao')
    await eventually(async () => expect((await temporaryCell.post(`/api/members/transfers/${id}/accept`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await eventually(async () => expect(await statusOf(admin, id)).toBe('accepted'))

    const away = (await admin.get(`/api/users/${userId}`)).body.user
    expect(away.assignments).toEqual([{ unitId: HANGBAC, role: 'member' }, { unitId: HANGDAO, role: 'member', temporaryTransferId: id }])
    expect((await session.get(`/api/units/${HANGDAO}`)).status).toBe(200)

    // A meeting of the temporary cell: the person attends as a guest and does not count for the quorum.
    const chair = (await temporaryCell.get('/api/me')).body
    const meeting = await temporaryCell.post('/api/meetings', {
      unitId: HANGDAO, title: 'Sinh hoạt chi bộ thường kỳ', kind: 'cell', startsAt: new Date(Date.now() + 3_600_000).toISOString(), place: 'Nhà văn hóa khu phố',
      chairUserId: chair.user?.userId ?? chair.userId, secretaryUserId: chair.user?.userId ?? chair.userId, members: [{ unitId: HANGDAO }], agenda: [{ title: 'Tình hình tháng', minutes: 30 }],
    })
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201)
    const participant = (meeting.body.participants as any[]).find((p) => p.userId === userId)
    expect(participant?.role).toBe('invitee')

    await eventually(async () => expect((await home.post(`/api/members/transfers/${id}/return`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await eventually(async () => expect(await statusOf(admin, id)).toBe('returned'))
    expect((await admin.get(`/api/users/${userId}`)).body.user.assignments).toEqual([{ unitId: HANGBAC, role: 'member' }])
    expect((await session.get(`/api/units/${HANGDAO}`)).status).toBe(403)
  }, 180_000)
})
