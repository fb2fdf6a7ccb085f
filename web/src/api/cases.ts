/** The cases module's API calls (complaints and denunciations; petitions and resolutions), typed with the shared contracts. */
import type { Case, CaseKpis, CasePage, Complainant, Petition, Resolution } from '../../../shared/cases/contracts'
import type { ComplaintStep } from '../../../shared/cases/complaints'
import type { PetitionStep } from '../../../shared/cases/petitions'
import { api } from './client'

export interface Commission { unitId: string; name: string; intake: boolean; decide: boolean }
export interface Office { unitId: string; name: string; manage: boolean }
export type CaseView = Case & { commissionName: string; overdue: boolean; due?: string; sealed: boolean; can: { steps: ComplaintStep[]; identity: boolean } }
export type PetitionView = Petition & { officeName: string; overdue: boolean; can: { steps: PetitionStep[] } }
export interface PetitionRow { petitionId: string; topic: string; area: string; meeting: string; meetingOn: string; agencyName: string; state: Petition['state']; answerDue?: string; result?: string; overdue: boolean; text: string }
export interface ResolutionRow { resolutionId: string; number: string; title: string; session: string; adoptedOn: string; status: string; tasks: number }
export type ResolutionView = Resolution & { officeName: string; status: string; can: { manage: boolean }; tasks: { taskId: string; title: string; status: string; deadline: string; percent: number; leadUnitName: string; overdue: boolean }[] }

export const cases = {
  mine: (signal?: AbortSignal) => api.get<{ commissions: Commission[]; offices: Office[] }>('/api/cases/commissions', undefined, signal),
  list: (commissionId: string, q: { state?: string; q?: string; after?: string } = {}, signal?: AbortSignal) => api.get<CasePage>('/api/cases', { commissionId, ...q }, signal),
  intake: (body: Record<string, unknown>) => api.post<CaseView>('/api/cases', body),
  get: (caseId: string, signal?: AbortSignal) => api.get<CaseView>(`/api/cases/${caseId}`, undefined, signal),
  identity: (caseId: string) => api.get<{ complainant: Complainant }>(`/api/cases/${caseId}/identity`),
  step: (caseId: string, step: string, body: Record<string, unknown>) => api.post<CaseView>(`/api/cases/${caseId}/${step}`, body),
  kpis: (commissionId: string, signal?: AbortSignal) => api.get<CaseKpis>('/api/cases/kpis', { commissionId }, signal),
  export: (commissionId: string) => api.get<{ fileName: string; contentType: string; contentBase64: string }>('/api/cases/export', { commissionId }),
}

export const petitions = {
  list: (officeUnitId: string, q: { state?: string; q?: string } = {}, signal?: AbortSignal) => api.get<{ petitions: PetitionRow[] }>('/api/petitions', { officeUnitId, ...q }, signal),
  create: (body: Record<string, unknown>) => api.post<PetitionView>('/api/petitions', body),
  get: (id: string, signal?: AbortSignal) => api.get<PetitionView>(`/api/petitions/${id}`, undefined, signal),
  step: (id: string, step: PetitionStep, body: Record<string, unknown>) => api.post<PetitionView>(`/api/petitions/${id}/${step}`, body),
  resolutions: (officeUnitId: string, signal?: AbortSignal) => api.get<{ resolutions: ResolutionRow[] }>('/api/resolutions', { officeUnitId }, signal),
  createResolution: (body: Record<string, unknown>) => api.post<ResolutionView>('/api/resolutions', body),
  resolution: (id: string, signal?: AbortSignal) => api.get<ResolutionView>(`/api/resolutions/${id}`, undefined, signal),
  addTask: (id: string, body: Record<string, unknown>) => api.post<ResolutionView>(`/api/resolutions/${id}/tasks`, body),
}
