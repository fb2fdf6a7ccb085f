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
import { mail } from '../lib/adapters/mail.js'
import { parse } from '../lib/validation.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../shared/table/keys.js'
import { PERMISSIONS, type Role } from '../../shared/org/roles.js'
import { migrate } from '../readmodel/schema.js'
import { orgStore } from '../org/adapters/store.js'

const Job = z.object({ job: z.enum(['overdue-approvals', 'kpi-snapshot']), now: z.string().datetime().optional() })

export const handler = async (event: unknown) => {
  const { job, now: nowText } = parse(Job, event)
  const now = nowText ? new Date(nowText) : new Date()
  const db = sql()
  await migrate(db)
  return job === 'kpi-snapshot' ? kpiSnapshot(now) : remindOverdueApprovals(now)
}

async function kpiSnapshot(now: Date) {
  const date = now.toISOString().slice(0, 10)
  const unitsByLevel = await sql().query<{ level: string; units: number }>(
    `select level, count(*)::int as units from units where valid_to is null or valid_to >= $1::date group by level order by level`, [date])
  const [users] = await sql().query<{ total: number; mfa: number }>(
    `select count(*)::int as total, count(*) filter (where mfa)::int as mfa from users where status = 'active'`)
  // Digitisation of paper archives per level: pages read, documents found, the share verified (or catalogued).
  const digitisationByLevel = await sql().query<{ level: string; pages: number; documents: number; verified: number }>(
    `select u.level, coalesce(sum(f.pages), 0)::int as pages,
       (select count(*)::int from archive_documents d join units du on du.unit_id = d.unit_id where du.level = u.level) as documents,
       (select count(*)::int from archive_documents d join units du on du.unit_id = d.unit_id where du.level = u.level and d.status <> 'verifying') as verified
     from archive_files f join units u on u.unit_id = f.unit_id group by u.level order by u.level`)
  const snapshot = {
    date, unitsByLevel, activeUsers: users?.total ?? 0, mfaShare: users?.total ? users.mfa / users.total : 0,
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
    const members = await orgStore.listMembers(r.approver_unit_id)
    const deciders = members.filter((m) => m.role.split(',').some((role) => PERMISSIONS[role as Role]?.includes('reorganisation.decide')))
    const to = (await orgStore.getUsers(deciders.map((m) => m.userId))).map((u) => u.email).filter((e): e is string => !!e)
    await mail().send({
      to, subject: '[Digital Office] Nhắc hạn phê duyệt / Approval reminder',
      text: `Đề nghị ${r.request_id} cần được phê duyệt trước ${new Date(r.deadline_at).toISOString()}.\nRequest ${r.request_id} must be decided before its deadline.`,
    })
    await sql().query('update reorganisations set reminded_at = $2::timestamptz where request_id = $1', [r.request_id, now.toISOString()])
  }
  return { reminded: due.length }
}
