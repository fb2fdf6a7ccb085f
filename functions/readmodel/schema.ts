/**
 * The read model's schema (PostgreSQL: Aurora on AWS, PGlite embedded).
 * Idempotent DDL, applied by the projector before its first write and by the
 * embedded runtime at start-up. The read model can be rebuilt from the table.
 */
import type { Sql } from '../lib/adapters/sql.js'

export const READ_MODEL_DDL = [
  'create extension if not exists unaccent',
  'create extension if not exists pg_trgm',
  'create extension if not exists ltree',
  `create table if not exists units (
     unit_id text primary key, code text not null, name text not null, search text not null,
     level text not null, kind text not null, parent_id text, valid_from date not null, valid_to date,
     version int not null, data jsonb not null)`,
  'create index if not exists units_parent on units (parent_id)',
  `create table if not exists users (
     user_id text primary key, username text not null, full_name text not null, search text not null,
     unit_ids text[] not null, status text not null, clearance text not null, mfa boolean not null,
     version int not null, data jsonb not null)`,
  'create index if not exists users_search on users using gin (search gin_trgm_ops)',
  'create index if not exists users_units on users using gin (unit_ids)',
  `create table if not exists audit_entries (
     unit_id text not null, seq int not null, at timestamptz not null, actor_id text not null, actor_name text not null,
     action text not null, target text not null, data jsonb not null, primary key (unit_id, seq))`,
  'create index if not exists audit_at on audit_entries (at desc)',
  `create table if not exists reorganisations (
     request_id text primary key, status text not null, approver_unit_id text not null, kind text not null,
     created_at timestamptz not null, deadline_at timestamptz, reminded_at timestamptz, version int not null, data jsonb not null)`,
  'create index if not exists reorganisations_open on reorganisations (status, deadline_at)',
]

let migrated: Promise<void> | undefined
export function migrate(db: Sql): Promise<void> {
  migrated ??= (async () => { for (const stmt of READ_MODEL_DDL) await db.query(stmt) })()
  return migrated
}
export function resetMigrationFlag(): void { migrated = undefined }
