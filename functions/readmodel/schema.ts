/**
 * The read model's schema (PostgreSQL: Aurora on AWS, PGlite embedded).
 * Idempotent DDL, applied by the projector before its first write and by the
 * embedded runtime at start-up. The read model can be rebuilt from the table.
 */
import type { Sql } from '../lib/adapters/sql.js'
import { ASSISTANT_DDL } from '../assistant/adapters/schema.js'

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
  // Official documents: lists (boxes, registers) and search. `search` is folded text (unaccent, lower case)
  // under a trigram index; `symbol_key` is the symbol without punctuation or leading zeros ("57nqtw");
  // `reader_unit_ids` (owner + units named by the direction) and `clearance_rank` filter before ranking.
  `create table if not exists documents (
     document_id text primary key, owner_unit_id text not null, reader_unit_ids text[] not null,
     flow text not null, status text not null, stage text not null,
     symbol text, symbol_key text, type text not null, issuer_code text not null, issuer_name text not null,
     document_date date, received_date date, issued_date date, deadline date,
     register_year int, register_number int, urgency text not null, confidentiality text not null, clearance_rank int not null,
     summary text not null, search text not null, has_content boolean not null,
     drafter_id text, signer_id text, review_pairs text[] not null, source_document_id text,
     created_at timestamptz not null, updated_at timestamptz not null, version int not null, data jsonb not null)`,
  'create index if not exists documents_search on documents using gin (search gin_trgm_ops)',
  'create index if not exists documents_readers on documents using gin (reader_unit_ids)',
  'create index if not exists documents_symbol on documents (symbol_key text_pattern_ops)',
  'create index if not exists documents_owner on documents (owner_unit_id, flow, status)',
  'create index if not exists documents_source on documents (source_document_id)',
  // The day the overdue reminder last mailed about a document (the projection's upsert leaves it alone).
  'alter table documents add column if not exists reminded_on date',
  // Archives (issue 5): digitisation progress per unit and level, for the KPIs.
  `create table if not exists archive_files (
     file_id text primary key, unit_id text not null, custodian_unit_id text not null, status text not null,
     pages int not null, documents int not null, version int not null)`,
  `create table if not exists archive_documents (
     scan_document_id text primary key, unit_id text not null, file_id text not null, status text not null,
     pages int not null, version int not null)`,
  'create index if not exists archive_documents_unit on archive_documents (unit_id, status)',
  // The assistant's passages (issue 6).
  ...ASSISTANT_DDL,
  // Party members (issue 4): search by name or card without diacritics within the cells in reach; fee arrears per cell.
  `create table if not exists party_members (
     member_id text primary key, cell_id text not null, full_name text not null, card_number text not null,
     search text not null, status text not null, version int not null, data jsonb not null)`,
  'create index if not exists party_members_search on party_members using gin (search gin_trgm_ops)',
  'create index if not exists party_members_cell on party_members (cell_id, status)',
  // Tasks (issue 15), for the dashboards (issue 17): done on time / overdue per lead unit over a subtree.
  `create table if not exists tasks (
     task_id text primary key, lead_unit_id text not null, owner_unit_id text not null, title text not null, status text not null,
     deadline date not null, timeliness text, lead_name text, version int not null)`,
  'create index if not exists tasks_lead on tasks (lead_unit_id, status)',
]

/**
 * Versioned migrations. Version 1 is the baseline above; a change of schema is a new version at the END
 * (its statements idempotent too: `if not exists`). `schema_migrations` records each applied version with a
 * checksum of its statements: a version whose statements changed since it was applied (a branch appended to
 * the baseline) is applied again — every statement is idempotent — so merges cannot leave a table unmade.
 *
 * The same list runs on AWS at deploy (the `migrations` function, a CDK Trigger before the HTTP API's stage)
 * and in the embedded runtime at start-up; functions that need the schema call `migrate()`, which then only
 * reads the versions table once per warm container.
 */
export interface Migration { readonly version: number; readonly name: string; readonly statements: readonly string[] }

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'baseline: organisation, documents, archives, assistant, members, tasks', statements: READ_MODEL_DDL },
]

export const MIGRATIONS_TABLE = 'schema_migrations'

/** A short, stable fingerprint of a migration's statements (FNV-1a over the text). */
export function checksumOf(m: Migration): string {
  let h = 0x811c9dc5
  for (const ch of m.statements.join('\n;\n')) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export interface MigrationResult { readonly applied: readonly number[]; readonly version: number }

/** Applies the versions not yet recorded (or recorded with other statements), in order; returns what it applied. */
export async function runMigrations(db: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  await db.query(`create table if not exists ${MIGRATIONS_TABLE} (
     version int primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`)
  const recorded = new Map((await db.query<{ version: number; checksum: string }>(`select version, checksum from ${MIGRATIONS_TABLE}`))
    .map((r) => [Number(r.version), r.checksum]))
  const applied: number[] = []
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const checksum = checksumOf(m)
    if (recorded.get(m.version) === checksum) continue
    for (const stmt of m.statements) await db.query(stmt)
    await db.query(
      `insert into ${MIGRATIONS_TABLE} (version, name, checksum) values ($1, $2, $3)
       on conflict (version) do update set name = excluded.name, checksum = excluded.checksum, applied_at = now()`,
      [m.version, m.name, checksum])
    applied.push(m.version)
  }
  return { applied, version: Math.max(0, ...migrations.map((m) => m.version)) }
}

let migrated: Promise<void> | undefined
/**
 * The schema, once per container: a success is remembered; a failure (Aurora resuming, throttled) is not,
 * so the next invocation tries again instead of failing on a cached rejection until the container dies.
 */
export function migrate(db: Sql): Promise<void> {
  if (migrated) return migrated
  const attempt = runMigrations(db).then(() => undefined)
  migrated = attempt
  attempt.catch(() => { if (migrated === attempt) migrated = undefined })
  return attempt
}
export function resetMigrationFlag(): void { migrated = undefined }
