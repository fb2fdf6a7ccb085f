/**
 * Deadlines of a transfer of Party activity on the working-day calendar
 * (294-QĐ/TW): each approval step has a number of working days [R]; the
 * member presents the letter within 30 working days; more than 3 months
 * without presenting it → proposal to remove the name. Temporary transfers:
 * 3 months to under 1 year (study in Vietnam: up to 2 years).
 */
import { CALENDAR, addDays, type WorkingCalendar } from '../calendar/working-days.js'
import type { Transfer } from './contracts.js'
import type { Assignment } from '../org/contracts.js'
import { vietnamDate } from '../calendar/vietnam-time.js'

export const TRANSFER_RULES = {
  /** [R] Working days each step of the chain has to decide (all three fit in the 60 working days of the rule). */
  approvalWorkingDays: 10,
  presentWithinWorkingDays: 30,
  removalAfterMonths: 3,
  temporary: { minMonths: 3, maxMonthsExclusive: 12, maxMonthsStudy: 24 },
} as const

/** Seconds from `now` to the end (23:59:59, Vietnam time) of the n-th working day after today. */
export function secondsToWorkingDay(now: Date, workingDays: number, calendar: WorkingCalendar = CALENDAR): number {
  const due = calendar.addWorkingDays(addDays(vietnamDate(now), 1), workingDays - 1)
  return Math.max(1, Math.ceil((Date.parse(`${due}T23:59:59+07:00`) - now.getTime()) / 1000))
}

/** Seconds from `now` to the same day `months` later (end of day, Vietnam time). */
export function secondsToMonthsLater(now: Date, months: number): number {
  const d = new Date(`${vietnamDate(now)}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return Math.max(1, Math.ceil((Date.parse(`${d.toISOString().slice(0, 10)}T23:59:59+07:00`) - now.getTime()) / 1000))
}

/** Seconds until the end of the last day away (Vietnam time); a drill counts its own timer. */
export function returnSeconds(t: Pick<Transfer, 'drill' | 'deadlines' | 'until'>, now = new Date()): number {
  if (t.drill) return t.deadlines.acceptSeconds
  return Math.max(1, Math.ceil((Date.parse(`${t.until}T23:59:59+07:00`) - now.getTime()) / 1000))
}

/** A temporary transfer's period must be 3 months to under 1 year (study: up to 2 years). */
export function temporaryPeriodProblem(from: string, until: string, purpose: 'work' | 'study'): 'order' | 'tooShort' | 'tooLong' | undefined {
  if (until <= from) return 'order'
  const plus = (months: number) => { const d = new Date(`${from}T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + months); return d.toISOString().slice(0, 10) }
  if (until < plus(TRANSFER_RULES.temporary.minMonths)) return 'tooShort'
  if (purpose === 'study' ? until > plus(TRANSFER_RULES.temporary.maxMonthsStudy) : until >= plus(TRANSFER_RULES.temporary.maxMonthsExclusive)) return 'tooLong'
  return undefined
}

/**
 * A member's access follows their membership. Accepted official transfer:
 * the member role at the old cell goes and one at the new cell comes.
 * Accepted temporary transfer: a member role at the temporary cell marked
 * with the transfer (attends, no vote there), the home cell's kept. Return:
 * that role goes. Other roles (a secretary's, an office's) are not touched.
 */
export function assignmentsAfterTransfer(assignments: readonly Assignment[], t: Pick<Transfer, 'transferId' | 'kind' | 'fromCellId' | 'toUnitId'>, event: 'accepted' | 'returned'): Assignment[] {
  if (event === 'returned') return assignments.filter((a) => a.temporaryTransferId !== t.transferId)
  if (!t.toUnitId) return [...assignments]
  const isMemberAt = (unitId: string) => (a: Assignment) => a.unitId === unitId && a.role === 'member'
  if (t.kind === 'official') {
    const kept = assignments.filter((a) => !isMemberAt(t.fromCellId)(a) && !isMemberAt(t.toUnitId!)(a))
    return [...kept, { unitId: t.toUnitId, role: 'member' }]
  }
  if (assignments.some((a) => isMemberAt(t.toUnitId!)(a) && a.temporaryTransferId === t.transferId)) return [...assignments]
  return [...assignments, { unitId: t.toUnitId, role: 'member', temporaryTransferId: t.transferId }]
}
