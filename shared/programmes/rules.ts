/**
 * Rules of a work programme: the period it covers (a term is five years),
 * an item's day inside it, which steps each state allows, and the progress of
 * an item and of the programme read from the item's tasks.
 */
import { RuleError } from '../errors/index.js'
import type { Programme, ProgrammeItem } from './contracts.js'
import { dmy } from '../tasks/rules.js'

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** First and last day (inclusive, yyyy-mm-dd) of the programme's period. */
export function period(p: Pick<Programme, 'kind' | 'year' | 'quarter' | 'month'>): { from: string; to: string } {
  if (p.kind === 'term') return { from: `${p.year}-01-01`, to: `${p.year + 4}-12-31` }
  if (p.kind === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` }
  if (p.kind === 'quarter') { const m1 = (p.quarter! - 1) * 3 + 1; return { from: `${p.year}-${pad(m1)}-01`, to: `${p.year}-${pad(m1 + 2)}-${lastDay(p.year, m1 + 2)}` } }
  return { from: `${p.year}-${pad(p.month!)}-01`, to: `${p.year}-${pad(p.month!)}-${lastDay(p.year, p.month!)}` }
}

/** The period in words, as the programme's heading names it. */
export function periodName(p: Pick<Programme, 'kind' | 'year' | 'quarter' | 'month'>, lang: 'vi' | 'en' = 'vi'): string {
  if (p.kind === 'term') return lang === 'vi' ? `Nhiệm kỳ ${p.year}–${p.year + 5}` : `Term ${p.year}–${p.year + 5}`
  if (p.kind === 'year') return lang === 'vi' ? `Năm ${p.year}` : `Year ${p.year}`
  if (p.kind === 'quarter') return lang === 'vi' ? `Quý ${p.quarter}/${p.year}` : `Q${p.quarter} ${p.year}`
  return lang === 'vi' ? `Tháng ${p.month}/${p.year}` : `${pad(p.month!)}/${p.year}`
}

export function checkInPeriod(p: Pick<Programme, 'kind' | 'year' | 'quarter' | 'month'>, day: string): void {
  const { from, to } = period(p)
  if (day < from || day > to) throw new RuleError('programme.outsidePeriod', { from: dmy(from), to: dmy(to) })
}

/** Items are added or changed only while the programme is a draft. */
export function checkDraft(p: Programme): void {
  if (p.state !== 'draft') throw new RuleError('programme.notDraft')
}

/** Items move, drop and become tasks only once the programme is approved; a dropped item does nothing more. */
export function checkApprovedItem(p: Programme, item: ProgrammeItem): void {
  if (p.state !== 'approved') throw new RuleError('programme.notApproved')
  if (item.state === 'dropped') throw new RuleError('programme.itemDropped')
}

export interface TaskLike { status: string; percent?: number; deadline: string }
export type ItemProgress = 'dropped' | 'not-started' | 'in-progress' | 'done' | 'overdue'

/**
 * An item's progress from its tasks: percent is the mean of its open tasks'
 * reported percent (a done task counts 100, a cancelled one not at all);
 * done when every live task is done; overdue when a live task is past its
 * deadline, or the item's day has passed with no task done.
 */
export function itemProgress(item: ProgrammeItem, tasks: readonly TaskLike[], today: string): { state: ItemProgress; percent: number } {
  if (item.state === 'dropped') return { state: 'dropped', percent: 0 }
  const live = tasks.filter((t) => t.status !== 'cancelled')
  if (!live.length) return { state: item.dueOn < today ? 'overdue' : 'not-started', percent: 0 }
  const percent = Math.round(live.reduce((s, t) => s + (t.status === 'done' ? 100 : t.percent ?? 0), 0) / live.length)
  if (live.every((t) => t.status === 'done')) return { state: 'done', percent: 100 }
  if (live.some((t) => t.status !== 'done' && t.deadline < today)) return { state: 'overdue', percent }
  return { state: 'in-progress', percent }
}

/** The programme's progress: the mean of its live items' percent and how many items are done. */
export function programmeProgress(items: readonly { state: ItemProgress; percent: number }[]): { percent: number; done: number; total: number } {
  const live = items.filter((i) => i.state !== 'dropped')
  return { percent: live.length ? Math.round(live.reduce((s, i) => s + i.percent, 0) / live.length) : 0, done: live.filter((i) => i.state === 'done').length, total: live.length }
}
