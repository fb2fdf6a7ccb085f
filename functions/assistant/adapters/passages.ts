/**
 * Retrieval from the read model. What the caller may read — registered or
 * issued documents of the units in their reach, at or below their
 * clearance, not returned — is part of the WHERE clause, so nothing else is
 * ever ranked, let alone put into a prompt. Ranking here is PostgreSQL
 * full-text (`simple` configuration over folded words), with a named symbol
 * first; the engine re-ranks the candidates.
 */
import { sql } from '../../lib/adapters/sql.js'
import { pgArray } from '../../../shared/documents/projection.js'
import type { Visibility } from '../../documents/adapters/search.js'
import type { Candidate } from '../../../shared/assistant/engine.js'
import type { PassageLocation } from '../../../shared/assistant/passages.js'
import type { RegisterEntry } from '../../../shared/assistant/appraisal.js'
import { ANN_DIMENSIONS } from './schema.js'

/** pgvector's iterative index scan on this session (also the database's default, schema.ts): set once per connection. */
const scanning = new WeakSet<object>()
async function iterativeScan(): Promise<void> {
  const db = sql()
  if (scanning.has(db)) return
  await db.query(`select set_config('hnsw.iterative_scan', 'relaxed_order', false)`)
  scanning.add(db)
}

export interface RetrievalQuery {
  /** Folded search terms ([a-z0-9]+). */
  terms: string[]
  /** Symbol keys the question names ("42cttu"). */
  symbolKeys: string[]
  /** Documents of the conversation so far (follow-ups). */
  documentIds: string[]
  limit: number
  /** The question's vector (hybrid retrieval): every candidate gets its similarity, and the nearest passages join the candidates. */
  queryVector?: number[]
  /** How many nearest passages join (default 20). */
  vectorLimit?: number
}

interface Row {
  document_id: string; ordinal: number; location: PassageLocation | string; text: string; symbol: string | null; symbol_key: string | null
  type: string; summary: string; issuer_name?: string | null; document_date: string | Date | null; similarity?: number | string | null
}
const day = (v: string | Date | null): string | undefined => (v === null ? undefined : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10))

/** The readable clause: the same rule as the document lists (registered stage), applied before ranking. */
export function readableClause(v: Visibility, p: (value: unknown) => string): string {
  return `d.clearance_rank <= ${p(v.rank)} and d.stage = 'register' and d.status <> 'returned' and d.reader_unit_ids && ${p(pgArray(v.readUnits))}::text[]`
}

/** Passages cut out at indexing because they address an assistant (planted instructions) are never retrieved. */
const NOT_QUARANTINED = `coalesce((p.location->>'quarantined')::boolean, false) = false`

export async function retrievePassages(v: Visibility, q: RetrievalQuery): Promise<Candidate[]> {
  const terms = q.terms.filter((t) => /^[a-z0-9]+$/.test(t)).slice(0, 40)
  const qv = q.queryVector?.length ? q.queryVector : undefined
  if (terms.length === 0 && q.symbolKeys.length === 0 && !qv) return []
  const params: unknown[] = []
  const p = (value: unknown): string => { params.push(value); return `$${params.length}` }
  const tsq = terms.length ? `to_tsquery('simple', ${p(terms.join(' | '))})` : `to_tsquery('simple', '')`
  const readable = readableClause(v, p)
  const vec = qv ? `${p(`[${qv.join(',')}]`)}::vector` : undefined
  // Vectors of another dimension (an engine changed and not yet re-indexed) are left out, not compared.
  // The dimension is written as a literal (it is a number of the question's own vector), so PostgreSQL can use
  // the partial HNSW index of that dimension (schema.ts) for the nearest passages.
  const dims = qv ? Math.trunc(qv.length) : 0
  const ann = (ANN_DIMENSIONS as readonly number[]).includes(dims)
  const comparable = qv ? `p.vec is not null and vector_dims(p.vec) = ${dims}` : 'false'
  const distance = vec ? (ann ? `(p.vec::vector(${dims})) <=> (${vec})::vector(${dims})` : `p.vec <=> ${vec}`) : ''
  const select = `select p.document_id, p.ordinal, p.location, p.text, d.symbol, d.symbol_key, d.type, d.summary, d.issuer_name, coalesce(d.document_date, d.issued_date) as document_date,
       ${vec ? `case when ${comparable} then 1 - (${distance}) end` : 'null::float8'} as similarity
     from passages p join documents d on d.document_id = p.document_id`
  // Lexical candidates: full-text matches by rank, and the passages of a named symbol or of the conversation's
  // documents — separate branches, so each can use its own index (an OR across the join would scan every row).
  const lexical = `(${select}
     where ${readable} and ${NOT_QUARANTINED} and p.tsv @@ ${tsq}
     order by ts_rank(p.tsv, ${tsq}) desc, p.document_id, p.ordinal
     limit ${p(q.limit)})`
  const named = q.symbolKeys.length || q.documentIds.length ? ` union (${select}
     where ${readable} and ${NOT_QUARANTINED} and (d.symbol_key = any(${p(pgArray(q.symbolKeys))}::text[]) or p.document_id = any(${p(pgArray(q.documentIds))}::text[]))
     order by p.document_id, p.ordinal
     limit ${p(q.limit)})` : ''
  // The nearest passages among the readable ones only: the reach filter is in the WHERE clause, applied while
  // the index is scanned (iterative scan), so an unreadable passage is never among them.
  const nearest = vec ? ` union (${select}
     where ${readable} and ${NOT_QUARANTINED} and ${comparable}
     order by ${distance}
     limit ${p(q.vectorLimit ?? 20)})` : ''
  if (ann) await iterativeScan()
  const rows = await sql().query<Row>(`${lexical}${named}${nearest}`, params)
  return rows.map((r) => ({
    documentId: r.document_id, ordinal: Number(r.ordinal),
    location: typeof r.location === 'string' ? JSON.parse(r.location) as PassageLocation : r.location,
    text: r.text, ...(r.symbol ? { symbol: r.symbol } : {}), ...(r.symbol_key ? { symbolKey: r.symbol_key } : {}),
    type: r.type, title: r.summary, ...(r.issuer_name ? { issuer: r.issuer_name } : {}), ...(day(r.document_date) ? { documentDate: day(r.document_date) } : {}),
    ...(r.similarity !== null && r.similarity !== undefined ? { vectorScore: Number(r.similarity) } : {}),
  }))
}

/**
 * Register entries a draft's citations could be: the same symbol key, or
 * the same number (for near-misses), among documents the caller may read.
 */
export async function registerEntries(v: Visibility, symbolKeys: string[], numbers: number[]): Promise<RegisterEntry[]> {
  if (symbolKeys.length === 0) return []
  const params: unknown[] = []
  const p = (value: unknown): string => { params.push(value); return `$${params.length}` }
  const prefixes = numbers.map((n) => `${n}%`)
  const rows = await sql().query<{ document_id: string; symbol: string; symbol_key: string; document_date: string | Date | null; summary: string; status: string; data: unknown }>(
    `select d.document_id, d.symbol, d.symbol_key, coalesce(d.document_date, d.issued_date) as document_date, d.summary, d.status, d.data
     from documents d
     where d.symbol_key is not null and ${readableClause(v, p)}
       and (d.symbol_key = any(${p(pgArray(symbolKeys))}::text[]) or d.symbol_key like any(${p(pgArray(prefixes))}::text[]))
     order by d.symbol_key, d.document_date desc limit 200`, params)
  const corrected = new Set(rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { correctionOf?: string }).map((d) => d.correctionOf).filter(Boolean))
  return rows.map((r) => ({
    documentId: r.document_id, symbol: r.symbol, symbolKey: r.symbol_key, title: r.summary,
    ...(day(r.document_date) ? { documentDate: day(r.document_date) } : {}),
    inForce: !corrected.has(r.document_id),
  }))
}

/** One passage of a document (the caller's right to the document is checked by the use case). */
export async function passageOf(documentId: string, ordinal: number): Promise<{ ordinal: number; location: PassageLocation; text: string } | undefined> {
  const [row] = await sql().query<{ ordinal: number; location: PassageLocation | string; text: string }>(
    'select ordinal, location, text from passages where document_id = $1 and ordinal = $2', [documentId, ordinal])
  return row ? { ordinal: Number(row.ordinal), location: typeof row.location === 'string' ? JSON.parse(row.location) as PassageLocation : row.location, text: row.text } : undefined
}
