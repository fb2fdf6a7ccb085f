/**
 * The working-day calendar: weekends, public holidays and swapped working
 * Saturdays, as data by year (Labour Code 2019 art. 112: New Year, Tết
 * Nguyên Đán, Hùng Kings' day 10/3 lunar, 30/4, 1/5, 2/9 + one adjacent day;
 * a holiday on a weekend moves to the next working day; the Government fixes
 * Tết and swaps for civil servants each year).
 *
 * `status`: 'official' = as announced; 'provisional' = computed from the
 * lunar calendar and the law before any announcement — configurable data, to
 * be replaced when the year's notice is published. Years not listed are
 * computed from the law and the lunar calendar (`lawfulHolidays`, all
 * provisional, reported as uncovered): Tết and Hùng Kings' day come from the
 * Vietnamese lunar calendar; the official swaps stay data.
 */
import type { Named } from '../i18n/named.js'
import { hungKingsDayOf, tetOf } from './lunar.js'

export interface Holiday { from: string; to?: string; name: Named; status: 'official' | 'provisional' }
export interface HolidayYear {
  year: number
  holidays: Holiday[]
  /** Saturdays worked to bridge a holiday (làm bù). */
  workingDays?: { date: string; note: string; status: 'official' | 'provisional' }[]
}

const h = (from: string, to: string | undefined, vi: string, en: string, status: Holiday['status'] = 'official'): Holiday => ({ from, ...(to ? { to } : {}), name: { vi, en }, status })
const NEW_YEAR = ['Tết Dương lịch', "New Year's Day"] as const
const TET = ['Tết Nguyên Đán', 'Lunar New Year (Tết)'] as const
const HUNG = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day"] as const
const REUNIFICATION = ['Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'] as const
const LABOUR = ['Ngày Quốc tế Lao động', 'International Workers\u2019 Day'] as const
const NATIONAL = ['Quốc khánh', 'National Day'] as const

export const HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2025,
    holidays: [
      h('2025-01-01', undefined, ...NEW_YEAR),
      // Tết Ất Tỵ (mùng 1 = 29/01/2025): civil servants off Sat 25/01 to Sun 02/02.
      h('2025-01-25', '2025-02-02', ...TET),
      h('2025-04-07', undefined, ...HUNG),
      h('2025-04-30', '2025-05-01', REUNIFICATION[0] + ' và ' + LABOUR[0], `${REUNIFICATION[1]} and ${LABOUR[1]}`),
      // Friday 02/05 swapped with Saturday 26/04.
      h('2025-05-02', undefined, 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'Swapped day off (worked Saturday 26 April)'),
      h('2025-09-01', '2025-09-02', ...NATIONAL),
    ],
    workingDays: [{ date: '2025-04-26', note: 'Làm bù cho thứ Sáu 02/5/2025', status: 'official' }],
  },
  {
    year: 2026,
    holidays: [
      h('2026-01-01', undefined, ...NEW_YEAR),
      // Tết Bính Ngọ (mùng 1 = 17/02/2026, Tuesday): off Sat 14/02 (27 Tết) to Sun 22/02 (mùng 6).
      h('2026-02-14', '2026-02-22', ...TET),
      // 10/3 lunar = Sunday 26/04/2026: the day off moves to Monday 27/04.
      h('2026-04-27', undefined, `${HUNG[0]} (nghỉ bù)`, `${HUNG[1]} (in lieu)`),
      h('2026-04-30', '2026-05-01', REUNIFICATION[0] + ' và ' + LABOUR[0], `${REUNIFICATION[1]} and ${LABOUR[1]}`),
      // The adjacent day (1/9 or 3/9) is chosen each year by the Government.
      h('2026-09-01', '2026-09-02', ...NATIONAL, 'provisional'),
    ],
  },
  {
    year: 2027,
    holidays: [
      h('2027-01-01', undefined, ...NEW_YEAR),
      // Tết Đinh Mùi (mùng 1 = Saturday 06/02/2027): 29 Tết to mùng 4, the two weekend days compensated.
      h('2027-02-05', '2027-02-11', ...TET, 'provisional'),
      h('2027-04-16', undefined, ...HUNG, 'provisional'),
      h('2027-04-30', undefined, ...REUNIFICATION),
      // 01/05/2027 is a Saturday: compensated on Monday 03/05.
      h('2027-05-03', undefined, `${LABOUR[0]} (nghỉ bù)`, `${LABOUR[1]} (in lieu)`),
      h('2027-09-02', '2027-09-03', ...NATIONAL, 'provisional'),
    ],
  },
]

const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
const toIso = (d: Date): string => d.toISOString().slice(0, 10)
export function addDays(iso: string, days: number): string {
  const d = toDate(iso)
  d.setUTCDate(d.getUTCDate() + days)
  return toIso(d)
}
export const weekday = (iso: string): number => toDate(iso).getUTCDay()
const isWeekend = (iso: string): boolean => { const wd = weekday(iso); return wd === 0 || wd === 6 }

/**
 * A year's holidays as the Labour Code 2019 (art. 112) gives them, before the
 * Government's notice: New Year's Day; Tết, the last day of the lunar year and
 * mùng 1 to mùng 4; Hùng Kings' day (10/3 lunar); 30/4 and 1/5; 2/9 and one
 * adjacent day (1/9 when 2/9 is a Tuesday, else 3/9). Holiday days falling on a
 * weekend are given back on the next working days (nghỉ bù). All provisional.
 */
export function lawfulHolidays(year: number): HolidayYear {
  const taken = new Set<string>()
  const holidays: Holiday[] = []
  const group = (days: string[], vi: string, en: string) => {
    for (const d of days) taken.add(d)
    holidays.push(h(days[0]!, days.length > 1 ? days.at(-1) : undefined, vi, en, 'provisional'))
    let owed = days.filter(isWeekend).length
    for (let d = addDays(days.at(-1)!, 1); owed > 0; d = addDays(d, 1)) {
      if (isWeekend(d) || taken.has(d)) continue
      taken.add(d)
      holidays.push(h(d, undefined, `${vi} (nghỉ bù)`, `${en} (in lieu)`, 'provisional'))
      owed--
    }
  }
  const tet = tetOf(year)
  const national = weekday(`${year}-09-02`) === 2 ? [`${year}-09-01`, `${year}-09-02`] : [`${year}-09-02`, `${year}-09-03`]
  group([`${year}-01-01`], ...NEW_YEAR)
  group([-1, 0, 1, 2, 3].map((n) => addDays(tet, n)), ...TET)
  group([hungKingsDayOf(year)], ...HUNG)
  group([`${year}-04-30`, `${year}-05-01`], REUNIFICATION[0] + ' và ' + LABOUR[0], `${REUNIFICATION[1]} and ${LABOUR[1]}`)
  group(national, ...NATIONAL)
  return { year, holidays: holidays.sort((a, b) => a.from.localeCompare(b.from)) }
}

export interface WorkingCalendar {
  /** Years covered by holiday data. */
  years: number[]
  isCovered(date: string): boolean
  isHoliday(date: string): Holiday | undefined
  isWorkingDay(date: string): boolean
  /** The date itself when it is a working day, else the next one. */
  nextWorkingDay(date: string): string
  /** `n` working days after `date` (0 → the date itself when working, else the next working day). */
  addWorkingDays(date: string, n: number): string
  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number
}

export function workingCalendar(data: readonly HolidayYear[] = HOLIDAYS): WorkingCalendar {
  const holidays = new Map<string, Holiday>()
  const working = new Set<string>()
  const loaded = new Set<number>()
  const load = (y: HolidayYear) => {
    loaded.add(y.year)
    for (const hol of y.holidays) {
      for (let d = hol.from; d <= (hol.to ?? hol.from); d = addDays(d, 1)) holidays.set(d, hol)
    }
    for (const w of y.workingDays ?? []) working.add(w.date)
  }
  for (const y of data) load(y)
  const years = data.map((y) => y.year)
  const isCovered = (date: string) => years.includes(Number(date.slice(0, 4)))
  const isHoliday = (date: string): Holiday | undefined => {
    const year = Number(date.slice(0, 4))
    if (!loaded.has(year)) load(lawfulHolidays(year)) // a year without data: computed once, from the law and the lunar calendar
    return holidays.get(date)
  }
  const isWorkingDay = (date: string): boolean => {
    if (working.has(date)) return true
    const wd = weekday(date)
    return wd !== 0 && wd !== 6 && !isHoliday(date)
  }
  const nextWorkingDay = (date: string): string => {
    let d = date
    for (let i = 0; i < 60 && !isWorkingDay(d); i++) d = addDays(d, 1)
    return d
  }
  return {
    years, isCovered, isHoliday, isWorkingDay, nextWorkingDay,
    addWorkingDays(date, n) {
      let d = nextWorkingDay(date)
      for (let i = 0; i < n; i++) d = nextWorkingDay(addDays(d, 1))
      return d
    },
    workingDaysBetween(from, to) {
      const sign = to < from ? -1 : 1
      const [a, b] = sign > 0 ? [from, to] : [to, from]
      let count = 0
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) count++
      return sign * count
    },
  }
}

export const CALENDAR = workingCalendar()
