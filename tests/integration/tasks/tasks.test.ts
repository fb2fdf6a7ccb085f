/**
 * Tasks through the embedded platform: a ward secretary gives a task to a
 * specialist of the ward, who sees it, accepts it, reports on it, asks for
 * more time (granted: the deadline moves) and submits it; the secretary
 * evaluates it, done on time. Bad input is refused with a clear message and
 * writes nothing; people outside the ward cannot see the task.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { login, uniq, type Session } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const WARD = 'p-hoankiem'
const today = vietnamDate()
/** Today when it is a working day (then the task is due today), else the next working day. */
const deadline = CALENDAR.nextWorkingDay(today)
const later = CALENDAR.addWorkingDays(deadline, 5)
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

let secretary: Session
let specialist: Session
let specialistId: string
/** The titles of the newest 100 tasks he gave (newest first: a task just written would be among them). Other files give tasks meanwhile, so no counts. */
const assignedTitles = async (): Promise<string[]> => (await secretary.get('/api/tasks?view=assigned&limit=100')).body.tasks.map((t: any) => t.title)

beforeAll(async () => {
  secretary = await login('bithu.hoankiem')
  specialist = await login('chuyenvien.hoankiem')
  specialistId = (await specialist.get('/api/me')).body.user.userId
})

describe('a task from assignment to evaluation', () => {
  it('is assigned, seen by its lead, accepted, reported on, extended, submitted and evaluated on time', async () => {
    // Prepare
    const title = `Báo cáo kết quả chuyển đổi số quý IV ${uniq()}`

    // Act: assign
    const created = await secretary.post('/api/tasks', { title, leadUnitId: WARD, leadUserId: specialistId, deadline, priority: 'high' })

    // Assess
    expect(created.status).toBe(201)
    const task = created.body
    expect(task).toMatchObject({ status: 'assigned', deadline, leadUnitName: expect.stringContaining('Hoàn Kiếm'), leadUser: { userId: specialistId, fullName: 'Đặng Thu Trang' }, version: 1 })

    // The lead sees it in "mine" and, due today, in her work of the day (by name, not id).
    const mine = await specialist.get('/api/tasks?view=mine')
    expect(mine.body.tasks.map((t: any) => t.title)).toContain(title)
    const work = await specialist.get('/api/me/work')
    const due = work.body.sections.find((s: any) => s.id === 'tasks.due')
    if (deadline === today) {
      expect(due.items.map((i: any) => i.title)).toContain(title)
      expect(due.items.find((i: any) => i.title === title)).toMatchObject({ subtitle: 'Đỗ Minh Hoàng → Đặng Thu Trang', href: '/tasks', due: deadline, overdue: false })
    }

    // Act: accept, report 50 %, ask for five more working days
    const accepted = await specialist.post(`/api/tasks/${task.taskId}/accept`, { version: 1 })
    const reported = await specialist.post(`/api/tasks/${task.taskId}/progress`, { version: accepted.body.version, percent: 50, text: 'Đã tổng hợp số liệu của các chi bộ' })
    const asked = await specialist.post(`/api/tasks/${task.taskId}/extensions`, { version: reported.body.version, until: later, reason: 'Chờ số liệu của Văn phòng Thành ủy' })

    // Assess
    expect([accepted.status, reported.status, asked.status]).toEqual([200, 200, 200])
    expect(reported.body).toMatchObject({ status: 'in-progress', percent: 50 })
    expect(asked.body.extensions).toEqual([expect.objectContaining({ status: 'pending', from: deadline, until: later })])
    expect((await secretary.get('/api/tasks?view=assigned')).body.tasks.find((t: any) => t.taskId === task.taskId)).toMatchObject({ pendingExtension: true })

    // Act: the secretary approves; the specialist submits; the secretary evaluates
    const approved = await secretary.post(`/api/tasks/${task.taskId}/extensions/decision`, { version: asked.body.version, approve: true })
    const submitted = await specialist.post(`/api/tasks/${task.taskId}/submit`, { version: approved.body.version, text: 'Báo cáo gửi kèm' })
    const toEvaluate = (await secretary.get('/api/me/work')).body.sections.find((s: any) => s.id === 'tasks.to-evaluate')
    const evaluated = await secretary.post(`/api/tasks/${task.taskId}/evaluate`, { version: submitted.body.version, quality: 5, comment: 'Đầy đủ, đúng hạn' })

    // Assess
    expect(approved.body).toMatchObject({ deadline: later, originalDeadline: deadline })
    expect(submitted.body.status).toBe('submitted')
    expect(toEvaluate.items.find((i: any) => i.title === title)).toMatchObject({ subtitle: 'Đặng Thu Trang', href: '/tasks?view=assigned', due: later })
    expect(evaluated.status).toBe(200)
    expect(evaluated.body).toMatchObject({ status: 'done', percent: 100, evaluation: { timeliness: 'on-time', quality: 5, by: { fullName: 'Đỗ Minh Hoàng' } } })
    const shown = await specialist.get(`/api/tasks/${task.taskId}`)
    expect(shown.body).toMatchObject({ status: 'done', deadline: later })

    // Every step is on the ward's audit trail.
    const admin = await login('admin')
    const trail = (await admin.get(`/api/audit?unitId=${WARD}&limit=200`)).body.entries.filter((e: any) => e.target === task.taskId).map((e: any) => e.action)
    expect(trail.sort()).toEqual(['task.accept', 'task.create', 'task.evaluate', 'task.extensionDecide', 'task.extensionRequest', 'task.progress', 'task.submit'])

    // Done: no extension any more (422, in words), and the KPI counts it on time.
    const tooLate = await specialist.post(`/api/tasks/${task.taskId}/extensions`, { version: evaluated.body.version, until: CALENDAR.addWorkingDays(later, 2), reason: 'Thêm thời gian' })
    expect(tooLate.status).toBe(422)
    expect(tooLate.body.error.message).toBe(`Nhiệm vụ "${title}" đã hoàn thành, không thể thay đổi.`)
    expect((await specialist.get(`/api/tasks/${task.taskId}`)).body.version).toBe(evaluated.body.version)
    const kpis = await secretary.get(`/api/tasks/kpis?unitId=${WARD}`)
    expect(kpis.body.doneOnTime).toBeGreaterThanOrEqual(1)
  })
})

describe('bad input changes nothing', () => {
  it('refuses a deadline in the past with a Vietnamese (and English) message, writing nothing', async () => {
    // Prepare
    const title = `Việc đã qua hạn ${uniq()}`
    const yesterday = new Date(Date.now() - 86_400_000 * 3).toISOString().slice(0, 10)

    // Act
    const vi = await secretary.post('/api/tasks', { title, leadUnitId: WARD, deadline: yesterday })
    const en = await secretary.post('/api/tasks', { title, leadUnitId: WARD, deadline: yesterday }, 'en')

    // Assess
    expect(vi.status).toBe(422)
    expect(vi.body.error.message).toBe(`Hạn xử lý ${dmy(yesterday)} đã qua (hôm nay là ${dmy(today)}): hãy chọn một ngày từ hôm nay trở đi.`)
    expect(en.body.error.message).toContain('has passed')
    expect(await assignedTitles()).not.toContain(title)
  })

  it('refuses a lead outside the assigner\'s reach (another ward) with 403, writing nothing', async () => {
    const title = `Việc của phường khác ${uniq()}`

    const res = await secretary.post('/api/tasks', { title, leadUnitId: 'p-badinh', deadline: later })

    expect(res.status).toBe(403)
    expect(await assignedTitles()).not.toContain(title)
  })

  it('refuses a stale version with 409 and keeps the newer change', async () => {
    // Prepare
    const task = (await secretary.post('/api/tasks', { title: `Rà soát hồ sơ ${uniq()}`, leadUnitId: WARD, leadUserId: specialistId, deadline: later })).body
    const accepted = await specialist.post(`/api/tasks/${task.taskId}/accept`, { version: 1 })

    // Act: a second report made on the version before the acceptance
    const stale = await specialist.post(`/api/tasks/${task.taskId}/progress`, { version: 1, percent: 30, text: 'Báo cáo cũ' })

    // Assess
    expect(accepted.status).toBe(200)
    expect(stale.status).toBe(409)
    const now = (await specialist.get(`/api/tasks/${task.taskId}`)).body
    expect(now).toMatchObject({ status: 'accepted', percent: 0, version: 2 })
  })

  it('hides a task from someone outside the ward (404, as if it did not exist) and from its own lists', async () => {
    // Prepare
    const title = `Việc nội bộ phường ${uniq()}`
    const task = (await secretary.post('/api/tasks', { title, leadUnitId: WARD, deadline: later })).body
    const outsider = await login('chuyenvien.badinh')

    // Act
    const shown = await outsider.get(`/api/tasks/${task.taskId}`)
    const accept = await outsider.post(`/api/tasks/${task.taskId}/accept`, { version: 1 })
    const unitList = await outsider.get(`/api/tasks?view=unit&unitId=${WARD}`)
    const mine = await outsider.get('/api/tasks?view=mine')

    // Assess
    expect(shown.status).toBe(404)
    expect(shown.body.error.message).toBe(`Không tìm thấy nhiệm vụ ${task.taskId}.`)
    expect(accept.status).toBe(404)
    expect(unitList.status).toBe(403)
    expect(mine.body.tasks.map((t: any) => t.title)).not.toContain(title)
    // A task led by the ward as a unit is the ward's staff's to accept: the ward's specialist sees it in "mine".
    expect((await specialist.get('/api/tasks?view=mine')).body.tasks.map((t: any) => t.title)).toContain(title)
  })
})

describe('demo tasks', () => {
  it('shows the ward secretary tasks he gave in every state, one of them overdue and one waiting on his extension decision', async () => {
    const demo = (await secretary.get('/api/tasks?view=assigned')).body.tasks

    expect(new Set(demo.map((t: any) => t.status))).toEqual(new Set(['assigned', 'accepted', 'in-progress', 'submitted', 'done', 'cancelled']))
    expect(demo.find((t: any) => t.title === 'Cập nhật hồ sơ tổ chức cơ sở đảng sau sắp xếp')).toMatchObject({ status: 'in-progress', overdue: true, percent: 40 })
    expect(demo.find((t: any) => t.title === 'Xây dựng kế hoạch kiểm tra, giám sát năm 2027')).toMatchObject({ pendingExtension: true })
    expect((await secretary.get('/api/me/work')).body.sections.find((s: any) => s.id === 'tasks.to-evaluate').items.map((i: any) => i.title))
      .toContain('Báo cáo tình hình thu, nộp đảng phí quý IV')
  })
})
