/**
 * Legal time limits of the case kinds, as data with effective dates, counted
 * in working days on the working-day calendar (shared/calendar). The rule in
 * force on the day a case is received governs it.
 *
 * Sources named: Quy định 22-QĐ/TW (28/07/2021) on inspection, supervision
 * and Party discipline, and Hướng dẫn 02-HD/TW (09/12/2021) implementing it;
 * for voters' petitions, the People's Council practice of answering before
 * the next session. The figures below were NOT checked against the official
 * texts (none was at hand): every row is `verified: false` and shown as
 * "[chưa kiểm chứng / unverified]" on screen. They are configuration — a
 * new row with its `validFrom` replaces one without a code change.
 */
import { addDays, type WorkingCalendar } from '../calendar/working-days.js'

export type LimitKind = 'complaint' | 'denunciation' | 'violation' | 'petition'
export type LimitStep = 'acceptance' | 'handling' | 'extension' | 'answer'

export interface TimeLimit {
  readonly kind: LimitKind
  readonly step: LimitStep
  readonly workingDays: number
  readonly validFrom: string
  readonly validTo?: string
  readonly source: string
  readonly verified: boolean
}

const QD22 = 'Quy định 22-QĐ/TW (28/07/2021); Hướng dẫn 02-HD/TW (09/12/2021) [chưa kiểm chứng / unverified]'
const row = (kind: LimitKind, step: LimitStep, workingDays: number, source = QD22): TimeLimit => ({ kind, step, workingDays, validFrom: '2021-07-28', source, verified: false })

export const TIME_LIMITS: readonly TimeLimit[] = [
  // Acceptance: decide within this many working days of receipt whether the commission accepts it.
  row('complaint', 'acceptance', 10), row('denunciation', 'acceptance', 10), row('violation', 'acceptance', 10),
  // Handling, from the acceptance (the assignment of an inspector).
  row('complaint', 'handling', 60), row('denunciation', 'handling', 60), row('violation', 'handling', 60),
  // One extension, at most this long, decided by the commission's chair.
  row('complaint', 'extension', 30), row('denunciation', 'extension', 30), row('violation', 'extension', 30),
  row('petition', 'answer', 30, 'Thực tiễn trả lời kiến nghị cử tri của HĐND (trước kỳ họp sau) [chưa kiểm chứng / unverified]'),
]

/** The limit in force on `date` (a Việt Nam date); throws when none is configured. */
export function limitOn(kind: LimitKind, step: LimitStep, date: string, limits: readonly TimeLimit[] = TIME_LIMITS): TimeLimit {
  const found = limits.filter((l) => l.kind === kind && l.step === step && l.validFrom <= date && (!l.validTo || date <= l.validTo))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]
  if (!found) throw new Error(`no ${step} limit for ${kind} on ${date}`)
  return found
}

/** The last day of a limit of `workingDays` counted from the day after `from` (exactly that many working days after it). */
export const limitDue = (from: string, workingDays: number, calendar: WorkingCalendar): string =>
  calendar.addWorkingDays(addDays(from, 1), workingDays - 1)
