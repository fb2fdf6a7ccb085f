/**
 * Live connections in the single table: the connection (who opened it, in
 * which language, the meetings it follows) and one subscription item per
 * followed meeting under that meeting, so a change finds its audience with
 * one query. Both expire (TTL `expiresAt`) when a WebSocket connection can
 * live no longer (API Gateway closes it after 2 hours), so a connection whose
 * `$disconnect` never ran does not stay.
 */
import { deleteItem, getRecord, putItem, queryPrefix } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import type { Lang } from '../../../shared/i18n/messages.js'

/** API Gateway's longest WebSocket connection. */
export const CONNECTION_SECONDS = 2 * 3600
export interface LiveConnection { connectionId: string; userId: string; lang: Lang; meetingIds: string[]; connectedAt: string }
export interface LiveSubscription { connectionId: string; userId: string; meetingId: string }

const expiry = (now: Date) => ({ [TABLE.ttlAttribute]: Math.floor(now.getTime() / 1000) + CONNECTION_SECONDS })

export const connectionStore = {
  get: (connectionId: string) => getRecord<LiveConnection>(keys.liveConnection(connectionId)),
  put: (c: LiveConnection, now: Date) => putItem({ ...keys.liveConnection(c.connectionId), entity: ENTITY.liveConnection, schemaVersion: SCHEMA_VERSION, ...c, ...expiry(now) }),
  async subscribe(c: LiveConnection, meetingId: string): Promise<void> {
    await putItem({ ...keys.liveSubscription(meetingId, c.connectionId), entity: ENTITY.liveSubscription, schemaVersion: SCHEMA_VERSION, connectionId: c.connectionId, userId: c.userId, meetingId, ...expiry(new Date(c.connectedAt)) })
    if (!c.meetingIds.includes(meetingId)) await connectionStore.put({ ...c, meetingIds: [...c.meetingIds, meetingId] }, new Date(c.connectedAt))
  },
  subscribers: (meetingId: string) => queryPrefix<LiveSubscription>(keys.liveSubscriptionsOf(meetingId)),
  unsubscribe: (meetingId: string, connectionId: string) => deleteItem(keys.liveSubscription(meetingId, connectionId)),
  /** The connection closed (or is gone): it and its subscriptions are forgotten. */
  async remove(connectionId: string): Promise<void> {
    const c = await connectionStore.get(connectionId)
    await Promise.all([...(c?.meetingIds ?? []).map((m) => deleteItem(keys.liveSubscription(m, connectionId))), deleteItem(keys.liveConnection(connectionId))])
  },
}
