import { describe, expect, it } from 'vitest'
import { checkTimes, findConflicts, nextSequence, weekBounds, weekOf } from '../../../shared/schedules/rules.js'
import type { ScheduleEvent } from '../../../shared/schedules/contracts.js'

const binh = { userId: 'u-binh', fullName: 'Trần Thị Bình' }
const chanh = { userId: 'u-chanh', fullName: 'Lê Văn Chánh' }
const room = { roomId: 'hn-vptu.r0001', name: 'Phòng họp số 1' }
const event = (eventId: string, start: string, end: string, over: Partial<ScheduleEvent> = {}): ScheduleEvent => ({
  eventId, unitId: 'hn-tu', kind: 'meeting', title: `Họp ${eventId}`, start, end, participants: [], documents: [], state: 'draft', sequence: 0,
  createdBy: chanh, createdAt: start, updatedAt: start, version: 1, ...over,
})

describe('the week in Việt Nam time', () => {
  it('starts on Monday 00:00 +07:00, which is Sunday 17:00 UTC', () => {
    const { from, to, days } = weekBounds('2026-12-07')
    expect(from.toISOString()).toBe('2026-12-06T17:00:00.000Z')
    expect(to.toISOString()).toBe('2026-12-13T17:00:00.000Z')
    expect(days).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'])
  })
  it('puts an instant in the Việt Nam week it falls in, not the UTC one', () => {
    // Sunday 18:00 UTC is Monday 01:00 in Hà Nội: already the next week.
    expect(weekOf(new Date('2026-12-13T18:00:00Z'))).toBe('2026-12-14')
    expect(weekOf(new Date('2026-12-13T16:59:59Z'))).toBe('2026-12-07')
    expect(weekOf('2026-12-13')).toBe('2026-12-07')
    expect(weekOf('2027-01-01')).toBe('2026-12-28')
  })
  it('names a week by its Monday only', () => {
    expect(() => weekBounds('2026-12-08')).toThrow(expect.objectContaining({ code: 'schedule.weekNotMonday', status: 422 }))
  })
})

describe('an event\'s times', () => {
  it('refuses an end before (or at) the start, and an event over seven days', () => {
    expect(() => checkTimes('2026-12-07T03:00:00.000Z', '2026-12-07T01:00:00.000Z')).toThrow(expect.objectContaining({ code: 'schedule.endBeforeStart' }))
    expect(() => checkTimes('2026-12-07T03:00:00.000Z', '2026-12-07T03:00:00.000Z')).toThrow(expect.objectContaining({ code: 'schedule.endBeforeStart' }))
    expect(() => checkTimes('2026-12-07T03:00:00.000Z', '2026-12-15T03:00:00.000Z')).toThrow(expect.objectContaining({ code: 'schedule.tooLong' }))
    expect(() => checkTimes('2026-12-07T01:00:00.000Z', '2026-12-09T10:00:00.000Z')).not.toThrow()
  })
})

describe('conflicts', () => {
  const others = [
    event('hn-tu.e0001', '2026-12-07T01:00:00.000Z', '2026-12-07T03:00:00.000Z', { presider: binh, room }),
    event('hn-tu.e0002', '2026-12-07T03:00:00.000Z', '2026-12-07T04:00:00.000Z', { participants: [binh] }),
    event('hn-tu.e0003', '2026-12-07T02:00:00.000Z', '2026-12-07T05:00:00.000Z', { participants: [binh], cancelled: { at: '', by: chanh, reason: 'x' } }),
  ]
  it('names a leader booked twice at overlapping times, and the room', () => {
    const found = findConflicts({ start: '2026-12-07T02:00:00.000Z', end: '2026-12-07T02:30:00.000Z', presider: binh, participants: [chanh], room }, others)
    expect(found).toEqual([
      { kind: 'room', name: 'Phòng họp số 1', eventId: 'hn-tu.e0001', title: 'Họp hn-tu.e0001', start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T03:00:00.000Z' },
      { kind: 'person', name: 'Trần Thị Bình', eventId: 'hn-tu.e0001', title: 'Họp hn-tu.e0001', start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T03:00:00.000Z' },
    ])
  })
  it('does not count touching ends, cancelled events, other people, or the event being edited', () => {
    expect(findConflicts({ start: '2026-12-07T04:00:00.000Z', end: '2026-12-07T05:00:00.000Z', participants: [binh] }, others)).toEqual([])
    expect(findConflicts({ start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T02:00:00.000Z', participants: [chanh] }, others)).toEqual([])
    expect(findConflicts({ eventId: 'hn-tu.e0001', start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T02:00:00.000Z', presider: binh, participants: [], room }, others)).toEqual([])
  })
  it('bumps the sequence only once the event is published', () => {
    expect(nextSequence({ state: 'draft', sequence: 0 })).toBe(0)
    expect(nextSequence({ state: 'published', sequence: 2 })).toBe(3)
  })
})
