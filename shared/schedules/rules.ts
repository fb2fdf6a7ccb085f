/**
 * The rules of a schedule, pure: the week in Việt Nam time (Monday 00:00 to
 * the next Monday 00:00 in Asia/Ho_Chi_Minh, UTC+07:00 without daylight
 * saving), an event's times, conflicts (a person or a room booked twice at
 * overlapping times) and what a change does to a published event.
 */
import { RuleError } from '../errors/index.js'
import { vietnamDate } from '../calendar/vietnam-time.js'
import { MAX_EVENT_DAYS, type Conflict, type ScheduleEvent } from './contracts.js'

const DAY = 86_400_000
/** Việt Nam's offset: fixed, no daylight saving. */
const OFFSET = 7 * 3_600_000

/** The instant a Việt Nam day (YYYY-MM-DD) begins. */
export const vietnamMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET)
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

/** The Monday (YYYY-MM-DD) of the Việt Nam week an instant or a date falls in. */
export function weekOf(at: Date | string): string {
  const date = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : vietnamDate(typeof at === 'string' ? new Date(at) : at)
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

/** The week starting on Monday `week`, as instants: [from, to). */
export function weekBounds(week: string): { from: Date; to: Date; days: string[] } {
  if (weekOf(week) !== week) throw new RuleError('schedule.weekNotMonday', { week })
  return { from: vietnamMidnight(week), to: vietnamMidnight(addDays(week, 7)), days: Array.from({ length: 7 }, (_, i) => addDays(week, i)) }
}

/** Days [from, to] (Việt Nam dates, inclusive) as instants [start, end). */
export const dayRange = (from: string, to: string): { from: Date; to: Date } => ({ from: vietnamMidnight(from), to: vietnamMidnight(addDays(to, 1)) })

/** An event ends after it starts and lasts at most MAX_EVENT_DAYS. */
export function checkTimes(start: string, end: string): void {
  const s = Date.parse(start), e = Date.parse(end)
  if (!(e > s)) throw new RuleError('schedule.endBeforeStart')
  if (e - s > MAX_EVENT_DAYS * DAY) throw new RuleError('schedule.tooLong', { days: MAX_EVENT_DAYS })
}

export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end)

/** What an event books: its people (presider and participants) and its room. */
export type Booking = Pick<ScheduleEvent, 'start' | 'end' | 'room' | 'presider' | 'participants'> & { eventId?: string }

/**
 * The conflicts of a booking with other events: each person of both booked
 * at overlapping times, and the room. Cancelled events and the event itself
 * (when edited) do not count; touching ends (10:00–11:00 after 9:00–10:00)
 * do not overlap.
 */
export function findConflicts(candidate: Booking, others: readonly ScheduleEvent[]): Conflict[] {
  const people = new Map([...(candidate.presider ? [candidate.presider] : []), ...candidate.participants].map((p) => [p.userId, p]))
  const out: Conflict[] = []
  for (const e of others) {
    if (e.cancelled || e.eventId === candidate.eventId || !overlaps(candidate, e)) continue
    const ref = { eventId: e.eventId, title: e.title, start: e.start, end: e.end }
    const theirs = [...(e.presider ? [e.presider] : []), ...e.participants]
    for (const p of new Map(theirs.map((x) => [x.userId, x])).values()) {
      const mine = people.get(p.userId)
      if (mine) out.push({ kind: 'person', name: mine.fullName, ...ref })
    }
    if (candidate.room && e.room?.roomId === candidate.room.roomId) out.push({ kind: 'room', name: candidate.room.name, ...ref })
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name, 'vi'))
}

/** Everyone an event concerns (presider and participants), once each. */
export const peopleOf = (e: Pick<ScheduleEvent, 'presider' | 'participants'>) =>
  [...new Map([...(e.presider ? [e.presider] : []), ...e.participants].map((p) => [p.userId, p])).values()]

/** A change to an event: a published one gets the next SEQUENCE (calendar clients replace their copy). */
export const nextSequence = (e: Pick<ScheduleEvent, 'state' | 'sequence'>): number => (e.state === 'published' ? e.sequence + 1 : e.sequence)
