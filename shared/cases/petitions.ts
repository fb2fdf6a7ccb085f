/**
 * The voters' petition kind (kiến nghị cử tri) on the case engine, and its
 * rules: received → forwarded (to the responsible agency, a live unit, with
 * an answer deadline within the limit) → answered (the agency's answer and
 * its result: solved, in progress, explained) → published (sealed). A
 * petition still "in progress" may be answered again before publication.
 */
import { RuleError } from '../errors/index.js'
import type { WorkingCalendar } from '../calendar/working-days.js'
import { defineCaseKind, transition } from './engine.js'
import type { CaseAction } from './policy.js'
import { limitDue, limitOn } from './limits.js'
import type { Petition, PetitionResult, PetitionState } from './contracts.js'
import type { Change } from './complaints.js'

export type PetitionStep = 'forward' | 'answer' | 'publish'

export const PETITION_KIND = defineCaseKind<PetitionState, PetitionStep, CaseAction>({
  kind: 'petition',
  initial: 'received',
  states: ['received', 'forwarded', 'answered', 'published'],
  sealed: ['published'],
  steps: {
    forward: { from: ['received'], to: ['forwarded'], permission: 'petition.manage' },
    answer: { from: ['forwarded', 'answered'], to: ['answered'], permission: 'petition.answer' },
    publish: { from: ['answered'], to: ['published'], permission: 'petition.manage' },
  },
})

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const touch = (p: Petition, ch: Change, step: PetitionStep, patch: Partial<Petition>, text?: string): Petition => ({
  ...p, ...patch, events: [...p.events, { at: ch.at, by: ch.by, step, ...(text ? { text } : {}) }], updatedAt: ch.at, version: p.version + 1,
})

export function forward(p: Petition, ch: Change, calendar: WorkingCalendar, answerDue?: string): Petition {
  const state = transition(PETITION_KIND, p.state, 'forward')
  const l = limitOn('petition', 'answer', ch.today)
  const legal = limitDue(ch.today, l.workingDays, calendar)
  const due = answerDue ?? legal
  if (due < ch.today) throw new RuleError('case.deadlinePast', { due: dmy(due) })
  if (due > legal) throw new RuleError('petition.answerDuePastLimit', { due: dmy(due), legalDue: dmy(legal), days: l.workingDays })
  return touch(p, ch, 'forward', { state, forwardedOn: ch.today, answerDue: due }, p.agencyName)
}

export function answer(p: Petition, ch: Change, text: string, result: PetitionResult, answeredOn: string): Petition {
  const state = transition(PETITION_KIND, p.state, 'answer')
  if (p.state === 'answered' && p.answer?.result !== 'in-progress') throw new RuleError('petition.alreadyAnswered')
  if (answeredOn > ch.today) throw new RuleError('petition.answerInFuture')
  return touch(p, ch, 'answer', { state, answer: { text, result, answeredOn, by: ch.by } })
}

export function publish(p: Petition, ch: Change): Petition {
  return touch(p, ch, 'publish', { state: transition(PETITION_KIND, p.state, 'publish'), publishedOn: ch.today })
}

export const petitionOverdue = (p: Pick<Petition, 'state' | 'answerDue'>, today: string): boolean => p.state === 'forwarded' && !!p.answerDue && p.answerDue < today

/** A resolution's status from its tasks' states: not started, in progress, done (all done), overdue (one open past its deadline). */
export function resolutionStatus(tasks: readonly { status: string; deadline: string }[], today: string): 'no-tasks' | 'in-progress' | 'overdue' | 'done' {
  if (!tasks.length) return 'no-tasks'
  const open = tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled')
  if (!open.length) return 'done'
  return open.some((t) => t.deadline < today) ? 'overdue' : 'in-progress'
}
