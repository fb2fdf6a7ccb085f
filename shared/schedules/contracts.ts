/**
 * The schedules module's contracts: a unit's weekly schedule of its leaders
 * (lịch công tác tuần) — events (meeting, working visit, reception, other)
 * with start and end instants (shown in Asia/Ho_Chi_Minh), a place (one of
 * the unit's rooms, or written out), the presiding leader, participants,
 * the preparing unit and linked documents of the register; draft until the
 * office publishes the week. Request bodies are strict. Shared by the Lambda
 * handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { documentId } from '../documents/contracts.js'
import type { PersonRef } from '../documents/contracts.js'

/** `<unit id>.e<random>`: the unit whose schedule it is, so its key derives from its id. */
export const eventId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.e[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const eventUnitOf = (id: string): string => id.slice(0, id.indexOf('.'))
export const roomId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.r[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
/** A feed's secret: 32 random bytes, base64url (43 characters); `.ics` may follow in the URL. */
export const feedToken = z.string().regex(/^[A-Za-z0-9_-]{43}(\.ics)?$/, { message: 'field.invalidFormat' })
const userRef = z.string().min(1).max(256)
const text = (max: number) => z.string().trim().min(1).max(max)
/** An instant with its offset, e.g. `2026-12-07T08:00:00+07:00` (normalised to UTC ISO). */
export const instant = z.iso.datetime({ offset: true, message: 'field.invalidFormat' }).transform((v) => new Date(v).toISOString())

export const EVENT_KINDS = ['meeting', 'visit', 'reception', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
/** The longest event (a working visit of several days). */
export const MAX_EVENT_DAYS = 7

export const EventBody = z.strictObject({
  unitId,
  kind: z.enum(EVENT_KINDS).default('meeting'),
  title: text(300),
  start: instant,
  end: instant,
  /** One of the unit's rooms, or a place written out (a visit elsewhere). */
  roomId: roomId.optional(),
  place: z.string().trim().max(300).optional(),
  presiderId: userRef.optional(),
  participantIds: z.array(userRef).max(40).default([]),
  preparingUnitId: unitId.optional(),
  documentIds: z.array(documentId).max(10).default([]),
  notes: z.string().trim().max(2000).optional(),
  /** Save although a person or the room is booked at an overlapping time. */
  acceptConflicts: z.boolean().default(false),
})
export type EventBody = z.infer<typeof EventBody>
export const UpdateEventBody = EventBody.extend({ version: z.number().int().min(1) })
export type UpdateEventBody = z.infer<typeof UpdateEventBody>
/** The conflicts an event would have, before saving it (`eventId`: the event being edited, left out). */
export const CheckEventBody = EventBody.extend({ eventId: eventId.optional() })
export type CheckEventBody = z.infer<typeof CheckEventBody>
export const CancelEventBody = z.strictObject({ version: z.number().int().min(1), reason: text(1000) })
export const PublishWeekBody = z.strictObject({ unitId, week: isoDate })
export const EventListQuery = z.strictObject({ unitId, from: isoDate, to: isoDate })
export const MyEventsQuery = z.strictObject({ from: isoDate, to: isoDate })
export const RoomQuery = z.strictObject({ unitId })
export const RoomBody = z.strictObject({ unitId, name: text(200), capacity: z.number().int().min(1).max(2000).optional() })
export const FeedQuery = z.strictObject({ unitId: unitId.optional() })
export const FeedBody = z.strictObject({ unitId: unitId.optional() })

// ---------- entities ----------

export interface Room { roomId: string; unitId: string; name: string; capacity?: number }
export interface UnitRef { unitId: string; name: string }
export interface DocumentRef { documentId: string; symbol?: string; summary: string }

export interface ScheduleEvent {
  eventId: string
  /** The unit whose schedule it is. */
  unitId: string
  kind: EventKind
  title: string
  /** UTC ISO instants; shown in Việt Nam time. */
  start: string
  end: string
  room?: { roomId: string; name: string }
  place?: string
  presider?: PersonRef
  participants: PersonRef[]
  preparingUnit?: UnitRef
  documents: DocumentRef[]
  notes?: string
  /** Draft until the office publishes its week; a published event stays published when it changes. */
  state: 'draft' | 'published'
  cancelled?: { at: string; by: PersonRef; reason: string }
  /** iCalendar SEQUENCE: bumped by every change after publication. */
  sequence: number
  createdBy: PersonRef
  createdAt: string
  updatedAt: string
  version: number
}

export interface Conflict {
  kind: 'person' | 'room'
  /** The person's or the room's name. */
  name: string
  eventId: string
  title: string
  start: string
  end: string
}

export interface WeekPublication { unitId: string; week: string; publishedAt: string; publishedBy: PersonRef; events: number }
