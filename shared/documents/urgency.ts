/**
 * Urgency marks of official documents and the handling deadline each gives
 * on the working-day calendar (shared/calendar).
 */
import type { Named } from './types.js'
import { CALENDAR, type WorkingCalendar } from '../calendar/working-days.js'


/** Urgency marks (độ khẩn): normal, KHẨN, THƯỢNG KHẨN, HỎA TỐC. */
export const URGENCIES = ['normal', 'khan', 'thuong-khan', 'hoa-toc'] as const
export type Urgency = (typeof URGENCIES)[number]
export const URGENCY_NAMES: Record<Urgency, Named> = {
  normal: { vi: 'Thường', en: 'Normal' },
  khan: { vi: 'KHẨN', en: 'Urgent' },
  'thuong-khan': { vi: 'THƯỢNG KHẨN', en: 'Very urgent' },
  'hoa-toc': { vi: 'HỎA TỐC', en: 'Immediate' },
}

/**
 * Default handling time by urgency, in working days after receipt [R]:
 * practice (Decree 30/2020) is "same or next working day, urgent ones at
 * once"; units set their own in their rules of procedure, hence data with an
 * effective date. HỎA TỐC is due the same calendar day, whatever the day.
 */
export interface DeadlineRule { validFrom: string; workingDays: Record<Exclude<Urgency, 'hoa-toc'>, number> }
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  { validFrom: '2020-03-05', workingDays: { normal: 7, khan: 2, 'thuong-khan': 1 } },
]

export function deadlineRuleOn(date: string, rules: readonly DeadlineRule[] = DEADLINE_RULES): DeadlineRule {
  const inForce = rules.filter((r) => r.validFrom <= date).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
  return inForce[0] ?? rules[0]
}

/** The default deadline for handling a document received on `date` with this urgency. */
export function deadlineFor(date: string, urgency: Urgency, calendar: WorkingCalendar = CALENDAR, rules: readonly DeadlineRule[] = DEADLINE_RULES): string {
  if (urgency === 'hoa-toc') return date
  return calendar.addWorkingDays(date, deadlineRuleOn(date, rules).workingDays[urgency])
}
