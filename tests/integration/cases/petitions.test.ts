/**
 * Voters' petitions and resolutions on the embedded platform: the ward office
 * records a petition from a meeting with voters, forwards it to the
 * responsible agency (an ended unit is refused, nothing changes), records the
 * agency's answer and its result, publishes it (then sealed); a resolution
 * after the council session gets its tasks through the tasks module (they
 * appear in the lead's task list) and its status follows them.
 */
import { describe, expect, it, vi } from 'vitest'
import { login, uniq } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { limitDue } from '../../../shared/cases/limits.js'

vi.setConfig({ testTimeout: 120_000 })
const WARD = 'p-hoankiem'

describe('voters\' petitions and resolutions', () => {
  it('forwards a petition to a live agency only, records the answer and publishes it, then seals it', async () => {
    const office = await login('bithu.hoankiem')
    const topic = `Chiếu sáng ngõ phố ${uniq()}`
    const body = {
      officeUnitId: WARD, text: 'Cử tri đề nghị lắp đèn chiếu sáng ngõ 12 Hàng Bạc.', meeting: 'Tiếp xúc cử tri trước kỳ họp thứ 5', place: 'Nhà văn hóa khu phố Hàng Bạc',
      meetingOn: '2026-06-10', area: 'Khu phố Hàng Bạc', topic, agencyUnitId: 'hn-qu-hoankiem',
    }
    // Bad: an ended agency — 422, nothing recorded
    const ended = await office.post('/api/petitions', body)
    expect(ended.status).toBe(422)
    expect(ended.body.error.message).toBe('Cơ quan Quận ủy Hoàn Kiếm đã kết thúc hoạt động; không thể chuyển kiến nghị đến đó.')
    expect((await office.get(`/api/petitions?officeUnitId=${WARD}&q=${encodeURIComponent(topic)}`)).body.petitions).toEqual([])

    const created = await office.post('/api/petitions', { ...body, agencyUnitId: 'p-hoankiem-mttq' })
    expect(created.status).toBe(201)
    const id = created.body.petitionId
    expect(created.body).toMatchObject({ state: 'received', agencyName: 'Ủy ban MTTQ phường Hoàn Kiếm', officeName: 'Đảng ủy phường Hoàn Kiếm' })
    const limit = limitDue(vietnamDate(), 30, CALENDAR)
    const tooLate = await office.post(`/api/petitions/${id}/forward`, { version: 1, answerDue: limitDue(limit, 1, CALENDAR) })
    expect(tooLate.status).toBe(422)
    const fwd = await office.post(`/api/petitions/${id}/forward`, { version: 1 })
    expect(fwd.body).toMatchObject({ state: 'forwarded', answerDue: limit })
    const answered = await office.post(`/api/petitions/${id}/answer`, { version: fwd.body.version, answer: 'Đã lắp 4 đèn LED trong tháng 7.', result: 'solved' })
    expect(answered.body).toMatchObject({ state: 'answered', answer: { result: 'solved', by: { fullName: 'Đỗ Minh Hoàng' } } })
    const published = await office.post(`/api/petitions/${id}/publish`, { version: answered.body.version })
    expect(published.body.state).toBe('published')
    const after = await office.post(`/api/petitions/${id}/answer`, { version: published.body.version, answer: 'Sửa', result: 'explained' })
    expect(after.status).toBe(422)
    expect(after.body.error.message).toBe('Hồ sơ vụ việc đã đóng và niêm phong, không thể thay đổi.')
    const listed = (await office.get(`/api/petitions?officeUnitId=${WARD}&q=${encodeURIComponent(topic)}`)).body.petitions
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ state: 'published', result: 'solved' })
    expect((await (await login('chuyenvien.badinh')).get(`/api/petitions/${id}`)).status).toBe(404)

    const admin = await login('admin')
    const trail = (await admin.get(`/api/audit?unitId=${WARD}&limit=200`)).body.entries.filter((e: any) => e.target === id).map((e: any) => e.action)
    expect(trail.sort()).toEqual(['petition.answer', 'petition.create', 'petition.forward', 'petition.publish'])
  })

  it('gives a resolution its tasks through the tasks module and shows its status from them', async () => {
    const office = await login('bithu.hoankiem')
    const specialist = await login('chuyenvien.hoankiem')
    const title = `Nghị quyết về chỉnh trang đô thị ${uniq()}`
    const res = await office.post('/api/resolutions', { officeUnitId: WARD, number: '15/NQ-HĐND', title, session: 'Kỳ họp thứ 5', adoptedOn: '2026-07-01' })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('no-tasks')
    const taskTitle = `Rà soát vỉa hè ${uniq()}`
    const bad = await office.post(`/api/resolutions/${res.body.resolutionId}/tasks`, { title: taskTitle, leadUnitId: 'hn-qu-hoankiem', deadline: limitDue(vietnamDate(), 10, CALENDAR) })
    expect(bad.status).toBeGreaterThanOrEqual(400)
    expect(bad.status).toBeLessThan(500)
    const withTask = await office.post(`/api/resolutions/${res.body.resolutionId}/tasks`, { title: taskTitle, leadUnitId: WARD, deadline: limitDue(vietnamDate(), 10, CALENDAR) })
    expect(withTask.status).toBe(201)
    expect(withTask.body).toMatchObject({ status: 'in-progress', tasks: [{ title: taskTitle, status: 'assigned', leadUnitName: 'Đảng ủy phường Hoàn Kiếm' }] })
    const taskId = withTask.body.tasks[0].taskId
    const task = (await office.get(`/api/tasks/${taskId}`)).body
    expect(task.source).toEqual({ kind: 'resolution', resolutionId: res.body.resolutionId, name: `15/NQ-HĐND: ${title}` })
    // The task is the tasks module's own: done there, the resolution shows it
    const a = await specialist.post(`/api/tasks/${taskId}/accept`, { version: task.version })
    expect(a.status).toBe(200)
    const s = await specialist.post(`/api/tasks/${taskId}/submit`, { version: a.body.version, text: 'Đã rà soát' })
    expect((await office.post(`/api/tasks/${taskId}/evaluate`, { version: s.body.version, quality: 4 })).status).toBe(200)
    expect((await office.get(`/api/resolutions/${res.body.resolutionId}`)).body.status).toBe('done')
    const list = (await office.get(`/api/resolutions?officeUnitId=${WARD}`)).body.resolutions
    expect(list.find((r: any) => r.title === title)).toMatchObject({ status: 'done', tasks: 1 })
  })
})
