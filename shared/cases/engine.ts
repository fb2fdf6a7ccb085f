/**
 * The case engine, written once: a kind of case (hồ sơ vụ việc) is data —
 * its states, the steps between them, the permission each step needs (an
 * action of the cases' policy, shared/cases/policy.ts) and the states in
 * which the file is sealed. The engine answers whether a step may be taken
 * from a state and which state it leads to; it knows nothing of complaints
 * or petitions (shared/cases/complaints.ts, shared/cases/petitions.ts).
 */
import { RuleError } from '../errors/index.js'

export interface StepDefinition<S extends string, A extends string> {
  /** States the step may be taken from. */
  readonly from: readonly S[]
  /** States it may lead to (the step's rule picks one when there are several). */
  readonly to: readonly S[]
  /** The policy action the caller needs over the case's owning unit. */
  readonly permission: A
}

export interface CaseKind<S extends string, Step extends string, A extends string> {
  readonly kind: string
  readonly initial: S
  readonly states: readonly S[]
  /** States after which nothing changes (the case file is sealed). */
  readonly sealed: readonly S[]
  readonly steps: Readonly<Record<Step, StepDefinition<S, A>>>
}

/** Declares a kind (a typed identity: the kind is data). */
export const defineCaseKind = <S extends string, Step extends string, A extends string>(k: CaseKind<S, Step, A>): CaseKind<S, Step, A> => k

export const isSealed = <S extends string>(kind: CaseKind<S, string, string>, state: S): boolean => kind.sealed.includes(state)

/**
 * The state `step` leads to from `state` (`to`: the one the rule chose,
 * needed when the step has several). Refuses a sealed file
 * (`case.sealed`), a step not allowed from the state (`case.stepNotAllowed`).
 */
export function transition<S extends string, Step extends string, A extends string>(kind: CaseKind<S, Step, A>, state: S, step: Step, to?: S): S {
  if (isSealed(kind, state)) throw new RuleError('case.sealed')
  const def = kind.steps[step]
  if (!def || !def.from.includes(state)) throw new RuleError('case.stepNotAllowed', { step, state })
  const target = to ?? (def.to.length === 1 ? def.to[0] : undefined)
  if (!target || !def.to.includes(target)) throw new RuleError('case.stepNotAllowed', { step, state })
  return target
}

/** The steps that may be taken from a state (what a case page offers, before the caller's permissions). */
export function stepsFrom<S extends string, Step extends string, A extends string>(kind: CaseKind<S, Step, A>, state: S): Step[] {
  if (isSealed(kind, state)) return []
  return (Object.keys(kind.steps) as Step[]).filter((s) => kind.steps[s].from.includes(state))
}
