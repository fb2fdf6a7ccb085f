/**
 * The Vietnamese lunisolar calendar (âm lịch), for the lunar public holidays.
 * date-chinese computes it astronomically with the meridian of Hà Nội
 * (UTC+07:00 since 1968), which is what makes the Vietnamese calendar differ
 * from the Chinese one in some years (Tết 2007: 17 February here, 18 in China).
 */
// The package ships its types as an ambient module that its "exports" map does not point at.
/// <reference path="../../node_modules/date-chinese/types/index.d.ts" />
import { CalendarVietnamese } from 'date-chinese'

const iso = (g: { year: number; month: number; day: number }) =>
  `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`

/** The solar date of a day of the lunar year that begins in the Gregorian `year` (month 1 = tháng Giêng, not a leap month). */
export function lunarToSolar(year: number, month: number, day: number): string {
  const cal = new CalendarVietnamese()
  cal.fromGregorian(year, 3, 1) // early March always lies in the lunar year that began that winter
  const [cycle, lunarYear] = cal.get()
  cal.set(cycle, lunarYear, month, 0, day)
  return iso(cal.toGregorian(year))
}

/** Mùng 1 Tết of the lunar year beginning in `year`. */
export const tetOf = (year: number): string => lunarToSolar(year, 1, 1)

/** Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month. */
export const hungKingsDayOf = (year: number): string => lunarToSolar(year, 3, 10)
