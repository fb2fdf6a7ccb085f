/**
 * A denunciation through the inspection commission, end to end on the
 * embedded platform: intake at the reception desk → register → classify →
 * assign an inspector of the commission → extension → verification →
 * conclusion (once) → discipline → follow-up → closed and sealed. Bad input
 * (an inspector from outside the commission, a deadline past the legal limit,
 * a second conclusion, a forward to an ended unit, any edit after sealing)
 * gets a vi/en 4xx and changes nothing. The acceptance limit runs in the
 * case-deadlines workflow: a reminder at half the time, escalation to the chair.
 */
import { describe, expect, it, vi } from 'vitest'
import { eventually, login, uniq } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { limitDue } from '../../../shared/cases/limits.js'

vi.setConfig({ testTimeout: 120_000 })
const UBKT = 'hn-ubkttu'

const intakeBody = (subject: string, extra: Record<string, unknown> = {}) => ({
  commissionId: UBKT, type: 'denunciation', source: 'reception', subject, summary: 'Đơn phản ánh việc kê khai tài sản không trung thực.',
  concerns: 'Đồng chí Trần Văn Bị, Phó Chủ tịch UBND phường', anonymous: false, complainant: { fullName: 'Nguyễn Thị Tố', phone: '0912345678' }, ...extra,
})

describe('a denunciation from intake to the sealed file', () => {
  it('goes through every step of the kind, each audited, and refuses bad steps without changing the case', async () => {
    // Prepare
    const clerk = await login('vanthu.ubkt')
    const chair = await login('chunhiem.ubkt')
    const inspector = await login('kiemtravien.ubkt')
    const inspectorId = (await inspector.get('/api/me')).body.user.userId
    const outsiderId = (await (await login('chuyenvien.hoankiem')).get('/api/me')).body.user.userId
    const subject = `Tố cáo kê khai tài sản ${uniq()}`

    // Act: intake and register
    const taken = await clerk.post('/api/cases', intakeBody(subject))
    expect(taken.status).toBe(201)
    const id = taken.body.caseId
    expect(taken.body).toMatchObject({ state: 'received', hasIdentity: true, commissionName: 'Ủy ban Kiểm tra Thành ủy' })
    expect(taken.body.acceptance.due).toBe(limitDue(vietnamDate(), 10, CALENDAR))
    expect(JSON.stringify(taken.body)).not.toContain('Nguyễn Thị Tố')
    const registered = await clerk.post(`/api/cases/${id}/register`, { version: 1 })
    expect(registered.body.registerNo).toMatch(/^TC-\d{4}-\d{4}$/)
    const classified = await inspector.post(`/api/cases/${id}/classify`, { version: registered.body.version, withinCompetence: true })
    expect(classified.body.state).toBe('classified')

    // Bad: an inspector outside the commission, a deadline past the legal limit (no extension) — 422 and nothing changes
    const outside = await chair.post(`/api/cases/${id}/assign`, { version: classified.body.version, inspectorId: outsiderId })
    expect(outside.status).toBe(422)
    expect(outside.body.error.message).toBe('Kiểm tra viên được phân công phải thuộc Ủy ban kiểm tra thụ lý vụ việc.')
    const legalDue = limitDue(vietnamDate(), 60, CALENDAR)
    const tooLate = await chair.post(`/api/cases/${id}/assign`, { version: classified.body.version, inspectorId, handlingDue: limitDue(legalDue, 1, CALENDAR) }, 'en')
    expect(tooLate.status).toBe(422)
    expect(tooLate.body.error.message).toContain('past the legal limit')
    const byClerk = await clerk.post(`/api/cases/${id}/assign`, { version: classified.body.version, inspectorId })
    expect(byClerk.status).toBe(403)
    expect((await chair.get(`/api/cases/${id}`)).body).toMatchObject({ state: 'classified', version: classified.body.version })

    // Act: assign, extend (once, within the extension limit), verify, conclude
    const assigned = await chair.post(`/api/cases/${id}/assign`, { version: classified.body.version, inspectorId })
    expect(assigned.status).toBe(200)
    expect(assigned.body).toMatchObject({ state: 'assigned', inspector: { fullName: 'Tạ Minh Khoa' }, handling: { due: legalDue, legalDue } })
    const pastMax = await chair.post(`/api/cases/${id}/extend`, { version: assigned.body.version, until: limitDue(legalDue, 31, CALENDAR), reason: 'Cần xác minh thêm' })
    expect(pastMax.status).toBe(422)
    const until = limitDue(legalDue, 20, CALENDAR)
    const extended = await chair.post(`/api/cases/${id}/extend`, { version: assigned.body.version, until, reason: 'Cần xác minh thêm tại ngân hàng' })
    expect(extended.body.handling.due).toBe(until)
    const verified = await inspector.post(`/api/cases/${id}/verify`, { version: extended.body.version, text: 'Đã làm việc với đối tượng và cơ quan quản lý đất đai.' })
    const concluded = await chair.post(`/api/cases/${id}/conclude`, { version: verified.body.version, founded: 'partly', text: 'Tố cáo đúng một phần.' })
    expect(concluded.body.state).toBe('concluded')
    const again = await chair.post(`/api/cases/${id}/conclude`, { version: concluded.body.version, founded: 'founded', text: 'Lần hai' })
    expect(again.status).toBe(422)
    expect(again.body.error.message).toBe('Vụ việc đã có kết luận; không thể kết luận lần thứ hai.')

    // Act: discipline, follow-up, close
    const measured = await chair.post(`/api/cases/${id}/measures`, { version: concluded.body.version, measure: 'reprimand', text: 'Khiển trách' })
    const early = await chair.post(`/api/cases/${id}/close`, { version: measured.body.version })
    expect(early.status).toBe(422)
    expect(early.body.error.message).toBe('Chưa ghi nhận việc chấp hành quyết định kỷ luật, biện pháp xử lý.')
    const followed = await inspector.post(`/api/cases/${id}/follow-up`, { version: measured.body.version, text: 'Đã công bố quyết định tại chi bộ.', executed: true })
    const closed = await chair.post(`/api/cases/${id}/close`, { version: followed.body.version })
    expect(closed.body).toMatchObject({ state: 'closed', sealed: true, withinLimit: true, can: { steps: [] } })

    // Assess: sealed — no more edits; every step on the commission's trail
    const edit = await inspector.post(`/api/cases/${id}/follow-up`, { version: closed.body.version, text: 'Sau khi đóng', executed: true })
    expect(edit.status).toBe(422)
    expect(edit.body.error.message).toBe('Hồ sơ vụ việc đã đóng và niêm phong, không thể thay đổi.')
    expect((await chair.get(`/api/cases/${id}`)).body.version).toBe(closed.body.version)
    const admin = await login('admin')
    const trail = (await admin.get(`/api/audit?unitId=${UBKT}&limit=200`)).body.entries.filter((e: any) => e.target === id).map((e: any) => e.action)
    expect(trail.sort()).toEqual(['case.assign', 'case.classify', 'case.close', 'case.conclude', 'case.extend', 'case.followUp', 'case.intake', 'case.measures', 'case.register', 'case.verify'])
    const kpis = (await chair.get(`/api/cases/kpis?commissionId=${UBKT}`)).body
    expect(kpis.closedWithinLimit).toBeGreaterThanOrEqual(1)
  })

  it('forwards what is not its own to a live unit only, and archives an anonymous denunciation without evidence', async () => {
    const clerk = await login('vanthu.ubkt')
    const inspector = await login('kiemtravien.ubkt')
    const a = (await clerk.post('/api/cases', intakeBody(`Khiếu nại đất đai ${uniq()}`, { type: 'complaint' }))).body
    const r = (await clerk.post(`/api/cases/${a.caseId}/register`, { version: 1 })).body
    const c = (await inspector.post(`/api/cases/${r.caseId}/classify`, { version: r.version, withinCompetence: false })).body
    const ended = await inspector.post(`/api/cases/${a.caseId}/forward`, { version: c.version, toUnitId: 'hn-qu-hoankiem' })
    expect(ended.status).toBe(422)
    expect(ended.body.error.message).toBe('Đơn vị Quận ủy Hoàn Kiếm đã kết thúc hoạt động; hãy chuyển đến đơn vị kế thừa.')
    expect((await inspector.get(`/api/cases/${a.caseId}`)).body).toMatchObject({ state: 'classified', version: c.version })
    const fwd = await inspector.post(`/api/cases/${a.caseId}/forward`, { version: c.version, toUnitId: 'p-hoankiem' })
    expect(fwd.body).toMatchObject({ state: 'forwarded', sealed: true, forwardedTo: { name: 'Đảng ủy phường Hoàn Kiếm' } })

    const anon = (await clerk.post('/api/cases', { ...intakeBody(`Tố cáo nặc danh ${uniq()}`), anonymous: true, complainant: undefined })).body
    expect(anon.hasIdentity).toBe(false)
    const ar = (await clerk.post(`/api/cases/${anon.caseId}/register`, { version: 1 })).body
    const missing = await inspector.post(`/api/cases/${anon.caseId}/classify`, { version: ar.version, withinCompetence: true })
    expect(missing.status).toBe(422)
    const filed = await inspector.post(`/api/cases/${anon.caseId}/classify`, { version: ar.version, withinCompetence: true, concreteEvidence: false })
    expect(filed.body).toMatchObject({ state: 'archived', sealed: true })

    // Bad input: no complainant on a named letter; a clerk of another unit
    const noName = await clerk.post('/api/cases', { ...intakeBody('x'), complainant: undefined })
    expect(noName.status).toBe(400)
    const outsider = await login('vanthu.hoankiem')
    expect((await outsider.post('/api/cases', intakeBody('Không thuộc UBKT'))).status).toBe(403)
    expect((await outsider.get(`/api/cases/${a.caseId}`)).status).toBe(404)
  })

  it('reminds at half the acceptance limit and escalates to the chair at the deadline (case-deadlines workflow)', async () => {
    const clerk = await login('vanthu.ubkt')
    const chair = await login('chunhiem.ubkt')
    const subject = `Phản ánh dấu hiệu vi phạm ${uniq()}`
    const taken = await clerk.post('/api/cases', intakeBody(subject, { type: 'violation', deadlineSeconds: 2 }))
    expect(taken.status).toBe(201)
    const admin = await login('admin')
    const actions = async () => (await admin.get(`/api/audit?unitId=${UBKT}&limit=200`)).body.entries.filter((e: any) => e.target === taken.body.caseId).map((e: any) => e.action)
    await eventually(async () => expect(await actions()).toEqual(expect.arrayContaining(['case.remind', 'case.escalate'])), { timeoutMs: 30_000 })
    const shown = (await chair.get(`/api/cases/${taken.body.caseId}`)).body
    expect(shown.acceptance.remindedAt).toBeTruthy()
    expect(shown.acceptance.escalatedAt).toBeTruthy()
    const notes = (await chair.get('/api/notifications')).body
    expect(JSON.stringify(notes)).toContain(`Vụ việc quá hạn`)
    expect(JSON.stringify(notes)).toContain(subject)

    // A case sealed before its deadline (forwarded elsewhere) is not escalated
    const inspector = await login('kiemtravien.ubkt')
    const other = (await clerk.post('/api/cases', intakeBody(`Khiếu nại ${uniq()}`, { type: 'complaint', deadlineSeconds: 6 }))).body
    const reg = (await clerk.post(`/api/cases/${other.caseId}/register`, { version: 1 })).body
    const cls = (await inspector.post(`/api/cases/${other.caseId}/classify`, { version: reg.version, withinCompetence: false })).body
    expect((await inspector.post(`/api/cases/${other.caseId}/forward`, { version: cls.version, toUnitId: 'p-hoankiem' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 8000))
    const otherActions = (await admin.get(`/api/audit?unitId=${UBKT}&limit=200`)).body.entries.filter((e: any) => e.target === other.caseId).map((e: any) => e.action)
    expect(otherActions).toContain('case.forward')
    expect(otherActions).not.toContain('case.escalate')
  })
})
