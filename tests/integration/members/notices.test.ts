import { describe, expect, it } from 'vitest'
import { eventually, login, uniq } from '../../support/api.js'
import { HANGBAC, HANGDAO, monthsAgo, newCell, newMember } from './support.js'

const meeting = { at: '2026-12-05T19:30', place: 'Nhà văn hóa khu phố Hàng Bạc', agenda: 'Sinh hoạt chi bộ thường kỳ tháng 12; kiểm điểm cuối năm' }

describe('notices and invitations in the handbook', () => {
  it('a cell secretary invites the cell; the member sees it, marks it read once; the secretary sees who has read', async () => {
    const secretary = await login('bithu.cb.hangbac')
    const title = `Giấy mời họp chi bộ ${uniq()}`
    const posted = await secretary.post('/api/members/notices', { kind: 'invitation', title, meeting, unitId: HANGBAC })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const id = posted.body.notice.noticeId

    const hang = await login('dangvien.hangbac')
    const mine = (await hang.get('/api/me/handbook')).body.notices.find((n: any) => n.noticeId === id)
    expect(mine).toMatchObject({ kind: 'invitation', title, meeting, from: expect.stringContaining('Lưu Văn Bắc') })
    expect(mine.read).toBeUndefined()
    const read = await hang.post(`/api/me/notices/${id}/read`)
    expect(read.status).toBe(200)
    expect(read.body.again).toBe(false)
    const again = await hang.post(`/api/me/notices/${id}/read`)
    expect(again.body).toMatchObject({ again: true, read: read.body.read })
    expect((await hang.get('/api/me/handbook')).body.notices.find((n: any) => n.noticeId === id).read).toBe(read.body.read)

    const receipts = await secretary.get(`/api/members/notices/${id}`)
    expect(receipts.status).toBe(200)
    expect(receipts.body.read).toBe(1)
    const hangRow = receipts.body.recipients.find((r: any) => r.fullName === 'Ngô Thị Hằng')
    expect(hangRow.readAt).toBe(read.body.read)
    expect(receipts.body.recipients.filter((r: any) => !r.readAt).length).toBe(receipts.body.recipients.length - 1)
    expect((await secretary.get(`/api/members/notices?unitId=${HANGBAC}`)).body.notices.find((n: any) => n.noticeId === id)).toMatchObject({ readCount: 1 })
    const audit = await login('admin').then((a) => a.get(`/api/audit?unitId=${HANGBAC}&limit=50`))
    expect(audit.body.entries.map((e: any) => [e.action, e.target])).toEqual(expect.arrayContaining([['notice.invitation.posted', id], ['notice.read', id]]))
  })

  it('deny by default: another cell, a plain member, a notice of another cell; bad input changes nothing', async () => {
    const other = await login('bithu.cb.hangdao')
    const hang = await login('dangvien.hangbac')
    const secretary = await login('bithu.cb.hangbac')
    expect((await other.post('/api/members/notices', { kind: 'notice', title: 'Thông báo', unitId: HANGBAC })).status).toBe(403)
    expect((await hang.post('/api/members/notices', { kind: 'notice', title: 'Thông báo', unitId: HANGBAC })).status).toBe(403)
    const noMeeting = await secretary.post('/api/members/notices', { kind: 'invitation', title: 'Giấy mời', unitId: HANGBAC }, 'en')
    expect(noMeeting.status).toBe(400)
    const both = await secretary.post('/api/members/notices', { kind: 'notice', title: 'Thông báo', unitId: HANGBAC, memberIds: ['m-abcdef12'] }, 'vi')
    expect(both.status).toBe(400)
    expect(both.body.error.issues[0].message).toContain('Chọn một đơn vị hoặc danh sách đảng viên')
    const before = (await secretary.get(`/api/members/notices?unitId=${HANGBAC}`)).body.notices.length

    // A notice of Hàng Đào: its members only; Hàng Bạc's member cannot read it and Hàng Bạc's secretary cannot see receipts.
    const theirs = await other.post('/api/members/notices', { kind: 'notice', title: `Thông báo Hàng Đào ${uniq()}`, unitId: HANGDAO })
    expect(theirs.status).toBe(201)
    const tid = theirs.body.notice.noticeId
    expect((await hang.get('/api/me/handbook')).body.notices.some((n: any) => n.noticeId === tid)).toBe(false)
    expect((await hang.post(`/api/me/notices/${tid}/read`)).status).toBe(404)
    expect((await secretary.get(`/api/members/notices/${tid}`)).status).toBe(403)
    // A system notice id of someone else is not theirs either.
    expect((await hang.post('/api/me/notices/sys.m-abcdef12.fee.2026/read')).status).toBe(404)
    // Named members outside the officer's reach are refused.
    const admin = await login('admin')
    const stranger = await newMember(admin, HANGDAO)
    expect((await secretary.post('/api/members/notices', { kind: 'notice', title: 'Riêng', memberIds: [stranger.memberId] })).status).toBe(403)
    expect((await secretary.get(`/api/members/notices?unitId=${HANGBAC}`)).body.notices.length).toBe(before)
  })

  it('named members get it, and the system tells a member of their transfer, the arrears flag and the comment request', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId, { residenceCellId: HANGBAC, fee: { category: 'student' } })
    const other = await newMember(admin, cellId)
    const posted = await admin.post('/api/members/notices', { kind: 'notice', title: 'Nộp bản kiểm điểm cá nhân', body: 'Trước ngày 10/12', memberIds: [m.memberId] })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    for (const month of [monthsAgo(4), monthsAgo(3), monthsAgo(2)]) expect((await admin.post('/api/members/fees/assessments', { cellId, month })).status).toBe(200)
    expect((await admin.post('/api/members/comments/campaigns', { cellId, year: Number(monthsAgo(0).slice(0, 4)) })).status).toBe(201)
    expect((await admin.post('/api/members/transfers', { memberId: m.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú' })).status).toBe(202)

    const notices = await eventually(async () => {
      const list = (await admin.get(`/api/members/${m.memberId}`)).body.notices
      expect(list.map((n: any) => n.title)).toEqual(expect.arrayContaining(['Nộp bản kiểm điểm cá nhân', 'fees.flagged', 'comment.requested', 'transfer.pending']))
      return list
    })
    expect(notices.every((n: any) => n.noticeId.startsWith('nt-') || n.noticeId.startsWith(`sys.${m.memberId}.`))).toBe(true)
    expect((await admin.get(`/api/members/${other.memberId}`)).body.notices.map((n: any) => n.title)).not.toContain('Nộp bản kiểm điểm cá nhân')
  })
})
