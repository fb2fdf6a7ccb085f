/**
 * The life of a document, as pure rules: which state allows which step, the
 * review chain (ordered steps of roles, per unit and type), the dates a
 * received document may carry. Use cases call these and write the result.
 */
import { ConflictError, ForbiddenError, RuleError, ValidationError } from '../errors/index.js'
import { authorizeNotOwn, type Actor } from '../auth/policy.js'
import { parentOn, type UnitIndex } from '../org/tree.js'
import type { ChainStep, DocumentStatus, OfficialDocument, PersonRef, ReviewState } from './contracts.js'
import { holdsRoleIn } from './policy.js'
import { canonical, parseSymbol, symbolKey, type DocumentSymbol } from './symbols.js'

export const person = (actor: Pick<Actor, 'userId' | 'fullName'>): PersonRef => ({ userId: actor.userId, fullName: actor.fullName })

/** Signed documents are immutable: a correction is a new document that references them. */
export function assertMutable(doc: OfficialDocument): void {
  if (doc.status === 'issued' || doc.status === 'issuing') throw new ConflictError('document.immutable', { symbol: doc.issued?.symbol ?? doc.documentId })
}

export function assertStatus(doc: OfficialDocument, allowed: readonly DocumentStatus[]): void {
  assertMutable(doc)
  if (!allowed.includes(doc.status)) throw new ConflictError('document.wrongState', { status: doc.status })
}

/** Parses a symbol or throws a 400 whose issue names the reason ("symbol.unknownType" ...). */
export function requireSymbol(input: string, path = 'symbol'): { symbol: DocumentSymbol; canonical: string; key: string } {
  const parsed = parseSymbol(input)
  if (!parsed.ok) throw new ValidationError([{ path, code: parsed.reason, params: { path, input, ...parsed.params } }], 'document.symbolInvalid')
  return { symbol: parsed.symbol, canonical: canonical(parsed.symbol), key: symbolKey(parsed.symbol) }
}

/** A received document cannot be dated in the future, nor received before it was written. */
export function assertReceivedDates(documentDate: string, receivedDate: string, today: string): void {
  if (documentDate > today) throw new RuleError('document.dateInFuture', { field: 'documentDate', date: documentDate })
  if (receivedDate > today) throw new RuleError('document.dateInFuture', { field: 'receivedDate', date: receivedDate })
  if (receivedDate < documentDate) throw new RuleError('document.receivedBeforeWritten', { date: documentDate })
}

/** When nothing is configured for a unit and type: one step by the unit's leadership. */
export const DEFAULT_CHAIN: readonly ChainStep[] = [{ roles: ['secretary', 'deputy-secretary', 'office-chief'], scope: 'unit' }]

/** Fixes each step's unit (the owner, or its parent) at submission time. */
export function resolveChain(steps: readonly ChainStep[], ownerUnitId: string, index: UnitIndex, date: string): ReviewState['steps'] {
  return steps.map((s) => {
    if (s.scope === 'unit') return { ...s, unitId: ownerUnitId }
    const owner = index.get(ownerUnitId)
    const parent = owner ? parentOn(owner, date) : null
    if (!parent) throw new RuleError('document.chainNoParent', { unitId: ownerUnitId })
    return { ...s, unitId: parent }
  })
}

export function currentStep(review: ReviewState | undefined): (ChainStep & { unitId: string }) | undefined {
  return review ? review.steps[review.stepIndex] : undefined
}

/** May this person decide the step the draft waits at? (Never the drafter: nobody approves their own draft.) */
export function mayReviewNow(actor: Pick<Actor, 'userId' | 'assignments'>, doc: OfficialDocument): boolean {
  const step = currentStep(doc.review)
  return doc.status === 'in-review' && !!step && doc.drafter?.userId !== actor.userId && holdsRoleIn(actor, step.roles, step.unitId)
}

export function submitDraft(doc: OfficialDocument, steps: ReviewState['steps'], by: PersonRef, at: string): OfficialDocument {
  assertStatus(doc, ['draft', 'revising'])
  if (!doc.versions?.length) throw new RuleError('document.noVersion')
  const round = (doc.review?.round ?? 0) + 1
  const history = [...(doc.review?.history ?? []), { round, step: 0, by, at, decision: 'submit' as const }]
  return {
    ...doc, status: steps.length === 0 ? 'approved' : 'in-review',
    review: { steps, stepIndex: 0, round, history },
  }
}

export function decideReview(doc: OfficialDocument, actor: Pick<Actor, 'userId' | 'fullName' | 'assignments'>, decision: 'approve' | 'return', comment: string | undefined, at: string): OfficialDocument {
  assertStatus(doc, ['in-review'])
  authorizeNotOwn(actor, [doc.drafter?.userId], 'document.selfReview')
  if (!mayReviewNow(actor, doc)) throw new ForbiddenError('document.notReviewer')
  const review = doc.review!
  const event = { round: review.round, step: review.stepIndex, by: person(actor), at, decision, ...(comment ? { comment } : {}) }
  if (decision === 'return') {
    return { ...doc, status: 'revising', review: { ...review, history: [...review.history, event] } }
  }
  const stepIndex = review.stepIndex + 1
  return { ...doc, status: stepIndex >= review.steps.length ? 'approved' : 'in-review', review: { ...review, stepIndex, history: [...review.history, event] } }
}
