/**
 * The read model's PostgreSQL, embedded: PGlite persisted under the data
 * directory, with the extensions Aurora offers (unaccent, pg_trgm, ltree, pgvector).
 */
import { PGlite } from '@electric-sql/pglite'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { vector } from '@electric-sql/pglite-pgvector'
import type { Sql } from '../../functions/lib/adapters/sql.js'

export interface EmbeddedPostgres { sql: Sql; db: PGlite; close(): Promise<void> }

export async function startPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm, ltree, vector } })
  // PGlite runs one statement at a time; a queue keeps concurrent requests from interleaving.
  let chain: Promise<unknown> = Promise.resolve()
  const sql: Sql = {
    query<T>(text: string, params: unknown[] = []) {
      const run = chain.then(() => db.query(text, params)).then((r) => r.rows as T[])
      chain = run.catch(() => undefined)
      return run
    },
  }
  return { sql, db, close: () => db.close() }
}
