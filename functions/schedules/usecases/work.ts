/**
 * The schedules' part of "my work today": today's events (Việt Nam day) the
 * caller presides or attends, as they may see them, by time and place.
 */
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { vietnamClock } from '../../../shared/calendar/vietnam-time.js'
import { myEvents, type ScheduleContext } from './events.js'

const hhmm = (iso: string) => vietnamClock(new Date(iso)).slice(0, 5)

export async function scheduleWork(ctx: ScheduleContext): Promise<WorkSection[]> {
  const events = await myEvents(ctx, { from: ctx.date, to: ctx.date })
  if (!events.length) return []
  return [workSection('schedules.today', '/schedules', events.map((e) => ({
    title: e.title,
    subtitle: [`${hhmm(e.start)}–${hhmm(e.end)}`, e.room?.name ?? e.place, e.presider ? `Chủ trì: ${e.presider.fullName}` : undefined].filter(Boolean).join(' · '),
    href: '/schedules',
  })))]
}
