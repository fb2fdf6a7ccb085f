/**
 * The yearly comment of the residence cell (213-QĐ/TW): the workplace cell
 * opens a campaign for its members who live in another cell (exempt
 * categories skipped); each request is a `residence-comment` workflow: the
 * residence cell fills the form, the commune/ward committee confirms, the
 * result returns to the workplace cell; an overdue request is escalated.
 */
import { ConflictError, DomainError, ForbiddenError } from '../../../shared/errors/index.js'
import type { CommentRequest } from '../../../shared/members/contracts.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { holderIds } from '../../org/usecases/holders.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { parentOn, today } from '../../../shared/org/tree.js'
import { TRANSFER_RULES, secondsToWorkingDay } from '../../../shared/members/transfer.js'
import { getRecord, queryRecords } from '../../lib/adapters/items.js'
import { commentWorkflow } from '../adapters/workflows.js'
import { notify as notifyPeople } from '../../notifications/usecases/notify.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { memberStore } from '../adapters/store.js'
import type { MemberContext } from './members.js'

const SYSTEM = { userId: 'system', name: 'Digital Office' }

const waitingOn = (c: CommentRequest) => (['requested', 'escalated'].includes(c.status) ? c.residenceCellId : c.status === 'filled' ? c.confirmingUnitId : undefined)
const commentItem = (c: CommentRequest) => {
  const unit = waitingOn(c)
  return { ...keys.commentRequest(c.workplaceCellId, c.commentId), ...(unit ? keys.commentInbox(unit, c.createdAt) : {}), entity: ENTITY.commentRequest, schemaVersion: SCHEMA_VERSION, ...c }
}
const cellOf = (commentId: string) => commentId.slice(0, commentId.indexOf('.'))
export const commentNotFound = (id: string) => new DomainError('notFound.comment', 404, { id })

export async function getComment(commentId: string): Promise<CommentRequest | undefined> {
  return getRecord<CommentRequest>(keys.commentRequest(cellOf(commentId), commentId))
}

/** Answers the human step; a task that already timed out is no error: the timer's task finds the recorded result and goes on (see `stageDone`). */
const answer = (taskToken: string, output: unknown): Promise<boolean> => commentWorkflow.answerIfWaiting(taskToken, output)

/** A human step's write, conditional on the version read: losing to the step's timer (its escalation wrote first) is a clear 409. */
async function saveHumanStep(c: CommentRequest, next: CommentRequest, actor: AuditActor, audit: { unitId: string; action: string; details?: Record<string, unknown> }): Promise<CommentRequest> {
  try {
    return await save(c, next, actor, audit)
  } catch (err) {
    if (err instanceof ConflictError && (await getComment(c.commentId))?.taskToken !== c.taskToken) throw new ConflictError('members.stepTimedOut')
    throw err
  }
}

async function save(before: CommentRequest | undefined, next: CommentRequest, actor: AuditActor, audit: { unitId: string; action: string; details?: Record<string, unknown> }): Promise<CommentRequest> {
  const saved = { ...next, version: (before?.version ?? 0) + 1, updatedAt: new Date().toISOString() }
  await new Transaction().put(commentItem(saved), { expectVersion: before ? before.version : 'new', onConflict: new ConflictError(before ? 'conflict.version' : 'members.commentExists') })
    .audit({ unitId: audit.unitId, action: audit.action, target: next.commentId, details: audit.details })
    .commit(actor)
  return saved
}

/** Opens the year's campaign of a workplace cell: one request per member living in another cell and not exempt. Idempotent per member and year. */
export async function openCampaign(ctx: MemberContext, body: { cellId: string; year: number; deadlineSeconds?: number }) {
  const index = await ctx.tree()
  memberPolicy.authorize(ctx.actor, 'transfer.file', body.cellId, index, ctx.date)
  const members = await memberStore.listCell(body.cellId)
  const created: CommentRequest[] = []
  const skipped: { memberId: string; reason: string }[] = []
  const deadlineSeconds = body.deadlineSeconds ?? secondsToWorkingDay(ctx.now, TRANSFER_RULES.approvalWorkingDays)
  for (const m of members) {
    if (m.status !== 'active') { skipped.push({ memberId: m.memberId, reason: m.status }); continue }
    if (m.commentExemption) { skipped.push({ memberId: m.memberId, reason: m.commentExemption }); continue }
    if (!m.residenceCellId || m.residenceCellId === m.cellId || !index.get(m.residenceCellId)) { skipped.push({ memberId: m.memberId, reason: 'lives-in-cell' }); continue }
    const commentId = `${body.cellId}.cm-${body.year}-${m.memberId}`
    if (await getComment(commentId)) { skipped.push({ memberId: m.memberId, reason: 'already-requested' }); continue }
    const at = ctx.now.toISOString()
    const c: CommentRequest = {
      commentId, year: body.year, memberId: m.memberId, memberName: m.fullName, workplaceCellId: body.cellId, residenceCellId: m.residenceCellId,
      confirmingUnitId: parentOn(index.get(m.residenceCellId)!, ctx.date) ?? m.residenceCellId, status: 'requested',
      deadlineSeconds, deadlineAt: new Date(ctx.now.getTime() + deadlineSeconds * 1000).toISOString(),
      history: [{ at, status: 'requested', by: ctx.actor.fullName }], version: 0, createdAt: at, updatedAt: at,
    }
    const saved = await save(undefined, c, ctx.auditActor, { unitId: body.cellId, action: 'comment.requested', details: { memberId: m.memberId, residenceCellId: m.residenceCellId, year: body.year } })
    await commentWorkflow.start({ commentId, deadlineSeconds })
    created.push(saved)
  }
  return { created: created.map(({ taskToken: _t, ...c }) => c), skipped }
}

async function loadVisible(ctx: MemberContext, commentId: string): Promise<CommentRequest> {
  const c = await getComment(commentId)
  if (!c) throw commentNotFound(commentId)
  const index = await ctx.tree()
  if (![c.workplaceCellId, c.residenceCellId, c.confirmingUnitId].some((u) => memberPolicy.can(ctx.actor, 'member.read', u, index, ctx.date))) throw new ForbiddenError('auth.outsideSubtree', { unitId: c.workplaceCellId })
  return c
}
export const showComment = async (ctx: MemberContext, commentId: string) => { const { taskToken: _t, ...c } = await loadVisible(ctx, commentId); return c }

const holds = (ctx: MemberContext, unitId: string) => memberPolicy.holdsIn(ctx.actor, 'transfer.approve', unitId)

/** The residence cell fills the form. */
export async function fillComment(ctx: MemberContext, commentId: string, body: { criteria: Record<string, boolean>; conclusion: 'good' | 'not-good'; note?: string }) {
  const c = await loadVisible(ctx, commentId)
  const saved = await recordForm(ctx, c, body)
  await answer(c.taskToken!, { conclusion: body.conclusion })
  const { taskToken: _t, ...view } = saved
  return view
}

/** Writes the residence cell's form, conditional on the request as read (`c`): its timer's escalation and this write exclude each other. */
export async function recordForm(ctx: MemberContext, c: CommentRequest, body: { criteria: Record<string, boolean>; conclusion: 'good' | 'not-good'; note?: string }): Promise<CommentRequest> {
  if (!['requested', 'escalated'].includes(c.status)) throw new ConflictError('conflict.requestDecided')
  if (!holds(ctx, c.residenceCellId)) throw new ForbiddenError('members.notResidenceCell', { unitId: c.residenceCellId })
  if (!c.taskToken) throw new ConflictError('members.stepNotReady')
  const at = ctx.now.toISOString()
  return saveHumanStep(c, { ...c, status: 'filled', taskToken: undefined, form: { ...body, criteria: body.criteria as NonNullable<CommentRequest['form']>['criteria'], by: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, at }, history: [...c.history, { at, status: 'filled', by: ctx.actor.fullName, note: body.conclusion }] },
    ctx.auditActor, { unitId: c.residenceCellId, action: 'comment.filled', details: { conclusion: body.conclusion } })
}

/** The commune/ward committee confirms the residence cell's comment. */
export async function confirmComment(ctx: MemberContext, commentId: string, body: { note?: string }) {
  const c = await loadVisible(ctx, commentId)
  if (c.status !== 'filled') throw new ConflictError('conflict.requestDecided')
  if (!holds(ctx, c.confirmingUnitId)) throw new ForbiddenError('members.notConfirmingUnit', { unitId: c.confirmingUnitId })
  if (!c.taskToken) throw new ConflictError('members.stepNotReady')
  const at = ctx.now.toISOString()
  const saved = await saveHumanStep(c, { ...c, status: 'confirmed', taskToken: undefined, confirmation: { by: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, at, note: body.note }, history: [...c.history, { at, status: 'confirmed', by: ctx.actor.fullName, note: body.note }] },
    ctx.auditActor, { unitId: c.confirmingUnitId, action: 'comment.confirmed' })
  await answer(c.taskToken, { confirmed: true })
  const { taskToken: _t, ...view } = saved
  return view
}

/** Requests waiting on the caller's units (to fill or to confirm), and those of their workplace cells. */
export async function commentInbox(ctx: MemberContext) {
  const units = [...new Set(ctx.actor.assignments.map((a) => a.unitId))]
  const { name, partitionKey } = TABLE.indexes.byInbox
  const out: CommentRequest[] = []
  for (const u of units) {
    const pointers = await queryRecords<{ commentId: string }>({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.commentInbox(u, '').gsi3pk } })
    for (const i of pointers) { const c = await getComment(String(i.commentId)); if (c && waitingOn(c) === u) out.push(c) }
  }
  return out.map(({ taskToken: _t, ...c }) => c)
}

/** The requests whose next step is the caller's to take: the residence cell's form, the ward's confirmation (by a role that decides). */
export async function commentsToDecide(ctx: MemberContext) {
  return (await commentInbox(ctx)).filter((c) => { const u = waitingOn(c as CommentRequest); return !!u && holds(ctx, u) })
}

/** The requests a workplace cell opened (a year's campaign), with their state; officers reading the cell see them. */
export async function campaignOf(ctx: MemberContext, cellId: string, year?: number) {
  const index = await ctx.tree()
  memberPolicy.authorize(ctx.actor, 'member.read', cellId, index, ctx.date)
  const prefix = `COMMENT#${cellId}.cm-${year ?? ''}`
  const out = await queryRecords<CommentRequest>({ KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ConsistentRead: true, ExpressionAttributeValues: { ':pk': keys.commentRequest(cellId, '').pk, ':sk': prefix } })
  return out.sort((a, b) => a.memberName.localeCompare(b.memberName, 'vi')).map(({ taskToken: _t, ...c }) => c)
}

/* ---------------------------------------------------- workflow steps */

async function update(commentId: string, change: (c: CommentRequest) => { next: CommentRequest; unitId: string; action: string } | undefined): Promise<CommentRequest> {
  for (let i = 0; ; i++) {
    const cur = await getComment(commentId)
    if (!cur) throw commentNotFound(commentId)
    const c = change(cur)
    if (!c) return cur
    try { return await save(cur, c.next, SYSTEM, { unitId: c.unitId, action: c.action }) } catch (err) { if (!(err instanceof ConflictError) || i >= 5) throw err }
  }
}

async function notifyUnits(unitIds: string[], subject: string, text: string) {
  await notifyPeople({ kind: 'comment.step', userIds: await holderIds(memberPolicy, 'transfer.approve', unitIds), title: subject, text, link: '/party/comments' })
}

export async function awaitComment(p: { commentId: string; stage: 'form' | 'confirm'; taskToken: string }) {
  const c = await update(p.commentId, (cur) => {
    const ready = p.stage === 'form' ? ['requested', 'escalated'].includes(cur.status) : cur.status === 'filled'
    if (!ready || cur.taskToken === p.taskToken) return undefined
    return { next: { ...cur, taskToken: p.taskToken, deadlineAt: new Date(Date.now() + cur.deadlineSeconds * 1000).toISOString() }, unitId: cur.workplaceCellId, action: `comment.awaiting.${p.stage}` }
  })
  const unit = p.stage === 'form' ? c.residenceCellId : c.confirmingUnitId
  await notifyUnits([unit], p.stage === 'form' ? 'Đề nghị nhận xét đảng viên nơi cư trú / Residence comment requested' : 'Xác nhận nhận xét đảng viên / Confirm a residence comment',
    `Đảng viên ${c.memberName} (năm ${c.year}): ${p.stage === 'form' ? 'chi bộ nơi cư trú nhận xét' : 'đảng ủy xã/phường xác nhận'} trước ${c.deadlineAt}.`)
  return {}
}

/** Has the stage whose timer fired been done after all (the human's write landed first)? Then the timer yields. */
const stageDone = (c: CommentRequest, stage?: 'form' | 'confirm') =>
  stage === 'form' ? ['filled', 'confirmed', 'returned'].includes(c.status) : stage === 'confirm' ? ['confirmed', 'returned'].includes(c.status) : false

export async function escalateComment(p: { commentId: string; stage?: 'form' | 'confirm' }) {
  const index = await orgStore.tree()
  const c = await update(p.commentId, (cur) => (stageDone(cur, p.stage) || cur.status === 'escalated' || cur.history.some((h) => h.status === `escalated:${cur.status}`) ? undefined : {
    next: { ...cur, status: cur.status === 'requested' ? 'escalated' : cur.status, taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: `escalated:${cur.status}`, by: SYSTEM.name }] },
    unitId: cur.workplaceCellId, action: 'comment.escalated',
  }))
  if (stageDone(c, p.stage)) return { decided: true }
  const above = index.get(c.confirmingUnitId) ? parentOn(index.get(c.confirmingUnitId)!, today()) : null
  await notifyUnits([c.residenceCellId, c.confirmingUnitId, c.workplaceCellId, ...(above ? [above] : [])], 'Quá hạn nhận xét đảng viên nơi cư trú / Residence comment overdue',
    `Nhận xét đảng viên ${c.memberName} (năm ${c.year}) đã quá hạn.`)
  return { decided: false }
}

export async function returnComment(p: { commentId: string }) {
  const c = await update(p.commentId, (cur) => (cur.status === 'returned' ? undefined : {
    next: { ...cur, status: 'returned', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'returned', by: SYSTEM.name }] },
    unitId: cur.workplaceCellId, action: 'comment.returned',
  }))
  await notifyUnits([c.workplaceCellId], 'Kết quả nhận xét của chi bộ nơi cư trú / Residence comment returned', `Đảng viên ${c.memberName}: ${c.form?.conclusion === 'good' ? 'Tốt' : 'Chưa tốt'} (năm ${c.year}).`)
  return {}
}

export async function expireComment(p: { commentId: string; stage?: 'form' | 'confirm' }) {
  const c = await update(p.commentId, (cur) => (cur.status === 'expired' || stageDone(cur, p.stage) ? undefined : {
    next: { ...cur, status: 'expired', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'expired', by: SYSTEM.name }] },
    unitId: cur.workplaceCellId, action: 'comment.expired',
  }))
  return { decided: stageDone(c, p.stage) }
}
