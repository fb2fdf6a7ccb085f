/**
 * A unit's dashboard: each KPI of its latest snapshot against the target in
 * force, the trend by week and month, the ranking of the units directly
 * below; and the items behind a number (the overdue documents themselves),
 * read live from the read model over the same subtree the snapshot counts.
 * Only holders of `dashboard.read` over the unit see any of it (deny by
 * default; a unit outside the reach answers as the engine does).
 */
import { NotFoundError } from '../../../shared/errors/index.js'
import { addDays } from '../../../shared/calendar/working-days.js'
import { ancestorsOn, childrenOn, existsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { levelById } from '../../../shared/org/levels.js'
import { dashboardPolicy } from '../../../shared/dashboards/policy.js'
import { evaluateAll, rank, trend, type RankRow, type UnitSnapshot } from '../../../shared/dashboards/compute.js'
import { KPIS, kpiById, type KpiId } from '../../../shared/dashboards/targets.js'
import { DRILLABLE, type DashboardQuery, type DrillItem, type ItemsQuery } from '../../../shared/dashboards/contracts.js'
import { sql } from '../../lib/adapters/sql.js'
import { migrate } from '../../readmodel/schema.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { dashboardStore } from '../adapters/store.js'
import { CLOSURE_CTE } from './snapshot.js'

export type DashboardContext = OrgContext

export async function authorizeUnit(ctx: DashboardContext, unitId: string): Promise<UnitIndex> {
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  dashboardPolicy.authorize(ctx.actor, 'dashboard.read', unitId, index, ctx.date)
  return index
}

const unitLabel = (index: UnitIndex, unitId: string, date: string) => {
  const u = index.get(unitId)!
  return { unitId, name: nameOn(u, date).name, level: u.level, levelName: levelById(u.level)?.name ?? { vi: u.level, en: u.level } }
}

/** The figures of a unit over a period: its snapshot at the end, its trend inside, the units below at the end. */
export async function unitFigures(index: UnitIndex, unitId: string, from: string, to: string) {
  const [history, latest] = await Promise.all([dashboardStore.snapshotsOf(unitId, from, to), dashboardStore.latestOf(unitId, to)])
  const date = latest?.date ?? to
  const below = (childrenOn(index, date).get(unitId) ?? []).map((u) => u.unitId)
  const children = latest ? await dashboardStore.snapshotsOn(below, latest.date) : []
  return { latest, history, children }
}

export async function dashboard(ctx: DashboardContext, q: DashboardQuery) {
  const index = await authorizeUnit(ctx, q.unitId)
  const date = q.date ?? ctx.date
  const { latest, history, children } = await unitFigures(index, q.unitId, addDays(date, -366), date)
  const results = latest ? evaluateAll(latest) : evaluateAll({ date, figures: {} })
  const ranking = Object.fromEntries(KPIS.filter((k) => k.measured).map((k) => [k.id, rank(children.map((c) => named(index, c, latest!.date)), k.id)])) as Record<KpiId, RankRow[]>
  const path = ancestorsOn(index, q.unitId, date).reverse().filter((id) => dashboardPolicy.can(ctx.actor, 'dashboard.read', id, index, ctx.date)).map((id) => unitLabel(index, id, date))
  return {
    unit: unitLabel(index, q.unitId, date), path, date, snapshotDate: latest?.date ?? null,
    kpis: results.map((r) => ({ ...r, name: kpiById(r.kpi).name, measure: kpiById(r.kpi).measure, kind: kpiById(r.kpi).kind, measured: kpiById(r.kpi).measured, drillable: (DRILLABLE as readonly string[]).includes(r.kpi) })),
    trend: { weeks: trend(history.filter((s) => s.date >= addDays(date, -7 * 13)), 'week'), months: trend(history, 'month') },
    ranking,
    reports: (await dashboardStore.reportsOf(q.unitId)).slice(0, 10).map((r) => ({ reportId: r.reportId, registerNumber: r.registerNumber, kind: r.kind, from: r.from, to: r.to, createdAt: r.createdAt })),
  }
}

/** Names of today's tree beside the snapshot's (a unit renamed since reads with its name of now). */
const named = (index: UnitIndex, s: UnitSnapshot, date: string): UnitSnapshot => {
  const u = index.get(s.unitId)
  return u && existsOn(u, date) ? { ...s, name: nameOn(u, date).name } : s
}

const day = (v: string | Date | null) => (!v ? undefined : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10))

/** The queries behind each number: the items that keep a KPI from its target (for a count, the items counted). */
const ITEM_QUERIES: Record<ItemsQuery['kpi'], string> = {
  'documents.overdue': `select d.document_id as id, d.summary as title, coalesce(d.symbol, '') as symbol, d.issuer_name as extra, l.name as unit_name, d.deadline as date, true as overdue
      from documents d join sub on sub.unit_id = d.owner_unit_id join live l on l.unit_id = d.owner_unit_id
      where d.confidentiality = 'none' and d.flow = 'incoming'
        and d.status in ('arrived', 'received', 'directed') and d.deadline < $1::date order by d.deadline, d.document_id`,
  'documents.onTime': `select d.document_id as id, d.summary as title, coalesce(d.symbol, '') as symbol, d.issuer_name as extra, l.name as unit_name, d.deadline as date,
        (d.status <> 'done') as overdue
      from documents d join sub on sub.unit_id = d.owner_unit_id join live l on l.unit_id = d.owner_unit_id
      where d.confidentiality = 'none' and d.register_year = extract(year from $1::date)::int and d.flow = 'incoming' and d.deadline is not null
        and ((d.status in ('arrived', 'received', 'directed') and d.deadline < $1::date)
          or (d.status = 'done' and ((d.data->'completed'->>'at')::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date > d.deadline))
      order by d.deadline, d.document_id`,
  'documents.digital': `select d.document_id as id, d.summary as title, coalesce(d.symbol, '') as symbol, d.issuer_name as extra, l.name as unit_name, d.received_date as date, false as overdue
      from documents d join sub on sub.unit_id = d.owner_unit_id join live l on l.unit_id = d.owner_unit_id
      where d.confidentiality = 'none' and d.register_year = extract(year from $1::date)::int and d.flow = 'incoming'
        and d.status <> 'returned' and d.source_document_id is null order by d.received_date desc nulls last, d.document_id`,
  'identity.mfa': `select distinct on (u.full_name, u.user_id) u.user_id as id, u.full_name as title, '' as symbol, u.username as extra, l.name as unit_name, null::date as date, false as overdue
      from users u cross join lateral unnest(u.unit_ids) as a(unit_id) join sub on sub.unit_id = a.unit_id join live l on l.unit_id = a.unit_id
      where u.status = 'active' and not u.mfa order by u.full_name, u.user_id`,
  'members.digitised': `select m.member_id as id, m.full_name as title, '' as symbol,
        concat_ws(', ', case when m.data->>'birthDate' is null then 'ngày sinh / birth date' end, case when coalesce(m.data->>'residence', '') = '' then 'nơi cư trú / residence' end) as extra,
        l.name as unit_name, null::date as date, false as overdue
      from party_members m join sub on sub.unit_id = m.cell_id join live l on l.unit_id = m.cell_id
      where m.status not in ('transferred-out', 'removed', 'deceased') and (m.data->>'birthDate' is null or coalesce(m.data->>'residence', '') = '')
      order by m.full_name, m.member_id`,
  'archives.digitised': `select a.scan_document_id as id, 'Tài liệu chờ kiểm tra / waiting for verification (' || a.pages || ' tr.)' as title, '' as symbol, '' as extra, l.name as unit_name, null::date as date, false as overdue
      from archive_documents a join sub on sub.unit_id = a.unit_id join live l on l.unit_id = a.unit_id
      where a.status = 'verifying' order by a.scan_document_id`,
  'tasks.onTime': `select t.task_id as id, t.title, '' as symbol, coalesce(t.lead_name, '') as extra, l.name as unit_name, t.deadline as date, (t.status <> 'done') as overdue
      from tasks t join sub on sub.unit_id = t.lead_unit_id join live l on l.unit_id = t.lead_unit_id
      where (t.status = 'done' and t.timeliness = 'late') or (t.status not in ('done', 'cancelled') and t.deadline < $1::date)
      order by t.deadline, t.task_id`,
}

const hrefOf = (kpi: ItemsQuery['kpi'], id: string): string | undefined => {
  if (kpi.startsWith('documents.')) return `/documents/${id}`
  if (kpi === 'archives.digitised') return `/archives/verify/${id}`
  if (kpi === 'tasks.onTime') return '/tasks'
  return undefined
}

/** The items behind a number of a unit, live, over the subtree the snapshot counts (live units of the day). */
export async function items(ctx: DashboardContext, q: ItemsQuery): Promise<{ unit: { unitId: string; name: string }; kpi: string; total: number; items: DrillItem[] }> {
  const index = await authorizeUnit(ctx, q.unitId)
  const db = sql()
  await migrate(db)
  const rows = await db.query<{ id: string; title: string; symbol: string; extra: string; unit_name: string; date: string | Date | null; overdue: boolean; total: number }>(
    `${CLOSURE_CTE}, sub as (select unit_id from closure where ancestor = $2)
     select *, count(*) over ()::int as total from (${ITEM_QUERIES[q.kpi]}) x limit $3`, [ctx.date, q.unitId, q.limit])
  return {
    unit: { unitId: q.unitId, name: nameOn(index.get(q.unitId)!, ctx.date).name }, kpi: q.kpi, total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      title: r.title, subtitle: [r.symbol, r.extra, r.unit_name].filter(Boolean).join(' · '),
      ...(hrefOf(q.kpi, r.id) ? { href: hrefOf(q.kpi, r.id) } : {}),
      ...(day(r.date) ? { date: day(r.date) } : {}), ...(r.overdue ? { overdue: true } : {}),
    })),
  }
}
