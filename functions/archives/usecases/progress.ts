/**
 * Digitisation progress of a unit's subtree, per unit and per level: pages
 * read, documents found, and the share of them verified (confirmed by a
 * clerk or read with full confidence; catalogued classified scans count as
 * done). Feeds the KPIs. Counted in the PostgreSQL read model in one
 * query (the units of the subtree come from the tree already loaded); the
 * counts are those of the files' items in the table, as projected.
 */
import { subtreeOn, nameOn } from '../../../shared/org/tree.js'
import { archivePolicy } from '../../../shared/archives/policy.js'
import { sql } from '../../lib/adapters/sql.js'
import type { ArchiveContext } from './archives.js'

export interface UnitProgress { unitId: string; name: string; level: string; files: number; pages: number; documents: number; verified: number; verifiedShare: number }

const share = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000)

export async function progress(ctx: ArchiveContext, unitId: string) {
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, index, ctx.date)
  const units = [...subtreeOn(index, [unitId], ctx.date, true)]
  const counted = await sql().query<{ unit_id: string; files: number; pages: number; documents: number; verified: number }>(
    `with u as (select jsonb_array_elements_text($1::jsonb) as unit_id),
     f as (select af.unit_id, count(*)::int as files, coalesce(sum(af.pages), 0)::int as pages
             from archive_files af join u on u.unit_id = af.unit_id group by af.unit_id),
     d as (select af.unit_id, count(*)::int as documents, (count(*) filter (where ad.status <> 'verifying'))::int as verified
             from archive_documents ad join archive_files af on af.file_id = ad.file_id join u on u.unit_id = af.unit_id group by af.unit_id)
     select f.unit_id, f.files, f.pages, coalesce(d.documents, 0)::int as documents, coalesce(d.verified, 0)::int as verified
       from f left join d on d.unit_id = f.unit_id`,
    [JSON.stringify(units)])
  const order = new Map(units.map((id, i) => [id, i]))
  const rows: UnitProgress[] = counted.sort((a, b) => order.get(a.unit_id)! - order.get(b.unit_id)!).map((r) => {
    const u = index.get(r.unit_id)!
    const [files, pages, documents, verified] = [r.files, r.pages, r.documents, r.verified].map(Number)
    return { unitId: r.unit_id, name: nameOn(u, ctx.date).name, level: u.level, files, pages, documents, verified, verifiedShare: share(verified, documents) }
  })
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
