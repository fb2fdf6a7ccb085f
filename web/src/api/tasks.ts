/** The tasks API calls the SPA makes, typed with the shared contracts. */
import type { Task, TaskPage, TaskSummary } from '../../../shared/tasks/contracts'
import { api } from './client'

export type TaskView = Task & {
  leadUnitName: string; ownerUnitName: string; overdue: boolean
  coordinatingUnits: { unitId: string; name: string }[]
  /** What the caller may do: the lead's steps, the assigner's. */
  can: { lead: boolean; assigner: boolean }
}
export interface NewTask { title: string; leadUnitId: string; leadUserId?: string; deadline: string; priority?: 'normal' | 'high' | 'urgent' }

export type TaskStep = 'progress' | 'submit' | 'evaluate' | 'return' | 'cancel' | 'extensions' | 'extensions/decision'

export const tasks = {
  /** A page of a list; `after` is the previous page's `next`. */
  list: (view: 'mine' | 'assigned', after?: string, signal?: AbortSignal) =>
    api.get<TaskPage<TaskSummary>>('/api/tasks', after ? { view, after } : { view }, signal),
  create: (body: NewTask) => api.post<TaskView>('/api/tasks', body),
  get: (taskId: string, signal?: AbortSignal) => api.get<TaskView>(`/api/tasks/${taskId}`, undefined, signal),
  accept: (taskId: string, version: number) => api.post<TaskView>(`/api/tasks/${taskId}/accept`, { version }),
  /** One of the task's steps (`progress`, `submit`, `evaluate`, `return`, `cancel`, `extensions`, `extensions/decision`). */
  step: (taskId: string, step: TaskStep, body: Record<string, unknown>) => api.post<TaskView>(`/api/tasks/${taskId}/${step}`, body),
}
