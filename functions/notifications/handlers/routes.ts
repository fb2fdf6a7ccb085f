/** HTTP handlers of the notification centre: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { ListNotificationsQuery, NotificationIdParams, NotificationPreferences } from '../../../shared/notifications/contracts.js'
import * as uc from '../usecases/centre.js'

export type NotificationRoute = (req: HttpRequest<Actor> & { ctx: OrgContext }) => Promise<HttpResult>

export const list: NotificationRoute = async ({ ctx, query }) => ({ body: await uc.listNotifications(ctx.actor.userId, parse(ListNotificationsQuery, query).unread === 'true') })
export const read: NotificationRoute = async ({ ctx, params }) => ({ body: { notification: await uc.markRead(ctx.actor.userId, parse(NotificationIdParams, params).notificationId, ctx.now) } })
export const readAll: NotificationRoute = async ({ ctx }) => ({ body: await uc.markAllRead(ctx.actor.userId, ctx.now) })
export const getPreferences: NotificationRoute = async ({ ctx }) => ({ body: await uc.preferences(ctx.actor.userId) })
export const putPreferences: NotificationRoute = async ({ ctx, body }) => ({ body: await uc.savePreferences(ctx.actor.userId, parse(NotificationPreferences, body)) })
