/**
 * Work programmes (chương trình công tác): the office drafts a unit's
 * programme (`programme.manage` over the unit), adds items, submits it; the
 * standing committee's leader (`programme.approve`) approves or returns it.
 * An approved programme's item is moved or dropped with a reason, and turned
 * into tasks through the tasks module's own use case (its rules, audit and
 * reminders); the item's progress is read from those tasks. An item may carry
 * out an item of an approved programme of a unit above (cascade). Every
 * change is one transaction with its audit entry, under the version the
 * caller saw (409 when stale).
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { ancestorsOn, existsOn, isWithin, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import type { CreateProgrammeBody, ItemBody, ItemTaskBody, Programme, ProgrammeItem } from '../../../shared/programmes/contracts.js'
import { authorizeNotOwn } from '../../../shared/auth/policy.js'
import { canReadProgramme, programmePolicy } from '../../../shared/programmes/policy.js'
import { taskPolicy } from '../../../shared/tasks/policy.js'
import * as rules from '../../../shared/programmes/rules.js'
import type { Task } from '../../../shared/tasks/contracts.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { programmeItem, programmeStore } from '../adapters/programmes.js'
import { taskStore } from '../adapters/store.js'
import { createTask, type TaskContext } from './tasks.js'

const me = (ctx: TaskContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : '' }
const can = (ctx: TaskContext, index: UnitIndex, action: 'programme.read' | 'programme.manage' | 'programme.approve', unitId: string) =>
  index.has(unitId) && programmePolicy.can(ctx.actor, action, unitId, index, ctx.date)

async function load(ctx: TaskContext, id: string) {
  const [p, index] = await Promise.all([programmeStore.get(id), ctx.tree()])
  if (!p || !canReadProgramme(ctx.actor, p, index, ctx.date)) throw new DomainError('notFound.programme', 404, { id })
  return { p, index }
}

function itemOf(p: Programme, itemId: string): ProgrammeItem {
  const item = p.items.find((i) => i.itemId === itemId)
  if (!item) throw new DomainError('notFound.programmeItem', 404, { id: itemId })
  return item
}

/** The programme as its page shows it: names beside ids, each item's tasks and progress, what the caller may do. */
async function view(ctx: TaskContext, index: UnitIndex, p: Programme) {
  const tasks = new Map((await taskStore.getMany(p.items.flatMap((i) => i.taskIds))).map((t) => [t.taskId, t]))
  const items = p.items.map((i) => {
    const ts = i.taskIds.map((id) => tasks.get(id)).filter((t): t is Task => !!t)
    return {
      ...i, preparingUnitName: unitName(index, i.preparingUnitId, ctx.date), progress: rules.itemProgress(i, ts, ctx.date),
      tasks: ts.map((t) => ({ taskId: t.taskId, title: t.title, status: t.status, percent: t.percent, deadline: t.deadline, leadUnitName: unitName(index, t.leadUnitId, ctx.date) })),
    }
  })
  const manage = can(ctx, index, 'programme.manage', p.unitId)
  const edit = manage && p.state === 'draft'
  const own = [p.createdBy.userId, p.submittedBy?.userId].includes(ctx.actor.userId)
  return {
    ...p, unitName: unitName(index, p.unitId, ctx.date), period: rules.period(p), periodName: rules.periodName(p), items,
    progress: rules.programmeProgress(items.map((i) => i.progress)),
    above: edit ? await superiorItems(ctx, index, p) : [],
    can: {
      edit, submit: edit && p.items.length > 0, follow: manage && p.state === 'approved',
      decide: p.state === 'submitted' && !own && can(ctx, index, 'programme.approve', p.unitId),
      task: manage && p.state === 'approved' && index.has(p.unitId) && taskPolicy.can(ctx.actor, 'task.assign', p.unitId, index, ctx.date),
    },
  }
}

/** The approved programmes of the levels above whose period meets this one's: the items a draft's item may carry out. */
async function superiorItems(ctx: TaskContext, index: UnitIndex, p: Programme) {
  const { from, to } = rules.period(p)
  const ups = ancestorsOn(index, p.unitId, ctx.date)
  const found = (await Promise.all(ups.map((u) => programmeStore.ofUnit(u)))).flat()
    .filter((s) => s.state === 'approved' && rules.period(s).from <= to && rules.period(s).to >= from)
  return found.map((s) => ({
    programmeId: s.programmeId, title: s.title, periodName: rules.periodName(s), unitName: unitName(index, s.unitId, ctx.date),
    items: s.items.filter((i) => i.state !== 'dropped').map((i) => ({ itemId: i.itemId, content: i.content, dueOn: i.dueOn })),
  }))
}
export type ProgrammeView = Awaited<ReturnType<typeof view>>

async function save(ctx: TaskContext, prev: Programme | undefined, next: Programme, action: string, details: Record<string, unknown>) {
  await new Transaction().put(programmeItem(next), { expectVersion: prev ? prev.version : 'new' })
    .audit({ unitId: next.unitId, action, target: next.programmeId, details: { title: next.title, ...details } })
    .commit(ctx.auditActor, ctx.now)
}
const bump = (ctx: TaskContext, p: Programme, change: Partial<Programme>): Programme => ({ ...p, ...change, updatedAt: ctx.now.toISOString(), version: p.version + 1 })
function checkVersion(p: Programme, version: number) { if (p.version !== version) throw new ConflictError('conflict.version') }

export async function createProgramme(ctx: TaskContext, b: CreateProgrammeBody) {
  const index = await ctx.tree()
  const u = index.get(b.unitId)
  if (!u || !existsOn(u, ctx.date)) throw new NotFoundError('unit', b.unitId)
  programmePolicy.authorize(ctx.actor, 'programme.manage', b.unitId, index, ctx.date)
  const at = ctx.now.toISOString()
  const p: Programme = {
    programmeId: `${b.unitId}.w${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`, unitId: b.unitId, body: b.body, kind: b.kind, year: b.year,
    ...(b.quarter ? { quarter: b.quarter } : {}), ...(b.month ? { month: b.month } : {}), title: b.title, state: 'draft', items: [], createdBy: me(ctx), createdAt: at, updatedAt: at, version: 1,
  }
  await save(ctx, undefined, p, 'programme.create', { period: rules.periodName(p) })
  return view(ctx, index, p)
}

export async function listProgrammes(ctx: TaskContext, unitId: string) {
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  programmePolicy.authorize(ctx.actor, 'programme.read', unitId, index, ctx.date)
  const all = (await programmeStore.ofUnit(unitId)).sort((a, b) => rules.period(b).from.localeCompare(rules.period(a).from) || b.createdAt.localeCompare(a.createdAt))
  return {
    unitName: unitName(index, unitId, ctx.date), manage: can(ctx, index, 'programme.manage', unitId),
    programmes: all.map((p) => ({ programmeId: p.programmeId, title: p.title, body: p.body, kind: p.kind, periodName: rules.periodName(p), state: p.state, items: p.items.filter((i) => i.state !== 'dropped').length })),
  }
}

/** The units where the caller reads programmes (the SPA's choice). */
export async function programmeUnits(ctx: TaskContext) {
  const index = await ctx.tree()
  return { units: [...new Set(programmePolicy.grantingUnits(ctx.actor, 'programme.read', index, ctx.date))].map((u) => ({ unitId: u, name: unitName(index, u, ctx.date) })) }
}

export async function showProgramme(ctx: TaskContext, id: string) {
  const { p, index } = await load(ctx, id)
  return view(ctx, index, p)
}

export async function addItem(ctx: TaskContext, id: string, b: ItemBody) {
  const { p, index } = await load(ctx, id)
  programmePolicy.authorize(ctx.actor, 'programme.manage', p.unitId, index, ctx.date)
  checkVersion(p, b.version)
  rules.checkDraft(p)
  rules.checkInPeriod(p, b.dueOn)
  const unit = index.get(b.preparingUnitId)
  if (!unit || !existsOn(unit, ctx.date)) throw new NotFoundError('unit', b.preparingUnitId)
  let presidingLeader: PersonRef | undefined
  if (b.presidingLeaderId) {
    const user = await orgStore.getUser(b.presidingLeaderId)
    if (!user || user.status !== 'active') throw new NotFoundError('user', b.presidingLeaderId)
    presidingLeader = { userId: user.userId, fullName: user.fullName }
  }
  let cascadedFrom: ProgrammeItem['cascadedFrom']
  if (b.cascadedFrom) {
    const sup = await programmeStore.get(b.cascadedFrom.programmeId)
    // The superior programme must be approved, of a unit above this one, and readable by the caller.
    if (!sup || !canReadProgramme(ctx.actor, sup, index, ctx.date)) throw new DomainError('notFound.programme', 404, { id: b.cascadedFrom.programmeId })
    if (sup.unitId === p.unitId || !isWithin(index, p.unitId, sup.unitId, ctx.date)) throw new RuleError('programme.cascadeNotAbove')
    if (sup.state !== 'approved') throw new RuleError('programme.notApproved')
    const supItem = itemOf(sup, b.cascadedFrom.itemId)
    cascadedFrom = { programmeId: sup.programmeId, itemId: supItem.itemId, content: supItem.content }
  }
  const n = p.items.reduce((m, i) => Math.max(m, Number(i.itemId.slice(1))), 0) + 1
  const item: ProgrammeItem = {
    itemId: `i${n}`, content: b.content, preparingUnitId: b.preparingUnitId, ...(presidingLeader ? { presidingLeader } : {}), dueOn: b.dueOn, output: b.output,
    ...(cascadedFrom ? { cascadedFrom } : {}), state: 'planned', taskIds: [],
  }
  const next = bump(ctx, p, { items: [...p.items, item].sort((a, c) => a.dueOn.localeCompare(c.dueOn)) })
  await save(ctx, p, next, 'programme.item', { content: item.content, dueOn: item.dueOn })
  return view(ctx, index, next)
}

export async function submitProgramme(ctx: TaskContext, id: string, version: number) {
  const { p, index } = await load(ctx, id)
  programmePolicy.authorize(ctx.actor, 'programme.manage', p.unitId, index, ctx.date)
  checkVersion(p, version)
  rules.checkDraft(p)
  if (!p.items.length) throw new RuleError('programme.empty')
  const next = bump(ctx, p, { state: 'submitted', submittedBy: me(ctx), submittedAt: ctx.now.toISOString() })
  await save(ctx, p, next, 'programme.submit', { items: p.items.length })
  return view(ctx, index, next)
}

export async function decideProgramme(ctx: TaskContext, id: string, b: { version: number; approve: boolean; comment?: string }) {
  const { p, index } = await load(ctx, id)
  programmePolicy.authorize(ctx.actor, 'programme.approve', p.unitId, index, ctx.date)
  checkVersion(p, b.version)
  if (p.state !== 'submitted') throw new RuleError('programme.notSubmitted')
  // Four eyes: whoever drafted or submitted the programme does not decide it.
  authorizeNotOwn(ctx.actor, [p.createdBy.userId, p.submittedBy?.userId], 'programme.ownProgramme')
  if (!b.approve && !b.comment) throw new RuleError('programme.returnNeedsComment')
  const { returnComment: _, ...rest } = p
  const next = b.approve
    ? bump(ctx, rest as Programme, { state: 'approved', approvedBy: me(ctx), approvedAt: ctx.now.toISOString() })
    : bump(ctx, p, { state: 'draft', returnComment: b.comment! })
  await save(ctx, p, next, b.approve ? 'programme.approve' : 'programme.return', b.comment ? { comment: b.comment } : {})
  return view(ctx, index, next)
}

async function changeItem(ctx: TaskContext, id: string, itemId: string, version: number, change: (p: Programme, item: ProgrammeItem) => ProgrammeItem, action: string, details: Record<string, unknown>) {
  const { p, index } = await load(ctx, id)
  programmePolicy.authorize(ctx.actor, 'programme.manage', p.unitId, index, ctx.date)
  checkVersion(p, version)
  const item = itemOf(p, itemId)
  rules.checkApprovedItem(p, item)
  const changed = change(p, item)
  const next = bump(ctx, p, { items: p.items.map((i) => (i.itemId === itemId ? changed : i)).sort((a, c) => a.dueOn.localeCompare(c.dueOn)) })
  await save(ctx, p, next, action, { content: item.content, ...details })
  return view(ctx, index, next)
}

export const moveItem = (ctx: TaskContext, id: string, itemId: string, b: { version: number; dueOn: string; reason: string }) =>
  changeItem(ctx, id, itemId, b.version, (p, item) => {
    rules.checkInPeriod(p, b.dueOn)
    return { ...item, state: 'moved', movedFrom: item.movedFrom ?? item.dueOn, dueOn: b.dueOn, reason: b.reason }
  }, 'programme.itemMove', { until: b.dueOn, reason: b.reason })

export const dropItem = (ctx: TaskContext, id: string, itemId: string, b: { version: number; reason: string }) =>
  changeItem(ctx, id, itemId, b.version, (_p, item) => ({ ...item, state: 'dropped', reason: b.reason }), 'programme.itemDrop', { reason: b.reason })

/** A task for the item, created by the tasks module (its deadline and assignment rules apply), then linked to the item. */
export async function itemTask(ctx: TaskContext, id: string, itemId: string, b: ItemTaskBody) {
  const { p, index } = await load(ctx, id)
  if (!can(ctx, index, 'programme.manage', p.unitId)) throw new ForbiddenError('auth.forbidden')
  const item = itemOf(p, itemId)
  rules.checkApprovedItem(p, item)
  const task = await createTask(ctx, {
    title: b.title ?? item.content.slice(0, 300), leadUnitId: b.leadUnitId ?? item.preparingUnitId, deadline: b.deadline, priority: 'normal',
    description: `${p.title} (${rules.periodName(p)}): ${item.content}`.slice(0, 5000),
    source: { kind: 'programme', programmeId: p.programmeId, itemId: item.itemId, programmeTitle: `${p.title} (${rules.periodName(p)})`.slice(0, 300), itemContent: item.content }, coordinatingUnitIds: [], watcherIds: [],
  })
  for (let attempt = 0; ; attempt++) {
    const cur = attempt === 0 ? p : (await programmeStore.get(id))!
    const next = bump(ctx, cur, { items: cur.items.map((i) => (i.itemId === itemId ? { ...i, taskIds: [...i.taskIds, task.taskId] } : i)) })
    try {
      await save(ctx, cur, next, 'programme.task', { content: item.content, task: task.title, deadline: b.deadline })
      return view(ctx, index, next)
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt > 3) throw err
    }
  }
}
