/**
 * The complaint / denunciation / sign-of-violation kind on the case engine,
 * and its rules as pure functions (each takes the case as it is and answers
 * it as it becomes, or refuses with a RuleError whose code has a vi/en
 * message in shared/i18n/cases.ts):
 *
 *   received → registered → classified ─ assign → assigned → verifying → concluded → measures → closed (sealed)
 *                         ├→ forwarded (not the commission's: sent to a live unit; sealed)
 *                         └→ archived  (an anonymous denunciation without concrete evidence; sealed)
 *   concluded → closed when no measure follows; extension of the handling limit while assigned or verifying.
 *
 * Anonymous denunciations: not handled unless they name concrete evidence
 * (practice under Quy định 22-QĐ/TW [chưa kiểm chứng / unverified]).
 */
import { RuleError } from '../errors/index.js'
import type { PersonRef } from '../documents/contracts.js'
import type { WorkingCalendar } from '../calendar/working-days.js'
import { defineCaseKind, transition } from './engine.js'
import type { CaseAction } from './policy.js'
import { limitDue, limitOn } from './limits.js'
import type { Case, CaseKpis, CaseState, CaseType, Deadline } from './contracts.js'

export type ComplaintStep = 'register' | 'classify' | 'forward' | 'assign' | 'extend' | 'verify' | 'conclude' | 'measures' | 'followUp' | 'close'

export const COMPLAINT_KIND = defineCaseKind<CaseState, ComplaintStep, CaseAction>({
  kind: 'complaint',
  initial: 'received',
  states: ['received', 'registered', 'classified', 'assigned', 'verifying', 'concluded', 'measures', 'forwarded', 'archived', 'closed'],
  sealed: ['forwarded', 'archived', 'closed'],
  steps: {
    register: { from: ['received'], to: ['registered'], permission: 'case.intake' },
    classify: { from: ['registered'], to: ['classified', 'archived'], permission: 'case.handle' },
    forward: { from: ['classified'], to: ['forwarded'], permission: 'case.handle' },
    assign: { from: ['classified'], to: ['assigned'], permission: 'case.decide' },
    extend: { from: ['assigned', 'verifying'], to: ['assigned', 'verifying'], permission: 'case.decide' },
    verify: { from: ['assigned', 'verifying'], to: ['verifying'], permission: 'case.handle' },
    conclude: { from: ['verifying'], to: ['concluded'], permission: 'case.decide' },
    measures: { from: ['concluded'], to: ['measures'], permission: 'case.decide' },
    followUp: { from: ['measures'], to: ['measures'], permission: 'case.handle' },
    close: { from: ['concluded', 'measures'], to: ['closed'], permission: 'case.decide' },
  },
})

export interface Change { at: string; by: PersonRef; today: string }

const touch = (c: Case, ch: Change, step: ComplaintStep, patch: Partial<Case>, text?: string): Case => ({
  ...c, ...patch, events: [...c.events, { at: ch.at, by: ch.by, step, ...(text ? { text } : {}) }], updatedAt: ch.at, version: c.version + 1,
})
const go = (c: Case, step: ComplaintStep, to?: CaseState) => transition(COMPLAINT_KIND, c.state, step, to)

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** The acceptance limit of a case received on `receivedOn`. */
export function acceptanceDeadline(type: CaseType, receivedOn: string, calendar: WorkingCalendar): Deadline {
  const l = limitOn(type, 'acceptance', receivedOn)
  const due = limitDue(receivedOn, l.workingDays, calendar)
  return { due, legalDue: due, limitDays: l.workingDays, source: l.source, verified: l.verified }
}

export function register(c: Case, ch: Change, registerNo: string): Case {
  return touch(c, ch, 'register', { state: go(c, 'register'), registerNo })
}

/**
 * Within the commission's competence or not; an anonymous denunciation is
 * archived (not handled) unless it names concrete evidence.
 */
export function classify(c: Case, ch: Change, withinCompetence: boolean, concreteEvidence: boolean | undefined, note?: string): Case {
  if (c.anonymous && c.type === 'denunciation' && withinCompetence && concreteEvidence === undefined) throw new RuleError('case.anonymousEvidenceRequired')
  const archived = c.anonymous && c.type === 'denunciation' && withinCompetence && !concreteEvidence
  return touch(c, ch, 'classify', { state: go(c, 'classify', archived ? 'archived' : 'classified'), withinCompetence, ...(archived ? { sealedAt: ch.at } : {}) }, note)
}

export function forward(c: Case, ch: Change, to: { unitId: string; name: string }, note?: string): Case {
  if (c.withinCompetence !== false) throw new RuleError('case.forwardWithinCompetence')
  return touch(c, ch, 'forward', { state: go(c, 'forward'), forwardedTo: to, sealedAt: ch.at }, note)
}

/**
 * Assigns the inspector and sets the handling limit from today. A deadline
 * past the legal limit is refused: only an extension moves it further.
 */
export function assign(c: Case, ch: Change, inspector: PersonRef, calendar: WorkingCalendar, handlingDue?: string): Case {
  if (c.withinCompetence !== true) throw new RuleError('case.notWithinCompetence')
  const l = limitOn(c.type, 'handling', c.receivedOn)
  const legalDue = limitDue(ch.today, l.workingDays, calendar)
  const due = handlingDue ?? legalDue
  if (due < ch.today) throw new RuleError('case.deadlinePast', { due: dmy(due) })
  if (due > legalDue) throw new RuleError('case.deadlinePastLegalLimit', { due: dmy(due), legalDue: dmy(legalDue), days: l.workingDays })
  const handling: Deadline = { due, legalDue, limitDays: l.workingDays, source: l.source, verified: l.verified }
  return touch(c, ch, 'assign', { state: go(c, 'assign'), inspector, handling }, inspector.fullName)
}

/** One extension, at most the legal extension limit past the legal handling limit. */
export function extend(c: Case, ch: Change, until: string, reason: string, calendar: WorkingCalendar): Case {
  const state = go(c, 'extend', c.state)
  if (c.extension) throw new RuleError('case.alreadyExtended')
  const handling = c.handling!
  const l = limitOn(c.type, 'extension', c.receivedOn)
  const max = limitDue(handling.legalDue, l.workingDays, calendar)
  if (until <= handling.due) throw new RuleError('case.extensionNotLater', { due: dmy(handling.due) })
  if (until > max) throw new RuleError('case.extensionPastLimit', { until: dmy(until), max: dmy(max), days: l.workingDays })
  return touch(c, ch, 'extend', { state, extension: { until, reason, by: ch.by, at: ch.at }, handling: { ...handling, due: until, extendedTo: until } }, reason)
}

export function verify(c: Case, ch: Change, text: string): Case {
  return touch(c, ch, 'verify', { state: go(c, 'verify'), verifications: [...c.verifications, { at: ch.at, by: ch.by, text }] })
}

/** The conclusion is made once: a second one is refused. */
export function conclude(c: Case, ch: Change, founded: 'founded' | 'partly' | 'unfounded', text: string): Case {
  if (c.conclusion) throw new RuleError('case.alreadyConcluded')
  return touch(c, ch, 'conclude', { state: go(c, 'conclude'), conclusion: { at: ch.at, by: ch.by, founded, text } })
}

export function measures(c: Case, ch: Change, m: NonNullable<Case['measures']>['measure'], text: string, executionDue?: string): Case {
  if (c.measures) throw new RuleError('case.measuresDecided')
  return touch(c, ch, 'measures', { state: go(c, 'measures'), measures: { at: ch.at, by: ch.by, measure: m, text, ...(executionDue ? { executionDue } : {}) } })
}

export function followUp(c: Case, ch: Change, text: string, executed: boolean): Case {
  return touch(c, ch, 'followUp', { state: go(c, 'followUp'), followUps: [...c.followUps, { at: ch.at, by: ch.by, text, executed }] }, text)
}

/** Closing seals the file; a case with measures closes once their execution is recorded. */
export function close(c: Case, ch: Change, note?: string): Case {
  const state = go(c, 'close')
  if (c.measures && c.measures.measure !== 'none' && !c.followUps.some((f) => f.executed)) throw new RuleError('case.executionNotRecorded')
  const concludedOn = c.conclusion ? c.conclusion.at.slice(0, 10) : ch.today
  const withinLimit = !!c.handling && concludedOn <= c.handling.due
  return touch(c, ch, 'close', { state, sealedAt: ch.at, withinLimit }, note)
}

/** The deadline that runs now: acceptance until an inspector is assigned, then handling until the conclusion. */
export function runningDeadline(c: Pick<Case, 'state' | 'acceptance' | 'handling'>): string | undefined {
  if (c.state === 'received' || c.state === 'registered' || c.state === 'classified') return c.acceptance.due
  if (c.state === 'assigned' || c.state === 'verifying') return c.handling?.due
  return undefined
}
export const isOverdue = (c: Pick<Case, 'state' | 'acceptance' | 'handling'>, today: string): boolean => { const d = runningDeadline(c); return !!d && d < today }

/** The commission's KPIs over its cases: the share closed within the legal limit among those closed. */
export function kpisOf(commissionId: string, cases: readonly Case[], today: string): CaseKpis {
  const closed = cases.filter((c) => c.state === 'closed')
  const within = closed.filter((c) => c.withinLimit).length
  const open = cases.filter((c) => !COMPLAINT_KIND.sealed.includes(c.state))
  return {
    commissionId, received: cases.length, closed: closed.length, closedWithinLimit: within, open: open.length,
    overdue: open.filter((c) => isOverdue(c, today)).length, withinLimitPercent: closed.length ? Math.round((within / closed.length) * 1000) / 10 : null,
  }
}
