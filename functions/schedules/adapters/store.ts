/**
 * DynamoDB items of the schedules module: the event (under the unit whose
 * schedule it is, indexed by start for the unit and for its room), a pointer
 * per person in their own partition, the unit's rooms, published weeks and
 * the calendar feeds (by the hash of their token). Keys come from
 * shared/table/keys.ts.
 */
import { getRecord, getRecords, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { MAX_EVENT_DAYS, eventUnitOf, type Room, type ScheduleEvent } from '../../../shared/schedules/contracts.js'
import { peopleOf } from '../../../shared/schedules/rules.js'

export const eventItem = (e: ScheduleEvent) => ({
  ...keys.scheduleEvent(e.unitId, e.eventId),
  ...keys.eventsOfUnit(e.unitId, e.start, e.eventId),
  ...(e.room ? keys.eventsOfRoom(e.room.roomId, e.start, e.eventId) : {}),
  entity: ENTITY.scheduleEvent, schemaVersion: SCHEMA_VERSION, ...e,
})

/** One pointer per person the event concerns; the pointer's key carries the start, so a moved event moves its pointers. */
export const personPointers = (e: ScheduleEvent) => peopleOf(e).map((p) => ({
  ...keys.eventOfPerson(p.userId, e.start, e.eventId), entity: ENTITY.scheduleEventPointer, schemaVersion: SCHEMA_VERSION,
  eventId: e.eventId, unitId: e.unitId, start: e.start, end: e.end,
}))

export const roomItem = (r: Room) => ({ ...keys.room(r.unitId, r.roomId), entity: ENTITY.room, schemaVersion: SCHEMA_VERSION, ...r })

export type FeedOwner = { kind: 'user'; userId: string } | { kind: 'unit'; unitId: string }
export interface Feed { tokenHash: string; owner: FeedOwner; createdAt: string; createdBy: string }
export const ownerKey = (o: FeedOwner) => (o.kind === 'user' ? { userId: o.userId } : { unitId: o.unitId })
export const feedItem = (f: Feed) => ({ ...keys.scheduleFeed(f.tokenHash), entity: ENTITY.scheduleFeed, schemaVersion: SCHEMA_VERSION, ...f })
export const feedPointerItem = (f: Feed) => ({ ...keys.scheduleFeedOf(ownerKey(f.owner)), entity: ENTITY.scheduleFeedPointer, schemaVersion: SCHEMA_VERSION, ...f })

const SPAN = MAX_EVENT_DAYS * 86_400_000
/** Sort keys from the earliest start that can still overlap `from` (an event lasts at most MAX_EVENT_DAYS) up to `to`. */
const window = (from: string, to: string) => ({ lo: new Date(Date.parse(from) - SPAN).toISOString(), hi: `${to}#` })
const overlapping = (from: string, to: string) => (e: { start: string; end: string }) => e.start < to && e.end > from

async function byStart(index: { name: string; partitionKey: string; sortKey: string }, pkValue: string, from: string, to: string): Promise<ScheduleEvent[]> {
  const w = window(from, to)
  const rows = await queryRecords<ScheduleEvent>({
    IndexName: index.name, KeyConditionExpression: '#p = :p and #s between :lo and :hi',
    ExpressionAttributeNames: { '#p': index.partitionKey, '#s': index.sortKey }, ExpressionAttributeValues: { ':p': pkValue, ':lo': w.lo, ':hi': w.hi },
  })
  return rows.filter(overlapping(from, to))
}

export const scheduleStore = {
  get: (eventId: string) => getRecord<ScheduleEvent>(keys.scheduleEvent(eventUnitOf(eventId), eventId)),
  getMany: (ids: readonly string[]) => getRecords<ScheduleEvent>([...new Set(ids)].map((id) => keys.scheduleEvent(eventUnitOf(id), id))),
  /** A unit's events overlapping [from, to) (UTC ISO instants). */
  ofUnit: (unitId: string, from: string, to: string) => byStart(TABLE.indexes.byCollection, keys.eventsOfUnit(unitId, '', '').gsi1pk, from, to),
  ofRoom: (roomId: string, from: string, to: string) => byStart(TABLE.indexes.byLookup, keys.eventsOfRoom(roomId, '', '').gsi2pk, from, to),
  /** A person's events overlapping [from, to), read through their pointers. */
  async ofPerson(userId: string, from: string, to: string): Promise<ScheduleEvent[]> {
    const k = keys.eventsOfPerson(userId)
    const w = window(from, to)
    const pointers = (await queryRecords<{ eventId: string; start: string; end: string }>({
      KeyConditionExpression: 'pk = :pk and sk between :lo and :hi',
      ExpressionAttributeValues: { ':pk': k.pk, ':lo': `${k.skPrefix}${w.lo}`, ':hi': `${k.skPrefix}${w.hi}` },
    })).filter(overlapping(from, to))
    return pointers.length ? scheduleStore.getMany(pointers.map((p) => p.eventId)) : []
  },
  rooms: (unitId: string) => queryPrefix<Room>(keys.roomsOf(unitId)),
  room: (unitId: string, roomId: string) => getRecord<Room>(keys.room(unitId, roomId)),
  feed: (tokenHash: string) => getRecord<Feed>(keys.scheduleFeed(tokenHash)),
  feedOf: (owner: FeedOwner) => getRecord<Feed>(keys.scheduleFeedOf(ownerKey(owner))),
}
