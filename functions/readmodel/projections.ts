/** How each entity becomes rows of the read model. */
import type { Sql } from '../lib/adapters/sql.js'
import { ENTITY } from '../../shared/table/keys.js'

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']
const clean = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k)))

export async function projectItem(db: Sql, item: Record<string, unknown>, removed: boolean): Promise<number> {
  switch (item.entity) {
    case ENTITY.unit: {
      const u = clean(item)
      await db.query(
        `insert into units (unit_id, code, name, search, level, kind, parent_id, valid_from, valid_to, version, data)
         values ($1, $2, $3, lower(unaccent($3 || ' ' || $2)), $4, $5, $6, $7::date, $8::date, $9, $10::jsonb)
         on conflict (unit_id) do update set code = excluded.code, name = excluded.name, search = excluded.search,
           level = excluded.level, kind = excluded.kind, parent_id = excluded.parent_id, valid_from = excluded.valid_from,
           valid_to = excluded.valid_to, version = excluded.version, data = excluded.data
         where units.version <= excluded.version`,
        [u.unitId, u.code, u.name, u.level, u.kind, u.parentId ?? null, u.validFrom, u.validTo ?? null, u.version, JSON.stringify(u)])
      return 1
    }
    case ENTITY.user: {
      const u = clean(item) as { userId: string; username: string; fullName: string; email?: string; assignments: { unitId: string }[]; status: string; clearance: string; mfa: boolean; version: number }
      if (removed) { await db.query('delete from users where user_id = $1', [u.userId]); return 1 }
      await db.query(
        `insert into users (user_id, username, full_name, search, unit_ids, status, clearance, mfa, version, data)
         values ($1, $2, $3, lower(unaccent($3 || ' ' || $2 || ' ' || $4)), $5::text[], $6, $7, $8, $9, $10::jsonb)
         on conflict (user_id) do update set username = excluded.username, full_name = excluded.full_name, search = excluded.search,
           unit_ids = excluded.unit_ids, status = excluded.status, clearance = excluded.clearance, mfa = excluded.mfa,
           version = excluded.version, data = excluded.data
         where users.version <= excluded.version`,
        [u.userId, u.username, u.fullName, u.email ?? '', [...new Set(u.assignments.map((a) => a.unitId))], u.status, u.clearance, u.mfa, u.version, JSON.stringify(u)])
      return 1
    }
    case ENTITY.auditEntry: {
      const a = clean(item) as { unitId: string; seq: number; at: string; actor: { userId: string; name: string }; action: string; target: string }
      await db.query(
        `insert into audit_entries (unit_id, seq, at, actor_id, actor_name, action, target, data)
         values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8::jsonb) on conflict (unit_id, seq) do nothing`,
        [a.unitId, a.seq, a.at, a.actor.userId, a.actor.name, a.action, a.target, JSON.stringify(a)])
      return 1
    }
    case ENTITY.reorganisation: {
      const r = clean(item) as { requestId: string; status: string; approverUnitId: string; kind: string; createdAt: string; deadlineAt?: string; version: number }
      await db.query(
        `insert into reorganisations (request_id, status, approver_unit_id, kind, created_at, deadline_at, version, data)
         values ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8::jsonb)
         on conflict (request_id) do update set status = excluded.status, approver_unit_id = excluded.approver_unit_id,
           deadline_at = excluded.deadline_at, version = excluded.version, data = excluded.data,
           reminded_at = case when reorganisations.approver_unit_id = excluded.approver_unit_id then reorganisations.reminded_at end
         where reorganisations.version <= excluded.version`,
        [r.requestId, r.status, r.approverUnitId, r.kind, r.createdAt, r.deadlineAt ?? null, r.version, JSON.stringify(r)])
      return 1
    }
    default:
      return 0
  }
}
