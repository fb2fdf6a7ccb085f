/** Times of meetings as Việt Nam reads them (Asia/Ho_Chi_Minh), whatever the device's zone. */
import type { Lang } from '../../../../shared/i18n/messages'
import { VIETNAM_TIME_ZONE } from '../../../../shared/calendar/vietnam-time'

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB')
/** 08:00 20/07/2026 */
export const meetingTime = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(locale(lang), { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hour12: false }).format(new Date(iso))
/** 08:05 */
export const clockOf = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(locale(lang), { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso))
/** A `datetime-local` value read as Việt Nam's time (UTC+7, no daylight saving). */
export const fromVietnamLocal = (local: string): string => new Date(`${local}:00+07:00`).toISOString()
/** 4:05 or −0:30 */
export const minutesSeconds = (seconds: number): string => {
  const s = Math.abs(Math.round(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
