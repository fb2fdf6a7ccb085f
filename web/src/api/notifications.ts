/** The notification centre's API calls, typed with the shared contracts. */
import type { ChannelChoice, NotificationKind, NotificationList, Notification } from '../../../shared/notifications/contracts'
import { api } from './client'

export const notifications = {
  list: (signal?: AbortSignal) => api.get<NotificationList>('/api/notifications', undefined, signal),
  read: (id: string) => api.post<{ notification: Notification }>(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
  readAll: () => api.post<{ marked: number }>('/api/notifications/read-all', {}),
  preferences: (signal?: AbortSignal) => api.get<{ kinds: Record<NotificationKind, ChannelChoice> }>('/api/notifications/preferences', undefined, signal),
  savePreferences: (kinds: Partial<Record<NotificationKind, ChannelChoice>>) => api.put<{ kinds: Record<NotificationKind, ChannelChoice> }>('/api/notifications/preferences', { kinds }),
}

/** The header's bell and the centre page share the unread count: the page tells the bell when it changed. */
export const UNREAD_CHANGED = 'do:notifications-changed'
