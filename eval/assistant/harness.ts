/**
 * An index for the evaluation and the benchmark: the read model's own
 * PostgreSQL (PGlite, as the embedded runtime runs it) with its schema, the
 * documents projected by the read-model projector and their passages
 * written by the assistant's indexer; retrieval then runs the module's own
 * SQL and ranking.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres } from '../../infra/local/postgres.js'
import { registerEmbeddedSql, type Sql } from '../../functions/lib/adapters/sql.js'
import { migrate, resetMigrationFlag } from '../../functions/readmodel/schema.js'
import { projectItem } from '../../functions/readmodel/projections.js'
import { embeddingText, writePassages } from '../../functions/assistant/indexing.js'
import { embeddedEmbedder, type Embedder } from '../../functions/assistant/engines.js'
import { documentPassages } from '../../shared/assistant/passages.js'
import type { OfficialDocument } from '../../shared/documents/contracts.js'
import type { Visibility } from '../../functions/documents/adapters/search.js'
import { ENTITY } from '../../shared/table/keys.js'

export interface IndexedDocument {
  documentId: string; unitId: string; symbol?: string; type: string; issuerName: string; documentDate: string; summary: string; pages: string[]
}

export interface EvalIndex {
  sql: Sql
  add(d: IndexedDocument): Promise<void>
  /** A reader of the given units, cleared for non-classified documents. */
  reader(units: string[]): Visibility
  close(): Promise<void>
}

/** `embedder`: the passages' vectors for hybrid retrieval (the embedded engine by default). */
export async function startIndex(embedder: Embedder = embeddedEmbedder): Promise<EvalIndex> {
  const dir = mkdtempSync(join(tmpdir(), 'do-assistant-eval-'))
  const pg = await startPostgres(dir)
  registerEmbeddedSql(pg.sql)
  resetMigrationFlag()
  await migrate(pg.sql)
  const at = '2025-06-01T00:00:00.000Z'
  return {
    sql: pg.sql,
    async add(d) {
      const doc: OfficialDocument = {
        documentId: d.documentId, ownerUnitId: d.unitId, flow: 'incoming', status: 'received', ...(d.symbol ? { symbol: d.symbol } : {}),
        type: d.type, issuer: { code: 'X', name: d.issuerName }, documentDate: d.documentDate, summary: d.summary, urgency: 'normal', confidentiality: 'none',
        readerUnitIds: [], createdBy: { userId: 'eval', fullName: 'eval' }, version: 1, createdAt: at, updatedAt: at,
      } as OfficialDocument
      await projectItem(pg.sql, { entity: ENTITY.document, ...doc }, false)
      const passages = documentPassages({ symbol: d.symbol, type: d.type, issuerName: d.issuerName, documentDate: d.documentDate, summary: d.summary }, d.pages)
      await writePassages(pg.sql, d.documentId, passages, await embedder.documents(passages.map(embeddingText)))
    },
    reader: (units) => ({ userId: 'eval-reader', rank: 1, readUnits: units, draftUnits: [], pairs: [] }),
    async close() { await pg.close(); rmSync(dir, { recursive: true, force: true }) },
  }
}
