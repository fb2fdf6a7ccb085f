/**
 * The organisation module's contracts: entities as the API returns them and
 * the request bodies it accepts (strict: unknown fields are rejected).
 * Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { LEVELS, UNIT_KIND_IDS } from './levels.js'
import { CLEARANCES, ROLE_IDS } from './roles.js'
import type { ChainableEntry } from '../audit/chain.js'

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.invalidDate', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'field.invalidDate' })
export const unitId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'field.invalidFormat' })
/** Codes used in document symbols: TU, VPTU, BTCTU, ĐU, CB ... (Vietnamese capitals allowed). */
export const unitCode = z.string().trim().min(1).max(20).regex(/^[A-ZĐ][A-ZĐa-zđ0-9]*$/u, { message: 'field.invalidFormat' })
const name = z.string().trim().min(2).max(200)
export const levelId = z.enum(LEVELS.map((l) => l.id) as [string, ...string[]])
export const unitKind = z.enum(UNIT_KIND_IDS)
export const role = z.enum(ROLE_IDS)
export const clearance = z.enum(CLEARANCES)

export interface DatedParent { parentId: string | null; from: string; to?: string }
export interface DatedName { name: string; code: string; from: string; to?: string }

export interface Unit {
  unitId: string
  code: string
  name: string
  level: string
  kind: z.infer<typeof unitKind>
  parentId: string | null
  validFrom: string
  validTo?: string
  /** History of parents and names: the as-of-date tree reads these. */
  parents: DatedParent[]
  names: DatedName[]
  predecessors: string[]
  successors: { unitId: string; share?: number }[]
  /** How the unit ended, when it did. */
  endedBy?: 'merge' | 'split' | 'dissolve'
  version: number
  createdAt: string
  updatedAt: string
}

export const CreateUnitBody = z.strictObject({
  unitId: unitId.optional(),
  code: unitCode,
  name,
  level: levelId,
  kind: unitKind,
  parentId: unitId,
  validFrom: isoDate.optional(),
})
export type CreateUnitBody = z.infer<typeof CreateUnitBody>

export const UpdateUnitBody = z.strictObject({
  name: name.optional(),
  code: unitCode.optional(),
  kind: unitKind.optional(),
  /** When the rename takes effect (default: today). */
  effectiveDate: isoDate.optional(),
  version: z.number().int().nonnegative(),
}).refine((b) => b.name !== undefined || b.code !== undefined || b.kind !== undefined, { message: 'field.required', path: ['name'] })
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>

export const MoveUnitBody = z.strictObject({
  newParentId: unitId,
  effectiveDate: isoDate.optional(),
  version: z.number().int().nonnegative(),
})
export type MoveUnitBody = z.infer<typeof MoveUnitBody>

export const TreeQuery = z.strictObject({
  asOf: isoDate.optional(),
  includeEnded: z.enum(['true', 'false']).optional(),
  /** Only this many levels below the roots (each node says how many children it has): a page that opens a level at a time. */
  levels: z.coerce.number().int().min(0).max(10).optional(),
  /** The children of this unit only (one level), instead of the caller's roots. */
  parentId: z.string().min(1).max(120).optional(),
  /** Units whose name or code contains these words (diacritics ignored), within reach, at most 20 (a picker's search). */
  q: z.string().trim().min(1).max(100).optional(),
  /**
   * `directory`: the search (or the `ids` look-up) covers every unit of the
   * city, not only the caller's reach — the address book a sender picks
   * recipients and destinations from; each match carries its name, code and
   * parents' names only.
   */
  scope: z.enum(['reach', 'directory']).optional(),
  /** Names of these units (comma-separated, at most 50), from the directory: a page naming units it was given by id. */
  ids: z.string().trim().min(1).max(3000).optional(),
})
export type TreeQuery = z.infer<typeof TreeQuery>

/** A person's position and role in one unit. */
export const Assignment = z.strictObject({
  unitId,
  role,
  position: z.string().trim().max(120).optional(),
  /**
   * The temporary transfer (sinh hoạt đảng tạm thời) that granted this member role: the person
   * attends the temporary cell and does not vote there; removed at the return.
   */
  temporaryTransferId: z.string().min(1).max(200).optional(),
})
export type Assignment = z.infer<typeof Assignment>
/** Whether the role carries a vote in its unit (a temporary transfer's role does not). */
export const hasVotingRights = (a: Pick<Assignment, 'temporaryTransferId'>): boolean => !a.temporaryTransferId

export interface User {
  userId: string
  username: string
  fullName: string
  email?: string
  phone?: string
  clearance: z.infer<typeof clearance>
  mfa: boolean
  status: 'active' | 'disabled'
  assignments: Assignment[]
  version: number
  createdAt: string
  updatedAt: string
}

export const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { message: 'field.invalidFormat' })
export const CreateUserBody = z.strictObject({
  username,
  fullName: name,
  email: z.email({ message: 'field.invalidEmail' }).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'field.invalidFormat' }).optional(),
  clearance: clearance.default('internal'),
  mfa: z.boolean().default(false),
  assignments: z.array(Assignment).min(1).max(20),
  /** Initial password; generated and mailed when absent. */
  password: z.string().min(10).max(128).optional(),
})
export type CreateUserBody = z.infer<typeof CreateUserBody>

export const UpdateUserBody = z.strictObject({
  fullName: name.optional(),
  email: z.email({ message: 'field.invalidEmail' }).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'field.invalidFormat' }).optional(),
  clearance: clearance.optional(),
  mfa: z.boolean().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  assignments: z.array(Assignment).min(1).max(20).optional(),
  version: z.number().int().nonnegative(),
})
export type UpdateUserBody = z.infer<typeof UpdateUserBody>

export const UserQuery = z.strictObject({
  unitId: unitId.optional(),
  q: z.string().trim().max(100).optional(),
})

export const REORGANISATION_KINDS = ['merge', 'split', 'dissolve'] as const
/** `pending`: requests waiting on the caller's decision; `mine`: requests the caller filed. */
export const ReorganisationListQuery = z.strictObject({ scope: z.enum(['pending', 'mine']).default('pending') })
export const CreateReorganisationBody = z.strictObject({
  kind: z.enum(REORGANISATION_KINDS),
  /** Units that end: several for a merge, one for a split or dissolution. */
  sourceUnitIds: z.array(unitId).min(1).max(20),
  /** Units that take over: exactly one for a merge, two or more for a split, optional for a dissolution. */
  successors: z.array(z.strictObject({ unitId, share: z.number().min(0).max(100).optional() })).max(20).default([]),
  /** First day the new arrangement applies; the sources exist until the day before. */
  effectiveDate: isoDate,
  reason: z.string().trim().min(5).max(2000),
  /** Seconds the superior unit has to decide before escalation (defaults from config). */
  deadlineSeconds: z.number().int().min(1).max(60 * 60 * 24 * 90).optional(),
})
export type CreateReorganisationBody = z.infer<typeof CreateReorganisationBody>

export const DecisionBody = z.strictObject({
  approved: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
})
export type DecisionBody = z.infer<typeof DecisionBody>

export type ReorganisationStatus = 'pending' | 'escalated' | 'approved' | 'rejected' | 'expired' | 'failed'
export interface Reorganisation {
  requestId: string
  kind: (typeof REORGANISATION_KINDS)[number]
  sourceUnitIds: string[]
  successors: { unitId: string; share?: number }[]
  effectiveDate: string
  reason: string
  /** The unit that must decide now: the superior, then the one above it after escalation. */
  approverUnitId: string
  /** Owning unit of the record (the superior at creation); its key prefix. */
  ownerUnitId: string
  status: ReorganisationStatus
  requestedBy: { userId: string; fullName: string }
  decidedBy?: { userId: string; fullName: string; at: string; comment?: string }
  deadlineSeconds: number
  deadlineAt?: string
  executionArn?: string
  history: { at: string; status: ReorganisationStatus | 'requested'; by?: string; note?: string }[]
  version: number
  createdAt: string
  updatedAt: string
}

export const UploadRequestBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().trim().max(200),
  size: z.number().int().positive(),
})
export const ImportBody = z.strictObject({
  kind: z.enum(['units', 'users']),
  objectKey: z.string().min(1).max(300),
  /** Validate and report without writing anything. */
  dryRun: z.boolean().default(false),
})
export interface ImportRowResult { row: number; ok: boolean; id?: string; errors: { column?: string; code: string; message: string }[] }
export interface ImportReport { kind: 'units' | 'users'; total: number; accepted: number; rejected: number; dryRun: boolean; rows: ImportRowResult[] }

export const AuditVerifyQuery = z.strictObject({ unitId })
export const AuditQuery = z.strictObject({
  unitId,
  limit: z.coerce.number().int().min(1).max(200).optional(),
})
/** An audit entry as stored and returned: the chained content plus its hash. */
export type AuditEntry = ChainableEntry & { hash: string }

/**
 * The browser's device fingerprint for Cognito's threat protection
 * (UserContextData.EncodedData, from Cognito's advanced security script), when the SPA has it.
 */
const deviceData = z.string().min(1).max(8192).optional()
export const LoginBody = z.strictObject({
  username,
  password: z.string().min(1).max(128),
  deviceData,
})

/** Sign-in challenges (Cognito's names): a new password, setting up an authenticator app, its code. */
export const SIGN_IN_CHALLENGES = ['NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'SOFTWARE_TOKEN_MFA'] as const
export type SignInChallenge = (typeof SIGN_IN_CHALLENGES)[number]
const challengeSession = z.string().min(1).max(4096)
const totpCode = z.string().regex(/^\d{6}$/, { message: 'field.invalidFormat' })
/** The answer to a challenge: `newPassword` for NEW_PASSWORD_REQUIRED, the 6-digit `code` for the other two. */
export const ChallengeBody = z.strictObject({
  username,
  challenge: z.enum(SIGN_IN_CHALLENGES),
  session: challengeSession,
  newPassword: z.string().min(1).max(128).optional(),
  code: totpCode.optional(),
  deviceData,
}).refine((b) => b.challenge !== 'NEW_PASSWORD_REQUIRED' || b.newPassword !== undefined, { message: 'field.required', path: ['newPassword'] })
  .refine((b) => b.challenge === 'NEW_PASSWORD_REQUIRED' || b.code !== undefined, { message: 'field.required', path: ['code'] })
export type ChallengeBody = z.infer<typeof ChallengeBody>
/** Starts setting up an authenticator app during an MFA_SETUP challenge. */
export const MfaSetupBody = z.strictObject({ username, session: challengeSession })
export type MfaSetupBody = z.infer<typeof MfaSetupBody>
/** What sign-in answers: a session, or the next step with its session string. */
export type SignInAnswer =
  | { token: string; expiresIn: number; user: { userId: string; username: string; fullName: string } }
  | { challenge: SignInChallenge; session: string }
export interface MfaSetupAnswer { secretCode: string; session: string; otpauthUri: string }
/** Forgotten password: a code is mailed to the account's address. */
export const ForgotPasswordBody = z.strictObject({ username, deviceData })
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>
const newPassword = z.string().min(1).max(128)
/** The mailed 6-digit code and the new password. */
export const ConfirmForgotPasswordBody = z.strictObject({ username, code: z.string().trim().regex(/^\d{6}$/, { message: 'field.invalidFormat' }), newPassword, deviceData })
export type ConfirmForgotPasswordBody = z.infer<typeof ConfirmForgotPasswordBody>
/** The signed-in person's own password: the old one, and the new one. */
export const ChangePasswordBody = z.strictObject({ oldPassword: z.string().min(1).max(128), newPassword })
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>
