/**
 * The meetings' part of "my work today": invitations waiting for my answer
 * (meetings not yet ended, from today on) and my meetings today. Items name
 * the meeting, its time and the organising body, never ids.
 */
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { clock, myMeetings, participantOf, type MeetingContext } from './meetings.js'

export async function meetingWork(ctx: MeetingContext): Promise<WorkSection[]> {
  const mine = (await myMeetings(ctx)).filter((m) => m.status !== 'ended' && m.day >= ctx.date)
  const toAnswer = mine.filter((m) => m.status !== 'planned' && (() => { const p = participantOf(m, ctx.actor.userId); return p && p.role !== 'delegate' && !p.answer })())
  const today = mine.filter((m) => m.day === ctx.date && m.status !== 'planned')
  const item = (m: (typeof mine)[number]) => ({ title: m.title, subtitle: `${clock(m.startsAt)} · ${m.place} · ${m.ownerUnitName}`, href: `/meetings/${m.meetingId}`, due: m.startsAt })
  const sections: WorkSection[] = []
  if (today.length) sections.push(workSection('meetings.today', '/meetings', today.map(item)))
  if (toAnswer.length) sections.push(workSection('meetings.to-answer', '/meetings', toAnswer.map(item)))
  return sections
}
