/**
 * The assistant's API contracts (zod at the boundary), shared by the Lambda
 * and the SPA: ask, rate, appraise; and the shapes they return.
 */
import { z } from 'zod'
import type { Answer } from './engine.js'
import type { Finding } from './appraisal.js'

/** Longest question accepted (characters). */
export const MAX_QUESTION = 2000
/** Longest draft text accepted in the body (characters); larger drafts come as files. */
export const MAX_DRAFT_TEXT = 200_000

export const conversationId = z.string().regex(/^[a-z0-9]{8,40}$/, { message: 'field.invalidFormat' })

export const AskBody = z.strictObject({
  question: z.string().trim().min(1).max(MAX_QUESTION),
  conversationId: conversationId.optional(),
})
export type AskBody = z.infer<typeof AskBody>

export const PassageQuery = z.strictObject({ ordinal: z.coerce.number().int().min(0).max(100_000) })

export const RateBody = z.strictObject({
  turn: z.number().int().min(0).max(200),
  value: z.enum(['up', 'down']),
  comment: z.string().trim().max(1000).optional(),
})
export type RateBody = z.infer<typeof RateBody>

const objectKey = z.string().trim().min(1).max(400)
export const AppraiseBody = z.union([
  z.strictObject({ text: z.string().trim().min(1).max(MAX_DRAFT_TEXT), fileName: z.string().trim().max(200).optional() }),
  z.strictObject({ file: z.strictObject({ objectKey, fileName: z.string().trim().min(1).max(200) }) }),
])
export type AppraiseBody = z.infer<typeof AppraiseBody>

export interface ConversationTurn {
  question: string
  answer: Answer
  engine: string
  at: string
  rating?: { value: 'up' | 'down'; comment?: string; at: string }
}

export interface Conversation {
  conversationId: string
  userId: string
  /** The user's first unit when the conversation started (whose reviewers may export its ratings). */
  unitId?: string
  title: string
  turns: ConversationTurn[]
  version: number
  createdAt: string
  updatedAt: string
}

/** The ratings export: an XLSX workbook (base64) with its file name. */
export interface RatingsExport { fileName: string; contentType: string; contentBase64: string; rows: number }

export interface AskResult { conversationId: string; turn: number; answer: Answer; engine: string }

/** A finding as the API returns it: the rule's message and fix in the caller's language. */
export interface ReportedFinding extends Finding { message: string; suggestion: string }
export interface AppraisalReport {
  fileName?: string
  pages: string[]
  findings: ReportedFinding[]
  counts: { format: number; citation: number; consistency: number; substance: number }
  engine: string
}

/** Where a citation opens: the document page at the passage's page. */
export const citationHref = (c: { documentId: string; location: { page?: number }; ordinal: number }): string =>
  `/documents/${encodeURIComponent(c.documentId)}?${c.location.page ? `page=${c.location.page}&` : ''}passage=${c.ordinal}`
