/**
 * The daily deadline sweep (the ops module's `task-deadlines` job, each
 * working morning): reads from the due index only the open tasks whose
 * deadline is at most `reminderDays` working days away (or already past),
 * notifies the lead (notify(): in the app and by mail) once per deadline, and, once a deadline has
 * passed, the assigner's superior (the leaders of the parent of the unit
 * the task was given from) with the assigner in copy, once per deadline.
 * An approved extension is a new deadline: reminded and escalated anew.
 * Each mark is written under the task's version without changing it, so a
 * person's change made meanwhile wins and the task is looked at again the
 * next day.
 */
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { ConflictError } from '../../../shared/errors/index.js'
import { nameOn, parentOn } from '../../../shared/org/tree.js'
import type { Task } from '../../../shared/tasks/contracts.js'
import { taskPolicy } from '../../../shared/tasks/policy.js'
import { dmy, sweepAction, TASK_REMINDER_WORKING_DAYS } from '../../../shared/tasks/rules.js'
import { notify } from '../../notifications/usecases/notify.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { holderIds } from '../../org/usecases/holders.js'
import { taskItem, taskStore } from '../adapters/store.js'

const SWEEP: AuditActor = { userId: 'system', name: 'Nhắc hạn nhiệm vụ / Task deadlines' }

export async function sweepTaskDeadlines(now: Date, reminderDays = TASK_REMINDER_WORKING_DAYS) {
  const today = vietnamDate(now)
  if (!CALENDAR.isWorkingDay(today)) return { skipped: 'not a working day', read: 0, reminded: 0, escalated: 0 }
  const due = await taskStore.openDueBy(CALENDAR.addWorkingDays(today, reminderDays))
  const work = due.map((t) => ({ task: t, action: sweepAction(t, today, CALENDAR, reminderDays) })).filter((w) => w.action)
  if (!work.length) return { read: due.length, reminded: 0, escalated: 0 }
  const index = await orgStore.tree()
  const unitName = (id: string) => { const u = index.get(id); return u ? nameOn(u, today).name : id }
  const leaders = new Map<string, Promise<string[]>>()
  const holdersIn = (action: 'task.report' | 'task.assign', unitId: string) => {
    const key = `${action}#${unitId}`
    if (!leaders.has(key)) leaders.set(key, holderIds(taskPolicy, action, unitId))
    return leaders.get(key)!
  }
  let reminded = 0
  let escalated = 0
  for (const { task: t, action } of work) {
    const line = `"${t.title}" — ${t.leadUser?.fullName ?? unitName(t.leadUnitId)} chủ trì / leads, hạn / due ${dmy(t.deadline)}`
    if (action === 'remind') {
      await notify({
        kind: 'task.due', userIds: t.leadUser ? [t.leadUser.userId] : await holdersIn('task.report', t.leadUnitId), link: '/tasks',
        title: `Nhắc hạn nhiệm vụ / Task due ${dmy(t.deadline)}`,
        text: `Nhiệm vụ sắp đến hạn / This task is nearly due:\n${line}\nGiao bởi / assigned by ${t.assigner.fullName}.`,
      }, now)
      if (await mark(t, { remindedFor: t.deadline }, 'task.remind', now)) reminded++
    } else {
      const parent = index.get(t.ownerUnitId) ? parentOn(index.get(t.ownerUnitId)!, today) : null
      const superiors = parent ? await holdersIn('task.assign', parent) : []
      await notify({
        kind: 'task.overdue', userIds: [...superiors, t.assigner.userId], link: '/tasks',
        title: `Nhiệm vụ quá hạn / Overdue task: ${t.title}`,
        text: `Nhiệm vụ đã quá hạn / This task is past its deadline:\n${line}\nĐơn vị giao / given by ${unitName(t.ownerUnitId)} (${t.assigner.fullName}).\nQuá / overdue by ${CALENDAR.workingDaysBetween(t.deadline, today)} ngày làm việc / working day(s).`,
      }, now)
      if (await mark(t, { escalatedFor: t.deadline }, 'task.escalate', now)) escalated++
    }
  }
  return { read: due.length, reminded, escalated }
}

/** Records the mark under the version read (a person's change made meanwhile wins: false). */
async function mark(t: Task, patch: Pick<Task, 'remindedFor'> | Pick<Task, 'escalatedFor'>, action: 'task.remind' | 'task.escalate', now: Date): Promise<boolean> {
  try {
    await new Transaction()
      .put(taskItem({ ...t, ...patch }), { expectVersion: t.version })
      .audit({ unitId: t.ownerUnitId, action, target: t.taskId, details: { title: t.title, deadline: t.deadline } })
      .commit(SWEEP, now)
    return true
  } catch (err) {
    if (err instanceof ConflictError) return false
    throw err
  }
}
