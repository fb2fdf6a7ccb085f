import { describe, expect, it } from 'vitest'
import { CALENDAR, HOLIDAYS, addDays, lawfulHolidays, weekday, workingCalendar } from '../../../shared/calendar/working-days.js'
import { hungKingsDayOf, tetOf } from '../../../shared/calendar/lunar.js'
import { deadlineFor } from '../../../shared/documents/urgency.js'

describe('working-day calendar', () => {
  it('treats Saturdays and Sundays as days off, weekdays as working days', () => {
    // 2026-01-09 is a Friday
    expect(weekday('2026-01-09')).toBe(5)
    expect(CALENDAR.isWorkingDay('2026-01-09')).toBe(true)
    expect(CALENDAR.isWorkingDay('2026-01-10')).toBe(false)
    expect(CALENDAR.isWorkingDay('2026-01-11')).toBe(false)
    expect(CALENDAR.addWorkingDays('2026-01-09', 1)).toBe('2026-01-12')
  })

  it('closes for Tết Bính Ngọ 2026 from Saturday 14 to Sunday 22 February (mùng 1 = Tuesday 17 February)', () => {
    // Prepare
    const tet = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']

    // Act
    const working = tet.filter((d) => CALENDAR.isWorkingDay(d))

    // Assess
    expect(working).toEqual([])
    expect(CALENDAR.isHoliday('2026-02-17')?.name.vi).toBe('Tết Nguyên Đán')
    expect(CALENDAR.isWorkingDay('2026-02-13')).toBe(true)
    expect(CALENDAR.isWorkingDay('2026-02-23')).toBe(true)
    // A document received on the last working day before Tết, two working days: due after Tết.
    expect(CALENDAR.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24')
  })

  it('covers Tết Ất Tỵ 2025, Hùng Kings, 30/4–1/5 with the swapped Friday, and National Day 2025', () => {
    expect(CALENDAR.isWorkingDay('2025-01-29')).toBe(false) // mùng 1 Tết Ất Tỵ
    expect(CALENDAR.isWorkingDay('2025-04-07')).toBe(false) // 10/3 âm lịch
    expect(CALENDAR.isWorkingDay('2025-05-02')).toBe(false) // swapped Friday
    expect(CALENDAR.isWorkingDay('2025-04-26')).toBe(true) // the Saturday worked for it
    expect(CALENDAR.isWorkingDay('2025-09-01')).toBe(false)
    expect(CALENDAR.isWorkingDay('2025-09-02')).toBe(false)
    expect(CALENDAR.isWorkingDay('2025-09-03')).toBe(true)
  })

  it('moves a holiday on a weekend to the next working day (Hùng Kings 2026 falls on Sunday 26 April)', () => {
    expect(CALENDAR.isWorkingDay('2026-04-27')).toBe(false)
    expect(CALENDAR.isWorkingDay('2026-04-28')).toBe(true)
  })

  it('keeps 2027 as provisional data, Tết Đinh Mùi (mùng 1 = Saturday 6 February) included', () => {
    const y2027 = HOLIDAYS.find((y) => y.year === 2027)!

    expect(y2027.holidays.find((h) => h.name.vi === 'Tết Nguyên Đán')?.status).toBe('provisional')
    expect(CALENDAR.isWorkingDay('2027-02-08')).toBe(false)
    expect(CALENDAR.isCovered('2027-06-01')).toBe(true)
  })

  it('computes a year without data from the law and the Vietnamese lunar calendar: Tết 2028 (mùng 1 = 26 January) is not worked', () => {
    expect(tetOf(2028)).toBe('2028-01-26')
    expect(tetOf(2007)).toBe('2007-02-17') // the Vietnamese date; China's Tết fell on the 18th that year
    expect(CALENDAR.isCovered('2028-01-26')).toBe(false)
    // 29 Tết (Tue 25/01) to mùng 4 (Sat 29/01); Saturday given back on Monday 31/01.
    for (const d of ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31']) expect(CALENDAR.isWorkingDay(d), d).toBe(false)
    expect(CALENDAR.isHoliday('2028-01-26')).toMatchObject({ name: { vi: 'Tết Nguyên Đán' }, status: 'provisional' })
    expect(CALENDAR.isWorkingDay('2028-01-24')).toBe(true)
    expect(CALENDAR.isWorkingDay('2028-02-01')).toBe(true)
    // Hùng Kings' day 10/3 lunar: Tuesday 4 April 2028.
    expect(hungKingsDayOf(2028)).toBe('2028-04-04')
    expect(CALENDAR.isWorkingDay('2028-04-04')).toBe(false)
    // New Year's Day 2028 is a Saturday: given back on Monday 3 January.
    expect(lawfulHolidays(2028).holidays.find((x) => x.from === '2028-01-03')?.name.vi).toBe('Tết Dương lịch (nghỉ bù)')
    expect(CALENDAR.isWorkingDay('2028-01-03')).toBe(false)
    // Tết 2030 (Fri 1 to Tue 5 February) holds a weekend: Wednesday 6 and Thursday 7 are given back.
    expect(CALENDAR.isWorkingDay('2030-02-07')).toBe(false)
    expect(CALENDAR.isWorkingDay('2030-02-08')).toBe(true)
  })

  it('keeps weekends and the solar holidays in a computed year', () => {
    expect(CALENDAR.isCovered('2030-05-01')).toBe(false)
    expect(CALENDAR.isWorkingDay('2030-05-01')).toBe(false)
    expect(CALENDAR.isWorkingDay('2030-05-02')).toBe(true)
  })

  it('takes holiday data as configuration: another table gives another calendar', () => {
    const custom = workingCalendar([{ year: 2026, holidays: [{ from: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' }, status: 'provisional' }] }])

    expect(custom.isWorkingDay('2026-11-24')).toBe(false)
    expect(CALENDAR.isWorkingDay('2026-11-24')).toBe(true)
  })

  it('counts working days between two dates', () => {
    expect(CALENDAR.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2)
    expect(CALENDAR.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })
})

describe('deadlines from urgency', () => {
  it('gives a normal document 7 working days, KHẨN 2, THƯỢNG KHẨN 1, HỎA TỐC the same day', () => {
    // Received Friday 2026-01-09
    expect(deadlineFor('2026-01-09', 'normal')).toBe('2026-01-20')
    expect(deadlineFor('2026-01-09', 'khan')).toBe('2026-01-13')
    expect(deadlineFor('2026-01-09', 'thuong-khan')).toBe('2026-01-12')
    expect(deadlineFor('2026-01-09', 'hoa-toc')).toBe('2026-01-09')
  })

  it('is due the same day for HỎA TỐC even when received on a holiday', () => {
    expect(deadlineFor('2026-02-17', 'hoa-toc')).toBe('2026-02-17')
  })

  it('counts from the next working day when received on a day off (KHẨN received during Tết counts from Monday 23 February)', () => {
    expect(deadlineFor('2026-02-16', 'khan')).toBe('2026-02-25')
  })

  it('follows the rule table in force on the date', () => {
    const rules = [
      { validFrom: '2020-01-01', workingDays: { normal: 7, khan: 2, 'thuong-khan': 1 } },
      { validFrom: '2026-06-01', workingDays: { normal: 5, khan: 1, 'thuong-khan': 0 } },
    ]

    expect(deadlineFor('2026-05-04', 'normal', CALENDAR, rules)).toBe('2026-05-13')
    expect(deadlineFor('2026-06-01', 'normal', CALENDAR, rules)).toBe('2026-06-08')
  })
})
