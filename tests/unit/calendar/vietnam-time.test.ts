/** The platform's day is Việt Nam's day (Asia/Ho_Chi_Minh), not the UTC day. */
import { describe, expect, it } from 'vitest'
import { vietnamClock, vietnamDate, vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import { today } from '../../../shared/org/tree.js'
import { dateLine } from '../../../shared/documents/numbering.js'

describe('Việt Nam time', () => {
  it('a document signed at 00:11 on 3 December (+07:00) is dated the 3rd', () => {
    const signedAt = new Date('2026-12-03T00:11:00+07:00') // 2026-12-02T17:11Z
    expect(signedAt.toISOString().slice(0, 10)).toBe('2026-12-02')
    expect(vietnamDate(signedAt)).toBe('2026-12-03')
    expect(today(signedAt)).toBe('2026-12-03')
    expect(dateLine('Hoàn Kiếm', today(signedAt))).toBe('Hoàn Kiếm, ngày 03 tháng 12 năm 2026')
    expect(vietnamClock(signedAt)).toBe('00:11:00')
  })

  it('the day turns at midnight in Hà Nội, across months and years', () => {
    expect(today(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31')
    expect(today(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01')
    expect(vietnamDate(new Date('2026-02-28T17:30:00Z'))).toBe('2026-03-01')
  })

  it('a calendar date stays as written; a timestamp becomes the day in Việt Nam', () => {
    expect(vietnamDay('2026-01-05')).toBe('2026-01-05')
    expect(vietnamDay('2026-01-04T18:00:00.000Z')).toBe('2026-01-05')
    expect(vietnamDay(new Date('2026-01-04T16:00:00.000Z'))).toBe('2026-01-04')
  })
})
