/**
 * A document as one row of the read model (PostgreSQL), pure so it can be
 * tested without a database: who may see it (reader units, clearance rank,
 * draft or register stage, the reviewers it waits for) and what search reads
 * (the text to fold, the symbol key).
 */
import type { OfficialDocument } from './contracts.js'
import { requiredRank } from './confidentiality.js'
import { parseSymbol, symbolKey } from './symbols.js'
import { typeName } from './types.js'

export interface DocumentRow {
  documentId: string
  ownerUnitId: string
  readerUnitIds: string[]
  flow: string
  status: string
  /** `draft`: an outgoing document before issue (seen by its drafting and reviewing staff); `register`: everything else. */
  stage: 'draft' | 'register'
  symbol: string | null
  symbolKey: string | null
  type: string
  issuerCode: string
  issuerName: string
  documentDate: string | null
  receivedDate: string | null
  issuedDate: string | null
  deadline: string | null
  registerYear: number | null
  registerNumber: number | null
  urgency: string
  confidentiality: string
  clearanceRank: number
  summary: string
  /** Folded by the database (lower + unaccent). */
  searchText: string
  hasContent: boolean
  drafterId: string | null
  signerId: string | null
  /** `<unitId>|<role>` pairs that may decide the step the draft waits at. */
  reviewPairs: string[]
  sourceDocumentId: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export function documentRow(d: OfficialDocument): DocumentRow {
  const parsed = d.symbol ? parseSymbol(d.symbol) : undefined
  const step = d.status === 'in-review' ? d.review?.steps[d.review.stepIndex] : undefined
  const issued = d.status === 'issued' ? d.issued : undefined
  const register = d.flow === 'incoming' ? (d.arrival ? { year: d.arrival.year, number: d.arrival.number } : undefined)
    : issued ? { year: Number(issued.date.slice(0, 4)), number: issued.number } : undefined
  const typeText = `${d.type} ${typeName(d.type, 'vi')} ${typeName(d.type, 'en')}`
  return {
    documentId: d.documentId,
    ownerUnitId: d.ownerUnitId,
    readerUnitIds: [...new Set([d.ownerUnitId, ...d.readerUnitIds])],
    flow: d.flow,
    status: d.status,
    stage: d.flow === 'outgoing' && d.status !== 'issued' ? 'draft' : 'register',
    symbol: d.symbol ?? null,
    symbolKey: parsed?.ok ? symbolKey(parsed.symbol) : null,
    type: d.type,
    issuerCode: d.issuer.code,
    issuerName: d.issuer.name,
    documentDate: d.documentDate ?? null,
    receivedDate: d.arrival?.receivedDate ?? d.arrivedAt?.slice(0, 10) ?? null,
    issuedDate: issued?.date ?? null,
    deadline: d.deadline ?? null,
    registerYear: register?.year ?? null,
    registerNumber: register?.number ?? null,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    clearanceRank: requiredRank(d.confidentiality),
    summary: d.summary,
    searchText: [d.symbol ?? '', d.summary, d.issuer.name, d.issuer.code, typeText, d.direction?.text ?? ''].join(' '),
    hasContent: !!d.file || !!d.versions?.length,
    drafterId: d.drafter?.userId ?? null,
    signerId: d.signer?.userId ?? null,
    reviewPairs: step ? step.roles.map((r) => `${step.unitId}|${r}`) : [],
    sourceDocumentId: d.source?.documentId ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  }
}

/** A PostgreSQL array literal, passed as text and cast (`$1::text[]`): the same on PGlite and the RDS Data API. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}
