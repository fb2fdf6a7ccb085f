/**
 * The Party members module's contracts: the member record (hồ sơ đảng viên),
 * fee payments, transfers of Party activity, as the API returns them, and
 * the request bodies it accepts (strict: unknown fields are rejected).
 * Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { FEE_AREAS, FEE_CATEGORIES, MONTH_PATTERN, type Exemption, type FeeArea, type FeeCategory, type IncomeEntry, type Reduction } from './fees.js'

export const month = z.string().regex(MONTH_PATTERN, { message: 'field.invalidMonth' })
/** Whole đồng: an integer, not negative, below 1 billion a month (a figure in thousands or with decimals is refused). */
export const dong = z.number().refine((n) => Number.isInteger(n) && n >= 0 && n <= 999_999_999, { message: 'field.invalidAmount' })
/** Số thẻ đảng viên: digits (8 to 12 in practice). */
export const cardNumber = z.string().trim().regex(/^\d{6,12}$/, { message: 'field.invalidCardNumber' })
/** Số lý lịch đảng viên: letters, digits, dots, dashes and slashes. */
export const recordNumber = z.string().trim().regex(/^[A-Za-z0-9./-]{3,30}$/, { message: 'field.invalidFormat' })
export const memberId = z.string().regex(/^m-[a-z0-9]{6,40}$/, { message: 'field.invalidFormat' })
export const transferId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.tr-[a-z0-9]{8,40}$/, { message: 'field.invalidFormat' })

export type CommentExemption = 'barracks' | 'working-away' | 'full-time-study' | 'student-away'

export const MEMBER_STATUSES = ['active', 'temporarily-away', 'transferring', 'transferred-out', 'removed', 'deceased'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export interface TransferHistoryEntry {
  at: string
  kind: 'official' | 'temporary' | 'bulk' | 'admission'
  fromUnitId?: string
  toUnitId?: string
  /** Outside the city: the receiving organisation's name. */
  toName?: string
  transferId?: string
}

export interface PartyMember {
  memberId: string
  fullName: string
  birthDate?: string
  cardNumber: string
  recordNumber: string
  admissionDate: string
  officialDate?: string
  /** The cell the member belongs to (chi bộ sinh hoạt chính thức). */
  cellId: string
  status: MemberStatus
  /** The login account, when the member uses the handbook. */
  userId?: string
  username?: string
  workplace?: string
  residence?: string
  /** The cell where the member lives, when it is not their own (for the yearly residence-cell comment). */
  residenceCellId?: string
  /** Exempt from the residence-cell comment (213-QĐ/TW): barracks-based forces, working away, full-time study ≥ 12 months, students away. */
  commentExemption?: CommentExemption
  phone?: string
  email?: string
  fee: { category: FeeCategory; area: FeeArea; incomes: IncomeEntry[]; exemptions: Exemption[]; reductions: Reduction[] }
  history: TransferHistoryEntry[]
  /** Set while an official or temporary transfer is open. */
  openTransferId?: string
  version: number
  createdAt: string
  updatedAt: string
}

const text = (max: number) => z.string().trim().min(2).max(max)
const IncomeBody = z.strictObject({ from: month, amount: dong })
const ExemptionBody = z.strictObject({ reason: z.enum(['social-pension', 'poor-household', 'other']), from: month, to: month.optional() })
const ReductionBody = z.strictObject({ percent: z.union([z.literal(30), z.literal(50), z.literal(70)], { message: 'field.invalidReduction' }), from: month, to: month })

export const FeeProfileBody = z.strictObject({
  category: z.enum(FEE_CATEGORIES),
  area: z.enum(FEE_AREAS).default('city-ward'),
  incomes: z.array(IncomeBody).max(240).default([]),
  exemptions: z.array(ExemptionBody).max(20).default([]),
  reductions: z.array(ReductionBody).max(20).default([]),
})

export const CreateMemberBody = z.strictObject({
  fullName: text(120),
  birthDate: isoDate.optional(),
  cardNumber,
  recordNumber,
  admissionDate: isoDate,
  officialDate: isoDate.optional(),
  cellId: unitId,
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { message: 'field.invalidFormat' }).optional(),
  workplace: text(200).optional(),
  residence: text(200).optional(),
  residenceCellId: unitId.optional(),
  commentExemption: z.enum(['barracks', 'working-away', 'full-time-study', 'student-away']).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'field.invalidFormat' }).optional(),
  email: z.email({ message: 'field.invalidEmail' }).optional(),
  fee: FeeProfileBody,
}).refine((b) => !b.officialDate || b.officialDate >= b.admissionDate, { message: 'field.officialBeforeAdmission', path: ['officialDate'] })
export type CreateMemberBody = z.infer<typeof CreateMemberBody>

export const UpdateFeeProfileBody = z.strictObject({ fee: FeeProfileBody, version: z.number().int().nonnegative() })

export const ListMembersQuery = z.strictObject({ cellId: unitId, status: z.enum(MEMBER_STATUSES).optional() })
/** Members in reach whose name, card or record number matches (without diacritics). */
export const MemberSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) })
/** An uploaded member list (XLSX/CSV); `dryRun` checks every row and writes nothing. */
export const MemberImportBody = z.strictObject({ objectKey: z.string().min(1).max(300), dryRun: z.boolean().default(false) })

/* ------------------------------------------------------------------ fees */

export const AssessBody = z.strictObject({ cellId: unitId, month })
export const CashPaymentBody = z.strictObject({
  memberId,
  month,
  amount: dong.refine((n) => n > 0, { message: 'field.invalidAmount' }),
  /** The currency is always VND; anything else is refused rather than converted. */
  currency: z.literal('VND', { message: 'field.invalidCurrency' }).default('VND'),
  note: z.string().trim().max(200).optional(),
})
export const RemittanceBody = z.strictObject({ cellId: unitId, month })
export const SheetQuery = z.strictObject({ cellId: unitId, month })
/** With `month`: that month's remittance; without: the cell's history. */
export const RemittanceQuery = z.strictObject({ cellId: unitId, month: month.optional() })

export interface FeeEntry { memberId: string; month: string; amount: number; rule: string; status: string; base?: number; reductionPercent?: number; reason?: string; assessedAt: string }
export interface PaymentEntry { memberId: string; paymentId: string; month: string; amount: number; channel: 'cash' | 'portal'; paidAt: string; recordedBy: { userId: string; fullName: string }; portalRef?: string; note?: string }

/* ------------------------------------------------------------- transfers */

/**
 * pending: in the approval chain; issued: letter issued, waiting for the receiving cell; overdue: not presented within 30 working days;
 * accepted: the member now belongs to the receiving cell (temporary: is away); handed-off: outside the city, package exported;
 * removal-proposed: not presented within 3 months; returned: back from a temporary transfer; rejected / expired: closed in the chain.
 */
export const TRANSFER_STATUSES = ['pending', 'issued', 'overdue', 'accepted', 'handed-off', 'removal-proposed', 'returned', 'rejected', 'expired'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

export interface ApprovalStep {
  stage: 'cell' | 'grassroots' | 'issuer'
  unitId: string
  /** The issuer step may also be decided by the issuing committee's Organisation Board. */
  alsoUnitIds: string[]
  decision?: { approved: boolean; comment?: string; by: { userId: string; fullName: string }; at: string }
  escalatedAt?: string
}

export interface Transfer {
  transferId: string
  kind: 'official' | 'temporary'
  memberId: string
  memberName: string
  fromCellId: string
  /** Within the city: the receiving cell. */
  toUnitId?: string
  /** Outside the city: the receiving Party organisation, by name. */
  toOutside?: { name: string; province: string }
  reason: string
  /** Temporary transfer: the period away. */
  until?: string
  from?: string
  purpose?: 'work' | 'study'
  status: TransferStatus
  steps: ApprovalStep[]
  /** Index of the step awaiting a decision. */
  currentStep: number
  taskToken?: string
  stageDeadlineAt?: string
  acceptBy?: string
  filedBy: { userId: string; fullName: string; via: 'app' | 'portal' }
  portalRef?: string
  letter?: { registerNumber: string; objectKey: string; issuedAt: string; feesPaidUpTo?: string; sha256: string }
  acceptedBy?: { userId: string; fullName: string; at: string; comment?: string }
  /** Temporary transfer: the return or extension answering the current return wait (cleared when the next wait starts); the return timer yields to it. */
  returnAnswer?: { outcome: 'returned'; at: string } | { outcome: 'extended'; until: string; at: string }
  deadlines: { approvalSeconds: number; acceptSeconds: number; lateSeconds: number }
  /** Deadlines set by an officer (a drill or test) rather than the working-day calendar. */
  drill?: boolean
  history: { at: string; status: string; by: string; note?: string }[]
  executionArn?: string
  version: number
  createdAt: string
  updatedAt: string
}

export const CreateTransferBody = z.strictObject({
  kind: z.enum(['official', 'temporary']).default('official'),
  /** Filed by the cell for one of its members; a member filing for themselves leaves it out. */
  memberId: memberId.optional(),
  toUnitId: unitId.optional(),
  toOutside: z.strictObject({ name: text(200), province: text(100) }).optional(),
  reason: text(500),
  /** Temporary transfer: first and last day away. */
  from: isoDate.optional(),
  until: isoDate.optional(),
  purpose: z.enum(['work', 'study']).optional(),
  /** Officers only: shorter deadlines (seconds) for a drill or a test. */
  deadlines: z.strictObject({
    approvalSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120),
    acceptSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120),
    lateSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120),
  }).optional(),
}).refine((b) => (b.toUnitId ? 1 : 0) + (b.toOutside ? 1 : 0) === 1, { message: 'field.transferDestination', path: ['toUnitId'] })
export type CreateTransferBody = z.infer<typeof CreateTransferBody>

export const DecisionBody = z.strictObject({ approved: z.boolean(), comment: z.string().trim().max(500).optional() })
export const AcceptBody = z.strictObject({ comment: z.string().trim().max(500).optional() })
export const ExtendBody = z.strictObject({ until: isoDate, reason: text(500) })

/** What the handbook shows a member about themselves. */
export interface Handbook {
  member: PartyMember
  cell: { unitId: string; name: string }
  fees: { months: { month: string; due: number; paid: number; owed: number; status: string }[]; arrears: number; paidUpTo?: string; flaggedYears: number[]; payments: PaymentEntry[] }
  transfers: Transfer[]
  /** Notices, invitations and the system's notices, newest first. */
  notices?: HandbookNotice[]
}

/* ----------------------------------------------------- bulk transfer */

export const BulkTransferBody = z.strictObject({
  /** The client's id for the operation: sending it again resumes the same operation. */
  operationId: z.string().regex(/^[a-z0-9-]{8,64}$/, { message: 'field.invalidFormat' }),
  moves: z.array(z.strictObject({ fromCellId: unitId, toCellId: unitId })).min(1).max(200),
  reason: text(500),
  /** Members to move in this call at most (the rest with the next call). */
  batch: z.number().int().min(1).max(5000).optional(),
})
export type BulkTransferBody = z.infer<typeof BulkTransferBody>

export interface BulkTransfer {
  operationId: string
  reason: string
  moves: { fromCellId: string; toCellId: string; memberIds: string[] }[]
  /** Members moved so far, by id. */
  moved: string[]
  status: 'running' | 'done'
  startedBy: { userId: string; fullName: string }
  report?: BulkReport
  version: number
  createdAt: string
  updatedAt: string
}

export interface BulkReport {
  moves: { fromCellId: string; toCellId: string; expected: number; inDestination: number; leftInSource: number }[]
  expected: number
  moved: number
  /** Members of the snapshot found neither in their destination (lost). */
  lost: string[]
  /** Members listed twice in the snapshot (in two source cells). */
  duplicated: string[]
  /** The names of the lost and duplicated members, for the report (never their ids). */
  names?: Record<string, string>
  balanced: boolean
}

/* ------------------------------------------------ residence-cell comment */

/** The criteria of the residence cell's comment (213-QĐ/TW; 33-HD/BTCTU). */
export const COMMENT_CRITERIA = ['example', 'civicDuties', 'meetings', 'contact', 'residentsViews'] as const
export type CommentCriterion = (typeof COMMENT_CRITERIA)[number]

export interface CommentRequest {
  commentId: string
  year: number
  memberId: string
  memberName: string
  workplaceCellId: string
  residenceCellId: string
  /** The commune/ward committee that confirms (the residence cell's parent). */
  confirmingUnitId: string
  status: 'requested' | 'escalated' | 'filled' | 'confirmed' | 'returned' | 'expired'
  form?: { criteria: Record<CommentCriterion, boolean>; conclusion: 'good' | 'not-good'; note?: string; by: { userId: string; fullName: string }; at: string }
  confirmation?: { by: { userId: string; fullName: string }; at: string; note?: string }
  taskToken?: string
  deadlineAt: string
  deadlineSeconds: number
  history: { at: string; status: string; by: string; note?: string }[]
  version: number
  createdAt: string
  updatedAt: string
}

export const CampaignBody = z.strictObject({
  cellId: unitId,
  year: z.number().int().min(2020).max(2100),
  /** Officers may set a shorter deadline (seconds) for a drill or a test. */
  deadlineSeconds: z.number().int().min(1).max(60 * 60 * 24 * 120).optional(),
})
export const CommentFormBody = z.strictObject({
  criteria: z.strictObject(Object.fromEntries(COMMENT_CRITERIA.map((c) => [c, z.boolean()])) as Record<CommentCriterion, z.ZodBoolean>),
  conclusion: z.enum(['good', 'not-good']),
  note: z.string().trim().max(1000).optional(),
})
export const ConfirmBody = z.strictObject({ note: z.string().trim().max(500).optional() })
/** Without a cell: the requests waiting on the caller; with one: that workplace cell's campaign. */
export const CommentsQuery = z.strictObject({ cellId: unitId.optional(), year: z.coerce.number().int().min(2020).max(2100).optional() })
export const commentId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.cm-\d{4}-m-[a-z0-9]{6,40}$/, { message: 'field.invalidFormat' })

/* ------------------------------------------------ notices and invitations */

export const noticeId = z.string().regex(/^(nt-[a-z0-9]{8,40}|sys\.m-[a-z0-9]{6,40}\.[a-z0-9.-]{3,120})$/, { message: 'field.invalidFormat' })
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'field.invalidDate' })

/** A notice (thông báo) or an invitation (giấy mời: a meeting with time, place, agenda) to a unit's subtree or to named members. */
export const NoticeUnitQuery = z.strictObject({ unitId })
export const NoticeBody = z.strictObject({
  kind: z.enum(['notice', 'invitation']),
  title: text(200),
  body: z.string().trim().max(4000).optional(),
  meeting: z.strictObject({ at: localDateTime, place: text(300), agenda: text(2000) }).optional(),
  /** The unit whose cells' members receive it (its whole subtree)… */
  unitId: unitId.optional(),
  /** …or named members (at most 90: the notice and its pointers are one transaction). */
  memberIds: z.array(memberId).min(1).max(90).optional(),
}).refine((b) => (b.unitId ? 1 : 0) + (b.memberIds ? 1 : 0) === 1, { message: 'field.noticeAudience', path: ['unitId'] })
  .refine((b) => b.kind !== 'invitation' || !!b.meeting, { message: 'field.required', path: ['meeting'] })
export type NoticeBody = z.infer<typeof NoticeBody>

export interface PartyNotice {
  noticeId: string
  kind: 'notice' | 'invitation'
  title: string
  body?: string
  meeting?: { at: string; place: string; agenda: string }
  unitId?: string
  memberIds?: string[]
  /** The unit on whose behalf it was posted (the audience unit, or the officer's unit for named members). */
  fromUnitId: string
  postedBy: { userId: string; fullName: string }
  createdAt: string
}

/** What a member sees in the handbook: posted notices and the system's own (transfer progress, return reminder, arrears flag, comment request). */
export interface HandbookNotice {
  noticeId: string
  kind: 'notice' | 'invitation' | 'system'
  title: string
  body?: string
  meeting?: { at: string; place: string; agenda: string }
  from?: string
  createdAt: string
  read?: string
}
