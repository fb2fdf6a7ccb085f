/**
 * Lambda entry of the notification centre (HTTP API): the caller's list of
 * every module's events, read/unread, and their channel choice per kind.
 * Modules write into it through `notify()` (usecases/notify.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import * as h from './handlers/routes.js'

export const NOTIFICATION_ROUTES: Record<string, h.NotificationRoute> = {
  'GET /api/notifications': h.list,
  'POST /api/notifications/read-all': h.readAll,
  'GET /api/notifications/preferences': h.getPreferences,
  'PUT /api/notifications/preferences': h.putPreferences,
  'POST /api/notifications/{notificationId}/read': h.read,
}

export const handler = httpModuleWithContext({ service: 'notifications', routes: NOTIFICATION_ROUTES, ...ORG_MODULE_CONTEXT })
