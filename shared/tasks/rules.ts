/**
 * The task's state machine and its rules, as pure functions: each takes the
 * task as it is and answers the task as it becomes, or refuses with a
 * RuleError whose code names what is wrong (a vi/en message in
 * shared/i18n/tasks.ts). Who may act (the lead, the assigner) is the use
 * case's check; here is only what may happen.
 *
 *   assigned → accepted → in-progress (percent, reports) → submitted → done
 *                            ↑ returned ─────────────────────┘
 *   any state but done → cancelled (with a reason)
 *   extension: requested by the lead, approved (the deadline moves) or refused by the assigner; never once closed
 */
import { RuleError } from '../errors/index.js'
import { authorizeNotOwn } from '../auth/policy.js'
import type { PersonRef } from '../documents/contracts.js'
import type { WorkingCalendar } from '../calendar/working-days.js'
import { vietnamDay } from '../calendar/vietnam-time.js'
import { CLOSED_STATUSES, type Evaluation, type Task, type TaskKpis, type TaskStatus } from './contracts.js'

/** The lead is reminded this many working days before the deadline. */
export const TASK_REMINDER_WORKING_DAYS = 2

/** Deepest nesting of sub-tasks (a task, its sub-tasks, theirs …). */
export const MAX_TASK_DEPTH = 5

export interface Change { at: string; by: PersonRef }

const touch = (task: Task, c: Change, patch: Partial<Task>): Task => ({ ...task, ...patch, updatedAt: c.at, version: task.version + 1 })

function open(task: Task): void {
  if (CLOSED_STATUSES.includes(task.status)) throw new RuleError(task.status === 'done' ? 'task.closedDone' : 'task.closedCancelled', { title: task.title })
}

/** The deadline of a new task, or of an extension: a working day, not before today. */
export function checkDeadline(deadline: string, today: string, calendar: WorkingCalendar): void {
  if (deadline < today) throw new RuleError('task.deadlinePast', { deadline: dmy(deadline), today: dmy(today) })
  if (!calendar.isWorkingDay(deadline)) throw new RuleError('task.deadlineNotWorkingDay', { deadline: dmy(deadline), next: dmy(calendar.nextWorkingDay(deadline)) })
}

export function accept(task: Task, c: Change, comment?: string): Task {
  open(task)
  if (task.status !== 'assigned') throw new RuleError('task.alreadyAccepted')
  return touch(task, c, { status: 'accepted', events: [...task.events, { ...c, kind: 'accepted', ...(comment ? { text: comment } : {}) }] })
}

const WORKING: readonly TaskStatus[] = ['accepted', 'in-progress']
function working(task: Task): void {
  open(task)
  if (task.status === 'assigned') throw new RuleError('task.notAccepted')
  if (task.status === 'submitted') throw new RuleError('task.awaitingEvaluation')
}

export function reportProgress(task: Task, c: Change, percent: number, text: string): Task {
  working(task)
  return touch(task, c, { status: 'in-progress', percent, reports: [...task.reports, { ...c, percent, text }] })
}

export function submit(task: Task, c: Change, text: string): Task {
  working(task)
  if (!WORKING.includes(task.status)) throw new RuleError('task.notAccepted')
  return touch(task, c, { status: 'submitted', submittedAt: c.at, events: [...task.events, { ...c, kind: 'submitted', text }] })
}

/** On time when submitted on or before the deadline's day (Việt Nam); quality on the 1–5 scale. */
export function timeliness(task: Pick<Task, 'deadline' | 'submittedAt'>): Evaluation['timeliness'] {
  return task.submittedAt && vietnamDay(task.submittedAt) <= task.deadline ? 'on-time' : 'late'
}

export function evaluate(task: Task, c: Change, quality: number, comment?: string): Task {
  open(task)
  if (task.status !== 'submitted') throw new RuleError('task.notSubmitted')
  if (!Number.isInteger(quality) || quality < 1 || quality > 5) throw new RuleError('task.badQuality')
  const evaluation: Evaluation = { ...c, timeliness: timeliness(task), quality, ...(comment ? { comment } : {}) }
  return touch(task, c, { status: 'done', percent: 100, evaluation })
}

export function giveBack(task: Task, c: Change, comment: string): Task {
  open(task)
  if (task.status !== 'submitted') throw new RuleError('task.notSubmitted')
  return touch(task, c, { status: 'in-progress', submittedAt: undefined, events: [...task.events, { ...c, kind: 'returned', text: comment }] })
}

export function cancel(task: Task, c: Change, reason: string): Task {
  open(task)
  return touch(task, c, { status: 'cancelled', cancelReason: reason, events: [...task.events, { ...c, kind: 'cancelled', text: reason }] })
}

export const pendingExtension = (task: Pick<Task, 'extensions'>) => task.extensions.find((e) => e.status === 'pending')

export function requestExtension(task: Task, c: Change, until: string, reason: string, calendar: WorkingCalendar): Task {
  open(task)
  if (pendingExtension(task)) throw new RuleError('task.extensionPending')
  if (until <= task.deadline) throw new RuleError('task.extensionNotLater', { deadline: dmy(task.deadline) })
  if (!calendar.isWorkingDay(until)) throw new RuleError('task.deadlineNotWorkingDay', { deadline: dmy(until), next: dmy(calendar.nextWorkingDay(until)) })
  return touch(task, c, { extensions: [...task.extensions, { requestedAt: c.at, by: c.by, from: task.deadline, until, reason, status: 'pending' }] })
}

/** The assigner's decision: approved moves the deadline (and a new deadline gets its own reminder). */
export function decideExtension(task: Task, c: Change, approve: boolean, comment?: string): Task {
  open(task)
  const pending = pendingExtension(task)
  if (!pending) throw new RuleError('task.noExtensionPending')
  // Nobody decides their own request (a lead who assigned the task to themselves asks the one above).
  authorizeNotOwn(c.by, [pending.by.userId])
  const decided = { ...pending, status: approve ? 'approved' as const : 'refused' as const, decidedAt: c.at, decidedBy: c.by, ...(comment ? { comment } : {}) }
  return touch(task, c, {
    extensions: task.extensions.map((e) => (e === pending ? decided : e)),
    ...(approve ? { deadline: pending.until } : {}),
  })
}

/** Past its deadline and not closed (a submitted task waits on the assigner, but is still counted overdue once late). */
export const isOverdue = (task: Pick<Task, 'status' | 'deadline'>, today: string): boolean =>
  !CLOSED_STATUSES.includes(task.status) && task.deadline < today

/**
 * A sub-task under `parentId`: refused when the parent is closed, when the
 * chain of parents comes back to the task itself (a cycle), or nests deeper
 * than MAX_TASK_DEPTH. `parentOf` answers a task's parent (undefined at the top).
 */
export function checkParent(taskId: string, parent: Pick<Task, 'taskId' | 'status' | 'title'>, parentOf: (id: string) => string | undefined): void {
  if (CLOSED_STATUSES.includes(parent.status)) throw new RuleError('task.parentClosed', { title: parent.title })
  let depth = 1
  for (let id: string | undefined = parent.taskId; id; id = parentOf(id)) {
    if (id === taskId) throw new RuleError('task.subtaskCycle')
    if (++depth > MAX_TASK_DEPTH) throw new RuleError('task.tooDeep', { max: MAX_TASK_DEPTH })
  }
}

/** dd/mm/yyyy, as messages write dates. */
export const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/**
 * What the daily sweep owes a task today: a reminder to the lead once the
 * deadline is `reminderDays` working days away or closer (once per deadline),
 * an escalation to the assigner's superior once the deadline has passed on
 * a working day (once per deadline); nothing for a closed task.
 */
export function sweepAction(task: Pick<Task, 'status' | 'deadline' | 'remindedFor' | 'escalatedFor'>, today: string, calendar: WorkingCalendar, reminderDays: number): 'remind' | 'escalate' | undefined {
  if (CLOSED_STATUSES.includes(task.status)) return undefined
  if (task.deadline < today) return task.escalatedFor === task.deadline ? undefined : 'escalate'
  if (task.status === 'submitted') return undefined
  const remindFrom = task.deadline <= today ? today : earliestReminderDay(task.deadline, calendar, reminderDays)
  return today >= remindFrom && task.remindedFor !== task.deadline ? 'remind' : undefined
}

/** The working day `n` working days before `deadline`. */
export function earliestReminderDay(deadline: string, calendar: WorkingCalendar, n: number): string {
  let d = deadline
  for (let i = 0; i < n; i++) {
    d = previousDay(d)
    while (!calendar.isWorkingDay(d)) d = previousDay(d)
  }
  return d
}
const previousDay = (iso: string): string => { const t = new Date(`${iso}T00:00:00Z`); t.setUTCDate(t.getUTCDate() - 1); return t.toISOString().slice(0, 10) }

/** A unit's KPIs over the tasks it leads (cancelled ones left out): assigned, done on time / late, overdue, open. */
export function kpisOf(unitId: string, tasks: readonly Pick<Task, 'status' | 'deadline' | 'evaluation'>[], today: string): TaskKpis {
  const live = tasks.filter((t) => t.status !== 'cancelled')
  return {
    unitId,
    assigned: live.length,
    doneOnTime: live.filter((t) => t.status === 'done' && t.evaluation?.timeliness === 'on-time').length,
    doneLate: live.filter((t) => t.status === 'done' && t.evaluation?.timeliness === 'late').length,
    overdue: live.filter((t) => isOverdue(t, today)).length,
    open: live.filter((t) => !CLOSED_STATUSES.includes(t.status)).length,
  }
}
