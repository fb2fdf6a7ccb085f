import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { verifyPdf } from '../../../functions/lib/signing/verify.js'
import { eventually, login, type Session } from '../../support/api.js'
import { HANGDAO, decideWhenReady, newCell, newMember } from './support.js'

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise
  const page = await doc.getPage(1)
  const content = await page.getTextContent()
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ')
}

const fast = { approvalSeconds: 600, acceptSeconds: 600, lateSeconds: 600 }

const statusOf = (s: Session, transferId: string, expected: string) => eventually(async () => {
  const r = await s.get(`/api/members/transfers/${transferId}`)
  expect(r.body.transfer?.status, JSON.stringify(r.body)).toBe(expected)
  return r.body
}, { timeoutMs: 30_000 })

describe('official transfer of Party activity (Step Functions workflow)', () => {
  it('goes cell → ward → city, issues a signed letter with card, record, register number and fees paid, and the receiving cell accepts', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const member = await newMember(admin, fromCell)
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú về phường Hoàn Kiếm' })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const t = filed.body.transfer
    expect(t.steps.map((s: any) => [s.stage, s.unitId])).toEqual([['cell', fromCell], ['grassroots', 'p-hoankiem'], ['issuer', 'hn-tu']])

    // Someone outside the chain cannot decide; the secretary of another cell is not the cell's officer.
    const outsider = await login('bithu.cb.hangdao')
    await eventually(async () => {
      const r = await outsider.post(`/api/members/transfers/${t.transferId}/decision`, { approved: true }, 'en')
      expect(r.status).toBe(403)
    })
    // The ward secretary decides the ward's step only; the cell step is the cell's (here: no officer yet, so the admin creates one).
    const ward = await login('bithu.hoankiem')
    expect((await ward.post(`/api/members/transfers/${t.transferId}/decision`, { approved: true })).status).toBe(403)

    const secretaryName = `bithu.${fromCell.slice(-6)}`
    const created = await admin.post('/api/users', { username: secretaryName, fullName: 'Bí Thư Chi Bộ Thử', assignments: [{ unitId: fromCell, role: 'secretary' }], password: 'DigitalOffice@2026' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const cellSecretary = await login(secretaryName)
    await decideWhenReady(cellSecretary, t.transferId, true, 'Chi bộ đồng ý')
    await decideWhenReady(ward, t.transferId, true, 'Đảng ủy phường đồng ý')
    const board = await login('tochuc.tu')
    await decideWhenReady(board, t.transferId, true)

    const issued = await statusOf(admin, t.transferId, 'issued')
    // The Party form: two digits at least, the type, the issuing committee's code (the city committee: TU).
    expect(issued.transfer.letter.registerNumber).toMatch(/^\d{2,}-GGT\/TU$/)
    const pdf = new Uint8Array(await (await fetch(issued.letter.url)).arrayBuffer())
    // The seal of the issuing committee, trusted by the development CA, covering the whole file (the dossier attachment included).
    const report = await verifyPdf(pdf, { roots: [readFileSync(join(inject('dataDir'), 'signing', 'ca-cert.pem'), 'utf8')] })
    expect(report.valid).toBe(true)
    expect(report.signatures.map((s) => s.signerName)).toEqual(['Thành ủy Hà Nội'])
    const text = await pdfText(pdf)
    expect(text).toContain(member.cardNumber)
    expect(text).toContain(member.recordNumber)
    expect(text).toContain(issued.transfer.letter.registerNumber)
    expect(text).toMatch(/Đã đóng đảng phí đến hết tháng/)
    expect(text).not.toMatch(/dossier/)
    // Signed by who decided the city's step, under her authority, as the signing block has it.
    expect(text).toContain('Trịnh Văn Tổ')
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/ho-so-dang-vien\.json/)

    // Only the receiving side accepts.
    expect((await cellSecretary.post(`/api/members/transfers/${t.transferId}/accept`, {})).status).toBe(403)
    await eventually(async () => {
      const r = await outsider.post(`/api/members/transfers/${t.transferId}/accept`, { comment: 'Đã nhận giấy giới thiệu' })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
    }, { timeoutMs: 30_000 })
    await statusOf(admin, t.transferId, 'accepted')
    const moved = (await admin.get(`/api/members/${member.memberId}`)).body.member
    expect(moved).toMatchObject({ cellId: HANGDAO, status: 'active' })
    expect(moved.openTransferId).toBeUndefined()
    expect(moved.history.at(-1)).toMatchObject({ kind: 'official', fromUnitId: fromCell, toUnitId: HANGDAO })
    const audit = await admin.get(`/api/audit?unitId=${fromCell}`)
    expect(JSON.stringify(audit.body)).toMatch(/transfer\.official\.filed/)
  })

  it('refuses a transfer to a dissolved unit and a second open transfer, changing nothing', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const member = await newMember(admin, fromCell)
    const dissolved = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: 'hk-du-hangbac', reason: 'Thử nơi đến đã giải thể' }, 'en')
    expect(dissolved.status).toBe(422)
    expect(dissolved.body.error.message).toMatch(/dissolved or merged/)
    expect((await admin.get(`/api/members/${member.memberId}`)).body.transfers).toEqual([])

    const first = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Lần thứ nhất', deadlines: fast })
    expect(first.status).toBe(202)
    const second = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Lần thứ hai' }, 'vi')
    expect(second.status).toBe(409)
    expect(second.body.error.message).toMatch(/chưa kết thúc/)
    expect((await admin.get(`/api/members/${member.memberId}`)).body.transfers).toHaveLength(1)
  })

  it('the member being transferred never decides a step of it, even as the secretary of the cell', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const username = `bithu.tuchuyen.${Date.now() % 1_000_000}`
    const officer = await admin.post('/api/users', { username, fullName: 'Bí thư Tự Chuyển', clearance: 'internal', password: 'Mat-khau-rat-dai-5', assignments: [{ unitId: cellId, role: 'secretary' }] })
    expect(officer.status, JSON.stringify(officer.body)).toBe(201)
    const member = await newMember(admin, cellId, { username, fullName: 'Bí thư Tự Chuyển' })
    expect(member.userId).toBe(officer.body.user.userId)
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú' })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const self = await login(username, 'Mat-khau-rat-dai-5')
    const own = await self.post(`/api/members/transfers/${filed.body.transfer.transferId}/decision`, { approved: true })
    expect(own.status, JSON.stringify(own.body)).toBe(403)
    expect(own.body.error.code).toBe('auth.ownRequest')
  })

  it('a rejection in the chain closes the request and frees the member for a new one', async () => {
    const admin = await login('admin')
    const member = await newMember(admin, 'p-hoankiem-cb-hangbac', { cellId: 'p-hoankiem-cb-hangbac' })
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Sẽ bị từ chối' })
    const secretary = await login('bithu.cb.hangbac')
    await decideWhenReady(secretary, filed.body.transfer.transferId, false, 'Chưa đủ hồ sơ')
    await statusOf(admin, filed.body.transfer.transferId, 'rejected')
    await eventually(async () => expect((await admin.get(`/api/members/${member.memberId}`)).body.member.openTransferId).toBeUndefined())
    const again = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Nộp lại hồ sơ' })
    expect(again.status).toBe(202)
  })

  it('half the step time brings a reminder, a missed deadline escalates, a second miss expires the request', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const member = await newMember(admin, fromCell)
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Thử hạn xử lý', deadlines: { approvalSeconds: 1, acceptSeconds: 60, lateSeconds: 60 } })
    expect(filed.status).toBe(202)
    const done = await statusOf(admin, filed.body.transfer.transferId, 'expired')
    expect(done.transfer.history.map((h: any) => h.status)).toEqual(['pending', 'reminded:cell', 'escalated:cell', 'expired'])
    expect(done.transfer.steps[0].escalatedAt).toBeDefined()
    expect((await admin.get(`/api/members/${member.memberId}`)).body.member.openTransferId).toBeUndefined()
  })

  it('a letter not presented in time is escalated (overdue), then after the longer limit the member is proposed for removal', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const member = await newMember(admin, fromCell)
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Thử quá hạn xuất trình', deadlines: { approvalSeconds: 600, acceptSeconds: 1, lateSeconds: 2 } })
    const id = filed.body.transfer.transferId
    const secretaryName = `bithu.${fromCell.slice(-6)}`
    await admin.post('/api/users', { username: secretaryName, fullName: 'Bí Thư Chi Bộ Hạn', assignments: [{ unitId: fromCell, role: 'secretary' }], password: 'DigitalOffice@2026' })
    await decideWhenReady(await login(secretaryName), id, true)
    await decideWhenReady(await login('bithu.hoankiem'), id, true)
    await decideWhenReady(await login('bithu.tu'), id, true)
    const flagged = await statusOf(admin, id, 'removal-proposed')
    expect(flagged.transfer.history.map((h: any) => h.status)).toEqual(expect.arrayContaining(['issued', 'overdue', 'removal-proposed']))
    const m = (await admin.get(`/api/members/${member.memberId}`)).body.member
    expect(m.cellId).toBe(fromCell)
  })

  it('to outside the city: the letter with the dossier is the exported, signed package and the member leaves the cell', async () => {
    const admin = await login('admin')
    const fromCell = await newCell(admin)
    const member = await newMember(admin, fromCell)
    const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toOutside: { name: 'Đảng ủy phường Hải Châu', province: 'Đà Nẵng' }, reason: 'Chuyển công tác vào Đà Nẵng', deadlines: fast })
    const id = filed.body.transfer.transferId
    const secretaryName = `bithu.${fromCell.slice(-6)}`
    await admin.post('/api/users', { username: secretaryName, fullName: 'Bí Thư Chi Bộ Ngoài', assignments: [{ unitId: fromCell, role: 'secretary' }], password: 'DigitalOffice@2026' })
    await decideWhenReady(await login(secretaryName), id, true)
    await decideWhenReady(await login('bithu.hoankiem'), id, true)
    await decideWhenReady(await login('bithu.tu'), id, true)
    const out = await statusOf(admin, id, 'handed-off')
    expect(out.letter.url).toBeTruthy()
    await eventually(async () => {
      const m = (await admin.get(`/api/members/${member.memberId}`)).body.member
      expect(m.status).toBe('transferred-out')
      expect(m.history.at(-1).toName).toMatch(/Hải Châu/)
    })
    expect((await admin.get(`/api/members?cellId=${fromCell}`)).body.members).toEqual([])
  })
})
