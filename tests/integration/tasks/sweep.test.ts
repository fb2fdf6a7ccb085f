/**
 * The task deadline sweep, run as the scheduler runs it (the embedded
 * runtime's job endpoint, with the morning it stands for): the lead is
 * reminded two working days before the deadline, once; once the deadline
 * has passed, the assigner's superior (the city committee's leaders, above
 * the ward) and the assigner hear of it, once; a done task is left alone.
 */
import { describe, expect, it, vi } from 'vitest'
import { baseUrl, login, uniq } from '../../support/api.js'
import { addDays, CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { earliestReminderDay } from '../../../shared/tasks/rules.js'

vi.setConfig({ testTimeout: 120_000 })

let adminToken: Promise<string> | undefined
const asAdmin = async () => ({ authorization: `Bearer ${await (adminToken ??= login('admin').then((s) => s.token))}` })
const morning = (date: string) => `${date}T01:00:00.000Z` // 08:00 in Việt Nam
async function sweep(date: string): Promise<any> {
  const res = await fetch(`${baseUrl()}/local/jobs/task-deadlines`, { method: 'POST', body: JSON.stringify({ now: morning(date) }), headers: await asAdmin() })
  expect(res.status).toBe(200)
  return res.json()
}
const outbox = async (): Promise<{ to: string[]; subject: string; text: string }[]> => (await fetch(`${baseUrl()}/local/outbox`, { headers: await asAdmin() })).json()
const mailsAbout = async (title: string) => (await outbox()).filter((m) => m.text.includes(title) || m.subject.includes(title))

describe('task deadline sweep', () => {
  it('reminds the lead two working days ahead, once, and escalates an overdue task to the superior and the assigner, once', async () => {
    // Prepare
    const secretary = await login('bithu.hoankiem')
    const specialist = await login('chuyenvien.hoankiem')
    const specialistId = (await specialist.get('/api/me')).body.user.userId
    const deadline = CALENDAR.addWorkingDays(vietnamDate(), 6)
    const title = `Tổng hợp ý kiến đóng góp ${uniq()}`
    const done = `Việc đã xong ${uniq()}`
    expect((await secretary.post('/api/tasks', { title, leadUnitId: 'p-hoankiem', leadUserId: specialistId, deadline })).status).toBe(201)
    const finished = (await secretary.post('/api/tasks', { title: done, leadUnitId: 'p-hoankiem', leadUserId: specialistId, deadline })).body
    const a = await specialist.post(`/api/tasks/${finished.taskId}/accept`, { version: 1 })
    const s = await specialist.post(`/api/tasks/${finished.taskId}/submit`, { version: a.body.version, text: 'xong' })
    expect((await secretary.post(`/api/tasks/${finished.taskId}/evaluate`, { version: s.body.version, quality: 4 })).status).toBe(200)
    const remindDay = earliestReminderDay(deadline, CALENDAR, 2)
    const afterDeadline = CALENDAR.nextWorkingDay(addDays(deadline, 1))

    // Act + Assess: the working day before the reminder day, nothing
    await sweep(CALENDAR.addWorkingDays(vietnamDate(), 1))
    expect(await mailsAbout(title)).toEqual([])

    // Act + Assess: on the reminder day, the lead is reminded, once however often the sweep runs
    await sweep(remindDay)
    await sweep(remindDay)
    const reminders = await mailsAbout(title)
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.to).toEqual(['chuyenvien.hoankiem@hanoi.dcs.vn'])
    expect(reminders[0]!.text).toContain(`hạn / due ${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`)

    // Act + Assess: after the deadline, the city committee's secretary (above the ward) and the assigner, once
    await sweep(afterDeadline)
    await sweep(afterDeadline)
    const escalations = (await mailsAbout(title)).filter((m) => m.subject.includes('quá hạn'))
    expect(escalations).toHaveLength(1)
    expect(escalations[0]!.to.sort()).toEqual(['bithu.hoankiem@hanoi.dcs.vn', 'bithu@hanoi.dcs.vn'])
    expect(escalations[0]!.text).toContain('Đỗ Minh Hoàng')

    // The done task was never mentioned.
    expect(await mailsAbout(done)).toEqual([])

    // The sweep's marks are on the ward's audit trail, by the system, and did not change the task's version.
    const mine = (await specialist.get('/api/tasks?view=mine')).body.tasks.find((t: any) => t.title === title)
    expect((await specialist.get(`/api/tasks/${mine.taskId}`)).body.version).toBe(1)
  })

  it('does nothing on a day off', async () => {
    let day = vietnamDate()
    while (CALENDAR.isWorkingDay(day)) day = addDays(day, 1)

    expect(await sweep(day)).toMatchObject({ skipped: 'not a working day', reminded: 0, escalated: 0 })
  })
})
