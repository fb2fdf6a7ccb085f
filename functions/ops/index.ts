/**
 * Lambda entry of scheduled jobs (EventBridge Scheduler on AWS, croner
 * embedded), fired from infra/definitions/schedules.ts. Job queries run on
 * the read model, never by scanning the table.
 */
import { z } from 'zod'
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../lib/clients.js'
import { env } from '../lib/env.js'
import { sql } from '../lib/adapters/sql.js'
import { notify } from '../notifications/usecases/notify.js'
import { parse } from '../lib/validation.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../shared/table/keys.js'
import { orgPolicy } from '../../shared/auth/policy.js'
import { migrate } from '../readmodel/schema.js'
import { documentPolicy } from '../../shared/documents/policy.js'
import { holderIds } from '../org/usecases/holders.js'
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'
import { pgArray } from '../../shared/documents/projection.js'
import { orgStore } from '../org/adapters/store.js'
import { sweepTaskDeadlines } from '../tasks/usecases/sweep.js'
import { sweepDataRequests } from '../datarequests/usecases/sweep.js'
import { anchorAuditCheckpoints } from '../org/usecases/audit.js'
import { snapshotUnits } from '../dashboards/usecases/snapshot.js'
import { scheduledReports } from '../dashboards/usecases/reports.js'
import { indexUnits } from '../../shared/org/tree.js'

const Job = z.object({ job: z.enum(['overdue-approvals', 'kpi-snapshot', 'overdue-documents', 'task-deadlines', 'weekly-kpi-reports', 'monthly-kpi-reports', 'data-request-reminders', 'audit-checkpoints']), now: z.string().datetime().optional(), unitIds: z.array(z.string().min(1).max(200)).max(1000).optional() })

export const handler = async (event: unknown) => {
  const { job, now: nowText, unitIds } = parse(Job, event)
  const now = nowText ? new Date(nowText) : new Date()
  // The task sweep reads the table's due index, not the read model.
  if (job === 'task-deadlines') return sweepTaskDeadlines(now)
  if (job === 'data-request-reminders') return sweepDataRequests(now)
  if (job === 'audit-checkpoints') return anchorAuditCheckpoints(now, unitIds)
  const db = sql()
  await migrate(db)
  // The city-wide figures as before, and every unit's over its subtree for the dashboards.
  if (job === 'kpi-snapshot') return { ...(await kpiSnapshot(now)), units: await snapshotUnits(now) }
  if (job === 'weekly-kpi-reports' || job === 'monthly-kpi-reports') {
    return scheduledReports(job === 'weekly-kpi-reports' ? 'week' : 'month', now, indexUnits(await orgStore.listUnits()), vietnamDate(now))
  }
  if (job === 'overdue-documents') return remindOverdueDocuments(now)
  return remindOverdueApprovals(now)
}

async function kpiSnapshot(now: Date) {
  const date = vietnamDate(now)
  const unitsByLevel = await sql().query<{ level: string; units: number }>(
    `select level, count(*)::int as units from units where valid_to is null or valid_to >= $1::date group by level order by level`, [date])
  const [users] = await sql().query<{ total: number; mfa: number }>(
    `select count(*)::int as total, count(*) filter (where mfa)::int as mfa from users where status = 'active'`)
  // The targets: every non-confidential document issued signed and received electronically, handled on time.
  const [docs] = await sql().query<{ issued: number; incoming: number; incoming_electronic: number; completed: number; completed_on_time: number; overdue: number }>(
    `select count(*) filter (where flow = 'outgoing' and status = 'issued')::int as issued,
            count(*) filter (where flow = 'incoming' and confidentiality = 'none')::int as incoming,
            count(*) filter (where flow = 'incoming' and confidentiality = 'none' and source_document_id is not null)::int as incoming_electronic,
            count(*) filter (where flow = 'incoming' and status = 'done' and deadline is not null)::int as completed,
            count(*) filter (where flow = 'incoming' and status = 'done' and deadline is not null
                               and ((data->'completed'->>'at')::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date <= deadline)::int as completed_on_time,
            count(*) filter (where flow = 'incoming' and status in ('received', 'directed') and deadline < $1::date)::int as overdue
       from documents where register_year = extract(year from $1::date)::int`, [date])
  const share = (part: number, whole: number) => (whole ? part / whole : 0)
  const documents = {
    year: Number(date.slice(0, 4)), issuedSigned: docs?.issued ?? 0, incoming: docs?.incoming ?? 0,
    // Every outgoing document of the platform is issued with its digital signatures; arrivals from other units on the platform are electronic.
    incomingElectronicShare: share(docs?.incoming_electronic ?? 0, docs?.incoming ?? 0),
    // Handled = an incoming document with a deadline that ended `done`; on time = done on or before its deadline (Việt Nam's day).
    handled: docs?.completed ?? 0, handledOnTime: docs?.completed_on_time ?? 0,
    onTimeShare: share(docs?.completed_on_time ?? 0, docs?.completed ?? 0), overdue: docs?.overdue ?? 0,
  }
  // Digitisation of paper archives per level: pages read, documents found, the share verified (or catalogued).
  const digitisationByLevel = await sql().query<{ level: string; pages: number; documents: number; verified: number }>(
    `select u.level, coalesce(sum(f.pages), 0)::int as pages,
       (select count(*)::int from archive_documents d join units du on du.unit_id = d.unit_id where du.level = u.level) as documents,
       (select count(*)::int from archive_documents d join units du on du.unit_id = d.unit_id where du.level = u.level and d.status <> 'verifying') as verified
     from archive_files f join units u on u.unit_id = f.unit_id group by u.level order by u.level`)
  const snapshot = {
    date, unitsByLevel, activeUsers: users?.total ?? 0, mfaShare: users?.total ? users.mfa / users.total : 0, documents,
    digitisationByLevel: digitisationByLevel.map((d) => ({ ...d, verifiedShare: d.documents ? d.verified / d.documents : 0 })),
  }
  await documentClient().send(new PutCommand({ TableName: env().TABLE_NAME, Item: { ...keys.kpiSnapshot(date), entity: ENTITY.kpiSnapshot, schemaVersion: SCHEMA_VERSION, ...snapshot } }))
  return snapshot
}

/** Mails the deciders of each open request past half its time, once per approver. */
async function remindOverdueApprovals(now: Date) {
  const due = await sql().query<{ request_id: string; approver_unit_id: string; deadline_at: string; data: unknown }>(
    `select request_id, approver_unit_id, deadline_at, data from reorganisations
     where status in ('pending', 'escalated') and reminded_at is null and deadline_at is not null
       and created_at + (deadline_at - created_at) / 2 <= $1::timestamptz`, [now.toISOString()])
  for (const r of due) {
    await notify({
      kind: 'reorganisation.awaiting', userIds: await holderIds(orgPolicy, 'reorganisation.decide', r.approver_unit_id), link: '/approvals',
      title: 'Nhắc hạn phê duyệt / Approval reminder',
      text: `Đề nghị ${r.request_id} cần được phê duyệt trước ${new Date(r.deadline_at).toISOString()}.\nRequest ${r.request_id} must be decided before its deadline.`,
    })
    await sql().query('update reorganisations set reminded_at = $2::timestamptz where request_id = $1', [r.request_id, now.toISOString()])
  }
  return { reminded: due.length }
}

/**
 * On working days, mails each person responsible for incoming documents past
 * their deadline (the lead person of the direction, otherwise the unit's
 * leaders) one digest of them, once a day.
 */
async function remindOverdueDocuments(now: Date) {
  const today = vietnamDate(now)
  if (!CALENDAR.isWorkingDay(today)) return { skipped: 'not a working day', reminded: 0 }
  const due = await sql().query<{ document_id: string; owner_unit_id: string; symbol: string | null; summary: string; deadline: string | Date; data: { direction?: { leadUnitId?: string; leadUser?: { userId: string } } } }>(
    `select document_id, owner_unit_id, symbol, summary, deadline, data from documents
      where flow = 'incoming' and status in ('received', 'directed') and deadline < $1::date
        and (reminded_on is null or reminded_on < $1::date)
      order by deadline`, [today])
  const byPerson = new Map<string, typeof due>()
  // The leaders of a unit, read once however many of its documents are overdue.
  const leaders = new Map<string, Promise<string[]>>()
  const leadersOf = (unitId: string) => {
    if (!leaders.has(unitId)) {
      leaders.set(unitId, holderIds(documentPolicy, 'document.direct', unitId))
    }
    return leaders.get(unitId)!
  }
  for (const d of due) {
    const lead = d.data.direction?.leadUser?.userId
    const people = lead ? [lead] : await leadersOf(d.data.direction?.leadUnitId ?? d.owner_unit_id)
    for (const p of people) byPerson.set(p, [...(byPerson.get(p) ?? []), d])
  }
  const users = await orgStore.getUsers([...byPerson.keys()])
  let mails = 0
  for (const u of users) {
    const docs = byPerson.get(u.userId)!
    const day = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10))
    const lines = docs.map((d) => `- ${d.symbol ?? d.document_id}: ${d.summary} (hạn / due ${day(d.deadline)})`)
    await notify({
      kind: 'document.overdue', userIds: [u.userId], link: '/documents/incoming',
      title: `${docs.length} văn bản quá hạn xử lý / overdue documents`,
      text: `Các văn bản sau đã quá hạn xử lý / These documents are past their deadline:\n${lines.join('\n')}`,
    })
    if (u.email) mails++
  }
  if (due.length) await sql().query('update documents set reminded_on = $2::date where document_id = any($1::text[])', [pgArray(due.map((d) => d.document_id)), today])
  return { overdue: due.length, reminded: mails }
}
