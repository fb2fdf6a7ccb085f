/**
 * Transfers of Party activity: filing (by the member or their cell), the
 * decisions of the approval chain, the receiving cell's acceptance. The
 * workflow (infra/workflows/party-transfer.asl.json) drives the steps; these
 * use cases write each change with its audit entry in one transaction and
 * answer the workflow's task token.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { CreateTransferBody, PartyMember, Transfer } from '../../../shared/members/contracts.js'
import { approvalChain, mayDecide, mayReceive, memberPolicy } from '../../../shared/members/policy.js'
import { authorizeNotOwn } from '../../../shared/auth/policy.js'
import { TRANSFER_RULES, returnSeconds, secondsToMonthsLater, secondsToWorkingDay, temporaryPeriodProblem } from '../../../shared/members/transfer.js'
import { existsOn, nameOn, parentOn } from '../../../shared/org/tree.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { memberItem, memberStore, transferItem, transferLockItem } from '../adapters/store.js'
import { transferWorkflow, type DecisionOutput, type ReturnOutput } from '../adapters/workflows.js'
import { portalStatus } from '../adapters/portal.js'
import { loadMember, memberNotFound, type MemberContext } from './members.js'

export const newTransferId = (cellId: string, now: Date): string => `${cellId}.tr-${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`
export const transferNotFound = (id: string) => new DomainError('notFound.transfer', 404, { id })

/** Strips what only the workflow needs. */
export const view = ({ taskToken: _t, ...t }: Transfer) => t

export interface Filer { userId: string; fullName: string; via: 'app' | 'portal'; portalRef?: string }

/**
 * Checks and writes a new transfer with the member's lock (one open transfer
 * at a time) in one transaction, then starts the workflow.
 */
export async function openTransfer(ctx: MemberContext, member: PartyMember, body: CreateTransferBody, filer: Filer, officer: boolean): Promise<Transfer> {
  const index = await ctx.tree()
  if (member.status !== 'active') throw new RuleError('members.notActive', { status: member.status })
  if (member.openTransferId) throw new ConflictError('members.openTransfer', { transferId: member.openTransferId })
  if (body.toUnitId) {
    const to = index.get(body.toUnitId)
    if (!to) throw new ValidationError([{ path: 'toUnitId', code: 'members.unknownDestination', params: { path: 'toUnitId', unitId: body.toUnitId } }])
    if (!existsOn(to, ctx.date)) throw new RuleError('members.destinationEnded', { unit: nameOn(to, to.validTo ?? ctx.date).name })
    if (to.level !== 'cell') throw new ValidationError([{ path: 'toUnitId', code: 'members.notACell', params: { unit: nameOn(to, ctx.date).name } }])
    if (to.unitId === member.cellId) throw new RuleError('members.sameCell')
  }
  if (body.kind === 'temporary') {
    if (!body.from || !body.until || !body.toUnitId) throw new ValidationError([{ path: 'until', code: 'members.temporaryPeriod', params: { path: 'until' } }])
    const problem = temporaryPeriodProblem(body.from, body.until, body.purpose ?? 'work')
    if (problem) throw new ValidationError([{ path: 'until', code: `members.temporary.${problem}`, params: { path: 'until' } }])
  }
  if (body.deadlines && !officer) throw new ForbiddenError('members.deadlinesOfficersOnly')
  const steps = approvalChain(index, member.cellId, ctx.date, body.kind)
  if (steps.length < 2) throw new RuleError('members.noChain', { unitId: member.cellId })
  const at = ctx.now.toISOString()
  const deadlines = body.deadlines ?? {
    approvalSeconds: secondsToWorkingDay(ctx.now, TRANSFER_RULES.approvalWorkingDays),
    // Acceptance timers start when the letter is issued; these are recomputed then (see issueLetter).
    acceptSeconds: secondsToWorkingDay(ctx.now, TRANSFER_RULES.presentWithinWorkingDays),
    lateSeconds: secondsToMonthsLater(ctx.now, TRANSFER_RULES.removalAfterMonths) - secondsToWorkingDay(ctx.now, TRANSFER_RULES.presentWithinWorkingDays),
  }
  const transfer: Transfer = {
    transferId: newTransferId(member.cellId, ctx.now), kind: body.kind, memberId: member.memberId, memberName: member.fullName,
    fromCellId: member.cellId, toUnitId: body.toUnitId, toOutside: body.toOutside, reason: body.reason,
    from: body.from, until: body.until, purpose: body.purpose,
    status: 'pending', steps, currentStep: 0, filedBy: { userId: filer.userId, fullName: filer.fullName, via: filer.via }, portalRef: filer.portalRef,
    stageDeadlineAt: new Date(ctx.now.getTime() + deadlines.approvalSeconds * 1000).toISOString(),
    deadlines, drill: !!body.deadlines, history: [{ at, status: 'pending', by: filer.fullName, note: body.reason }],
    version: 1, createdAt: at, updatedAt: at,
  }
  await new Transaction()
    .put(transferLockItem(member.memberId, transfer.transferId), { expectVersion: 'new', onConflict: new ConflictError('members.openTransfer', { transferId: '…' }) })
    .put(transferItem(transfer), { expectVersion: 'new' })
    .put(memberItem({ ...member, openTransferId: transfer.transferId, version: member.version + 1, updatedAt: at }), { expectVersion: member.version })
    .audit({ unitId: member.cellId, action: `transfer.${body.kind}.filed`, target: transfer.transferId, details: { memberId: member.memberId, toUnitId: body.toUnitId, toOutside: body.toOutside?.name, via: filer.via } })
    .commit(ctx.auditActor, ctx.now)
  transfer.executionArn = await transferWorkflow.start({ transferId: transfer.transferId, kind: body.kind, step: 0, ...deadlines })
  return transfer
}

/** POST /api/members/transfers: the member for themselves, or an officer of the cell for a member. */
export async function fileTransfer(ctx: MemberContext, body: CreateTransferBody): Promise<Transfer> {
  const index = await ctx.tree()
  let member: PartyMember | undefined
  let officer = false
  if (body.memberId) {
    member = (await loadMember(ctx, body.memberId)).member
    officer = memberPolicy.can(ctx.actor, 'transfer.file', member.cellId, index, ctx.date)
    if (!officer && member.userId !== ctx.actor.userId) throw new ForbiddenError('auth.forbidden', { unitId: member.cellId })
  } else {
    member = await memberStore.getMemberByUser(ctx.actor.userId)
    if (!member) throw new DomainError('members.noRecord', 404)
    officer = memberPolicy.can(ctx.actor, 'transfer.file', member.cellId, index, ctx.date)
  }
  return openTransfer(ctx, member, body, { userId: ctx.actor.userId, fullName: ctx.actor.fullName, via: 'app' }, officer)
}

/** Loads a transfer the caller may see: its member, the officers of the cells and chain involved. */
export async function loadTransfer(ctx: MemberContext, transferId: string): Promise<Transfer> {
  const t = await memberStore.getTransfer(transferId)
  if (!t) throw transferNotFound(transferId)
  const index = await ctx.tree()
  const member = await memberStore.getMember(t.memberId)
  const units = [t.fromCellId, ...(t.toUnitId ? [t.toUnitId] : []), ...t.steps.flatMap((s) => [s.unitId, ...s.alsoUnitIds])]
  const visible = member?.userId === ctx.actor.userId || units.some((u) => memberPolicy.can(ctx.actor, 'member.read', u, index, ctx.date)) || t.steps.some((s) => mayDecide(ctx.actor, s))
  if (!visible) throw new ForbiddenError('auth.outsideSubtree', { unitId: t.fromCellId })
  return t
}

/** Writes a transfer change and its audit entry (version-checked), and tells the portal when it filed the request. */
export async function saveTransfer(before: Transfer, next: Transfer, actor: AuditActor, now: Date, audit: { unitId: string; action: string; details?: Record<string, unknown> }, extra?: (tx: Transaction) => void): Promise<Transfer> {
  const saved = { ...next, version: before.version + 1, updatedAt: now.toISOString() }
  const tx = new Transaction().put(transferItem(saved), { expectVersion: before.version })
    .audit({ unitId: audit.unitId, action: audit.action, target: before.transferId, details: audit.details })
  extra?.(tx)
  await tx.commit(actor, now)
  if (saved.portalRef && saved.status !== before.status) await portalStatus.send({ portalRef: saved.portalRef, transferId: saved.transferId, status: saved.status, at: saved.updatedAt })
  return saved
}

/** A decision of the step awaiting one. Only someone holding an approving role in that step's unit decides. */
export async function decide(ctx: MemberContext, transferId: string, body: { approved: boolean; comment?: string }) {
  const t = await loadTransfer(ctx, transferId)
  const { saved, output, taskToken } = await recordDecision(ctx, t, body)
  await transferWorkflow.answerIfWaiting(taskToken, output)
  return saved
}

/**
 * Writes the decision of the step awaiting one, conditional on the version of the transfer as read
 * (`t`). The step's timer races it: its task (reminder, escalation, expiry) also writes the
 * transfer under a version condition, so exactly one lands. If the timer's write landed first this
 * one fails and nothing is recorded (409 `members.stepTimedOut`); if this one landed first the
 * timer's task finds the decision and the workflow goes on as decided (`recordedDecision`).
 */
export async function recordDecision(ctx: MemberContext, t: Transfer, body: { approved: boolean; comment?: string }): Promise<{ saved: Transfer; output: DecisionOutput; taskToken: string }> {
  if (t.status !== 'pending') throw new ConflictError('conflict.requestDecided')
  const step = t.steps[t.currentStep]
  if (!mayDecide(ctx.actor, step)) throw new ForbiddenError('members.notInChain', { unitId: step.unitId })
  // The member the transfer moves never decides a step of it, even as an officer of a unit in the chain.
  authorizeNotOwn(ctx.actor, [(await memberStore.getMember(t.memberId))?.userId])
  if (!t.taskToken) throw new ConflictError('members.stepNotReady')
  const at = ctx.now.toISOString()
  const last = t.currentStep === t.steps.length - 1
  const output: DecisionOutput = !body.approved ? { outcome: 'rejected' } : last ? { outcome: 'approved' } : { outcome: 'next', nextStep: t.currentStep + 1 }
  const steps = t.steps.map((s, i) => (i === t.currentStep ? { ...s, decision: { approved: body.approved, comment: body.comment, by: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, at } } : s))
  const next: Transfer = {
    ...t, steps, taskToken: undefined,
    currentStep: output.outcome === 'next' ? output.nextStep : t.currentStep,
    history: [...t.history, { at, status: body.approved ? `approved:${step.stage}` : `rejected:${step.stage}`, by: ctx.actor.fullName, note: body.comment }],
  }
  try {
    const saved = await saveTransfer(t, next, ctx.auditActor, ctx.now, { unitId: step.unitId, action: body.approved ? 'transfer.approve' : 'transfer.reject', details: { stage: step.stage, comment: body.comment } })
    return { saved, output, taskToken: t.taskToken }
  } catch (err) {
    if (err instanceof ConflictError) {
      const now = await memberStore.getTransfer(t.transferId)
      // The step's timer wrote first (its token is gone or replaced): the decision lost the race.
      if (now && !now.steps[t.currentStep]?.decision && now.taskToken !== t.taskToken) throw new ConflictError('members.stepTimedOut')
    }
    throw err
  }
}

/** The receiving cell accepts the member (the letter was presented). */
export async function accept(ctx: MemberContext, transferId: string, body: { comment?: string }) {
  const t = await loadTransfer(ctx, transferId)
  const { saved, taskToken } = await recordAcceptance(ctx, t, body)
  await transferWorkflow.answerIfWaiting(taskToken, { accepted: true })
  return saved
}

/**
 * A version-conditioned write that fails because the wait it answered timed out first: the timer's
 * task (escalation, flag, reminder) cleared or replaced the token and nothing of `answered` is on
 * the transfer. Then the late action is refused with `code` (409) and nothing is recorded.
 */
async function timedOutFirst(t: Transfer, answered: (now: Transfer) => boolean, code: string, err: unknown): Promise<never> {
  if (err instanceof ConflictError) {
    const now = await memberStore.getTransfer(t.transferId)
    if (now && !answered(now) && now.taskToken !== t.taskToken) throw new ConflictError(code)
  }
  throw err
}

/**
 * Writes the acceptance, conditional on the version of the transfer as read (`t`). The receiving
 * timers (escalation after the working-day limit, the member flagged after the longer one) write
 * under the same condition, so exactly one lands: a timer firing after the acceptance yields and the
 * workflow completes as accepted; an acceptance after the timer's write is a 409
 * `members.acceptanceTimedOut` with nothing recorded.
 */
export async function recordAcceptance(ctx: MemberContext, t: Transfer, body: { comment?: string }): Promise<{ saved: Transfer; taskToken: string }> {
  if (!['issued', 'overdue'].includes(t.status) || !t.toUnitId) throw new ConflictError('members.notAwaitingAcceptance')
  const index = await ctx.tree()
  if (!mayReceive(ctx.actor, t.toUnitId, index, ctx.date)) throw new ForbiddenError('members.notReceiver', { unitId: t.toUnitId })
  if (!t.taskToken || t.acceptedBy) throw new ConflictError('members.stepNotReady')
  const at = ctx.now.toISOString()
  try {
    const saved = await saveTransfer(t, { ...t, taskToken: undefined, acceptedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName, at, comment: body.comment } },
      ctx.auditActor, ctx.now, { unitId: t.toUnitId, action: 'transfer.received', details: { memberId: t.memberId, comment: body.comment } })
    return { saved, taskToken: t.taskToken }
  } catch (err) {
    return timedOutFirst(t, (now) => !!now.acceptedBy, 'members.acceptanceTimedOut', err)
  }
}

/** Back from a temporary transfer: the member, an officer of the home cell or of the temporary cell reports the return. */
export async function reportReturn(ctx: MemberContext, transferId: string) {
  const t = await loadTransfer(ctx, transferId)
  const { saved, output, taskToken } = await recordReturn(ctx, t)
  await transferWorkflow.answerIfWaiting(taskToken, output)
  return saved
}

/**
 * Writes the reported return, conditional on the version as read (`t`), and keeps it on the
 * transfer (`returnAnswer`) so that the return timer's task, if it fires before the answer reaches
 * the workflow, yields and the workflow goes on as returned. After the timer's write: 409
 * `members.returnTimedOut`, nothing recorded.
 */
export async function recordReturn(ctx: MemberContext, t: Transfer): Promise<{ saved: Transfer; output: ReturnOutput; taskToken: string }> {
  if (t.kind !== 'temporary' || t.status !== 'accepted') throw new ConflictError('members.notAway')
  const index = await ctx.tree()
  const member = await memberStore.getMember(t.memberId)
  const allowed = member?.userId === ctx.actor.userId || memberPolicy.can(ctx.actor, 'transfer.file', t.fromCellId, index, ctx.date) || (!!t.toUnitId && mayReceive(ctx.actor, t.toUnitId, index, ctx.date))
  if (!allowed) throw new ForbiddenError('auth.forbidden', { unitId: t.fromCellId })
  if (!t.taskToken || t.returnAnswer) throw new ConflictError('members.stepNotReady')
  try {
    const saved = await saveTransfer(t, { ...t, taskToken: undefined, returnAnswer: { outcome: 'returned', at: ctx.now.toISOString() } }, ctx.auditActor, ctx.now, { unitId: t.fromCellId, action: 'transfer.returnReported', details: { by: ctx.actor.fullName } })
    return { saved, output: { outcome: 'returned' }, taskToken: t.taskToken }
  } catch (err) {
    return timedOutFirst(t, (now) => !!now.returnAnswer, 'members.returnTimedOut', err)
  }
}

/** An extension asked at the temporary place and reported home: the return date moves (within the limits of the period). */
export async function extend(ctx: MemberContext, transferId: string, body: { until: string; reason: string }) {
  const t = await loadTransfer(ctx, transferId)
  const { saved, output, taskToken } = await recordExtension(ctx, t, body)
  await transferWorkflow.answerIfWaiting(taskToken, output)
  return saved
}

/** Writes the extension like `recordReturn`: the return timer yields to it; after the timer's write it is a 409 with nothing recorded. */
export async function recordExtension(ctx: MemberContext, t: Transfer, body: { until: string; reason: string }): Promise<{ saved: Transfer; output: ReturnOutput; taskToken: string }> {
  if (t.kind !== 'temporary' || t.status !== 'accepted' || !t.from || !t.until) throw new ConflictError('members.notAway')
  const index = await ctx.tree()
  if (!t.toUnitId || !mayReceive(ctx.actor, t.toUnitId, index, ctx.date)) throw new ForbiddenError('members.notReceiver', { unitId: t.toUnitId ?? '' })
  if (body.until <= t.until) throw new ValidationError([{ path: 'until', code: 'members.temporary.order', params: { path: 'until' } }])
  const problem = temporaryPeriodProblem(t.from, body.until, t.purpose ?? 'work')
  if (problem) throw new ValidationError([{ path: 'until', code: `members.temporary.${problem}`, params: { path: 'until' } }])
  if (!t.taskToken || t.returnAnswer) throw new ConflictError('members.stepNotReady')
  const at = ctx.now.toISOString()
  const toUnitId = t.toUnitId
  const next: Transfer = { ...t, until: body.until, taskToken: undefined, returnAnswer: { outcome: 'extended', until: body.until, at }, history: [...t.history, { at, status: 'extended', by: ctx.actor.fullName, note: `${body.until}: ${body.reason}` }] }
  try {
    const saved = await saveTransfer(t, next, ctx.auditActor, ctx.now, { unitId: toUnitId, action: 'transfer.extended', details: { until: body.until, reason: body.reason } },
      (tx) => tx.audit({ unitId: t.fromCellId, action: 'transfer.extensionReported', target: t.transferId, details: { until: body.until } }))
    return { saved, output: { outcome: 'extended', returnSeconds: returnSeconds(next) }, taskToken: t.taskToken }
  } catch (err) {
    return timedOutFirst(t, (now) => !!now.returnAnswer, 'members.returnTimedOut', err)
  }
}

/** Transfers waiting on the caller: decisions of their units' steps and members to receive. */
export async function inbox(ctx: MemberContext) {
  const index = await ctx.tree()
  // A step waits in its unit's inbox; an Organisation Board decides for the committee above it (`alsoUnitIds`), so it reads that inbox too.
  const units = [...new Set(ctx.actor.assignments.flatMap((a) => {
    const u = index.get(a.unitId)
    const actsFor = u && u.kind === 'advisory-board' ? parentOn(u, ctx.date) : null
    return actsFor ? [a.unitId, actsFor] : [a.unitId]
  }))]
  const lists = await Promise.all(units.map((u) => memberStore.transferInbox(u)))
  const seen = new Set<string>()
  const items: Transfer[] = []
  for (const t of lists.flat()) {
    if (seen.has(t.transferId)) continue
    seen.add(t.transferId)
    const fresh = await memberStore.getTransfer(t.transferId)
    if (!fresh) continue
    const waiting = fresh.status === 'pending' ? mayDecide(ctx.actor, fresh.steps[fresh.currentStep]) : ['issued', 'overdue'].includes(fresh.status) && !!fresh.toUnitId && mayReceive(ctx.actor, fresh.toUnitId, index, ctx.date)
    if (waiting) items.push(fresh)
  }
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(view)
}

export async function transfersOf(ctx: MemberContext, memberId: string) {
  await loadMember(ctx, memberId)
  return (await memberStore.transfersOfMember(memberId)).map(view)
}

export { memberNotFound }
