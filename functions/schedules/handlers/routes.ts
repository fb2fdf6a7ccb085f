/** HTTP handlers of the schedules module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import {
  eventId, feedToken, CancelEventBody, CheckEventBody, EventBody, EventListQuery, FeedBody, FeedQuery, MyEventsQuery, PublishWeekBody, RoomBody, RoomQuery, UpdateEventBody,
} from '../../../shared/schedules/contracts.js'
import * as uc from '../usecases/events.js'
import * as feeds from '../usecases/feeds.js'

export type ScheduleRoute = (req: HttpRequest<Actor> & { ctx: uc.ScheduleContext }) => Promise<HttpResult>

export const units: ScheduleRoute = async ({ ctx }) => ({ body: { units: await uc.scheduleUnits(ctx) } })
export const list: ScheduleRoute = async ({ ctx, query }) => ({ body: await uc.listEvents(ctx, parse(EventListQuery, query)) })
export const mine: ScheduleRoute = async ({ ctx, query }) => ({ body: { events: await uc.myEvents(ctx, parse(MyEventsQuery, query)) } })
export const check: ScheduleRoute = async ({ ctx, body }) => ({ body: await uc.checkEvent(ctx, parse(CheckEventBody, body)) })
export const create: ScheduleRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createEvent(ctx, parse(EventBody, body)) })
export const show: ScheduleRoute = async ({ ctx, params }) => ({ body: await uc.showEvent(ctx, parse(eventId, params.eventId)) })
export const update: ScheduleRoute = async ({ ctx, params, body }) => ({ body: await uc.updateEvent(ctx, parse(eventId, params.eventId), parse(UpdateEventBody, body)) })
export const cancel: ScheduleRoute = async ({ ctx, params, body }) => ({ body: await uc.cancelEvent(ctx, parse(eventId, params.eventId), parse(CancelEventBody, body)) })
export const publish: ScheduleRoute = async ({ ctx, body }) => ({ body: await uc.publishWeek(ctx, parse(PublishWeekBody, body)) })
export const rooms: ScheduleRoute = async ({ ctx, query }) => ({ body: { rooms: await uc.listRooms(ctx, parse(RoomQuery, query).unitId) } })
export const addRoom: ScheduleRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createRoom(ctx, parse(RoomBody, body)) })
export const feedStatus: ScheduleRoute = async ({ ctx, query }) => ({ body: await feeds.feedStatus(ctx, parse(FeedQuery, query).unitId) })
export const regenerate: ScheduleRoute = async ({ ctx, body }) => ({ body: await feeds.regenerateFeed(ctx, parse(FeedBody, body ?? {}).unitId) })
export const revoke: ScheduleRoute = async ({ ctx, body }) => ({ body: await feeds.revokeFeed(ctx, parse(FeedBody, body ?? {}).unitId) })
/** Public: no sign-in, the secret token is the credential. */
export const feed: ScheduleRoute = async ({ params }) => ({
  text: await feeds.feedByToken(parse(feedToken, params.token), new Date()),
  headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="lich-cong-tac.ics"' },
})
