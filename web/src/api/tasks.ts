/** The tasks API calls the SPA makes, typed with the shared contracts. */
import type { Task, TaskPage, TaskSummary } from '../../../shared/tasks/contracts'
import { api } from './client'

export type TaskView = Task & { leadUnitName: string; overdue: boolean }
export interface NewTask { title: string; leadUnitId: string; leadUserId?: string; deadline: string; priority?: 'normal' | 'high' | 'urgent' }

export const tasks = {
  /** A page of a list; `after` is the previous page's `next`. */
  list: (view: 'mine' | 'assigned', after?: string, signal?: AbortSignal) =>
    api.get<TaskPage<TaskSummary>>('/api/tasks', after ? { view, after } : { view }, signal),
  create: (body: NewTask) => api.post<TaskView>('/api/tasks', body),
  accept: (taskId: string, version: number) => api.post<TaskView>(`/api/tasks/${taskId}/accept`, { version }),
}
