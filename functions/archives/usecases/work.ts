/**
 * The archives' part of "my work today": handovers that reached one of the
 * caller's units and wait for its receipt (checksums and signature checked
 * there). Only units where a role of the caller may receive (`archive.handover`).
 */
import { archivePolicy } from '../../../shared/archives/policy.js'
import { nameOn } from '../../../shared/org/tree.js'
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { archiveStore } from '../adapters/store.js'
import type { ArchiveContext } from './archives.js'

export async function archiveWork(ctx: ArchiveContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  const units = [...new Set(ctx.actor.assignments.map((a) => a.unitId))].filter((u) => archivePolicy.can(ctx.actor, 'archive.handover', u, index, ctx.date))
  if (!units.length) return []
  const name = (id: string) => { const u = index.get(id); return u ? nameOn(u, ctx.date).name : '' }
  const waiting = (await Promise.all(units.map((u) => archiveStore.handoversTo(u)))).flat().filter((h) => h.status === 'transferred')
  return [workSection('archives.handovers', '/archives/handover', waiting.map((h) => ({
    title: name(h.fromUnitId), subtitle: `→ ${name(h.toUnitId)} · ${h.fileCount ?? h.files?.length ?? 0}`, href: '/archives/handover', due: h.date,
  })))]
}
