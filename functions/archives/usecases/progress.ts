/**
 * Digitisation progress of a unit's subtree, per unit and per level: pages
 * read, documents found, and the share of them verified (confirmed by a
 * clerk or read with full confidence; catalogued classified scans count as
 * done). Feeds the KPIs.
 */
import { subtreeOn, nameOn } from '../../../shared/org/tree.js'
import { authorizeArchive } from '../../../shared/archives/policy.js'
import { archiveStore } from '../adapters/store.js'
import type { ArchiveContext } from './archives.js'

export interface UnitProgress { unitId: string; name: string; level: string; files: number; pages: number; documents: number; verified: number; verifiedShare: number }

const share = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000)

export async function progress(ctx: ArchiveContext, unitId: string) {
  const index = await ctx.tree()
  authorizeArchive(ctx.actor, 'archive.read', unitId, index, ctx.date)
  const units = [...subtreeOn(index, [unitId], ctx.date, true)]
  const rows: UnitProgress[] = []
  for (const id of units) {
    const files = await archiveStore.filesOf(id)
    if (files.length === 0) continue
    let documents = 0
    let verified = 0
    for (const f of files) {
      const docs = await archiveStore.documentsOfFile(f.fileId)
      documents += docs.length
      verified += docs.filter((d) => d.status !== 'verifying').length
    }
    const u = index.get(id)!
    rows.push({ unitId: id, name: nameOn(u, ctx.date).name, level: u.level, files: files.length, pages: files.reduce((n, f) => n + f.pages, 0), documents, verified, verifiedShare: share(verified, documents) })
  }
  const levels = new Map<string, { level: string; units: number; pages: number; documents: number; verified: number }>()
  for (const r of rows) {
    const l = levels.get(r.level) ?? { level: r.level, units: 0, pages: 0, documents: 0, verified: 0 }
    l.units++; l.pages += r.pages; l.documents += r.documents; l.verified += r.verified
    levels.set(r.level, l)
  }
  const total = rows.reduce((t, r) => ({ pages: t.pages + r.pages, documents: t.documents + r.documents, verified: t.verified + r.verified }), { pages: 0, documents: 0, verified: 0 })
  return {
    units: rows,
    levels: [...levels.values()].map((l) => ({ ...l, verifiedShare: share(l.verified, l.documents) })),
    total: { ...total, verifiedShare: share(total.verified, total.documents) },
  }
}
