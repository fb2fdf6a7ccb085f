/**
 * The notification centre of the caller: their own items only (the key is
 * the caller's user id, never a parameter), newest first, read or unread,
 * and their choice of channels per kind.
 */
import { DomainError } from '../../../shared/errors/index.js'
import { DEFAULT_CHOICE, NOTIFICATION_KIND_IDS, type Notification, type NotificationList, type NotificationPreferences } from '../../../shared/notifications/contracts.js'
import { ENTITY, keys, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { getRecord, putItem, queryRecords } from '../../lib/adapters/items.js'
import { notificationItem } from './notify.js'

/** The newest this many; older ones stay in the table (the centre is a recent list, not an archive). */
export const CENTRE_SIZE = 200

export async function listNotifications(userId: string, unreadOnly = false): Promise<NotificationList> {
  const k = keys.notificationsOf(userId)
  const all = await queryRecords<Notification>({
    KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ScanIndexForward: false,
  }, { max: CENTRE_SIZE })
  return { items: unreadOnly ? all.filter((n) => !n.readAt) : all, unread: all.filter((n) => !n.readAt).length }
}

export async function markRead(userId: string, notificationId: string, now = new Date()): Promise<Notification> {
  const n = await getRecord<Notification>(keys.notification(userId, notificationId))
  if (!n) throw new DomainError('notification.notFound', 404)
  if (n.readAt) return n
  const read = { ...n, readAt: now.toISOString() }
  await putItem(notificationItem(read))
  return read
}

export async function markAllRead(userId: string, now = new Date()): Promise<{ marked: number }> {
  const unread = (await listNotifications(userId, true)).items
  for (const n of unread) await putItem(notificationItem({ ...n, readAt: now.toISOString() }))
  return { marked: unread.length }
}

/** Every kind with the caller's choice (the default where they made none). */
export async function preferences(userId: string): Promise<Required<NotificationPreferences>> {
  const saved = await getRecord<NotificationPreferences>(keys.notificationPreferences(userId))
  return { kinds: Object.fromEntries(NOTIFICATION_KIND_IDS.map((k) => [k, saved?.kinds[k] ?? DEFAULT_CHOICE])) }
}

export async function savePreferences(userId: string, body: NotificationPreferences): Promise<Required<NotificationPreferences>> {
  const current = await preferences(userId)
  const kinds = { ...current.kinds, ...body.kinds }
  await putItem({ ...keys.notificationPreferences(userId), entity: ENTITY.notificationPreferences, schemaVersion: SCHEMA_VERSION, userId, kinds })
  return { kinds }
}
