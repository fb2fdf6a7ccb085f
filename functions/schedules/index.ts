/**
 * Lambda entry of the schedules module (HTTP API): leaders' and units'
 * weekly schedules (lịch công tác) — events with conflicts answered before
 * saving, a week published by the office, rooms per unit — and the private
 * iCalendar feeds (the feed route is public: its secret token is the only
 * credential).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { eventId, feedToken } from '../../shared/schedules/contracts.js'
import * as h from './handlers/routes.js'

export const SCHEDULE_ROUTES: Record<string, h.ScheduleRoute> = {
  'GET /api/schedules/units': h.units,
  'GET /api/schedules/events': h.list,
  'POST /api/schedules/events': h.create,
  'GET /api/schedules/mine': h.mine,
  'POST /api/schedules/check': h.check,
  'GET /api/schedules/events/{eventId}': h.show,
  'POST /api/schedules/events/{eventId}': h.update,
  'POST /api/schedules/events/{eventId}/cancel': h.cancel,
  'POST /api/schedules/publish': h.publish,
  'GET /api/schedules/rooms': h.rooms,
  'POST /api/schedules/rooms': h.addRoom,
  'GET /api/schedules/feed': h.feedStatus,
  'POST /api/schedules/feed': h.regenerate,
  'POST /api/schedules/feed/revoke': h.revoke,
  'GET /api/schedules/feeds/{token}': h.feed,
}

export const handler = httpModuleWithContext({
  service: 'schedules', routes: SCHEDULE_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { eventId, token: feedToken },
  // The public feed has no caller, so no caller's context.
  context: (req) => (req.actor ? ORG_MODULE_CONTEXT.context(req) : (undefined as never)),
  publicRoutes: ['GET /api/schedules/feeds/{token}'],
})
