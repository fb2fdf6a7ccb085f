/** The caller's profile and the units they work in (for the unit switcher), and what waits for them today. */
import { orgPolicy } from '../../../shared/auth/policy.js'
import { nameOn, viewOn } from '../../../shared/org/tree.js'
import { WORK_SECTIONS, workSection, type MyWork, type WorkSection } from '../../../shared/org/work.js'
import { archiveWork } from '../../archives/usecases/work.js'
import { documentWork } from '../../documents/usecases/work.js'
import { memberWork } from '../../members/usecases/work.js'
import { taskWork } from '../../tasks/usecases/work.js'
import { meetingWork } from '../../meetings/usecases/work.js'
import { scheduleWork } from '../../schedules/usecases/work.js'
import { caseWork } from '../../cases/usecases/work.js'
import { dataRequestWork } from '../../datarequests/usecases/work.js'
import { orgStore } from '../adapters/store.js'
import type { OrgContext } from './context.js'
import { listReorganisations } from './reorganisations.js'

export async function getMe(ctx: OrgContext) {
  const index = await ctx.tree()
  const user = await orgStore.getUser(ctx.actor.userId)
  const assignments = ctx.actor.assignments
    .filter((a) => index.has(a.unitId))
    .map((a) => ({ ...a, unit: viewOn(index.get(a.unitId)!, ctx.date) }))
  return { user, assignments }
}

/**
 * "My work today" (`GET /api/me/work`): each module's sections of what
 * waits for the caller, from that module's use cases (which keep to what
 * the caller may act on), then the organisation's reorganisations to decide.
 */
export async function myWork(ctx: OrgContext): Promise<MyWork> {
  const [reorganisations, documents, members, archives, tasks, meetings, schedules, cases, datarequests] = await Promise.all([
    reorganisationWork(ctx), documentWork(ctx), memberWork(ctx), archiveWork(ctx), taskWork(ctx), meetingWork(ctx), scheduleWork(ctx), caseWork(ctx), dataRequestWork(ctx),
  ])
  const sections = [...documents, ...members, ...reorganisations, ...archives, ...tasks, ...meetings, ...schedules, ...cases, ...datarequests]
  return { sections: sections.sort((a, b) => WORK_SECTIONS.indexOf(a.id) - WORK_SECTIONS.indexOf(b.id)) }
}

async function reorganisationWork(ctx: OrgContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  if (!orgPolicy.grantingUnits(ctx.actor, 'reorganisation.decide', index, ctx.date).length) return []
  const name = (id: string) => { const u = index.get(id); return u ? nameOn(u, ctx.date).name : '' }
  const { requests } = await listReorganisations(ctx, 'pending')
  return [workSection('org.reorganisations', '/approvals', requests.filter((r) => r.requestedBy.userId !== ctx.actor.userId).map((r) => ({
    title: r.sourceUnitIds.map(name).join(', '), subtitle: r.requestedBy.fullName, href: '/approvals',
    ...(r.deadlineAt ? { due: r.deadlineAt, overdue: r.deadlineAt < ctx.now.toISOString() || r.status === 'escalated' } : {}),
  })))]
}
