/**
 * The tasks' part of "my work today": tasks I lead that are due today or
 * overdue, and tasks submitted to me (the assigner) for evaluation. Items
 * name the task, its lead unit and the people, never ids.
 */
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { isOverdue } from '../../../shared/tasks/rules.js'
import { taskStore } from '../adapters/store.js'
import { myTasks, summary, type TaskContext } from './tasks.js'

export async function taskWork(ctx: TaskContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  const [due, assigned] = await Promise.all([myTasks(ctx, index, { to: ctx.date }), taskStore.byAssigner(ctx.actor.userId)])
  const open = due.filter((t) => t.status !== 'done' && t.status !== 'cancelled' && t.status !== 'submitted').sort((a, b) => a.deadline.localeCompare(b.deadline))
  const toEvaluate = assigned.filter((t) => t.status === 'submitted').sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
  const sections: WorkSection[] = []
  if (open.length) {
    sections.push(workSection('tasks.due', '/tasks', open.map((t) => {
      const s = summary(ctx, index, t)
      return { title: t.title, subtitle: `${t.assigner.fullName} → ${t.leadUser?.fullName ?? s.leadUnitName}`, href: '/tasks', due: t.deadline, overdue: isOverdue(t, ctx.date) }
    })))
  }
  if (toEvaluate.length) {
    sections.push(workSection('tasks.to-evaluate', '/tasks?view=assigned', toEvaluate.map((t) => ({
      title: t.title, subtitle: t.leadUser?.fullName ?? summary(ctx, index, t).leadUnitName, href: '/tasks?view=assigned', due: t.deadline, overdue: isOverdue(t, ctx.date),
    }))))
  }
  return sections
}
