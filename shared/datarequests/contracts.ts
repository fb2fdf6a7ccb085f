/**
 * The data requests module's contracts (yêu cầu số liệu kinh tế - xã hội): a
 * form of indicators (name, unit of measure, type, optional range, optional
 * "total of" relation), a period and a deadline on the working-day
 * calendar, sent by a committee to many units at once; each recipient unit
 * answers once (and may correct its answer until the request is closed).
 * Request bodies are strict. Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import type { PersonRef } from '../documents/contracts.js'

/** `<owner unit id>.r<random>`: the unit that sent the request is part of its id, so its key derives from it. */
export const dataRequestId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.r[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const dataRequestOwnerOf = (id: string): string => id.slice(0, id.indexOf('.'))
const text = (max: number) => z.string().trim().min(1).max(max)

export const INDICATOR_TYPES = ['number', 'integer', 'percent', 'text'] as const
export type IndicatorType = (typeof INDICATOR_TYPES)[number]
/** Indicators whose values add up (a total, a sum in the consolidated table). */
export const NUMERIC_TYPES: readonly IndicatorType[] = ['number', 'integer', 'percent']

/** The code of an indicator as the form numbers it ("1", "1.2", "A3"): the link between the form, the XLSX and the totals. */
export const indicatorCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/, { message: 'field.invalidFormat' })

export const Indicator = z.strictObject({
  code: indicatorCode,
  name: text(300),
  /** Unit of measure as written on the form: "tỷ đồng", "%", "người", "hộ". */
  unit: z.string().trim().max(40).default(''),
  type: z.enum(INDICATOR_TYPES),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Every indicator must be answered unless marked optional. */
  optional: z.boolean().default(false),
  /** This indicator is the sum of these (codes of numeric indicators of the same form). */
  totalOf: z.array(indicatorCode).max(50).optional(),
})
export type Indicator = z.infer<typeof Indicator>

export const DataRequestBody = z.strictObject({
  title: text(300),
  description: z.string().trim().max(5000).optional(),
  /** The period the figures are about (first and last day). */
  periodFrom: isoDate,
  periodTo: isoDate,
  /** The last day to answer (a working day, today or later). */
  deadline: isoDate,
  indicators: z.array(Indicator).min(1).max(60),
  recipientUnitIds: z.array(unitId).min(1).max(2000),
  /** Send at once (otherwise a draft). */
  send: z.boolean().default(false),
})
export type DataRequestBody = z.infer<typeof DataRequestBody>

const versioned = { version: z.number().int().min(1) }
export const SendBody = z.strictObject({ ...versioned })
export const CloseBody = z.strictObject({ ...versioned })
export const RemindBody = z.strictObject({
  /** The units to remind; without it, every recipient that has not answered. */
  unitIds: z.array(unitId).max(2000).optional(),
})
export const AnswerValue = z.union([z.number().finite(), z.string().max(2000), z.null()])
export const AnswerBody = z.strictObject({
  values: z.record(indicatorCode, AnswerValue),
  note: z.string().trim().max(2000).optional(),
})
export type AnswerBody = z.infer<typeof AnswerBody>
export const UploadBody = z.strictObject({ fileName: text(200), contentType: z.string().max(200), size: z.number().int().min(1) })
export const ImportAnswerBody = z.strictObject({ objectKey: text(400), dryRun: z.boolean().default(false) })
export const ExportQuery = z.strictObject({ format: z.enum(['xlsx', 'pdf']).default('xlsx') })

export const DATA_REQUEST_VIEWS = ['sent', 'received'] as const
export const DataRequestListQuery = z.strictObject({
  view: z.enum(DATA_REQUEST_VIEWS).default('sent'),
  /** Words of the title, the description or an indicator's name (diacritics do not matter). */
  q: z.string().trim().max(200).optional(),
})
export type DataRequestListQuery = z.infer<typeof DataRequestListQuery>
export const RecipientQuery = z.strictObject({ q: z.string().trim().max(200).default('') })
export const DataRequestKpiQuery = z.strictObject({ unitId })

// ---------- entities ----------

export const DATA_REQUEST_STATUSES = ['draft', 'sent', 'closed'] as const
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number]
/** A recipient's state: waiting (before the deadline), answered, or late (the deadline passed without an answer). */
export type RecipientStatus = 'pending' | 'answered' | 'late'

export interface DataRequest {
  requestId: string
  ownerUnitId: string
  title: string
  description?: string
  periodFrom: string
  periodTo: string
  deadline: string
  indicators: Indicator[]
  recipientUnitIds: string[]
  status: DataRequestStatus
  createdBy: PersonRef
  sentAt?: string
  sentBy?: PersonRef
  closedAt?: string
  closedBy?: PersonRef
  /** The scheduled reminders already sent (`due#<deadline>`, `late#<deadline>`): each once. */
  autoReminders?: string[]
  /** The last manual reminder (when, how many units). */
  lastReminder?: { at: string; by: PersonRef; units: number }
  createdAt: string
  updatedAt: string
  version: number
}

export type AnswerValues = Record<string, number | string | null>

export interface DataAnswer {
  requestId: string
  unitId: string
  values: AnswerValues
  note?: string
  via: 'form' | 'xlsx'
  answeredBy: PersonRef
  /** First answer (the on-time judgement) and the last correction. */
  firstAnsweredAt: string
  answeredAt: string
  /** Việt Nam date of the first answer. */
  answeredOn: string
  version: number
}

/** One row of the row-by-row report of an uploaded XLSX answer. */
export interface AnswerImportRow { row: number; ok: boolean; code?: string; errors: { column?: string; code: string; message: string }[] }
export interface AnswerImportReport { total: number; accepted: number; rejected: number; dryRun: boolean; rows: AnswerImportRow[] }
