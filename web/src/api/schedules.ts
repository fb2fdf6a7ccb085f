/** The schedules API calls the SPA makes, typed with the shared contracts. */
import type { Conflict, Room, ScheduleEvent } from '../../../shared/schedules/contracts'
import { api } from './client'

export type EventView = ScheduleEvent & { unitName: string; can: { manage: boolean } }
export interface ScheduleUnit { unitId: string; name: string; manage: boolean; publish: boolean }
export interface NewEvent {
  unitId: string; kind: ScheduleEvent['kind']; title: string; start: string; end: string
  roomId?: string; place?: string; presiderId?: string; participantIds: string[]; acceptConflicts?: boolean
}
export interface FeedState { name: string; active: boolean; createdAt?: string; path?: string }

export const schedules = {
  units: (signal?: AbortSignal) => api.get<{ units: ScheduleUnit[] }>('/api/schedules/units', undefined, signal),
  events: (unitId: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<{ unitId: string; unitName: string; can: { manage: boolean; publish: boolean }; events: EventView[] }>('/api/schedules/events', { unitId, from, to }, signal),
  rooms: (unitId: string, signal?: AbortSignal) => api.get<{ rooms: Room[] }>('/api/schedules/rooms', { unitId }, signal),
  check: (body: NewEvent) => api.post<{ conflicts: Conflict[] }>('/api/schedules/check', body),
  create: (body: NewEvent) => api.post<EventView & { conflicts: Conflict[] }>('/api/schedules/events', body),
  publish: (unitId: string, week: string) => api.post<{ published: number }>('/api/schedules/publish', { unitId, week }),
  feed: (signal?: AbortSignal) => api.get<FeedState>('/api/schedules/feed', undefined, signal),
  regenerate: () => api.post<FeedState>('/api/schedules/feed', {}),
  revoke: () => api.post<FeedState>('/api/schedules/feed/revoke', {}),
}
