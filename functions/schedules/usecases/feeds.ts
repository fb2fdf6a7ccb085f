/**
 * Private iCalendar feeds (RFC 5545, written with ical-generator): one per
 * person (their published events) and one per unit (its published
 * schedule). The URL carries a secret token of 32 random bytes; only its
 * SHA-256 is stored, so a feed's URL is shown once, when it is made, and
 * regenerating it revokes the old one (its URL then answers 404, as one
 * that never existed). Times carry TZID=Asia/Ho_Chi_Minh with its
 * VTIMEZONE; UIDs are the event ids (stable), SEQUENCE counts the changes
 * after publication, and a cancelled event stays with STATUS:CANCELLED so
 * subscribed calendars remove it.
 */
import { randomBytes } from 'node:crypto'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { DomainError, ForbiddenError, NotFoundError } from '../../../shared/errors/index.js'
import { VIETNAM_TIME_ZONE, vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { nameOn } from '../../../shared/org/tree.js'
import type { ScheduleEvent } from '../../../shared/schedules/contracts.js'
import { sha256 } from '../../lib/hash.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { feedItem, feedPointerItem, ownerKey, scheduleStore, type Feed, type FeedOwner } from '../adapters/store.js'
import { keys } from '../../../shared/table/keys.js'
import { managesSchedule, unitName, type ScheduleContext } from './events.js'
import { orgStore } from '../../org/adapters/store.js'

const OFFSET = 7 * 3_600_000
/** How far back and ahead a feed reaches. */
const PAST_DAYS = 62
const AHEAD_DAYS = 370

/**
 * An instant as ical-generator writes a zoned date-time: its wall-clock fields
 * in Việt Nam (a fixed UTC+07:00, no daylight saving), whatever the process's
 * own time zone is. ical-generator recognises this shape (a Date with
 * `internal`, `withTimeZone`, `tzComponents`, as @date-fns/tz's TZDate has).
 */
class VietnamDateTime extends Date {
  readonly internal: Date
  constructor(iso: string) { super(iso); this.internal = new Date(Date.parse(iso) + OFFSET) }
  withTimeZone(): this { return this }
  tzComponents() { return undefined }
  override getFullYear() { return this.internal.getUTCFullYear() }
  override getMonth() { return this.internal.getUTCMonth() }
  override getDate() { return this.internal.getUTCDate() }
  override getHours() { return this.internal.getUTCHours() }
  override getMinutes() { return this.internal.getUTCMinutes() }
  override getSeconds() { return this.internal.getUTCSeconds() }
}

/** Asia/Ho_Chi_Minh as a VTIMEZONE: +07:00 all year. */
const VTIMEZONE = (tz: string) => [
  'BEGIN:VTIMEZONE', `TZID:${tz}`, `X-LIC-LOCATION:${tz}`,
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'TZNAME:+07', 'DTSTART:19700101T000000', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

const KIND: Record<string, string> = { meeting: 'Họp', visit: 'Làm việc', reception: 'Tiếp', other: 'Sự kiện' }

/** The iCalendar text of a feed's events (published ones; cancelled ones as STATUS:CANCELLED). */
export function renderFeed(name: string, events: readonly ScheduleEvent[]): string {
  const cal = ical({ name, prodId: { company: 'Digital Office', product: 'Lich cong tac', language: 'VI' }, method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP, CREATED stay UTC); each event's zone gets its VTIMEZONE from the generator.
    timezone: { name: null, generator: VTIMEZONE }, ttl: 15 * 60 })
  for (const e of events) {
    if (e.state !== 'published') continue
    const description = [
      `${KIND[e.kind]}${e.presider ? ` — Chủ trì: ${e.presider.fullName}` : ''}`,
      ...(e.participants.length ? [`Thành phần: ${e.participants.map((p) => p.fullName).join(', ')}`] : []),
      ...(e.preparingUnit ? [`Đơn vị chuẩn bị: ${e.preparingUnit.name}`] : []),
      ...e.documents.map((d) => `Văn bản: ${d.symbol ? `${d.symbol} — ` : ''}${d.summary}`),
      ...(e.notes ? [e.notes] : []),
      ...(e.cancelled ? [`Đã hủy: ${e.cancelled.reason}`] : []),
    ].join('\n')
    cal.createEvent({
      id: `${e.eventId}@digital-office`, sequence: e.sequence, summary: e.title, description,
      start: new VietnamDateTime(e.start), end: new VietnamDateTime(e.end), timezone: VIETNAM_TIME_ZONE,
      stamp: new Date(e.updatedAt), lastModified: new Date(e.updatedAt), created: new Date(e.createdAt),
      ...(e.room || e.place ? { location: e.room?.name ?? e.place } : {}),
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return cal.toString()
}

const noFeed = () => new DomainError('notFound.feed', 404)

/** The public feed route: the token is the only credential; anything else is a 404. */
export async function feedByToken(token: string, now: Date): Promise<string> {
  const feed = await scheduleStore.feed(sha256(token.replace(/\.ics$/, '')))
  if (!feed) throw noFeed()
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString()
  const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000).toISOString()
  if (feed.owner.kind === 'user') {
    const user = await orgStore.getUser(feed.owner.userId)
    if (!user || user.status !== 'active') throw noFeed()
    return renderFeed(`Lịch công tác — ${user.fullName}`, await scheduleStore.ofPerson(user.userId, from, to))
  }
  const unit = await orgStore.getUnit(feed.owner.unitId)
  if (!unit) throw noFeed()
  return renderFeed(`Lịch công tác — ${nameOn(unit, vietnamDate(now)).name}`, await scheduleStore.ofUnit(unit.unitId, from, to))
}

async function ownerFor(ctx: ScheduleContext, unitId?: string): Promise<{ owner: FeedOwner; auditUnit: string; name: string }> {
  if (!unitId) return { owner: { kind: 'user', userId: ctx.actor.userId }, auditUnit: ctx.actor.assignments[0]?.unitId ?? 'system', name: ctx.actor.fullName }
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  if (!managesSchedule(ctx, index, unitId)) throw new ForbiddenError('schedule.notManager')
  return { owner: { kind: 'unit', unitId }, auditUnit: unitId, name: unitName(index, unitId, ctx.date) }
}

const path = (token: string) => `/api/schedules/feeds/${token}.ics`

/** Whether the person (or the unit) has a feed, and since when; the URL itself is shown only when made. */
export async function feedStatus(ctx: ScheduleContext, unitId?: string) {
  const { owner, name } = await ownerFor(ctx, unitId)
  const feed = await scheduleStore.feedOf(owner)
  return { name, active: !!feed, ...(feed ? { createdAt: feed.createdAt } : {}) }
}

/** A new secret URL; the previous one stops working at once. */
export async function regenerateFeed(ctx: ScheduleContext, unitId?: string) {
  const { owner, auditUnit, name } = await ownerFor(ctx, unitId)
  const old = await scheduleStore.feedOf(owner)
  const token = randomBytes(32).toString('base64url')
  const feed: Feed = { tokenHash: sha256(token), owner, createdAt: ctx.now.toISOString(), createdBy: ctx.actor.userId }
  const tx = new Transaction()
  if (old) tx.delete(keys.scheduleFeed(old.tokenHash))
  await tx.put(feedItem(feed), { expectVersion: 'new' }).put(feedPointerItem(feed))
    .audit({ unitId: auditUnit, action: old ? 'schedule.feedRegenerate' : 'schedule.feedCreate', target: owner.kind === 'user' ? owner.userId : owner.unitId, details: { title: name } })
    .commit(ctx.auditActor, ctx.now)
  return { name, active: true, createdAt: feed.createdAt, path: path(token) }
}

export async function revokeFeed(ctx: ScheduleContext, unitId?: string) {
  const { owner, auditUnit, name } = await ownerFor(ctx, unitId)
  const old = await scheduleStore.feedOf(owner)
  if (!old) return { name, active: false }
  await new Transaction().delete(keys.scheduleFeed(old.tokenHash)).delete(keys.scheduleFeedOf(ownerKey(owner)))
    .audit({ unitId: auditUnit, action: 'schedule.feedRevoke', target: owner.kind === 'user' ? owner.userId : owner.unitId, details: { title: name } })
    .commit(ctx.auditActor, ctx.now)
  return { name, active: false }
}
