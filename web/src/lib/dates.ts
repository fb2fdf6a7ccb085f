/** Date helpers for ISO calendar dates (YYYY-MM-DD) and timestamps. */
import type { Lang } from '../../../shared/i18n/messages'

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function todayLocal(now = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const isIsoDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB')

/** 2025-07-01 → 01/07/2025 (vi) or 1 Jul 2025 (en). */
export function formatDate(date: string | undefined, lang: Lang): string {
  if (!date) return ''
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return date
  return new Intl.DateTimeFormat(locale(lang), lang === 'vi'
    ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d)
}

/** A timestamp in local time, e.g. 14:05 01/07/2025. */
export function formatDateTime(at: string | undefined, lang: Lang): string {
  if (!at) return ''
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  return new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d)
}

/**
 * What a person types into a date field, read as a calendar date: dd/mm/yyyy
 * (also d/m/yyyy, with "-" or "." between), or an ISO date pasted as is.
 * Returns YYYY-MM-DD, or null when it is not a real day (31/02/2026).
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : []
  if (!y || !m || !d) return null
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const back = new Date(`${out}T00:00:00Z`)
  return !Number.isNaN(back.getTime()) && back.toISOString().slice(0, 10) === out ? out : null
}

/** What a person types into a time field, read on a 24-hour clock: 19:30, 19h30, 1930, 9 → HH:mm, or null. */
export function parseTypedTime(text: string): string | null {
  const s = text.trim().toLowerCase()
  const m = /^(\d{1,2})(?:[:h.]?(\d{2}))?$/.exec(s)
  if (!m) return null
  const h = Number(m[1]); const min = Number(m[2] ?? '0')
  if (h > 23 || min > 59) return null
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}
