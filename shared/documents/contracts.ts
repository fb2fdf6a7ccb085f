/**
 * The documents module's contracts: entities as the API returns them and the
 * request bodies and queries it accepts (strict: unknown fields are
 * rejected). Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId, username } from '../org/contracts.js'
import type { Role } from '../org/roles.js'
import { CONFIDENTIALITY, type Confidentiality } from './confidentiality.js'
import { URGENCIES, type Urgency } from './urgency.js'
import { findType } from './types.js'
import { REVIEW_ROLES } from './policy.js'
import type { SymbolStyle } from './symbols.js'

/** `<owner unit id>.<random>`: the owning unit is part of the id, so every key derives from it. */
export const documentId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.[a-z0-9-]{4,48}$/, { message: 'field.invalidFormat' })
export const documentTypeCode = z.string().trim().min(1).max(10)
  .transform((s, ctx) => {
    const t = findType(s, true)
    if (!t) { ctx.addIssue({ code: 'custom', message: 'field.invalidValue' }); return z.NEVER }
    return t.code
  })
export const urgency = z.enum(URGENCIES)
export const confidentiality = z.enum(CONFIDENTIALITY)
const summary = z.string().trim().min(5).max(1000)
const fileName = z.string().trim().min(1).max(200)
export const objectKey = z.string().min(1).max(300)

// ---------- entities ----------

export type DocumentFlow = 'incoming' | 'outgoing'
export type IncomingStatus = 'arrived' | 'received' | 'directed' | 'done' | 'returned'
export type OutgoingStatus = 'draft' | 'in-review' | 'revising' | 'approved' | 'issuing' | 'issued'
export type DocumentStatus = IncomingStatus | OutgoingStatus
export const DOCUMENT_STATUSES = ['arrived', 'received', 'directed', 'done', 'returned', 'draft', 'in-review', 'revising', 'approved', 'issuing', 'issued'] as const

export interface PersonRef { userId: string; fullName: string }
export interface FileRef {
  objectKey: string
  fileName: string
  contentType: string
  size: number
  /** SHA-256 of the bytes, hex. */
  sha256: string
  pageCount?: number
}
export interface DocumentVersion extends FileRef { version: number; uploadedBy: PersonRef; at: string; note?: string }
export interface DocumentComment { commentId: string; by: PersonRef; at: string; text: string; version?: number }

export interface ChainStep { roles: Role[]; scope: 'unit' | 'parent'; label?: string }
export interface ReviewChain { unitId: string; type: string; steps: ChainStep[]; source: 'configured' | 'default'; version: number; updatedAt?: string; updatedBy?: PersonRef }
export interface ReviewEvent { round: number; step: number; by: PersonRef; at: string; decision: 'submit' | 'approve' | 'return'; comment?: string }
export interface ReviewState {
  /** The chain as it was when the draft was submitted, each step resolved to its unit. */
  steps: (ChainStep & { unitId: string })[]
  /** The step waiting for a decision (= steps.length once approved). */
  stepIndex: number
  round: number
  history: ReviewEvent[]
}

export interface Direction {
  /** Bút phê: the leader's instruction. */
  text: string
  by: PersonRef
  at: string
  leadUnitId?: string
  leadUser?: PersonRef
  coordinatingUnitIds: string[]
  deadline: string
  urgency: Urgency
}

export interface InboundMailInfo {
  messageId: string
  from: { address: string; name?: string }
  subject: string
  receivedAt: string
  /** The official address it was sent to. */
  to: string
  authentication: { spf: string; dkim: string; dmarc: string; checkedBy: string }
  attachments: { fileName: string; contentType: string; size: number; sha256?: string; kept: boolean }[]
  verification?: VerificationSummary
}

export interface EmailDelivery {
  agencyId: string
  agencyName: string
  /** Where the mail went, and the addresses left out because they bounced or complained before. */
  sentTo: string[]
  suppressed: string[]
  messageId?: string
  by: PersonRef
  at: string
}

export interface VerificationSummary { valid: boolean; signatures: number; checkedAt: string; problems: string[] }

export interface Arrival {
  /** Số đến: the position in the unit's incoming register of the year. */
  year: number
  number: number
  receivedDate: string
  by: PersonRef
  at: string
  /** Signed PDFs arriving from the platform are checked for authenticity and integrity on receipt. */
  verification?: VerificationSummary
}

export interface Issued {
  number: number
  symbol: string
  /** Counter scope key and its meaning ("party|NQ|2025-2030", "NQ, nhiệm kỳ 2025-2030"). */
  scope: string
  scopeLabel: string
  date: string
  numberLine: string
  dateLine: string
  signer: PersonRef & { title?: string }
  signedFile?: FileRef
  signedAt?: string
  /** Units that received it as incoming. */
  deliveredTo: string[]
}

export interface OfficialDocument {
  documentId: string
  ownerUnitId: string
  flow: DocumentFlow
  status: DocumentStatus
  /** Canonical number and symbol (incoming: as registered; outgoing: once issued). */
  symbol?: string
  symbolStyle?: SymbolStyle
  number?: number
  type: string
  issuer: { code: string; name: string; unitId?: string }
  /** Date written on the document. */
  documentDate?: string
  summary: string
  urgency: Urgency
  confidentiality: Confidentiality
  pageCount?: number
  /** The content (incoming: scan or signed PDF; outgoing once issued: the signed PDF). Never for classified entries. */
  file?: FileRef
  /** `digitised`: a paper document scanned into the archives (documentId: the scan document it came from). */
  source?: { kind: 'platform' | 'manual' | 'digitised' | 'email'; documentId?: string; unitId?: string }
  arrivedAt?: string
  /** `source.kind` email: the mail it came in (sender, subject, attachments, the sender's authentication). */
  mail?: InboundMailInfo
  /** Issued documents mailed to agencies outside the platform, each delivery as the mail port reported it. */
  emailed?: EmailDelivery[]
  arrival?: Arrival
  returned?: { by: PersonRef; at: string; reason: string }
  direction?: Direction
  deadline?: string
  completed?: { by: PersonRef; at: string; note?: string }
  drafter?: PersonRef
  drafterCode?: string
  signer?: PersonRef & { title?: string }
  recipients?: string[]
  versions?: DocumentVersion[]
  comments?: DocumentComment[]
  review?: ReviewState
  issued?: Issued
  /** A correction is a new document that references the one it corrects. */
  correctionOf?: string
  /** Units whose readers see this document besides the owner's (lead and coordinating units). */
  readerUnitIds: string[]
  createdBy: PersonRef
  version: number
  createdAt: string
  updatedAt: string
}

/** A row of a list or search result (from the read model). */
export interface DocumentSummary {
  documentId: string
  ownerUnitId: string
  flow: DocumentFlow
  status: DocumentStatus
  symbol?: string
  type: string
  issuer: { code: string; name: string }
  documentDate?: string
  summary: string
  urgency: Urgency
  confidentiality: Confidentiality
  registerNumber?: number
  receivedDate?: string
  issuedDate?: string
  deadline?: string
  overdue: boolean
  hasContent: boolean
  rank?: number
}

export interface SignatureReport {
  /** As returned by the signing port: one entry per signature, and the overall verdict. */
  valid: boolean
  signatures: unknown[]
  [key: string]: unknown
}

// ---------- requests ----------

export const ACCEPTED_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/** Mail an issued document to agencies outside the platform (their addresses are data: GET /api/agencies). */
export const EmailDocumentBody = z.strictObject({
  agencyIds: z.array(z.string().min(1).max(80).regex(/^[\w.-]+$/)).min(1).max(50),
  note: z.string().trim().max(2000).optional(),
})
export type EmailDocumentBody = z.infer<typeof EmailDocumentBody>

export const UploadBody = z.strictObject({
  fileName,
  contentType: z.string().trim().max(200),
  size: z.number().int().positive(),
})
export type UploadBody = z.infer<typeof UploadBody>

const fileInput = z.strictObject({ objectKey, fileName })

export const RegisterIncomingBody = z.strictObject({
  /** The receiving unit (owner of the register entry). */
  unitId,
  /** Number and symbol in any usual form ("57/NQ-TW", "Số 09 KH/ĐU"). */
  symbol: z.string().trim().min(1).max(60),
  issuerName: z.string().trim().min(2).max(200),
  documentDate: isoDate,
  receivedDate: isoDate.optional(),
  summary,
  urgency: urgency.default('normal'),
  confidentiality: confidentiality.default('none'),
  pageCount: z.number().int().min(1).max(5000).optional(),
  /** The scanned or received PDF (uploaded first); never for classified documents. */
  file: fileInput.optional(),
})
export type RegisterIncomingBody = z.infer<typeof RegisterIncomingBody>

export const EmptyBody = z.strictObject({}).optional()
export const ReturnBody = z.strictObject({ reason: z.string().trim().min(5).max(1000) })
export const DirectionBody = z.strictObject({
  text: z.string().trim().min(2).max(2000),
  leadUnitId: unitId.optional(),
  leadUserId: z.string().min(1).max(64).optional(),
  coordinatingUnitIds: z.array(unitId).max(20).default([]),
  deadline: isoDate.optional(),
  urgency: urgency.optional(),
})
export type DirectionBody = z.infer<typeof DirectionBody>
export const CompleteBody = z.strictObject({ note: z.string().trim().max(2000).optional() })

/** Every commune, ward and board of a city fits: delivery goes in chunks (functions/documents/usecases/issue.ts). */
export const MAX_RECIPIENTS = 300
export const CreateDraftBody = z.strictObject({
  unitId,
  type: documentTypeCode,
  summary,
  /** Units on the platform that receive it as incoming once issued. */
  recipients: z.array(unitId).max(MAX_RECIPIENTS).default([]),
  /** User name of the person who will sign. */
  signer: username,
  urgency: urgency.default('normal'),
  /** Drafting unit in the symbol (lower case): "nb" in 141-CV/VPTW/nb. */
  drafterCode: z.string().trim().toLowerCase().regex(/^[a-zđ][a-zđ0-9]{0,9}$/u, { message: 'field.invalidFormat' }).optional(),
  correctionOf: documentId.optional(),
  file: fileInput.optional(),
})
export type CreateDraftBody = z.infer<typeof CreateDraftBody>

export const AddVersionBody = z.strictObject({ objectKey, fileName, note: z.string().trim().max(500).optional() })
export type AddVersionBody = z.infer<typeof AddVersionBody>
export const CommentBody = z.strictObject({ text: z.string().trim().min(1).max(2000), version: z.number().int().positive().optional() })
export type CommentBody = z.infer<typeof CommentBody>
export const ReviewBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(2000).optional(),
}).refine((b) => b.decision === 'approve' || (b.comment?.length ?? 0) >= 5, { message: 'field.required', path: ['comment'] })
export type ReviewBody = z.infer<typeof ReviewBody>

export const BOXES = ['inbox', 'to-confirm', 'overdue', 'drafts', 'to-review', 'outbox', 'incoming-register', 'outgoing-register', 'to-sign'] as const
export type Box = (typeof BOXES)[number]
const limit = z.coerce.number().int().min(1).max(200).optional()
const offset = z.coerce.number().int().min(0).max(100_000).optional()
export const ListQuery = z.strictObject({
  box: z.enum(BOXES),
  unitId: unitId.optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  limit, offset,
})
export type ListQuery = z.infer<typeof ListQuery>

export const SearchQuery = z.strictObject({
  /** Words with or without diacritics, or a symbol in any form. */
  q: z.string().trim().max(200).optional(),
  issuer: z.string().trim().max(100).optional(),
  type: documentTypeCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  flow: z.enum(['incoming', 'outgoing']).optional(),
  unitId: unitId.optional(),
  limit, offset,
})
export type SearchQuery = z.infer<typeof SearchQuery>

/** `version`: a download link to that version of a draft instead of the current file. */
export const ShowQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() })

export const VerifyBody = z.strictObject({ objectKey: objectKey.optional(), documentId: documentId.optional() })
  .refine((b) => (b.objectKey === undefined) !== (b.documentId === undefined), { message: 'field.required', path: ['objectKey'] })
export type VerifyBody = z.infer<typeof VerifyBody>

export const ChainStepBody = z.strictObject({
  roles: z.array(z.enum(REVIEW_ROLES as [Role, ...Role[]])).min(1).max(4),
  scope: z.enum(['unit', 'parent']).default('unit'),
  label: z.string().trim().max(100).optional(),
})
export const ChainQuery = z.strictObject({ unitId, type: z.union([z.literal('*'), documentTypeCode]) })
export const PutChainBody = z.strictObject({
  unitId,
  /** A type code, or "*" for the unit's default chain. */
  type: z.union([z.literal('*'), documentTypeCode]),
  /** Ordered steps; empty: the signer's signature is the only approval. */
  steps: z.array(ChainStepBody).max(6),
  version: z.number().int().nonnegative().optional(),
})
export type PutChainBody = z.infer<typeof PutChainBody>
