/** The data requests API calls the SPA makes, typed with the shared contracts. */
import type { AnswerImportReport, DataAnswer, DataRequestStatus, Indicator, RecipientStatus } from '../../../shared/datarequests/contracts'
import type { Consolidated } from '../../../shared/datarequests/rules'
import type { PersonRef } from '../../../shared/documents/contracts'
import { api } from './client'

export interface RequestSummary {
  requestId: string; title: string; status: DataRequestStatus; deadline: string; periodFrom: string; periodTo: string; ownerUnitName: string
  recipients: number; answered?: number; units?: { unitId: string; name: string; status: RecipientStatus }[]; overdue: boolean
}
export interface RecipientRow { unitId: string; name: string; status: RecipientStatus; answeredAt?: string; answeredBy?: string; onTime?: boolean; via?: 'form' | 'xlsx'; mine: boolean }
export interface RequestView {
  requestId: string; ownerUnitName: string; title: string; description?: string; periodFrom: string; periodTo: string; deadline: string
  indicators: Indicator[]; status: DataRequestStatus; createdBy: PersonRef; sentAt?: string; closedAt?: string
  lastReminder?: { at: string; by: PersonRef; units: number }
  recipients: RecipientRow[]; counts?: { recipients: number; answered: number }; version: number
  can: { manage: boolean; answer: boolean; consolidate: boolean }
}
export interface AnswerForm {
  requestId: string; title: string; description?: string; ownerUnitName: string; periodFrom: string; periodTo: string; deadline: string
  indicators: Indicator[]; requestStatus: DataRequestStatus; unitId: string; unitName: string; status: RecipientStatus; answer: DataAnswer | null
  can: { answer: boolean }
}
export type ConsolidatedView = Consolidated & { title: string; ownerUnitName: string; periodFrom: string; periodTo: string; deadline: string; indicators: Indicator[] }
export interface NewRequest {
  title: string; description?: string; periodFrom: string; periodTo: string; deadline: string
  indicators: Indicator[]; recipientUnitIds: string[]; send: boolean
}
export interface Recipient { unitId: string; name: string; parentName: string; level: string }
export interface FileLink { url: string; fileName: string }

const base = (id: string) => `/api/datarequests/${encodeURIComponent(id)}`

export const dataRequests = {
  list: (view: 'sent' | 'received', q: string, signal?: AbortSignal) => api.get<{ requests: RequestSummary[] }>('/api/datarequests', { view, q: q || undefined }, signal),
  create: (body: NewRequest) => api.post<RequestView>('/api/datarequests', body),
  recipients: (q: string, signal?: AbortSignal) => api.get<{ units: Recipient[]; total: number }>('/api/datarequests/recipients', { q }, signal),
  show: (id: string, signal?: AbortSignal) => api.get<RequestView>(base(id), undefined, signal),
  send: (id: string, version: number) => api.post<RequestView>(`${base(id)}/send`, { version }),
  close: (id: string, version: number) => api.post<RequestView>(`${base(id)}/close`, { version }),
  remind: (id: string, unitIds?: string[]) => api.post<RequestView>(`${base(id)}/remind`, unitIds ? { unitIds } : {}),
  consolidated: (id: string, signal?: AbortSignal) => api.get<ConsolidatedView>(`${base(id)}/consolidated`, undefined, signal),
  exportFile: (id: string, format: 'xlsx' | 'pdf') => api.get<FileLink>(`${base(id)}/export`, { format }),
  form: (id: string, unitId: string, signal?: AbortSignal) => api.get<AnswerForm>(`${base(id)}/answers/${encodeURIComponent(unitId)}`, undefined, signal),
  answer: (id: string, unitId: string, values: DataAnswer['values']) => api.post<DataAnswer>(`${base(id)}/answers/${encodeURIComponent(unitId)}`, { values }),
  template: (id: string, unitId: string) => api.get<FileLink>(`${base(id)}/answers/${encodeURIComponent(unitId)}/template`),
  uploadSlot: (file: File) => api.post<{ objectKey: string; uploadUrl: string; headers: Record<string, string> }>('/api/datarequests/uploads', { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size }),
  importFile: (id: string, unitId: string, objectKey: string) => api.post<{ report: AnswerImportReport; answer?: DataAnswer }>(`${base(id)}/answers/${encodeURIComponent(unitId)}/import`, { objectKey }),
}
