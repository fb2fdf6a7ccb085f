/** The API calls the SPA makes, typed with the shared contracts. */
import type {
  AuditEntry, Assignment, ChallengeBody, CreateReorganisationBody, MfaSetupAnswer, MfaSetupBody, SignInChallenge, CreateUnitBody, CreateUserBody, DecisionBody,
  ImportReport, MoveUnitBody, Reorganisation, Unit, UpdateUnitBody, UpdateUserBody, User,
} from '../../../shared/org/contracts'
import type { TreeNode, UnitView } from '../../../shared/org/tree'
import type { MyWork } from '../../../shared/org/work'
import type {
  AddVersionBody, Box, CommentBody, CreateDraftBody, DirectionBody, DocumentComment, DocumentSummary, OfficialDocument,
  PutChainBody, RegisterIncomingBody, ReviewBody, ReviewChain, SearchQuery,
} from '../../../shared/documents/contracts'
import { api, request } from './client'
import type { SessionUser } from './session'

export interface LoginResponse { token: string; expiresIn: number; user: SessionUser }
/** The next sign-in step the identity provider asks for, with its single-use session. */
export interface ChallengeResponse { challenge: SignInChallenge; session: string }
export type SignInResponse = LoginResponse | ChallengeResponse
export interface MeAssignment extends Assignment { unit: UnitView }
/** Whether wrong passwords have locked the account for now (the administrator may lift it). */
export interface SignInState { locked: boolean; lockedUntil?: string }
export interface MeResponse { user: User; assignments: MeAssignment[] }
export interface TreeResponse { asOf: string; roots: TreeNode[] }
export interface UnitMatch extends UnitView { path: string[] }
export interface UnitSearchResponse { asOf: string; total: number; matches: UnitMatch[] }
export interface UnitMember { userId: string; fullName: string; role: string; position?: string }
export interface UnitDetail { unit: UnitView; ancestors: UnitView[]; children: UnitView[]; members: UnitMember[]; canManage: boolean }
export interface UploadTicket { objectKey: string; uploadUrl: string; headers: Record<string, string> }
export interface VerifyResult { valid: boolean; checked: number; brokenAt?: number; reason?: string }

// ---------- official documents ----------

/** What the document page may offer the caller (computed by the API). */
export interface DocumentActions {
  confirmReceipt: boolean
  return: boolean
  direct: boolean
  complete: boolean
  addVersion: boolean
  comment: boolean
  submit: boolean
  review: boolean
  issue: boolean
  verify: boolean
}
export interface DocumentDownload { url: string; expiresIn: number; fileName: string; contentType: string; size: number; sha256: string }
export interface Delivery { documentId: string; unitId: string; status: string; receivedDate?: string; returnedReason?: string }
export interface DocumentPageData { document: OfficialDocument; download?: DocumentDownload; deliveries?: Delivery[]; actions: DocumentActions }
export interface DocumentList { total: number; items: DocumentSummary[] }
export interface SearchResult extends DocumentList { interpretedAs: { symbol: string } | { words: string[] } }
export interface DocumentUploadTicket extends UploadTicket { maxBytes: number }

/** The signing port's verification report (functions/lib/signing/verify.ts), as the API returns it. */
export interface CertificateSummary { subject: string; issuer: string; validFrom: string; validTo: string }
export interface SignatureCheck {
  field: string
  signerName: string
  organisation?: string
  signedAt?: string
  reason?: string
  coversWholeDocument: boolean
  integrity: 'intact' | 'modified'
  chain: CertificateSummary[]
  trusted: boolean
  problems: string[]
}
export interface VerificationReport { valid: boolean; signatures: SignatureCheck[]; problems: string[] }
export interface SignatureVerification {
  source: 'upload' | 'register'
  documentId?: string
  symbol?: string
  sha256: string
  /** Register only: the stored file still has the hash recorded when it was kept. */
  intact?: boolean
  report: VerificationReport
}

const enc = encodeURIComponent

export const endpoints = {
  login: (username: string, password: string) =>
    request<SignInResponse>('POST', '/api/auth/login', { body: { username, password }, anonymous: true }),
  answerChallenge: (body: ChallengeBody) => request<SignInResponse>('POST', '/api/auth/challenge', { body, anonymous: true }),
  forgotPassword: (username: string) => request<{ sent: true }>('POST', '/api/auth/password/forgot', { body: { username }, anonymous: true }),
  confirmForgotPassword: (username: string, code: string, newPassword: string) =>
    request<null>('POST', '/api/auth/password/confirm', { body: { username, code, newPassword }, anonymous: true }),
  changePassword: (oldPassword: string, newPassword: string) => request<null>('POST', '/api/auth/password/change', { body: { oldPassword, newPassword } }),
  setUpMfa: (body: MfaSetupBody) => request<MfaSetupAnswer>('POST', '/api/auth/mfa/setup', { body, anonymous: true }),
  me: (signal?: AbortSignal) => api.get<MeResponse>('/api/me', undefined, signal),
  myWork: (signal?: AbortSignal) => api.get<MyWork>('/api/me/work', undefined, signal),

  tree: (q: { asOf?: string; includeEnded?: boolean; levels?: number }, signal?: AbortSignal) =>
    api.get<TreeResponse>('/api/units', { asOf: q.asOf, includeEnded: q.includeEnded === undefined ? undefined : String(q.includeEnded), levels: q.levels === undefined ? undefined : String(q.levels) }, signal),
  /** The children of one unit (a branch opened), each with its `childCount`. */
  unitChildren: (parentId: string, q: { asOf?: string; includeEnded?: boolean }, signal?: AbortSignal) =>
    api.get<TreeResponse>('/api/units', { parentId, asOf: q.asOf, includeEnded: q.includeEnded === undefined ? undefined : String(q.includeEnded) }, signal),
  /** Units within reach whose name or code holds the words (server-side, diacritics ignored), 20 at most. */
  searchUnits: (text: string, q: { asOf?: string; includeEnded?: boolean }, signal?: AbortSignal) =>
    api.get<UnitSearchResponse>('/api/units', { q: text, asOf: q.asOf, includeEnded: q.includeEnded === undefined ? undefined : String(q.includeEnded) }, signal),
  /** Every unit of the city whose name or code holds the words (the address book of recipients and destinations), 20 at most. */
  directory: (text: string, signal?: AbortSignal) => api.get<UnitSearchResponse>('/api/units', { q: text, scope: 'directory' }, signal),
  /** The directory's names of units given by id (50 at most). */
  unitNames: (ids: string[], signal?: AbortSignal) => api.get<UnitSearchResponse>('/api/units', { ids: ids.join(',') }, signal),
  unit: (unitId: string, asOf?: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${enc(unitId)}`, { asOf }, signal),
  createUnit: (body: CreateUnitBody) => api.post<{ unit: Unit }>('/api/units', body),
  updateUnit: (unitId: string, body: UpdateUnitBody) => api.patch<{ unit: Unit }>(`/api/units/${enc(unitId)}`, body),
  moveUnit: (unitId: string, body: MoveUnitBody) => api.post<{ unit: Unit }>(`/api/units/${enc(unitId)}/move`, body),

  users: (q: { unitId?: string; q?: string }, signal?: AbortSignal) => api.get<{ users: User[] }>('/api/users', q, signal),
  createUser: (body: CreateUserBody) => api.post<{ user: User; initialPassword?: string }>('/api/users', body),
  updateUser: (userId: string, body: UpdateUserBody) => api.patch<{ user: User }>(`/api/users/${enc(userId)}`, body),
  user: (userId: string) => api.get<{ user: User; signIn: SignInState }>(`/api/users/${enc(userId)}`),
  unlockSignIn: (userId: string) => api.delete<{ user: User; signIn: SignInState }>(`/api/users/${enc(userId)}/sign-in-lock`),

  reorganisations: (scope: 'pending' | 'mine', signal?: AbortSignal) =>
    api.get<{ requests: Reorganisation[] }>('/api/reorganisations', { scope }, signal),
  requestReorganisation: (body: CreateReorganisationBody) => api.post<{ request: Reorganisation }>('/api/reorganisations', body),
  decide: (requestId: string, body: DecisionBody) =>
    api.post<{ request: Reorganisation }>(`/api/reorganisations/${enc(requestId)}/decision`, body),

  uploadTicket: (body: { fileName: string; contentType: string; size: number }) =>
    api.post<UploadTicket>('/api/imports/uploads', body),
  runImport: (body: { kind: 'units' | 'users'; objectKey: string; dryRun: boolean }) =>
    api.post<{ report: ImportReport }>('/api/imports', body),

  audit: (q: { unitId: string; limit?: number }, signal?: AbortSignal) => api.get<{ entries: AuditEntry[]; names: Record<string, string> }>('/api/audit', q, signal),
  verifyAudit: (unitId: string) => api.get<VerifyResult>('/api/audit/verify', { unitId }),

  documents: {
    uploadTicket: (body: { fileName: string; contentType: string; size: number }) =>
      api.post<DocumentUploadTicket>('/api/documents/uploads', body),
    list: (q: { box: Box; unitId?: string; year?: number; limit?: number; offset?: number }, signal?: AbortSignal) =>
      api.get<DocumentList & { box: Box }>('/api/documents', q, signal),
    search: (q: Partial<Record<keyof SearchQuery, string | number | undefined>>, signal?: AbortSignal) =>
      api.get<SearchResult>('/api/documents/search', q, signal),
    get: (documentId: string, signal?: AbortSignal) => api.get<DocumentPageData>(`/api/documents/${enc(documentId)}`, undefined, signal),
    registerIncoming: (body: RegisterIncomingBody) => api.post<{ document: OfficialDocument }>('/api/documents/incoming', body),
    confirmReceipt: (documentId: string) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/receipt`, {}),
    giveBack: (documentId: string, reason: string) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/return`, { reason }),
    direct: (documentId: string, body: DirectionBody) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/direction`, body),
    complete: (documentId: string, note?: string) =>
      api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/complete`, note ? { note } : {}),
    createDraft: (body: CreateDraftBody) => api.post<{ document: OfficialDocument }>('/api/documents/drafts', body),
    addVersion: (documentId: string, body: AddVersionBody) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/versions`, body),
    comment: (documentId: string, body: CommentBody) =>
      api.post<{ document: OfficialDocument; comment: DocumentComment }>(`/api/documents/${enc(documentId)}/comments`, body),
    submit: (documentId: string) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/submit`, {}),
    review: (documentId: string, body: ReviewBody) => api.post<{ document: OfficialDocument }>(`/api/documents/${enc(documentId)}/review`, body),
    issue: (documentId: string) => api.post<{ document: OfficialDocument; alreadyIssued: boolean }>(`/api/documents/${enc(documentId)}/issue`, {}),
    verify: (body: { documentId: string } | { objectKey: string }) => api.post<SignatureVerification>('/api/documents/verify', body),
    chain: (q: { unitId: string; type: string }, signal?: AbortSignal) => api.get<{ chain: ReviewChain }>('/api/documents/chains', q, signal),
    saveChain: (body: PutChainBody) => api.put<{ chain: ReviewChain }>('/api/documents/chains', body),
  },
}
