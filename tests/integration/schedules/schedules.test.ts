/**
 * Schedules through the embedded platform: the ward's clerk schedules a
 * meeting presided by the ward secretary; a second booking of the secretary
 * at an overlapping time is answered with the conflict and saved only when
 * accepted; drafts are the office's until the week is published; a change
 * after publication is mailed to the participants; the feeds read back with
 * an independent parser (ical.js): events, TZID, SEQUENCE, STATUS:CANCELLED,
 * and a revoked token answers 404. Bad input is refused and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { baseUrl, call, login, uniq, type Session } from '../../support/api.js'
import { weekOf, vietnamMidnight } from '../../../shared/schedules/rules.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const WARD = 'p-hoankiem'
const DAY = 86_400_000
// A week well ahead of the demo's two weeks: Monday eight weeks from now.
const week = weekOf(new Date(Date.now() + 56 * DAY))
const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return new Date(vietnamMidnight(week).getTime() + day * DAY + (h * 60 + m) * 60_000).toISOString().replace('.000Z', 'Z')
}

/** The Việt Nam date of the week's n-th day. */
const vnDay = (n: number) => new Date(Date.parse(`${week}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

let clerk: Session, secretary: Session, specialist: Session, outsider: Session
let secretaryId: string, specialistId: string, outsiderId: string, roomId: string
let adminToken: string
const outbox = async (): Promise<{ to: string[]; subject: string; text: string }[]> =>
  (await fetch(`${baseUrl()}/local/outbox`, { headers: { authorization: `Bearer ${adminToken}` } })).json()
const weekEvents = async (s: Session) => (await s.get(`/api/schedules/events?unitId=${WARD}&from=${week}&to=${vnDay(6)}`))

beforeAll(async () => {
  ;[clerk, secretary, specialist, outsider] = await Promise.all(['vanthu.hoankiem', 'bithu.hoankiem', 'chuyenvien.hoankiem', 'chuyenvien.badinh'].map((u) => login(u)))
  adminToken = (await login('admin')).token
  ;[secretaryId, specialistId, outsiderId] = await Promise.all([secretary, specialist, outsider].map(async (s) => (await s.get('/api/me')).body.user.userId))
  roomId = (await clerk.get(`/api/schedules/rooms?unitId=${WARD}`)).body.rooms[0].roomId
})

describe('a ward schedule', () => {
  it('shows a double booking of the secretary before saving, saves it only when accepted, publishes the week and mails a change', async () => {
    // Prepare
    const title = `Họp Ban Thường vụ mở rộng ${uniq()}`
    const meeting = { unitId: WARD, kind: 'meeting', title, start: at(1, '08:00'), end: at(1, '10:00'), roomId, presiderId: secretaryId, participantIds: [specialistId] }

    // Act: the first meeting; then another event for the secretary at 09:00
    const first = await clerk.post('/api/schedules/events', meeting)
    const other = { unitId: WARD, kind: 'reception', title: `Tiếp công dân ${uniq()}`, start: at(1, '09:00'), end: at(1, '11:00'), presiderId: secretaryId, participantIds: [] }
    const checked = await clerk.post('/api/schedules/check', other)
    const refused = await clerk.post('/api/schedules/events', other)
    const countAfterRefusal = (await weekEvents(clerk)).body.events.length
    const accepted = await clerk.post('/api/schedules/events', { ...other, acceptConflicts: true })

    // Assess
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ state: 'draft', sequence: 0, room: { roomId }, presider: { userId: secretaryId, fullName: 'Đỗ Minh Hoàng' }, conflicts: [] })
    expect(checked.body.conflicts).toEqual([expect.objectContaining({ kind: 'person', name: 'Đỗ Minh Hoàng', title, eventId: first.body.eventId })])
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain('Trùng lịch: Đỗ Minh Hoàng đã có')
    expect(countAfterRefusal).toBe(1)
    expect(accepted.status).toBe(201)
    expect(accepted.body.conflicts).toHaveLength(1)

    // Drafts are the office's: the specialist (a participant) sees nothing yet.
    expect((await weekEvents(specialist)).body.events).toEqual([])
    const published = await clerk.post('/api/schedules/publish', { unitId: WARD, week })
    expect(published.body).toMatchObject({ published: 2 })
    expect((await weekEvents(specialist)).body.events.map((e: any) => e.title)).toContain(title)

    // Act: move the published meeting one hour later
    const moved = await clerk.post(`/api/schedules/events/${first.body.eventId}`, { ...meeting, start: at(1, '13:00'), end: at(1, '15:00'), version: first.body.version + 1 })

    // Assess: a new SEQUENCE, and the participants are told (vi, then en)
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ state: 'published', sequence: 1 })
    const mails = (await outbox()).filter((m) => m.subject.includes(title))
    expect(mails).toHaveLength(1)
    expect(mails[0].to).toEqual(expect.arrayContaining(['bithu.hoankiem@hanoi.dcs.vn', 'chuyenvien.hoankiem@hanoi.dcs.vn']))
    expect(mails[0].text).toContain('Thời gian: 13:00')
    expect(mails[0].text).toContain('trước: 08:00')
  })

  it('refuses bad input with a vi/en message and writes nothing', async () => {
    const before = (await weekEvents(clerk)).body.events.length
    const base = { unitId: WARD, kind: 'meeting', title: `Họp ${uniq()}`, start: at(3, '10:00'), end: at(3, '09:00') }
    const backwards = await clerk.post('/api/schedules/events', base, 'en')
    const outside = await clerk.post('/api/schedules/events', { ...base, end: at(3, '11:00'), participantIds: [outsiderId] })
    const ended = await clerk.post('/api/schedules/events', { ...base, unitId: 'hk-du-hangbac', end: at(3, '11:00') })
    const notManager = await specialist.post('/api/schedules/events', { ...base, end: at(3, '11:00') })
    expect(backwards).toMatchObject({ status: 422, body: { error: { code: 'schedule.endBeforeStart', message: 'The end must be after the start.' } } })
    expect(outside.status).toBe(422)
    expect(outside.body.error.message).toBe('Đ/c Hoàng Văn Viên không thuộc Đảng ủy phường Hoàn Kiếm, không thể mời vào lịch của đơn vị này.')
    expect([422, 403]).toContain(ended.status)
    expect(notManager.status).toBe(403)
    expect((await weekEvents(clerk)).body.events.length).toBe(before)
  })
})

describe('the iCalendar feeds', () => {
  it('give the participant their published events in Việt Nam time, a cancelled one as CANCELLED, and stop at once when revoked', async () => {
    // Prepare: a published event the specialist attends, then cancelled
    const title = `Hội nghị sơ kết ${uniq()}`
    const created = await clerk.post('/api/schedules/events', { unitId: WARD, kind: 'meeting', title, start: at(4, '14:00'), end: at(4, '16:00'), roomId, participantIds: [specialistId], acceptConflicts: true })
    await clerk.post('/api/schedules/publish', { unitId: WARD, week })
    const kept = await clerk.post('/api/schedules/events', { unitId: WARD, kind: 'visit', title: `Làm việc ${uniq()}`, start: at(2, '08:30'), end: at(2, '10:00'), place: 'Chi bộ Hàng Đào', participantIds: [specialistId] })
    await clerk.post('/api/schedules/publish', { unitId: WARD, week })
    const cancelled = await clerk.post(`/api/schedules/events/${created.body.eventId}/cancel`, { version: created.body.version + 1, reason: 'Lùi sang tuần sau' })
    expect(cancelled.status).toBe(200)

    // Act: the specialist makes her feed URL; a calendar fetches it without signing in
    const made = await specialist.post('/api/schedules/feed', {})
    const res = await fetch(`${baseUrl()}${made.body.path}`)
    const text = await res.text()

    // Assess
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const cal = new ICAL.Component(ICAL.parse(text))
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh')
    const events = cal.getAllSubcomponents('vevent')
    const byTitle = (t: string) => events.find((e) => e.getFirstPropertyValue('summary') === t)!
    const gone = byTitle(title)
    expect(gone.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(gone.getFirstPropertyValue('sequence')).toBe(1)
    expect(gone.getFirstPropertyValue('uid')).toBe(`${created.body.eventId}@digital-office`)
    const visit = byTitle(kept.body.title)
    const start = visit.getFirstProperty('dtstart')!
    expect(start.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh')
    expect((start.getFirstValue() as ICAL.Time).toString()).toBe(`${vnDay(2)}T08:30:00`) // the wall clock in Hà Nội, whatever the server's zone
    expect(visit.getFirstPropertyValue('location')).toBe('Chi bộ Hàng Đào')
    expect(visit.getFirstPropertyValue('status')).toBe('CONFIRMED')

    // Act: regenerate (the old URL is dead), then revoke (the new one too)
    const again = await specialist.post('/api/schedules/feed', {})
    const oldUrl = await fetch(`${baseUrl()}${made.body.path}`)
    const newUrl = await fetch(`${baseUrl()}${again.body.path}`)
    await specialist.post('/api/schedules/feed/revoke', {})
    const revoked = await call('GET', again.body.path)
    expect([oldUrl.status, newUrl.status, revoked.status]).toEqual([404, 200, 404])
    expect((await specialist.get('/api/schedules/feed')).body).toMatchObject({ active: false })
  })

  it("gives the ward's published schedule on its own feed, made by its office only", async () => {
    expect((await specialist.post('/api/schedules/feed', { unitId: WARD })).status).toBe(403)
    const made = await clerk.post('/api/schedules/feed', { unitId: WARD })
    const text = await (await fetch(`${baseUrl()}${made.body.path}`)).text()
    const summaries = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))
    expect(summaries.some((s) => String(s).startsWith('Họp Ban Thường vụ Đảng ủy phường (tuần 1)'))).toBe(true)
    expect(summaries.some((s) => String(s).startsWith('Họp Ban Thường vụ Đảng ủy phường (tuần 2)'))).toBe(false) // next week: still a draft
  })
})

describe("today's events in my work", () => {
  it('lists the published events of today the caller presides or attends, by name and time', async () => {
    const today = vietnamDate()
    const mine = await secretary.get(`/api/schedules/mine?from=${today}&to=${today}`)
    const section = (await secretary.get('/api/me/work')).body.sections.find((s: any) => s.id === 'schedules.today')
    expect(mine.status).toBe(200)
    const titles = mine.body.events.map((e: any) => e.title)
    if (titles.length) expect(section.items.map((i: any) => i.title)).toEqual(titles.slice(0, 5))
    else expect(section).toBeUndefined()
    for (const i of section?.items ?? []) expect(i.subtitle).toMatch(/^\d\d:\d\d–\d\d:\d\d/)
  })
})
