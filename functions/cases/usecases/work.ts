/**
 * The cases' part of "my work today": cases assigned to me (the inspector)
 * whose handling runs, by deadline, and, for the commission's chair and
 * intake, cases waiting to be registered, classified or assigned. Items
 * name the case by its register number and subject, never the complainant.
 */
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { casePolicy } from '../../../shared/cases/policy.js'
import { isOverdue, runningDeadline } from '../../../shared/cases/complaints.js'
import { caseStore } from '../adapters/store.js'
import type { CaseContext } from './cases.js'

const title = (c: { registerNo?: string; subject: string }) => `${c.registerNo ? `${c.registerNo} — ` : ''}${c.subject}`

export async function caseWork(ctx: CaseContext): Promise<WorkSection[]> {
  const commissions = [...new Set(ctx.actor.assignments.map((a) => a.unitId))].filter((u) => casePolicy.holdsIn(ctx.actor, 'case.read', u))
  if (!commissions.length) return []
  const mine = (await caseStore.ofInspector(ctx.actor.userId)).filter((c) => c.state === 'assigned' || c.state === 'verifying')
  const waiting = (await Promise.all(commissions.filter((u) => casePolicy.holdsIn(ctx.actor, 'case.decide', u) || casePolicy.holdsIn(ctx.actor, 'case.intake', u))
    .map(async (u) => (await caseStore.page(u, { limit: 100 })).cases)))
    .flat().filter((c) => ['received', 'registered', 'classified'].includes(c.state) && !mine.some((m) => m.caseId === c.caseId))
  const items = [...mine, ...waiting].sort((a, b) => (runningDeadline(a) ?? '').localeCompare(runningDeadline(b) ?? ''))
  if (!items.length) return []
  return [workSection('cases.to-handle', '/cases', items.map((c) => ({
    title: title(c), subtitle: c.concerns, href: `/cases/${encodeURIComponent(c.caseId)}`, ...(runningDeadline(c) ? { due: runningDeadline(c) } : {}), overdue: isOverdue(c, ctx.date),
  })))]
}
