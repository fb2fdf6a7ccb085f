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

/**
 * How often each word occurs in the passages' full-text column, from the planner's own statistics (ANALYZE;
 * autovacuum keeps them on Aurora): the most common lexemes with their share of rows, and the share below which
 * every other lexeme lies. Read at most every ten minutes.
 */
export interface TermStats { rows: number; freq: Map<string, number>; floor: number }
let termStatsCache: { at: number; db: object; stats: TermStats } | undefined
const TERM_STATS_TTL_MS = 10 * 60_000

export async function termStats(): Promise<TermStats> {
  const db = sql()
  if (termStatsCache && termStatsCache.db === db && Date.now() - termStatsCache.at < TERM_STATS_TTL_MS) return termStatsCache.stats
  const [row] = await db.query<{ rows: number | string; elems: string[] | null; freqs: (number | string)[] | null }>(
    `select c.reltuples::float8 as rows, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs
     from pg_class c left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'passages' and s.attname = 'tsv'
     where c.oid = to_regclass('passages')`)
  const elems = row?.elems ?? [], freqs = (row?.freqs ?? []).map(Number)
  // most_common_elem_freqs: one share per element, then the smallest and largest of them and the share of empty vectors.
  const stats: TermStats = { rows: Math.max(0, Number(row?.rows ?? 0)), freq: new Map(elems.map((e, i) => [e, freqs[i]!])), floor: freqs[elems.length] ?? 0 }
  termStatsCache = { at: Date.now(), db, stats }
  return stats
}

/** Below this many passages every full-text match is ranked; above it the candidate query selects on the rarer words. */
export const SELECTIVE_FROM_ROWS = 20_000
/** Share of all passages the full-text candidate query may match (estimated from the statistics) before ranking. */
export const CANDIDATE_SHARE = 0.02
/** On a large read model, at most this many readable full-text matches are ranked (the statistics are an estimate: words of one phrase occur together). */
export const CANDIDATE_CAP = 1000

/**
 * The full-text query that selects the candidates (the ranking still uses every word): all the words on a small
 * read model; on a large one the rarest words whose matches together stay within CANDIDATE_SHARE of the passages,
 * or, when every word is common ("nhiệm vụ", "kinh phí" in every plan), all the words required together, rarest
 * first, until that conjunction is selective. The reach filter is applied to these candidates only, in the same
 * query, so a passage out of reach is never ranked (issue 14).
 */
export function selectingQuery(terms: readonly string[], stats: TermStats | undefined, fromRows = SELECTIVE_FROM_ROWS): string {
  if (!stats || stats.rows < fromRows || terms.length <= 1) return terms.join(' | ')
  const share = (t: string) => stats.freq.get(t) ?? stats.floor
  const sorted = [...terms].sort((a, b) => share(a) - share(b) || a.localeCompare(b))
  const any: string[] = []
  let sum = 0
  for (const t of sorted) { if (sum + share(t) > CANDIDATE_SHARE) break; any.push(t); sum += share(t) }
  if (any.length) return any.join(' | ')
  const all: string[] = []
  let product = 1
  for (const t of sorted) { all.push(t); product *= share(t); if (product <= CANDIDATE_SHARE) break }
  return all.join(' & ')
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
  /** Select the full-text candidates on every word, whatever the read model's size (the benchmark's baseline). */
  everyMatch?: boolean
  /** From how many passages the candidates are selected on the rarer words (default SELECTIVE_FROM_ROWS). */
  selectiveFromRows?: number
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
  // The candidates are selected on the rarer words (a large read model), ranked on all of them.
  const selecting = terms.length && !q.everyMatch ? selectingQuery(terms, await termStats(), q.selectiveFromRows) : ''
  const tss = selecting && selecting !== terms.join(' | ') ? `to_tsquery('simple', ${p(selecting)})` : tsq
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
  // On a large read model at most CANDIDATE_CAP readable matches of the selecting words are ranked.
  const lexical = tss === tsq ? `(${select}
     where ${readable} and ${NOT_QUARANTINED} and p.tsv @@ ${tsq}
     order by ts_rank(p.tsv, ${tsq}) desc, p.document_id, p.ordinal
     limit ${p(q.limit)})` : `(select c.document_id, c.ordinal, c.location, c.text, c.symbol, c.symbol_key, c.type, c.summary, c.issuer_name, c.document_date, c.similarity
     from (${select.replace(' as similarity', ` as similarity, ts_rank(p.tsv, ${tsq}) as lexical_rank`)}
       where ${readable} and ${NOT_QUARANTINED} and p.tsv @@ ${tss}
       limit ${p(CANDIDATE_CAP)}) c
     order by c.lexical_rank desc, c.document_id, c.ordinal
     limit ${p(q.limit)})`
  const naming = [...(q.symbolKeys.length ? [`d.symbol_key = any(${p(pgArray(q.symbolKeys))}::text[])`] : []), ...(q.documentIds.length ? [`p.document_id = any(${p(pgArray(q.documentIds))}::text[])`] : [])]
  const named = naming.length ? ` union (${select}
     where ${readable} and ${NOT_QUARANTINED} and (${naming.join(' or ')})
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
