/**
 * The daily data-request reminder sweep, run as the scheduler runs it (the
 * embedded runtime's job endpoint, with the morning it stands for): nothing
 * two working days ahead; the working day before the deadline the wards that
 * have not answered are reminded in the app, once however often the sweep
 * runs, and the ward that has answered is not; once the deadline has passed,
 * one more reminder that says it is late; a closed request is left alone.
 */
import { describe, expect, it, vi } from 'vitest'
import { baseUrl, login, uniq, type Session } from '../../support/api.js'
import { addDays, CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

vi.setConfig({ testTimeout: 120_000 })

let adminToken: Promise<string> | undefined
const asAdmin = async () => ({ authorization: `Bearer ${await (adminToken ??= login('admin').then((s) => s.token))}` })
const morning = (date: string) => `${date}T01:00:00.000Z` // 08:00 in Việt Nam
async function sweep(date: string): Promise<any> {
  const res = await fetch(`${baseUrl()}/local/jobs/data-request-reminders`, { method: 'POST', body: JSON.stringify({ now: morning(date) }), headers: await asAdmin() })
  expect(res.status).toBe(200)
  return res.json()
}
const remindersOf = async (s: Session, title: string): Promise<{ title: string; text: string }[]> =>
  (await s.get('/api/notifications')).body.items.filter((n: any) => n.title === `Nhắc gửi số liệu / Reminder: ${title}`)
const INDICATORS = [{ code: '1', name: 'Số đảng viên mới kết nạp', unit: 'người', type: 'integer' }]

describe('data request reminder sweep', () => {
  it('reminds the wards that have not answered the day before the deadline, once, and once more when late', async () => {
    // Prepare
    const [city, hoankiem, badinh] = await Promise.all([login('bithu.tu'), login('bithu.hoankiem'), login('chuyenvien.badinh')])
    const today = vietnamDate()
    const deadline = CALENDAR.addWorkingDays(today, 4)
    const title = `Số liệu kết nạp đảng viên ${uniq()}`
    const closedTitle = `Số liệu đã đóng ${uniq()}`
    const body = (t: string) => ({ title: t, periodFrom: `${today.slice(0, 4)}-01-01`, periodTo: today, deadline, indicators: INDICATORS, recipientUnitIds: ['p-hoankiem', 'p-badinh'], send: true })
    const sent = await city.post('/api/datarequests', body(title))
    expect(sent.status).toBe(201)
    const closed = (await city.post('/api/datarequests', body(closedTitle))).body
    expect((await badinh.post(`/api/datarequests/${sent.body.requestId}/answers/p-badinh`, { values: { '1': 7 } })).status).toBe(200)
    const latest = (await city.get(`/api/datarequests/${closed.requestId}`)).body
    expect((await city.post(`/api/datarequests/${closed.requestId}/close`, { version: latest.version })).status).toBe(200)
    const dayBefore = CALENDAR.addWorkingDays(today, 3)
    const afterDeadline = CALENDAR.nextWorkingDay(addDays(deadline, 1))

    // Act + Assess: two working days ahead, nothing yet
    await sweep(CALENDAR.addWorkingDays(today, 2))
    expect(await remindersOf(hoankiem, title)).toEqual([])

    // Act + Assess: the working day before the deadline, the ward that has not answered, once
    await sweep(dayBefore)
    await sweep(dayBefore)
    const due = await remindersOf(hoankiem, title)
    expect(due).toHaveLength(1)
    expect(due[0]!.text).toContain(`Sắp đến hạn gửi số liệu "${title}" cho Thành ủy Hà Nội (hạn ${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)})`)

    // Act + Assess: past the deadline, one more, saying it is late
    await sweep(afterDeadline)
    await sweep(afterDeadline)
    const all = await remindersOf(hoankiem, title)
    expect(all).toHaveLength(2)
    expect(all.filter((n) => n.text.startsWith('Đã quá hạn gửi số liệu'))).toHaveLength(1)

    // The ward that answered and the closed request were never reminded.
    expect(await remindersOf(badinh, title)).toEqual([])
    expect(await remindersOf(hoankiem, closedTitle)).toEqual([])

    // The marks are on the owner's audit trail, by the system.
    const admin = await login('admin')
    const marks = (await admin.get(`/api/audit?unitId=${sent.body.ownerUnitId}&limit=200`)).body.entries.filter((e: any) => e.target === sent.body.requestId && e.action === 'datarequest.autoRemind')
    expect(marks).toHaveLength(2)
  })
})
