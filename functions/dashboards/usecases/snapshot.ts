/**
 * The daily KPI snapshot per unit and level: every unit alive on the day gets
 * its figures computed over its subtree, in one pass of the read model
 * (PostgreSQL, never a scan of the table) — each source counted once per
 * unit, then summed up the closure of the tree (ancestor × descendant, at
 * most six levels deep). The snapshots are written to the table, one item
 * per unit and day (a history the read model cannot rebuild); a second run
 * on the same day overwrites them.
 *
 * What "now" means per source: documents of the day's register year (overdue
 * ones whatever their year: still open past the deadline on the day);
 * users, member records and archive documents as they stand; tasks by their
 * state on the day (open past the deadline = overdue).
 */
import { sql } from '../../lib/adapters/sql.js'
import { migrate } from '../../readmodel/schema.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import type { Figures, UnitSnapshot } from '../../../shared/dashboards/compute.js'
import { dashboardStore } from '../adapters/store.js'

/** The live units of the day and, for each, every unit of its subtree (itself included). */
export const CLOSURE_CTE = `with recursive live as (
    select unit_id, parent_id, name, level from units where valid_from <= $1::date and (valid_to is null or valid_to >= $1::date)),
  closure(ancestor, unit_id) as (
    select unit_id, unit_id from live
    union all
    select c.ancestor, l.unit_id from closure c join live l on l.parent_id = c.unit_id)`

const FIGURES_SQL = `${CLOSURE_CTE},
  facts as (
    select owner_unit_id as unit_id,
      count(*) filter (where (flow = 'outgoing' and status = 'issued') or (flow = 'incoming' and source_document_id is not null and status <> 'returned')) as digital_part,
      count(*) filter (where (flow = 'outgoing' and status = 'issued') or (flow = 'incoming' and status <> 'returned')) as digital_whole,
      count(*) filter (where flow = 'incoming' and status = 'done' and deadline is not null
                         and ((data->'completed'->>'at')::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date <= deadline) as ontime_part,
      count(*) filter (where flow = 'incoming' and deadline is not null and (status = 'done' or (status in ('arrived', 'received', 'directed') and deadline < $1::date))) as ontime_whole,
      0 as overdue,
      0 as members_part, 0 as members_whole, 0 as archives_part, 0 as archives_whole, 0 as tasks_part, 0 as tasks_whole
    from documents where confidentiality = 'none' and register_year = extract(year from $1::date)::int group by owner_unit_id
    union all
    -- Overdue is the state of the day, whatever the register year: a document of last year still open is overdue today.
    select owner_unit_id, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0
    from documents where confidentiality = 'none' and flow = 'incoming' and status in ('arrived', 'received', 'directed') and deadline < $1::date
    group by owner_unit_id
    union all
    select cell_id, 0, 0, 0, 0, 0,
      count(*) filter (where data->>'birthDate' is not null and coalesce(data->>'residence', '') <> ''), count(*), 0, 0, 0, 0
    from party_members where status not in ('transferred-out', 'removed', 'deceased') group by cell_id
    union all
    select unit_id, 0, 0, 0, 0, 0, 0, 0, count(*) filter (where status <> 'verifying'), count(*), 0, 0
    from archive_documents group by unit_id
    union all
    select lead_unit_id, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      count(*) filter (where status = 'done' and timeliness = 'on-time'),
      count(*) filter (where status = 'done' or (status not in ('done', 'cancelled') and deadline < $1::date))
    from tasks where status <> 'cancelled' group by lead_unit_id),
  summed as (
    select c.ancestor as unit_id, sum(f.digital_part)::int as digital_part, sum(f.digital_whole)::int as digital_whole,
      sum(f.ontime_part)::int as ontime_part, sum(f.ontime_whole)::int as ontime_whole, sum(f.overdue)::int as overdue,
      sum(f.members_part)::int as members_part, sum(f.members_whole)::int as members_whole,
      sum(f.archives_part)::int as archives_part, sum(f.archives_whole)::int as archives_whole,
      sum(f.tasks_part)::int as tasks_part, sum(f.tasks_whole)::int as tasks_whole
    from facts f join closure c on c.unit_id = f.unit_id group by c.ancestor),
  people as (
    select c.ancestor as unit_id, count(distinct u.user_id)::int as users, count(distinct u.user_id) filter (where u.mfa)::int as mfa
    from users u cross join lateral unnest(u.unit_ids) as a(unit_id) join closure c on c.unit_id = a.unit_id
    where u.status = 'active' group by c.ancestor)
  select l.unit_id, l.parent_id, l.name, l.level, s.digital_part, s.digital_whole, s.ontime_part, s.ontime_whole, s.overdue,
    s.members_part, s.members_whole, s.archives_part, s.archives_whole, s.tasks_part, s.tasks_whole, p.users, p.mfa
  from live l left join summed s on s.unit_id = l.unit_id left join people p on p.unit_id = l.unit_id`

interface Row {
  unit_id: string; parent_id: string | null; name: string; level: string
  digital_part: number | null; digital_whole: number | null; ontime_part: number | null; ontime_whole: number | null; overdue: number | null
  members_part: number | null; members_whole: number | null; archives_part: number | null; archives_whole: number | null
  tasks_part: number | null; tasks_whole: number | null; users: number | null; mfa: number | null
}

const figuresOf = (r: Row): Figures => ({
  'documents.digital': { part: r.digital_part ?? 0, whole: r.digital_whole ?? 0 },
  'documents.onTime': { part: r.ontime_part ?? 0, whole: r.ontime_whole ?? 0 },
  'documents.overdue': { part: r.overdue ?? 0, whole: 0 },
  'identity.mfa': { part: r.mfa ?? 0, whole: r.users ?? 0 },
  'members.digitised': { part: r.members_part ?? 0, whole: r.members_whole ?? 0 },
  'archives.digitised': { part: r.archives_part ?? 0, whole: r.archives_whole ?? 0 },
  'tasks.onTime': { part: r.tasks_part ?? 0, whole: r.tasks_whole ?? 0 },
})

/** Every live unit's figures on the day of `now` (Việt Nam), computed over its subtree; not written. */
export async function computeSnapshots(now: Date): Promise<UnitSnapshot[]> {
  const db = sql()
  await migrate(db)
  const date = vietnamDate(now)
  const rows = await db.query<Row>(FIGURES_SQL, [date])
  return rows.map((r) => ({ unitId: r.unit_id, date, name: r.name, level: r.level, ...(r.parent_id ? { parentId: r.parent_id } : {}), figures: figuresOf(r) }))
}

/** The daily job: compute and write every unit's snapshot of the day. */
export async function snapshotUnits(now: Date): Promise<{ date: string; units: number; computeMs: number; writeMs: number }> {
  const t0 = Date.now()
  const snapshots = await computeSnapshots(now)
  const t1 = Date.now()
  await dashboardStore.putSnapshots(snapshots)
  return { date: vietnamDate(now), units: snapshots.length, computeMs: t1 - t0, writeMs: Date.now() - t1 }
}
