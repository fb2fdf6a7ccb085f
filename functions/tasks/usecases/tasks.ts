/**
 * The tasks module's use cases: give a task (the assigner holds `task.assign`
 * over the lead unit), read it (its people and those who hold `task.read`
 * over its units; anyone else gets a 404, as if it did not exist), the
 * lead's steps (accept, report progress, submit, ask for more time) and the
 * assigner's (evaluate, return, cancel, decide an extension), the lists and
 * the KPIs of a unit. Every change is one transaction with its audit entry,
 * under the version the caller saw (409 when stale).
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { existsOn, isWithin, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import {
  CLOSED_STATUSES, type NewTask, type EvaluateBody, type ExtensionDecisionBody, type ExtensionRequestBody, type ProgressBody,
  encodeCursor, type Task, type TaskKpis, type TaskListQuery, type TaskPage, type TaskSummary,
} from '../../../shared/tasks/contracts.js'
import { taskPolicy } from '../../../shared/tasks/policy.js'
import * as rules from '../../../shared/tasks/rules.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { assignerPointerItem, taskItem, taskStore, type Page, type PageFilter } from '../adapters/store.js'

export type TaskContext = OrgContext

const me = (ctx: TaskContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const change = (ctx: TaskContext): rules.Change => ({ at: ctx.now.toISOString(), by: me(ctx) })
const notFound = (taskId: string) => new DomainError('notFound.task', 404, { id: taskId })
const newTaskId = (unitId: string, now: Date) => `${unitId}.t${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : '' }

/** May the caller see the task at all: its people, or `task.read` over its lead, owning or a coordinating unit. */
export function canRead(ctx: TaskContext, index: UnitIndex, t: Task): boolean {
  const id = ctx.actor.userId
  if (t.assigner.userId === id || t.leadUser?.userId === id || t.watchers.some((w) => w.userId === id)) return true
  return [t.leadUnitId, t.ownerUnitId, ...t.coordinatingUnitIds].some((u) => index.has(u) && taskPolicy.can(ctx.actor, 'task.read', u, index, ctx.date))
}

/** The lead: the lead person if there is one, else whoever holds `task.report` over the lead unit. */
export function isLead(ctx: TaskContext, index: UnitIndex, t: Task): boolean {
  if (t.leadUser) return t.leadUser.userId === ctx.actor.userId
  return index.has(t.leadUnitId) && taskPolicy.can(ctx.actor, 'task.report', t.leadUnitId, index, ctx.date)
}

const isAssigner = (ctx: TaskContext, index: UnitIndex, t: Task) =>
  t.assigner.userId === ctx.actor.userId && index.has(t.leadUnitId) && taskPolicy.can(ctx.actor, 'task.evaluate', t.leadUnitId, index, ctx.date)

async function load(ctx: TaskContext, taskId: string): Promise<{ task: Task; index: UnitIndex }> {
  const [task, index] = await Promise.all([taskStore.get(taskId), ctx.tree()])
  if (!task || !canRead(ctx, index, task)) throw notFound(taskId)
  return { task, index }
}

/** A task as its page shows it: names beside ids, what the caller may do. */
function view(ctx: TaskContext, index: UnitIndex, t: Task) {
  return {
    ...t,
    leadUnitName: unitName(index, t.leadUnitId, ctx.date), ownerUnitName: unitName(index, t.ownerUnitId, ctx.date),
    coordinatingUnits: t.coordinatingUnitIds.map((u) => ({ unitId: u, name: unitName(index, u, ctx.date) })),
    overdue: rules.isOverdue(t, ctx.date),
    can: { lead: isLead(ctx, index, t) && !CLOSED_STATUSES.includes(t.status), assigner: isAssigner(ctx, index, t) && !CLOSED_STATUSES.includes(t.status) },
  }
}
export type TaskView = ReturnType<typeof view>

export async function createTask(ctx: TaskContext, body: NewTask): Promise<TaskView> {
  const index = await ctx.tree()
  const lead = index.get(body.leadUnitId)
  if (!lead || !existsOn(lead, ctx.date)) throw new NotFoundError('unit', body.leadUnitId)
  taskPolicy.authorize(ctx.actor, 'task.assign', body.leadUnitId, index, ctx.date)
  rules.checkDeadline(body.deadline, ctx.date, CALENDAR)
  const owner = taskPolicy.grantingUnits(ctx.actor, 'task.assign', index, ctx.date).find((g) => isWithin(index, body.leadUnitId, g, ctx.date))!
  for (const u of body.coordinatingUnitIds) { const unit = index.get(u); if (!unit || !existsOn(unit, ctx.date)) throw new NotFoundError('unit', u) }
  let leadUser: PersonRef | undefined
  if (body.leadUserId) {
    const user = await orgStore.getUser(body.leadUserId)
    if (!user || user.status !== 'active') throw new NotFoundError('user', body.leadUserId)
    if (!user.assignments.some((a) => a.unitId === body.leadUnitId)) throw new RuleError('task.leadNotInUnit')
    leadUser = { userId: user.userId, fullName: user.fullName }
  }
  const watcherIds = [...new Set(body.watcherIds)]
  const watchers = watcherIds.length ? await orgStore.getUsers(watcherIds) : []
  const missing = watcherIds.find((id) => !watchers.some((w) => w.userId === id))
  if (missing) throw new RuleError('task.unknownWatcher', { id: missing })
  const taskId = newTaskId(owner, ctx.now)
  if (body.parentTaskId) await checkParentOf(ctx, index, taskId, body.parentTaskId)
  const at = ctx.now.toISOString()
  const task: Task = {
    taskId, ownerUnitId: owner, title: body.title, ...(body.description ? { description: body.description } : {}), source: body.source, priority: body.priority,
    assigner: me(ctx), leadUnitId: body.leadUnitId, ...(leadUser ? { leadUser } : {}), coordinatingUnitIds: [...new Set(body.coordinatingUnitIds)],
    watchers: watchers.map((w) => ({ userId: w.userId, fullName: w.fullName })), ...(body.parentTaskId ? { parentTaskId: body.parentTaskId } : {}),
    assignedOn: ctx.date, deadline: body.deadline, originalDeadline: body.deadline, status: 'assigned', percent: 0,
    reports: [], extensions: [], events: [], createdAt: at, updatedAt: at, version: 1,
  }
  await new Transaction()
    .put(taskItem(task), { expectVersion: 'new' })
    .put(assignerPointerItem(task), { expectVersion: 'new' })
    .audit({ unitId: owner, action: 'task.create', target: taskId, details: { title: task.title, leadUnitId: task.leadUnitId, leadUserId: leadUser?.userId, deadline: task.deadline } })
    .commit(ctx.auditActor, ctx.now)
  return view(ctx, index, task)
}

/** The parent must be readable, open, and its chain of parents must not come back to the new task. */
async function checkParentOf(ctx: TaskContext, index: UnitIndex, taskId: string, parentTaskId: string): Promise<void> {
  const parent = await taskStore.get(parentTaskId)
  if (!parent || !canRead(ctx, index, parent)) throw notFound(parentTaskId)
  const parents = new Map<string, string | undefined>([[parent.taskId, parent.parentTaskId]])
  for (let id = parent.parentTaskId; id && parents.size <= rules.MAX_TASK_DEPTH + 1;) {
    const t = await taskStore.get(id)
    parents.set(id, t?.parentTaskId)
    id = t?.parentTaskId
  }
  rules.checkParent(taskId, parent, (id) => parents.get(id))
}

export async function showTask(ctx: TaskContext, taskId: string): Promise<TaskView> {
  const { task, index } = await load(ctx, taskId)
  return view(ctx, index, task)
}

type Step = (task: Task, c: rules.Change) => Task
interface StepOptions { who: 'lead' | 'assigner'; action: string; details?: (before: Task, after: Task) => Record<string, unknown> }

/** One change of a task: who may make it, the rule, the write under the version seen, the audit entry. */
async function step(ctx: TaskContext, taskId: string, version: number, opts: StepOptions, apply: Step): Promise<TaskView> {
  const { task, index } = await load(ctx, taskId)
  const allowed = opts.who === 'lead' ? isLead(ctx, index, task) : isAssigner(ctx, index, task)
  if (!allowed) throw new ForbiddenError(opts.who === 'lead' ? 'task.notLead' : 'task.notAssigner')
  if (task.version !== version) throw new ConflictError('conflict.version')
  const next = apply(task, change(ctx))
  await new Transaction()
    .put(taskItem(next), { expectVersion: task.version })
    .audit({ unitId: task.ownerUnitId, action: opts.action, target: taskId, details: { title: task.title, ...opts.details?.(task, next) } })
    .commit(ctx.auditActor, ctx.now)
  return view(ctx, index, next)
}

export const acceptTask = (ctx: TaskContext, taskId: string, b: { version: number; comment?: string }) =>
  step(ctx, taskId, b.version, { who: 'lead', action: 'task.accept' }, (t, c) => rules.accept(t, c, b.comment))
export const reportProgress = (ctx: TaskContext, taskId: string, b: ProgressBody) =>
  step(ctx, taskId, b.version, { who: 'lead', action: 'task.progress', details: () => ({ percent: b.percent }) }, (t, c) => rules.reportProgress(t, c, b.percent, b.text))
export const submitTask = (ctx: TaskContext, taskId: string, b: { version: number; text: string }) =>
  step(ctx, taskId, b.version, { who: 'lead', action: 'task.submit' }, (t, c) => rules.submit(t, c, b.text))
export const evaluateTask = (ctx: TaskContext, taskId: string, b: EvaluateBody) =>
  step(ctx, taskId, b.version, { who: 'assigner', action: 'task.evaluate', details: (_, n) => ({ quality: b.quality, timeliness: n.evaluation?.timeliness }) },
    (t, c) => rules.evaluate(t, c, b.quality, b.comment))
export const returnTask = (ctx: TaskContext, taskId: string, b: { version: number; comment: string }) =>
  step(ctx, taskId, b.version, { who: 'assigner', action: 'task.return', details: () => ({ comment: b.comment }) }, (t, c) => rules.giveBack(t, c, b.comment))
export const cancelTask = (ctx: TaskContext, taskId: string, b: { version: number; reason: string }) =>
  step(ctx, taskId, b.version, { who: 'assigner', action: 'task.cancel', details: () => ({ reason: b.reason }) }, (t, c) => rules.cancel(t, c, b.reason))
export const requestExtension = (ctx: TaskContext, taskId: string, b: ExtensionRequestBody) =>
  step(ctx, taskId, b.version, { who: 'lead', action: 'task.extensionRequest', details: (t) => ({ from: t.deadline, until: b.until, reason: b.reason }) },
    (t, c) => rules.requestExtension(t, c, b.until, b.reason, CALENDAR))
export const decideExtension = (ctx: TaskContext, taskId: string, b: ExtensionDecisionBody) =>
  step(ctx, taskId, b.version, { who: 'assigner', action: 'task.extensionDecide', details: (t, n) => ({ approve: b.approve, from: t.deadline, deadline: n.deadline, comment: b.comment }) },
    (t, c) => rules.decideExtension(t, c, b.approve, b.comment))

/** The units (existing today) where the caller reports on tasks: "mine" through a lead unit. */
const reportingUnits = (ctx: TaskContext, index: UnitIndex) =>
  [...new Set(taskPolicy.grantingUnits(ctx.actor, 'task.report', index, ctx.date))]

/** Tasks I lead (as the person, or through a unit where I report and no person leads). */
export async function myTasks(ctx: TaskContext, index: UnitIndex, range: { from?: string; to?: string } = {}): Promise<Task[]> {
  const [personal, ...byUnit] = await Promise.all([
    taskStore.ofLeadUser(ctx.actor.userId, range),
    ...reportingUnits(ctx, index).map((u) => taskStore.ofLeadUnit(u, range)),
  ])
  const seen = new Map(personal.map((t) => [t.taskId, t]))
  for (const t of byUnit.flat()) if (!t.leadUser && !seen.has(t.taskId)) seen.set(t.taskId, t)
  return [...seen.values()]
}

/**
 * One page of a list, in the list's order (deadline for "mine" and a unit's,
 * newest given first for "assigned by me"), with the cursor of the next page.
 * "Mine" merges the caller's own partition and those of the units where they
 * report: each gives at most a page after the cursor, in the same sort-key
 * order, so the first page of the merge is exact.
 */
export async function listTasks(ctx: TaskContext, q: TaskListQuery): Promise<TaskPage<TaskSummary>> {
  const index = await ctx.tree()
  const f: PageFilter = { from: q.dueFrom, to: q.dueTo, after: q.after, limit: q.limit, status: q.status, overdue: q.overdue, today: ctx.date }
  if (q.view === 'assigned') {
    const keep = (t: Task) => (!f.from || t.deadline >= f.from) && (!f.to || t.deadline <= f.to) && (!f.status || t.status === f.status)
      && (f.overdue === undefined || rules.isOverdue(t, ctx.date) === f.overdue)
    const page = await taskStore.pageByAssigner(ctx.actor.userId, { ...f, keep })
    const last = page.tasks.at(-1)
    return { tasks: page.tasks.map((t) => summary(ctx, index, t)), ...(page.more && last ? { next: encodeCursor(`${last.createdAt}#${last.taskId}`) } : {}) }
  }
  let pages: Page[]
  if (q.view === 'unit') {
    const unit = index.get(q.unitId!)
    if (!unit) throw new NotFoundError('unit', q.unitId!)
    taskPolicy.authorize(ctx.actor, 'task.read', q.unitId!, index, ctx.date)
    pages = [await taskStore.pageOfLeadUnit(q.unitId!, f)]
  } else {
    pages = await Promise.all([
      taskStore.pageOfLeadUser(ctx.actor.userId, f),
      ...reportingUnits(ctx, index).map((u) => taskStore.pageOfLeadUnit(u, { ...f, unitLed: true })),
    ])
  }
  const byKey = new Map<string, Task>()
  for (const t of pages.flatMap((p) => p.tasks)) byKey.set(`${t.deadline}#${t.taskId}`, t)
  const merged = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const shown = merged.slice(0, q.limit)
  const more = merged.length > q.limit || pages.some((p) => p.more)
  return { tasks: shown.map(([, t]) => summary(ctx, index, t)), ...(more && shown.length ? { next: encodeCursor(shown.at(-1)![0]) } : {}) }
}

export const summary = (ctx: TaskContext, index: UnitIndex, t: Task): TaskSummary => ({
  taskId: t.taskId, title: t.title, status: t.status, priority: t.priority, deadline: t.deadline, percent: t.percent, leadUnitId: t.leadUnitId,
  assigner: t.assigner, ...(t.leadUser ? { leadUser: t.leadUser } : {}), ownerUnitId: t.ownerUnitId, version: t.version,
  leadUnitName: unitName(index, t.leadUnitId, ctx.date), overdue: rules.isOverdue(t, ctx.date), pendingExtension: !!rules.pendingExtension(t),
})

/**
 * A unit's task KPIs (the tasks it leads): assigned, done on time, done late,
 * overdue (open past the deadline), open. The one computation dashboards use.
 */
export async function unitKpis(ctx: TaskContext, unitId: string): Promise<TaskKpis> {
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  taskPolicy.authorize(ctx.actor, 'task.read', unitId, index, ctx.date)
  return rules.kpisOf(unitId, await taskStore.ofLeadUnit(unitId), ctx.date)
}
