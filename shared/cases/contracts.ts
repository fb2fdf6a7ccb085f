/**
 * The cases module's contracts: complaints, denunciations and reports of
 * signs of violation (khiếu nại, tố cáo, dấu hiệu vi phạm) of an inspection
 * commission, and voters' petitions (kiến nghị cử tri) with the follow-up of
 * council resolutions. Request bodies are strict. The denouncer's identity
 * is its own body field at intake and its own item afterwards: no summary,
 * list row or export type here has a place for it.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import type { PersonRef } from '../documents/contracts.js'

const text = (max: number) => z.string().trim().min(1).max(max)
const optText = (max: number) => z.string().trim().max(max).optional()
const versioned = { version: z.number().int().min(1) }

/** `<commission unit id>.c<random>`; `<office unit id>.k<random>` (petition); `<office>.r<random>` (resolution). */
export const caseId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.c[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const petitionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.k[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const resolutionId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.r[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const ownerOf = (id: string): string => id.slice(0, id.indexOf('.'))

// ---------- complaints, denunciations, violations ----------

export const CASE_TYPES = ['complaint', 'denunciation', 'violation'] as const
export type CaseType = (typeof CASE_TYPES)[number]
export const CASE_SOURCES = ['mail', 'reception', 'portal', 'transferred'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]
export const CASE_STATES = ['received', 'registered', 'classified', 'assigned', 'verifying', 'concluded', 'measures', 'forwarded', 'archived', 'closed'] as const
export type CaseState = (typeof CASE_STATES)[number]

/** Who denounced or complained: kept in its own item, read only by the chair and the assigned inspector, every read audited. */
export const Complainant = z.strictObject({
  fullName: text(200),
  address: optText(400),
  phone: optText(40),
  email: z.string().trim().email({ message: 'field.invalidEmail' }).max(200).optional(),
})
export type Complainant = z.infer<typeof Complainant>

export const IntakeBody = z.strictObject({
  commissionId: unitId,
  type: z.enum(CASE_TYPES),
  source: z.enum(CASE_SOURCES),
  /** The body it came from, when transferred. */
  fromBody: optText(300),
  receivedOn: isoDate.optional(),
  subject: text(300),
  summary: text(5000),
  /** The Party organisation or member the case is about. */
  concerns: text(300),
  anonymous: z.boolean().default(false),
  /** Absent when anonymous. */
  complainant: Complainant.optional(),
  /** For tests and drills: the seconds to the acceptance reminder and escalation instead of the working-day limit. */
  deadlineSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120).optional(),
}).refine((b) => b.anonymous || !!b.complainant, { message: 'case.complainantRequired', path: ['complainant'] })
  .refine((b) => !b.anonymous || !b.complainant, { message: 'case.anonymousWithIdentity', path: ['complainant'] })
  .refine((b) => b.source !== 'transferred' || !!b.fromBody, { message: 'field.required', path: ['fromBody'] })
export type IntakeBody = z.infer<typeof IntakeBody>

export const RegisterBody = z.strictObject({ ...versioned })
export const ClassifyBody = z.strictObject({
  ...versioned,
  withinCompetence: z.boolean(),
  /** For an anonymous denunciation: whether it names concrete evidence (only then is it handled). */
  concreteEvidence: z.boolean().optional(),
  note: optText(2000),
})
export const ForwardBody = z.strictObject({ ...versioned, toUnitId: unitId, note: optText(2000) })
export const AssignBody = z.strictObject({
  ...versioned,
  inspectorId: z.string().min(1).max(256),
  /** The last day of handling; beyond the legal limit only with `extension`. */
  handlingDue: isoDate.optional(),
  deadlineSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120).optional(),
})
export const ExtendBody = z.strictObject({ ...versioned, until: isoDate, reason: text(2000), deadlineSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120).optional() })
export const VerifyBody = z.strictObject({ ...versioned, text: text(10000) })
export const ConcludeBody = z.strictObject({ ...versioned, founded: z.enum(['founded', 'partly', 'unfounded']), text: text(10000) })
export const MEASURES = ['none', 'reprimand', 'warning', 'dismissal', 'expulsion', 'other'] as const
export const MeasuresBody = z.strictObject({ ...versioned, measure: z.enum(MEASURES), text: text(5000), executionDue: isoDate.optional() })
export const FollowUpBody = z.strictObject({ ...versioned, text: text(5000), executed: z.boolean().default(false) })
export const CloseBody = z.strictObject({ ...versioned, note: optText(2000) })

export const CaseListQuery = z.strictObject({
  commissionId: unitId,
  state: z.enum(CASE_STATES).optional(),
  /** Words of the subject, summary or the organisation/member concerned (never the denouncer). */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(200).regex(/^[0-9TZ:.\-]+#[a-z0-9.-]+$/, { message: 'field.invalidFormat' }).optional(),
})
export type CaseListQuery = z.infer<typeof CaseListQuery>
export const CaseExportQuery = z.strictObject({ commissionId: unitId })
export const CaseKpiQuery = z.strictObject({ commissionId: unitId })

export interface CaseEvent { at: string; by: PersonRef; step: string; text?: string }
export interface Deadline { due: string; legalDue: string; limitDays: number; source: string; verified: boolean; extendedTo?: string; remindedAt?: string; escalatedAt?: string }

/** A case as the table keeps it — no identity of the complainant here. */
export interface Case {
  caseId: string
  commissionId: string
  /** Kept in the register: "KN-2026-0001". */
  registerNo?: string
  type: CaseType
  source: CaseSource
  fromBody?: string
  receivedOn: string
  subject: string
  summary: string
  concerns: string
  anonymous: boolean
  /** Whether an identity item exists (never its content). */
  hasIdentity: boolean
  state: CaseState
  withinCompetence?: boolean
  forwardedTo?: { unitId: string; name: string }
  inspector?: PersonRef
  acceptance: Deadline
  handling?: Deadline
  extension?: { until: string; reason: string; by: PersonRef; at: string }
  verifications: { at: string; by: PersonRef; text: string }[]
  conclusion?: { at: string; by: PersonRef; founded: 'founded' | 'partly' | 'unfounded'; text: string }
  measures?: { at: string; by: PersonRef; measure: (typeof MEASURES)[number]; text: string; executionDue?: string }
  followUps: { at: string; by: PersonRef; text: string; executed: boolean }[]
  events: CaseEvent[]
  sealedAt?: string
  /** Handled within the legal limit (set on closing). */
  withinLimit?: boolean
  executionArn?: string
  createdAt: string
  updatedAt: string
  version: number
}

export interface CaseIdentity { caseId: string; commissionId: string; complainant: Complainant; createdAt: string }

export type CaseSummary = Pick<Case, 'caseId' | 'registerNo' | 'type' | 'source' | 'receivedOn' | 'subject' | 'concerns' | 'state' | 'anonymous' | 'inspector' | 'version'> & { due?: string; overdue: boolean }
export interface CasePage { cases: CaseSummary[]; next?: string }
export interface CaseKpis { commissionId: string; received: number; closed: number; closedWithinLimit: number; open: number; overdue: number; withinLimitPercent: number | null }

// ---------- voters' petitions and resolutions ----------

export const PETITION_STATES = ['received', 'forwarded', 'answered', 'published'] as const
export type PetitionState = (typeof PETITION_STATES)[number]
export const PETITION_RESULTS = ['solved', 'in-progress', 'explained'] as const
export type PetitionResult = (typeof PETITION_RESULTS)[number]

export const PetitionBody = z.strictObject({
  officeUnitId: unitId,
  text: text(5000),
  meeting: text(300),
  place: text(300),
  meetingOn: isoDate,
  area: text(200),
  topic: text(200),
  agencyUnitId: unitId,
  term: z.string().regex(/^\d{4}-\d{4}$/, { message: 'field.invalidFormat' }).default('2021-2026'),
})
export type PetitionBody = z.infer<typeof PetitionBody>
export const PetitionForwardBody = z.strictObject({ ...versioned, answerDue: isoDate.optional() })
export const PetitionAnswerBody = z.strictObject({ ...versioned, answer: text(10000), result: z.enum(PETITION_RESULTS), answeredOn: isoDate.optional() })
export const PetitionPublishBody = z.strictObject({ ...versioned })
export const PetitionListQuery = z.strictObject({ officeUnitId: unitId, state: z.enum(PETITION_STATES).optional(), q: z.string().trim().max(200).optional() })

export interface Petition {
  petitionId: string
  officeUnitId: string
  term: string
  text: string
  meeting: string
  place: string
  meetingOn: string
  area: string
  topic: string
  agencyUnitId: string
  agencyName: string
  state: PetitionState
  forwardedOn?: string
  answerDue?: string
  answer?: { text: string; result: PetitionResult; answeredOn: string; by: PersonRef }
  publishedOn?: string
  events: CaseEvent[]
  createdAt: string
  updatedAt: string
  version: number
}

export const ResolutionBody = z.strictObject({
  officeUnitId: unitId,
  number: text(60),
  title: text(300),
  session: text(200),
  adoptedOn: isoDate,
})
export const ResolutionTaskBody = z.strictObject({ title: text(300), leadUnitId: unitId, deadline: isoDate, description: optText(5000) })
export const ResolutionListQuery = z.strictObject({ officeUnitId: unitId })

export interface Resolution {
  resolutionId: string
  officeUnitId: string
  number: string
  title: string
  session: string
  adoptedOn: string
  taskIds: string[]
  createdAt: string
  updatedAt: string
  version: number
}
