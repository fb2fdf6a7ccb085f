/** The API calls the SPA makes, typed with the shared contracts. */
import type {
  AuditEntry, Assignment, CreateReorganisationBody, CreateUnitBody, CreateUserBody, DecisionBody,
  ImportReport, MoveUnitBody, Reorganisation, Unit, UpdateUnitBody, UpdateUserBody, User,
} from '../../../shared/org/contracts'
import type { TreeNode, UnitView } from '../../../shared/org/tree'
import { api, request } from './client'
import type { SessionUser } from './session'

export interface LoginResponse { token: string; expiresIn: number; user: SessionUser }
export interface MeAssignment extends Assignment { unit: UnitView }
export interface MeResponse { user: User; assignments: MeAssignment[] }
export interface TreeResponse { asOf: string; roots: TreeNode[] }
export interface UnitMember { userId: string; fullName: string; role: string; position?: string }
export interface UnitDetail { unit: UnitView; ancestors: UnitView[]; children: UnitView[]; members: UnitMember[]; canManage: boolean }
export interface UploadTicket { objectKey: string; uploadUrl: string; headers: Record<string, string> }
export interface VerifyResult { valid: boolean; checked: number; brokenAt?: number; reason?: string }

const enc = encodeURIComponent

export const endpoints = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/api/auth/login', { body: { username, password }, anonymous: true }),
  me: (signal?: AbortSignal) => api.get<MeResponse>('/api/me', undefined, signal),

  tree: (q: { asOf?: string; includeEnded?: boolean }, signal?: AbortSignal) =>
    api.get<TreeResponse>('/api/units', { asOf: q.asOf, includeEnded: q.includeEnded === undefined ? undefined : String(q.includeEnded) }, signal),
  unit: (unitId: string, asOf?: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${enc(unitId)}`, { asOf }, signal),
  createUnit: (body: CreateUnitBody) => api.post<{ unit: Unit }>('/api/units', body),
  updateUnit: (unitId: string, body: UpdateUnitBody) => api.patch<{ unit: Unit }>(`/api/units/${enc(unitId)}`, body),
  moveUnit: (unitId: string, body: MoveUnitBody) => api.post<{ unit: Unit }>(`/api/units/${enc(unitId)}/move`, body),

  users: (q: { unitId?: string; q?: string }, signal?: AbortSignal) => api.get<{ users: User[] }>('/api/users', q, signal),
  createUser: (body: CreateUserBody) => api.post<{ user: User; initialPassword?: string }>('/api/users', body),
  updateUser: (userId: string, body: UpdateUserBody) => api.patch<{ user: User }>(`/api/users/${enc(userId)}`, body),

  reorganisations: (scope: 'pending' | 'mine', signal?: AbortSignal) =>
    api.get<{ requests: Reorganisation[] }>('/api/reorganisations', { scope }, signal),
  requestReorganisation: (body: CreateReorganisationBody) => api.post<{ request: Reorganisation }>('/api/reorganisations', body),
  decide: (requestId: string, body: DecisionBody) =>
    api.post<{ request: Reorganisation }>(`/api/reorganisations/${enc(requestId)}/decision`, body),

  uploadTicket: (body: { fileName: string; contentType: string; size: number }) =>
    api.post<UploadTicket>('/api/imports/uploads', body),
  runImport: (body: { kind: 'units' | 'users'; objectKey: string; dryRun: boolean }) =>
    api.post<{ report: ImportReport }>('/api/imports', body),

  audit: (q: { unitId: string; limit?: number }, signal?: AbortSignal) => api.get<{ entries: AuditEntry[] }>('/api/audit', q, signal),
  verifyAudit: (unitId: string) => api.get<VerifyResult>('/api/audit/verify', { unitId }),
}
