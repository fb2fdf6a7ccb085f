/**
 * The archives module's contracts: a unit's fonds (phông lưu trữ) and its
 * files (hồ sơ), digitisation batches of scans, the pages and the documents
 * found in them, the verification queue, and handovers when a unit ends.
 * Request bodies are strict (unknown fields are rejected). Shared by the
 * Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import type { Confidentiality } from '../documents/confidentiality.js'
import type { PersonRef } from '../documents/contracts.js'
import { FIELD_NAMES, type ExtractedFields, type FieldName, type OcrLine } from './metadata.js'
import type { OcrWord } from './boxes.js'

/** `<owner unit id>.<prefix><random>`: the owning unit is part of every id, so keys derive from it. */
const ownedId = (prefix: string) => z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{1,62}\\.${prefix}[a-z0-9]{4,40}$`), { message: 'field.invalidFormat' })
export const archiveFileId = ownedId('f')
export const batchId = ownedId('b')
/** The unit a handover comes from (a unit id). */
export const sourceUnitId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
export const handoverId = z.string().regex(/^h[a-z0-9]{6,40}$/, { message: 'field.invalidFormat' })
export const EmptyBody = z.strictObject({}).optional()
export const scanDocumentId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.b[a-z0-9]{4,40}-p\d{1,5}$/, { message: 'field.invalidFormat' })
export const ownerOf = (id: string): string => id.slice(0, id.indexOf('.'))

/** What a scan may be: multi-page PDF, TIFF, JPEG, PNG. */
export const SCAN_CONTENT_TYPES = { pdf: 'application/pdf', tiff: 'image/tiff', jpeg: 'image/jpeg', png: 'image/png' } as const
export type ScanKind = keyof typeof SCAN_CONTENT_TYPES
export const SCAN_EXTENSIONS: Record<string, ScanKind> = { pdf: 'pdf', tif: 'tiff', tiff: 'tiff', jpg: 'jpeg', jpeg: 'jpeg', png: 'png' }

/** At most this many pages in one batch (one execution's input stays small). */
export const MAX_BATCH_PAGES = 500

// ---------- entities ----------

export type Retention = 'permanent' | 'limited'
export interface CustodyStep { fromUnitId: string; toUnitId: string; at: string; handoverId: string }

/** Hồ sơ: a file of a unit's fonds, which keeps its original owner (provenance) even after custody moves. */
export interface ArchiveFile {
  fileId: string
  /** The unit whose fonds this file belongs to (provenance; never changes). */
  unitId: string
  code: string
  title: string
  startYear: number
  endYear?: number
  retention: Retention
  /** The unit that keeps it now (the fonds owner until a handover). */
  custodianUnitId: string
  custody: CustodyStep[]
  status: 'open' | 'closed'
  pages: number
  documents: number
  verifiedDocuments: number
  createdBy: PersonRef
  createdAt: string
  version: number
}

export interface ScanSource { objectKey: string; fileName: string; kind: ScanKind; pages: number; size: number; sha256: string }
export type BatchStatus = 'running' | 'done' | 'failed'
export interface Batch {
  batchId: string
  unitId: string
  fileId: string
  sources: ScanSource[]
  pageCount: number
  status: BatchStatus
  documents?: number
  catalogued?: number
  failedPages?: number
  blankPages?: number
  error?: string
  createdBy: PersonRef
  createdAt: string
  finishedAt?: string
  version: number
}

export type PageStatus = 'queued' | 'done' | 'blank' | 'failed' | 'withheld'
/** One page of a batch, written once by the pipeline (the key is the page number: a rerun overwrites, never duplicates). */
export interface ScanPage {
  batchId: string
  pageNo: number
  status: Exclude<PageStatus, 'queued'>
  /** How the text was read: the PDF's own text layer, or OCR of the image. */
  method?: 'text-layer' | 'ocr'
  engine?: string
  confidence?: number
  lines?: OcrLine[]
  /** The words read and their boxes on the page image (the verification view highlights a field's words). */
  words?: OcrWord[]
  imageKey?: string
  pdfKey?: string
  error?: string
  at: string
}

export type ScanDocumentStatus = 'verifying' | 'confirmed' | 'catalogued'
export interface FieldCorrection { field: FieldName; extracted: string | null; corrected: string | null; confidence: number; by: PersonRef; at: string }
/** A document found in a batch: its page range, the fields read, and what the clerk confirmed. */
export interface ScanDocument {
  scanDocumentId: string
  unitId: string
  fileId: string
  batchId: string
  pageFrom: number
  pageTo: number
  status: ScanDocumentStatus
  fields: ExtractedFields
  /** Fields below the confidence threshold, shown first to the clerk. */
  toVerify: FieldName[]
  /** A searchable PDF of the page range (none for a classified scan). */
  pdfKey?: string
  /** The first page's image, for the verification view. */
  imageKeys: string[]
  text?: string
  confidentiality: Confidentiality
  corrections: FieldCorrection[]
  registeredDocumentId?: string
  verifiedBy?: PersonRef
  verifiedAt?: string
  createdAt: string
  version: number
}

export interface Handover {
  handoverId: string
  fromUnitId: string
  toUnitId: string
  reason: 'merge' | 'split' | 'dissolve'
  date: string
  files: { fileId: string; code: string; title: string; documents: { scanDocumentId: string; symbol: string | null; pdfSha256?: string }[]; sha256: string }[]
  packageKey: string
  packageSha256: string
  /** The record's number in the receiving unit's "BB" series (Party form, "05-BB/ĐU"); absent on records made before numbering. */
  registerNumber?: string
  recordKey: string
  /** The record as it stands: signed by the handing-over side, then countersigned by the receiving side on receipt. */
  recordSha256: string
  /** `transferring` while custody moves in chunks (the same request resumes it), then `transferred`, then `received`. */
  status: 'transferring' | 'transferred' | 'received'
  /** Files whose custody has moved so far. */
  movedFiles?: number
  receivedBy?: PersonRef
  receivedAt?: string
  createdBy: PersonRef
  createdAt: string
  version: number
}

// ---------- requests ----------

const fileName = z.string().trim().min(1).max(200)
export const ScanUploadBody = z.strictObject({ fileName, contentType: z.string().trim().max(200), size: z.number().int().positive() })
export type ScanUploadBody = z.infer<typeof ScanUploadBody>

export const CreateFileBody = z.strictObject({
  unitId,
  code: z.string().trim().min(1).max(40),
  title: z.string().trim().min(3).max(300),
  startYear: z.number().int().min(1930).max(2100),
  endYear: z.number().int().min(1930).max(2100).optional(),
  retention: z.enum(['permanent', 'limited']).default('permanent'),
})
export type CreateFileBody = z.infer<typeof CreateFileBody>

export const CreateBatchBody = z.strictObject({
  fileId: archiveFileId,
  uploads: z.array(z.strictObject({ objectKey: z.string().min(1).max(300), fileName })).min(1).max(50),
})
export type CreateBatchBody = z.infer<typeof CreateBatchBody>

const fieldValue = z.string().trim().max(1000).nullable()
export const VerifyBody = z.strictObject({
  /** The values the clerk confirms; every field is given (unchanged ones as read). */
  fields: z.strictObject(Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldValue])) as Record<FieldName, typeof fieldValue>),
  version: z.number().int().positive(),
})
export type VerifyBody = z.infer<typeof VerifyBody>

export const UnitQuery = z.strictObject({ unitId })
export const FileQuery = z.strictObject({ unitId, status: z.enum(['open', 'closed']).optional() })

export const HandoverBody = z.strictObject({
  fromUnitId: unitId,
  toUnitId: unitId,
  reason: z.enum(['merge', 'split', 'dissolve']),
  date: isoDate,
})
export type HandoverBody = z.infer<typeof HandoverBody>
