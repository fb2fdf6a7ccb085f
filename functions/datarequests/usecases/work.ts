/**
 * The data requests' part of "my work today": requests sent to the units
 * where I answer that wait for our figures (open, not yet answered), by
 * deadline. Items name the request, the sending unit and my unit, never ids.
 */
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { receivedRequests, unitNamer, type DataRequestContext } from './requests.js'

export async function dataRequestWork(ctx: DataRequestContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  const name = unitNamer(index, ctx.date)
  const waiting = (await receivedRequests(ctx, index)).filter(({ request }) => request.status === 'sent')
    .flatMap(({ request, units }) => units.filter((u) => u.status !== 'answered').map((u) => ({ request, unitId: u.unitId, late: u.status === 'late' })))
    .sort((a, b) => a.request.deadline.localeCompare(b.request.deadline))
  if (!waiting.length) return []
  return [workSection('datarequests.to-answer', '/datarequests?view=received', waiting.map((w) => ({
    title: w.request.title, subtitle: `${name(w.request.ownerUnitId)} → ${name(w.unitId)}`,
    href: `/datarequests/${w.request.requestId}/answers/${w.unitId}`, due: w.request.deadline, overdue: w.late,
  })))]
}
