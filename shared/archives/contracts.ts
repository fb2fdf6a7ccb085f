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
import type { FileRetention } from './retention.js'

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
  /** The file plan's class and its period, fixed when the file is opened (retention.ts). */
  retention: FileRetention
  /** The unit that keeps it now (the fonds owner until a handover). */
  custodianUnitId: string
  custody: CustodyStep[]
  /** `destroyed` once disposed of: the content is gone, this record and its destruction record stay. */
  status: 'open' | 'closed' | 'destroyed'
  /** The year the file closed (the cut-off is its 31 December). */
  closedYear?: number
  closedAt?: string
  /** Holds in force on the file (a case, an inspection): no disposition while any is. */
  holdIds?: string[]
  /** How the file left the unit's current archive. */
  disposition?: { kind: 'destroyed' | 'transferred'; dispositionId: string; at: string; toUnitId?: string }
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

export interface HandoverFile { fileId: string; code: string; title: string; documents: { scanDocumentId: string; symbol: string | null; pdfSha256?: string }[]; sha256: string }

export interface Handover {
  handoverId: string
  fromUnitId: string
  toUnitId: string
  reason: 'merge' | 'split' | 'dissolve'
  date: string
  /**
   * The inventory lives in one item per file under the handover's key
   * (`HandoverFile`, paged), so a handover of thousands of files is no
   * single item; handovers written before kept it here.
   */
  files?: HandoverFile[]
  /** How many files the handover carries. */
  fileCount: number
  /** Which files of the fonds the rule sends to this receiver (a merge: permanent ones to the historical archive, the rest to the successor). */
  scope?: 'permanent' | 'limited' | 'all'
  /** The last file (by id) whose custody has moved: custody moves in id order, so the next chunk starts after it. */
  movedThrough?: string
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
  /** The file plan's class (retention.ts), chosen when the file is opened. */
  retentionClass: z.string().trim().regex(/^\d{2}\.\d{2}$/, { message: 'field.invalidFormat' }),
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

/**
 * The receiver and the reason follow from how the unit ended (rules.ts):
 * `toUnitId` picks one of the rule's receivers (a merge has two) and any
 * other is refused; a `reason` other than the unit's end is refused.
 */
export const HandoverBody = z.strictObject({
  fromUnitId: unitId,
  toUnitId: unitId.optional(),
  reason: z.enum(['merge', 'split', 'dissolve']).optional(),
  date: isoDate,
})
export type HandoverBody = z.infer<typeof HandoverBody>

// ---------- records management (issue 21): file plan, holds, disposition ----------

export const holdId = ownedId('l')
export const dispositionId = ownedId('d')

/** A hold (a case, an inspection) suspends the disposition of its files until released. */
export interface ArchiveHold {
  holdId: string
  unitId: string
  kind: 'case' | 'inspection'
  reason: string
  reference?: string
  fileIds: string[]
  status: 'active' | 'released'
  placedBy: PersonRef
  placedAt: string
  releasedBy?: PersonRef
  releasedAt?: string
  releaseNote?: string
  version: number
}

/** One file in a disposition: destroyed when its period has ended, transferred to the historical archive when permanent. */
export interface DispositionItem {
  fileId: string
  code: string
  title: string
  classCode: string
  className: { vi: string; en: string }
  period: 'permanent' | number
  closedYear: number
  action: 'destroy' | 'transfer'
  /** What the council decided: the proposed action, or keep (the file stays in the unit's archive). */
  decision?: 'destroy' | 'transfer' | 'keep'
  /** Why the council kept it, when it gave a reason. */
  keepReason?: string
  /** Done: destroyed or transferred. */
  done?: boolean
}

/**
 * A year's disposition (xét hủy / nộp lưu): proposed by the archive's
 * clerk, decided by the appraisal council, then carried out — the files to
 * destroy lose their content (a signed destruction record stays), the
 * permanent ones move to the historical archive with their inventory.
 */
export interface Disposition {
  dispositionId: string
  unitId: string
  year: number
  items: DispositionItem[]
  status: 'proposed' | 'approved' | 'rejected' | 'carrying-out' | 'done'
  note?: string
  proposedBy: PersonRef
  proposedAt: string
  council?: { approved: boolean; chair: string; members: string[]; note?: string; decidedBy: PersonRef; decidedAt: string }
  /** The historical archive the permanent files go to (by the rule, not chosen). */
  archiveUnitId?: string
  recordKey?: string
  recordSha256?: string
  inventoryKey?: string
  completedBy?: PersonRef
  completedAt?: string
  version: number
}

const personName = z.string().trim().min(3).max(120)
export const FileCloseBody = z.strictObject({ version: z.number().int().positive() })
export const HoldBody = z.strictObject({
  unitId,
  kind: z.enum(['case', 'inspection']),
  reason: z.string().trim().min(3).max(500),
  reference: z.string().trim().max(100).optional(),
  /** At most 80 files per hold: the hold and its files are written in one transaction. */
  fileIds: z.array(archiveFileId).min(1).max(80),
})
export type HoldBody = z.infer<typeof HoldBody>
export const ReleaseHoldBody = z.strictObject({ note: z.string().trim().min(3).max(500), version: z.number().int().positive() })
export type ReleaseHoldBody = z.infer<typeof ReleaseHoldBody>
export const DueQuery = z.strictObject({ unitId, year: z.coerce.number().int().min(1990).max(2200) })
export const ProposeDispositionBody = z.strictObject({
  unitId,
  year: z.number().int().min(1990).max(2200),
  fileIds: z.array(archiveFileId).min(1).max(300),
  note: z.string().trim().max(1000).optional(),
})
export type ProposeDispositionBody = z.infer<typeof ProposeDispositionBody>
export const CouncilDecisionBody = z.strictObject({
  version: z.number().int().positive(),
  approved: z.boolean(),
  chair: personName,
  members: z.array(personName).min(2).max(15),
  note: z.string().trim().max(1000).optional(),
  /** Files the council keeps instead of the proposed action. */
  keep: z.array(archiveFileId).max(300).default([]),
  /** Why the council keeps a file (shown in the disposition report); only for files it keeps. */
  keepReasons: z.array(z.strictObject({ fileId: archiveFileId, reason: z.string().trim().min(3).max(500) })).max(300).default([]),
})
export type CouncilDecisionBody = z.infer<typeof CouncilDecisionBody>
export const VersionBody = z.strictObject({ version: z.number().int().positive() })
const paperFormat = z.enum(['xlsx', 'pdf']).default('xlsx')
export const InventoryQuery = z.strictObject({ unitId, format: paperFormat })
export const DispositionReportQuery = z.strictObject({ unitId, year: z.coerce.number().int().min(1990).max(2200), format: paperFormat })

export const HandoverRoutesQuery = z.strictObject({ fromUnitId: unitId })
export const HandoverFilesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last file id of the previous page. */
  after: archiveFileId.optional(),
})
