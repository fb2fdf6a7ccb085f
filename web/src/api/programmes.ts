/** The work programmes API calls the SPA makes, typed with the shared contracts. */
import type { Programme, ProgrammeItem } from '../../../shared/programmes/contracts'
import type { TaskStatus } from '../../../shared/tasks/contracts'
import { api } from './client'

export type ItemProgressState = 'dropped' | 'not-started' | 'in-progress' | 'done' | 'overdue'
export type ProgrammeItemView = ProgrammeItem & {
  preparingUnitName: string
  progress: { state: ItemProgressState; percent: number }
  tasks: { taskId: string; title: string; status: TaskStatus; percent: number; deadline: string; leadUnitName: string }[]
}
export type ProgrammeView = Omit<Programme, 'items'> & {
  unitName: string; period: { from: string; to: string }; periodName: string
  items: ProgrammeItemView[]
  progress: { percent: number; done: number; total: number }
  /** Approved programmes of the levels above (a draft's items may carry out theirs). */
  above: { programmeId: string; title: string; periodName: string; unitName: string; items: { itemId: string; content: string; dueOn: string }[] }[]
  can: { edit: boolean; submit: boolean; decide: boolean; follow: boolean; task: boolean }
}
export interface ProgrammeSummary { programmeId: string; title: string; body: Programme['body']; kind: Programme['kind']; periodName: string; state: Programme['state']; items: number }
export interface NewProgramme { unitId: string; body: Programme['body']; kind: Programme['kind']; year: number; quarter?: number; month?: number; title: string }
export interface NewItem { content: string; preparingUnitId: string; presidingLeaderId?: string; dueOn: string; output: string; cascadedFrom?: { programmeId: string; itemId: string } }

const base = (id: string) => `/api/programmes/${id}`
export const programmes = {
  units: (signal?: AbortSignal) => api.get<{ units: { unitId: string; name: string }[] }>('/api/programmes/units', undefined, signal),
  list: (unitId: string, signal?: AbortSignal) => api.get<{ unitName: string; manage: boolean; programmes: ProgrammeSummary[] }>('/api/programmes', { unitId }, signal),
  create: (body: NewProgramme) => api.post<ProgrammeView>('/api/programmes', body),
  get: (id: string, signal?: AbortSignal) => api.get<ProgrammeView>(base(id), undefined, signal),
  addItem: (id: string, version: number, item: NewItem) => api.post<ProgrammeView>(`${base(id)}/items`, { version, ...item }),
  submit: (id: string, version: number) => api.post<ProgrammeView>(`${base(id)}/submit`, { version }),
  decide: (id: string, version: number, approve: boolean, comment?: string) => api.post<ProgrammeView>(`${base(id)}/decision`, { version, approve, ...(comment ? { comment } : {}) }),
  move: (id: string, itemId: string, version: number, dueOn: string, reason: string) => api.post<ProgrammeView>(`${base(id)}/items/${itemId}/move`, { version, dueOn, reason }),
  drop: (id: string, itemId: string, version: number, reason: string) => api.post<ProgrammeView>(`${base(id)}/items/${itemId}/drop`, { version, reason }),
  task: (id: string, itemId: string, body: { deadline: string; title?: string; leadUnitId?: string }) => api.post<ProgrammeView>(`${base(id)}/items/${itemId}/tasks`, body),
  export: (id: string) => api.get<{ fileName: string; contentType: string; contentBase64: string; rows: number }>(`${base(id)}/export`),
}
