/**
 * The schedules module's use cases: a unit's schedule is arranged by those
 * holding `schedule.manage` over the unit or over its office (the city
 * committee's by the City Committee Office); they see drafts, and the
 * office (`schedule.publish`) publishes a week. Others with `schedule.read`
 * over the unit, and each event's own people, see published events only.
 * Conflicts — a person or a room booked at overlapping times — are answered
 * before saving, and saving over one needs `acceptConflicts`. Every change is
 * one transaction with its audit entry; a change to a published event bumps
 * its SEQUENCE and is mailed to its people.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { childrenOn, existsOn, isWithin, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { vietnamClock, vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import type { CheckEventBody, Conflict, EventBody, Room, ScheduleEvent, UpdateEventBody } from '../../../shared/schedules/contracts.js'
import { schedulePolicy, type ScheduleAction } from '../../../shared/schedules/policy.js'
import * as rules from '../../../shared/schedules/rules.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { mail } from '../../lib/adapters/mail.js'
import { orgStore } from '../../org/adapters/store.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { documentStore } from '../../documents/adapters/store.js'
import { mayView } from '../../documents/usecases/visibility.js'
import { eventItem, personPointers, roomItem, scheduleStore } from '../adapters/store.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'

export type ScheduleContext = OrgContext

const me = (ctx: ScheduleContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const notFound = (id: string) => new DomainError('notFound.event', 404, { id })
const rand = () => `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`
export const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : '' }
/** `08:00 07/12/2026`, Việt Nam time. */
export const when = (iso: string) => { const d = vietnamDate(new Date(iso)); return `${vietnamClock(new Date(iso)).slice(0, 5)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` }

/** The unit's office (a child unit of kind office), whose people arrange the unit's schedule. */
export function officeOf(index: UnitIndex, unitId: string, date: string): string | undefined {
  return childrenOn(index, date).get(unitId)?.find((u) => u.kind === 'office')?.unitId
}

/** May the caller arrange (or publish) the unit's schedule: the action over the unit, or over its office. */
export function managesSchedule(ctx: ScheduleContext, index: UnitIndex, unitId: string, action: ScheduleAction = 'schedule.manage'): boolean {
  if (!index.has(unitId)) return false
  if (schedulePolicy.can(ctx.actor, action, unitId, index, ctx.date)) return true
  const office = officeOf(index, unitId, ctx.date)
  return !!office && schedulePolicy.can(ctx.actor, action, office, index, ctx.date)
}
export const readsSchedule = (ctx: ScheduleContext, index: UnitIndex, unitId: string) =>
  managesSchedule(ctx, index, unitId) || (index.has(unitId) && schedulePolicy.can(ctx.actor, 'schedule.read', unitId, index, ctx.date))

/** May the caller see this event: its unit's managers (drafts too); once published, readers of the unit and its own people. */
export function seesEvent(ctx: ScheduleContext, index: UnitIndex, e: ScheduleEvent): boolean {
  if (managesSchedule(ctx, index, e.unitId)) return true
  if (e.state !== 'published') return false
  return rules.peopleOf(e).some((p) => p.userId === ctx.actor.userId) || readsSchedule(ctx, index, e.unitId)
}

/** An event as the calendar shows it: the unit's name, what the caller may do. */
export function view(ctx: ScheduleContext, index: UnitIndex, e: ScheduleEvent) {
  return { ...e, unitName: unitName(index, e.unitId, ctx.date), can: { manage: !e.cancelled && managesSchedule(ctx, index, e.unitId) } }
}
export type EventView = ReturnType<typeof view>

/** The unit's rooms and its office's (meetings of the city committee are held in the Office's rooms). */
export async function roomsFor(index: UnitIndex, unitId: string, date: string): Promise<Room[]> {
  const office = officeOf(index, unitId, date)
  const lists = await Promise.all([unitId, ...(office ? [office] : [])].map((u) => scheduleStore.rooms(u)))
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

type Fields = Omit<ScheduleEvent, 'eventId' | 'state' | 'sequence' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version' | 'cancelled'>

/** The body checked against the tree, the people, the rooms and the register; bad input changes nothing. */
async function resolve(ctx: ScheduleContext, index: UnitIndex, body: EventBody): Promise<Fields> {
  const unit = index.get(body.unitId)
  if (!unit) throw new NotFoundError('unit', body.unitId)
  if (!managesSchedule(ctx, index, body.unitId)) throw new ForbiddenError('schedule.notManager')
  rules.checkTimes(body.start, body.end)
  const day = vietnamDate(new Date(body.start))
  if (!existsOn(unit, day) || !existsOn(unit, ctx.date)) throw new RuleError('schedule.unitEnded', { name: nameOn(unit, ctx.date).name, date: day.split('-').reverse().join('/') })
  const ids = [...new Set([...(body.presiderId ? [body.presiderId] : []), ...body.participantIds])]
  const users = ids.length ? await orgStore.getUsers(ids) : []
  const people = new Map<string, PersonRef>()
  for (const id of ids) {
    const u = users.find((x) => x.userId === id)
    if (!u || u.status !== 'active') throw new RuleError('schedule.unknownPerson', { id })
    if (!u.assignments.some((a) => index.has(a.unitId) && isWithin(index, a.unitId, body.unitId, ctx.date))) {
      throw new RuleError('schedule.participantOutsideUnit', { name: u.fullName, unit: nameOn(unit, ctx.date).name })
    }
    people.set(id, { userId: u.userId, fullName: u.fullName })
  }
  let room: ScheduleEvent['room']
  if (body.roomId) {
    const r = (await roomsFor(index, body.unitId, ctx.date)).find((x) => x.roomId === body.roomId)
    if (!r) throw new RuleError('schedule.unknownRoom')
    room = { roomId: r.roomId, name: r.name }
  }
  let preparingUnit: ScheduleEvent['preparingUnit']
  if (body.preparingUnitId) {
    const p = index.get(body.preparingUnitId)
    if (!p || !existsOn(p, ctx.date)) throw new NotFoundError('unit', body.preparingUnitId)
    preparingUnit = { unitId: p.unitId, name: nameOn(p, ctx.date).name }
  }
  const documents: ScheduleEvent['documents'] = []
  for (const id of new Set(body.documentIds)) {
    const doc = await documentStore.getDocument(id)
    if (!doc || !mayView(ctx.actor, doc, index, ctx.date)) throw new RuleError('schedule.unknownDocument', { id })
    documents.push({ documentId: id, ...(doc.symbol ? { symbol: doc.symbol } : {}), summary: doc.summary })
  }
  return {
    unitId: body.unitId, kind: body.kind, title: body.title, start: body.start, end: body.end,
    ...(room ? { room } : {}), ...(body.place ? { place: body.place } : {}),
    ...(body.presiderId ? { presider: people.get(body.presiderId)! } : {}),
    participants: body.participantIds.filter((id, i, a) => a.indexOf(id) === i && id !== body.presiderId).map((id) => people.get(id)!),
    ...(preparingUnit ? { preparingUnit } : {}), documents, ...(body.notes ? { notes: body.notes } : {}),
  }
}

/** Every event that books one of the booking's people or its room at an overlapping time, with the conflicts. */
async function conflictsOf(booking: rules.Booking): Promise<Conflict[]> {
  const reads = [
    ...rules.peopleOf(booking).map((p) => scheduleStore.ofPerson(p.userId, booking.start, booking.end)),
    ...(booking.room ? [scheduleStore.ofRoom(booking.room.roomId, booking.start, booking.end)] : []),
  ]
  const byId = new Map((await Promise.all(reads)).flat().map((e) => [e.eventId, e]))
  return rules.findConflicts(booking, [...byId.values()])
}

function refuseConflicts(conflicts: Conflict[], accept: boolean): void {
  if (!conflicts.length || accept) return
  const c = conflicts[0]
  throw new ConflictError('schedule.conflicts', { name: c.name, title: c.title, start: when(c.start), end: when(c.end), count: conflicts.length })
}

export async function checkEvent(ctx: ScheduleContext, body: CheckEventBody): Promise<{ conflicts: Conflict[] }> {
  const index = await ctx.tree()
  const fields = await resolve(ctx, index, body)
  return { conflicts: await conflictsOf({ ...fields, ...(body.eventId ? { eventId: body.eventId } : {}) }) }
}

export async function createEvent(ctx: ScheduleContext, body: EventBody): Promise<EventView & { conflicts: Conflict[] }> {
  const index = await ctx.tree()
  const fields = await resolve(ctx, index, body)
  const conflicts = await conflictsOf(fields)
  refuseConflicts(conflicts, body.acceptConflicts)
  const at = ctx.now.toISOString()
  const event: ScheduleEvent = { eventId: `${body.unitId}.e${rand()}`, ...fields, state: 'draft', sequence: 0, createdBy: me(ctx), createdAt: at, updatedAt: at, version: 1 }
  const tx = new Transaction().put(eventItem(event), { expectVersion: 'new' })
  for (const p of personPointers(event)) tx.put(p)
  await tx.audit({ unitId: event.unitId, action: 'schedule.create', target: event.eventId, details: { title: event.title, from: event.start, to: event.end, conflicts: conflicts.length } })
    .commit(ctx.auditActor, ctx.now)
  return { ...view(ctx, index, event), conflicts }
}

async function loadManaged(ctx: ScheduleContext, eventId: string, version: number) {
  const [event, index] = await Promise.all([scheduleStore.get(eventId), ctx.tree()])
  if (!event || !seesEvent(ctx, index, event)) throw notFound(eventId)
  if (!managesSchedule(ctx, index, event.unitId)) throw new ForbiddenError('schedule.notManager')
  if (event.cancelled) throw new RuleError('schedule.cancelled', { title: event.title })
  if (event.version !== version) throw new ConflictError('conflict.version')
  return { event, index }
}

/** Writes the new state of an event, moving its people's pointers, and mails them when it was published. */
async function rewrite(ctx: ScheduleContext, before: ScheduleEvent, after: ScheduleEvent, audit: { action: string; details: Record<string, unknown> }): Promise<void> {
  const keep = new Set(personPointers(after).map((p) => `${p.pk}|${p.sk}`))
  const tx = new Transaction().put(eventItem(after), { expectVersion: before.version })
  for (const p of personPointers(before)) if (!keep.has(`${p.pk}|${p.sk}`)) tx.delete({ pk: p.pk, sk: p.sk })
  for (const p of personPointers(after)) tx.put(p)
  await tx.audit({ unitId: before.unitId, action: audit.action, target: before.eventId, details: { title: before.title, ...audit.details } }).commit(ctx.auditActor, ctx.now)
  if (before.state === 'published') await notifyChange(before, after)
}

export async function updateEvent(ctx: ScheduleContext, eventId: string, body: UpdateEventBody): Promise<EventView & { conflicts: Conflict[] }> {
  const { event, index } = await loadManaged(ctx, eventId, body.version)
  if (body.unitId !== event.unitId) throw new RuleError('schedule.notManager')
  const fields = await resolve(ctx, index, body)
  const conflicts = await conflictsOf({ ...fields, eventId })
  refuseConflicts(conflicts, body.acceptConflicts)
  const next: ScheduleEvent = { ...event, ...fields, sequence: rules.nextSequence(event), updatedAt: ctx.now.toISOString(), version: event.version + 1 }
  if (!fields.room) delete next.room
  if (!fields.place) delete next.place
  if (!fields.presider) delete next.presider
  if (!fields.preparingUnit) delete next.preparingUnit
  if (!fields.notes) delete next.notes
  await rewrite(ctx, event, next, { action: 'schedule.update', details: { from: next.start, to: next.end, conflicts: conflicts.length } })
  return { ...view(ctx, index, next), conflicts }
}

export async function cancelEvent(ctx: ScheduleContext, eventId: string, body: { version: number; reason: string }): Promise<EventView> {
  const { event, index } = await loadManaged(ctx, eventId, body.version)
  const next: ScheduleEvent = {
    ...event, cancelled: { at: ctx.now.toISOString(), by: me(ctx), reason: body.reason }, sequence: rules.nextSequence(event), updatedAt: ctx.now.toISOString(), version: event.version + 1,
  }
  await rewrite(ctx, event, next, { action: 'schedule.cancel', details: { reason: body.reason } })
  return view(ctx, index, next)
}

export async function showEvent(ctx: ScheduleContext, eventId: string): Promise<EventView> {
  const [event, index] = await Promise.all([scheduleStore.get(eventId), ctx.tree()])
  if (!event || !seesEvent(ctx, index, event)) throw notFound(eventId)
  return view(ctx, index, event)
}

/** The office publishes a week: every draft of the unit's week becomes published (participants outside the office now see it). */
export async function publishWeek(ctx: ScheduleContext, body: { unitId: string; week: string }) {
  const index = await ctx.tree()
  if (!index.has(body.unitId)) throw new NotFoundError('unit', body.unitId)
  if (!managesSchedule(ctx, index, body.unitId, 'schedule.publish')) throw new ForbiddenError('auth.forbidden')
  const { from, to } = rules.weekBounds(body.week)
  const drafts = (await scheduleStore.ofUnit(body.unitId, from.toISOString(), to.toISOString()))
    .filter((e) => e.state === 'draft' && !e.cancelled && e.start >= from.toISOString())
  if (!drafts.length) throw new RuleError('schedule.nothingToPublish', { week: body.week.split('-').reverse().join('/') })
  const at = ctx.now.toISOString()
  for (let i = 0; i < drafts.length; i += 40) {
    const tx = new Transaction()
    for (const e of drafts.slice(i, i + 40)) tx.put(eventItem({ ...e, state: 'published', updatedAt: at, version: e.version + 1 }), { expectVersion: e.version })
    if (i === 0) {
      tx.put({ ...keys.scheduleWeek(body.unitId, body.week), entity: ENTITY.scheduleWeek, schemaVersion: SCHEMA_VERSION, unitId: body.unitId, week: body.week, publishedAt: at, publishedBy: me(ctx), events: drafts.length })
      tx.audit({ unitId: body.unitId, action: 'schedule.publish', target: `${body.unitId}#${body.week}`, details: { from: body.week, events: drafts.length } })
    }
    await tx.commit(ctx.auditActor, ctx.now)
  }
  return { unitId: body.unitId, week: body.week, published: drafts.length }
}

/** A unit's events in [from, to] (Việt Nam days): drafts only for its managers. */
export async function listEvents(ctx: ScheduleContext, q: { unitId: string; from: string; to: string }) {
  const index = await ctx.tree()
  if (!index.has(q.unitId) || !readsSchedule(ctx, index, q.unitId)) throw new NotFoundError('unit', q.unitId)
  const { from, to } = rules.dayRange(q.from, q.to)
  const events = (await scheduleStore.ofUnit(q.unitId, from.toISOString(), to.toISOString())).filter((e) => seesEvent(ctx, index, e))
  return {
    unitId: q.unitId, unitName: unitName(index, q.unitId, ctx.date),
    can: { manage: managesSchedule(ctx, index, q.unitId), publish: managesSchedule(ctx, index, q.unitId, 'schedule.publish') },
    events: events.sort((a, b) => a.start.localeCompare(b.start)).map((e) => view(ctx, index, e)),
  }
}

/** The caller's own events in [from, to] (as presider or participant), as they may see them. */
export async function myEvents(ctx: ScheduleContext, q: { from: string; to: string }): Promise<EventView[]> {
  const index = await ctx.tree()
  const { from, to } = rules.dayRange(q.from, q.to)
  const events = await scheduleStore.ofPerson(ctx.actor.userId, from.toISOString(), to.toISOString())
  return events.filter((e) => !e.cancelled && seesEvent(ctx, index, e)).sort((a, b) => a.start.localeCompare(b.start)).map((e) => view(ctx, index, e))
}

/** The schedules the caller may open: units where they read or manage, by name. */
export async function scheduleUnits(ctx: ScheduleContext) {
  const index = await ctx.tree()
  const reach = schedulePolicy.reach(ctx.actor, 'schedule.read', index, ctx.date)
  const managed = schedulePolicy.grantingUnits(ctx.actor, 'schedule.manage', index, ctx.date)
    .map((u) => index.get(u)).filter((u) => u?.kind === 'office' && u.parentId).map((u) => u!.parentId!)
  const ids = [...new Set([...managed, ...reach])].filter((id) => { const u = index.get(id); return !!u && u.kind !== 'cell' && u.kind !== 'office' })
  return ids.map((id) => ({ unitId: id, name: unitName(index, id, ctx.date), manage: managesSchedule(ctx, index, id), publish: managesSchedule(ctx, index, id, 'schedule.publish') }))
    .sort((a, b) => Number(b.manage) - Number(a.manage) || (index.get(a.unitId)!.level === index.get(b.unitId)!.level ? a.name.localeCompare(b.name, 'vi') : 0))
}

export async function listRooms(ctx: ScheduleContext, unitId: string): Promise<Room[]> {
  const index = await ctx.tree()
  if (!readsSchedule(ctx, index, unitId)) throw new NotFoundError('unit', unitId)
  return roomsFor(index, unitId, ctx.date)
}

export async function createRoom(ctx: ScheduleContext, body: { unitId: string; name: string; capacity?: number }): Promise<Room> {
  const index = await ctx.tree()
  const unit = index.get(body.unitId)
  if (!unit || !existsOn(unit, ctx.date)) throw new NotFoundError('unit', body.unitId)
  if (!managesSchedule(ctx, index, body.unitId)) throw new ForbiddenError('schedule.notManager')
  const room: Room = { roomId: `${body.unitId}.r${rand()}`, unitId: body.unitId, name: body.name, ...(body.capacity ? { capacity: body.capacity } : {}) }
  await new Transaction().put(roomItem(room), { expectVersion: 'new' })
    .audit({ unitId: body.unitId, action: 'schedule.roomCreate', target: room.roomId, details: { title: room.name } }).commit(ctx.auditActor, ctx.now)
  return room
}

const KIND_VI: Record<string, string> = { meeting: 'Họp', visit: 'Làm việc', reception: 'Tiếp', other: 'Sự kiện' }

/** A change to a published event, mailed to everyone it concerned before or concerns now (vi, then en). */
async function notifyChange(before: ScheduleEvent, after: ScheduleEvent): Promise<void> {
  const people = new Map([...rules.peopleOf(before), ...rules.peopleOf(after)].map((p) => [p.userId, p]))
  const users = await orgStore.getUsers([...people.keys()])
  const to = users.map((u) => u.email).filter((e): e is string => !!e)
  if (!to.length) return
  const place = after.room?.name ?? after.place ?? ''
  const cancelled = !!after.cancelled
  const subject = cancelled ? `Hủy lịch: ${before.title} / Cancelled: ${before.title}` : `Thay đổi lịch: ${after.title} / Schedule changed: ${after.title}`
  const lines = cancelled
    ? [`${KIND_VI[before.kind]} "${before.title}" (${when(before.start)} – ${when(before.end)}) đã bị hủy. Lý do: ${after.cancelled!.reason}`, '',
      `"${before.title}" (${when(before.start)} – ${when(before.end)}) was cancelled. Reason: ${after.cancelled!.reason}`]
    : [`${KIND_VI[after.kind]} "${after.title}" đã thay đổi:`, `Thời gian: ${when(after.start)} – ${when(after.end)} (trước: ${when(before.start)} – ${when(before.end)})`,
      ...(place ? [`Địa điểm: ${place}`] : []), ...(after.presider ? [`Chủ trì: ${after.presider.fullName}`] : []), '',
      `"${after.title}" has changed: ${when(after.start)} – ${when(after.end)} (was ${when(before.start)} – ${when(before.end)})${place ? `, ${place}` : ''}.`]
  await mail().send({ to, subject, text: lines.join('\n') })
}
