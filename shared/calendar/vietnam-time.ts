/**
 * Việt Nam's civil time (Asia/Ho_Chi_Minh, UTC+07:00, no daylight saving).
 * Every date the platform writes — on a document's date line, in a register,
 * on a deadline, in a KPI snapshot — is the day in Việt Nam, never the UTC
 * day: a document signed at 00:11 on 3 December (+07:00) is dated the 3rd.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })

/** The day in Việt Nam at an instant, as YYYY-MM-DD. */
export const vietnamDate = (now: Date = new Date()): string => DAY.format(now)

/** The date part of an ISO value: a calendar date stays as written, a timestamp becomes Việt Nam's day. */
export const vietnamDay = (value: string | Date): string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : vietnamDate(typeof value === 'string' ? new Date(value) : value)

/** The wall-clock time in Việt Nam at an instant, as HH:MM:SS. */
export const vietnamClock = (now: Date = new Date()): string => CLOCK.format(now)
