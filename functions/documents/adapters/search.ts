/**
 * Lists and search on the read model (PostgreSQL: unaccent + pg_trgm). What
 * the caller may see (reader units of their reach, drafts of their units,
 * their clearance) is part of the WHERE clause, so it applies before any
 * ranking or paging.
 */
import { sql } from '../../lib/adapters/sql.js'
import type { Box, DocumentSummary } from '../../../shared/documents/contracts.js'
import { pgArray } from '../../../shared/documents/projection.js'

export interface Visibility {
  userId: string
  /** Highest confidentiality rank the caller is cleared for. */
  rank: number
  /** Units whose registered and issued documents the caller reads. */
  readUnits: string[]
  /** Units whose drafts the caller sees (drafting and reviewing staff). */
  draftUnits: string[]
  /** `<unitId>|<role>` of each of the caller's assignments (review steps waiting for them). */
  pairs: string[]
}

export interface DocumentQuery {
  box?: Box
  /** Words, folded by the database. */
  words?: string[]
  /** Symbol key of a query that is a whole symbol (prefix match: a drafting-unit suffix may follow). */
  symbolKey?: string
  /** Symbol-ish fragment of a query ("nqtw"), matched inside symbol keys. */
  symbolFragment?: string
  /** The raw query, for ranking by similarity. */
  q?: string
  issuer?: string
  type?: string
  from?: string
  to?: string
  status?: string
  flow?: string
  unitId?: string
  year?: number
  today: string
  limit: number
  offset: number
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

const BOXES: Record<Box, { where: string; order: string }> = {
  inbox: { where: `d.flow = 'incoming' and d.status in ('arrived', 'received', 'directed')`, order: 'coalesce(d.received_date, d.document_date) desc, d.updated_at desc' },
  'to-confirm': { where: `d.flow = 'incoming' and d.status = 'arrived'`, order: 'd.created_at asc' },
  overdue: { where: `d.flow = 'incoming' and d.status in ('received', 'directed') and d.deadline < $TODAY::date`, order: 'd.deadline asc' },
  drafts: { where: `d.stage = 'draft'`, order: 'd.updated_at desc' },
  'to-review': { where: `d.status = 'in-review' and d.review_pairs && $PAIRS::text[] and d.drafter_id <> $ME`, order: 'd.updated_at asc' },
  outbox: { where: `d.flow = 'outgoing' and d.status = 'issued'`, order: 'd.issued_date desc, d.updated_at desc' },
  'incoming-register': { where: `d.flow = 'incoming' and d.register_number is not null and d.register_year = $YEAR`, order: 'd.owner_unit_id, d.register_number asc' },
  'outgoing-register': { where: `d.flow = 'outgoing' and d.status = 'issued' and d.register_year = $YEAR`, order: 'd.owner_unit_id, d.issued_date asc, d.type, d.register_number asc' },
  // Approved drafts whose designated signer is the caller (issuing: one whose signature was started and must be finished).
  'to-sign': { where: `d.flow = 'outgoing' and d.status in ('approved', 'issuing') and d.signer_id = $ME`, order: 'd.updated_at asc' },
}

interface Row {
  document_id: string; owner_unit_id: string; flow: string; status: string; symbol: string | null; type: string
  issuer_code: string; issuer_name: string; document_date: string | Date | null; summary: string; urgency: string; confidentiality: string
  register_number: number | null; received_date: string | Date | null; issued_date: string | Date | null; deadline: string | Date | null
  overdue: boolean; has_content: boolean; score: number | null; total: number
}
const day = (v: string | Date | null): string | undefined => (v === null ? undefined : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10))

export async function queryDocuments(v: Visibility, q: DocumentQuery): Promise<{ total: number; items: DocumentSummary[] }> {
  const params: unknown[] = []
  const p = (value: unknown): string => { params.push(value); return `$${params.length}` }
  const me = p(v.userId)
  const pairs = `${p(pgArray(v.pairs))}::text[]`
  const today = p(q.today)
  const where: string[] = [
    `d.clearance_rank <= ${p(v.rank)}`,
    `((d.stage = 'register' and d.reader_unit_ids && ${p(pgArray(v.readUnits))}::text[])
      or (d.stage = 'draft' and (d.owner_unit_id = any(${p(pgArray(v.draftUnits))}::text[]) or d.drafter_id = ${me} or d.signer_id = ${me} or d.review_pairs && ${pairs})))`,
  ]
  let order = 'coalesce(d.issued_date, d.received_date, d.document_date) desc nulls last, d.updated_at desc'
  if (q.box) {
    const box = BOXES[q.box]
    let clause = box.where.replace('$TODAY', today).replace('$PAIRS::text[]', pairs).replace('$ME', me)
    if (clause.includes('$YEAR')) clause = clause.replace('$YEAR', p(q.year ?? Number(q.today.slice(0, 4))))
    where.push(clause)
    order = box.order
  }
  let rank = 'null::real'
  if (q.symbolKey) {
    where.push(`d.symbol_key like ${p(`${likeEscape(q.symbolKey)}%`)}`)
    rank = `case when d.symbol_key = ${p(q.symbolKey)} then 2 else 1 end`
    order = `score desc, ${order}`
  } else if (q.words?.length) {
    const text = `d.search like all (select '%' || lower(unaccent(w)) || '%' from unnest(${p(pgArray(q.words.map(likeEscape)))}::text[]) as w)`
    where.push(q.symbolFragment ? `(${text} or d.symbol_key like ${p(`%${likeEscape(q.symbolFragment)}%`)})` : text)
    rank = `similarity(d.search, lower(unaccent(${p(q.q ?? q.words.join(' '))})))`
    order = `score desc, ${order}`
  }
  if (q.issuer) where.push(`(lower(unaccent(d.issuer_code)) = lower(unaccent(${p(q.issuer)})) or lower(unaccent(d.issuer_name)) like '%' || lower(unaccent(${p(likeEscape(q.issuer))})) || '%')`)
  if (q.type) where.push(`d.type = ${p(q.type)}`)
  if (q.from) where.push(`coalesce(d.document_date, d.issued_date) >= ${p(q.from)}::date`)
  if (q.to) where.push(`coalesce(d.document_date, d.issued_date) <= ${p(q.to)}::date`)
  if (q.status) where.push(`d.status = ${p(q.status)}`)
  if (q.flow) where.push(`d.flow = ${p(q.flow)}`)
  if (q.unitId) where.push(`d.owner_unit_id = ${p(q.unitId)}`)
  const rows = await sql().query<Row>(
    `select d.document_id, d.owner_unit_id, d.flow, d.status, d.symbol, d.type, d.issuer_code, d.issuer_name, d.document_date, d.summary,
       d.urgency, d.confidentiality, d.register_number, d.received_date, d.issued_date, d.deadline, d.has_content,
       (d.flow = 'incoming' and d.status in ('received', 'directed') and d.deadline < ${today}::date) as overdue,
       ${rank} as score, count(*) over () as total
     from documents d where ${where.join(' and ')}
     order by ${order} limit ${p(q.limit)} offset ${p(q.offset)}`, params)
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r): DocumentSummary => ({
      documentId: r.document_id, ownerUnitId: r.owner_unit_id, flow: r.flow as DocumentSummary['flow'], status: r.status as DocumentSummary['status'],
      ...(r.symbol ? { symbol: r.symbol } : {}), type: r.type, issuer: { code: r.issuer_code, name: r.issuer_name },
      documentDate: day(r.document_date), summary: r.summary, urgency: r.urgency as DocumentSummary['urgency'],
      confidentiality: r.confidentiality as DocumentSummary['confidentiality'],
      ...(r.register_number !== null ? { registerNumber: r.register_number } : {}),
      receivedDate: day(r.received_date), issuedDate: day(r.issued_date), deadline: day(r.deadline),
      overdue: !!r.overdue, hasContent: !!r.has_content, ...(r.score !== null ? { rank: Number(r.score) } : {}),
    })),
  }
}

export interface Delivery { documentId: string; unitId: string; status: string; receivedDate?: string; returnedReason?: string }

/** The incoming copies of an issued document: who confirmed, who returned it. */
export async function deliveriesOf(sourceDocumentId: string): Promise<Delivery[]> {
  const rows = await sql().query<{ document_id: string; owner_unit_id: string; status: string; received_date: string | Date | null; reason: string | null }>(
    `select document_id, owner_unit_id, status, received_date, data->'returned'->>'reason' as reason
     from documents where source_document_id = $1 order by owner_unit_id`, [sourceDocumentId])
  return rows.map((r) => ({ documentId: r.document_id, unitId: r.owner_unit_id, status: r.status, ...(r.received_date ? { receivedDate: day(r.received_date) } : {}), ...(r.reason ? { returnedReason: r.reason } : {}) }))
}
