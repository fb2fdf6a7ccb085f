/**
 * The dashboards' arithmetic, pure: a KPI's figure against its target, the
 * trend of a unit's daily snapshots by week and month, the ranking of the
 * units below. Used by the dashboard, the reports and their tests alike.
 */
import { KPIS, kpiById, targetOn, type KpiId, type Target } from './targets.js'

/** What a snapshot keeps of a KPI: for a share, the part and the whole; for a count, the count in `part` (whole 0). */
export interface Figure { part: number; whole: number }
export type Figures = Partial<Record<KpiId, Figure>>

/** One unit's figures on one day, computed over its subtree (the read model of the dashboards). */
export interface UnitSnapshot {
  unitId: string
  date: string
  name: string
  level: string
  parentId?: string
  figures: Figures
}

export type KpiStatus = 'met' | 'behind' | 'late' | 'noData' | 'notMeasured'

export interface KpiResult {
  kpi: KpiId
  /** The share (0–1) or the count; null when there is nothing to count yet. */
  value: number | null
  part: number
  whole: number
  target?: Target
  status: KpiStatus
}

export function valueOf(kpi: KpiId, f: Figure | undefined): number | null {
  if (!f) return null
  if (kpiById(kpi).kind === 'count') return f.part
  return f.whole ? f.part / f.whole : null
}

/** A KPI against the target in force on `date`: met, behind (before the deadline), late (behind after it), no data, not measured. */
export function evaluate(kpi: KpiId, f: Figure | undefined, date: string): KpiResult {
  const def = kpiById(kpi)
  const target = targetOn(kpi, date)
  const value = def.measured ? valueOf(kpi, f) : null
  const base = { kpi, value, part: f?.part ?? 0, whole: f?.whole ?? 0, ...(target ? { target } : {}) }
  if (!def.measured) return { ...base, status: 'notMeasured' }
  if (value === null) return { ...base, status: 'noData' }
  if (!target) return { ...base, status: 'met' }
  const met = def.kind === 'count' ? value <= target.threshold : value >= target.threshold - 1e-9
  return { ...base, status: met ? 'met' : date > target.deadline ? 'late' : 'behind' }
}

export const evaluateAll = (s: Pick<UnitSnapshot, 'figures' | 'date'>): KpiResult[] => KPIS.map((k) => evaluate(k.id, s.figures[k.id], s.date))

/** Monday of the ISO week of a date (yyyy-mm-dd). */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}
export const monthOf = (date: string): string => date.slice(0, 7)

export interface TrendPoint { period: string; date: string; values: Partial<Record<KpiId, number | null>> }

/** The trend by week or month: the last snapshot of each period, oldest first. */
export function trend(snapshots: readonly Pick<UnitSnapshot, 'date' | 'figures'>[], by: 'week' | 'month'): TrendPoint[] {
  const last = new Map<string, Pick<UnitSnapshot, 'date' | 'figures'>>()
  for (const s of [...snapshots].sort((a, b) => a.date.localeCompare(b.date))) last.set(by === 'week' ? weekOf(s.date) : monthOf(s.date), s)
  return [...last.entries()].map(([period, s]) => ({
    period, date: s.date, values: Object.fromEntries(KPIS.filter((k) => k.measured).map((k) => [k.id, valueOf(k.id, s.figures[k.id])])),
  }))
}

export interface RankRow { unitId: string; name: string; level: string; value: number | null; part: number; whole: number; rank: number | null }

/** The units below, best first on one KPI (highest share, fewest items); those with nothing to count last, unranked. Ties share a rank. */
export function rank(children: readonly UnitSnapshot[], kpi: KpiId): RankRow[] {
  const count = kpiById(kpi).kind === 'count'
  const rows = children.map((c) => ({ unitId: c.unitId, name: c.name, level: c.level, value: valueOf(kpi, c.figures[kpi]), part: c.figures[kpi]?.part ?? 0, whole: c.figures[kpi]?.whole ?? 0 }))
  const ranked = rows.filter((r) => r.value !== null).sort((a, b) => (count ? a.value! - b.value! : b.value! - a.value!) || a.name.localeCompare(b.name, 'vi'))
  const out: RankRow[] = []
  ranked.forEach((r, i) => out.push({ ...r, rank: i > 0 && ranked[i - 1].value === r.value ? out[i - 1].rank : i + 1 }))
  return [...out, ...rows.filter((r) => r.value === null).sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((r) => ({ ...r, rank: null }))]
}

/** The period of a scheduled report that ends the day before `today`: the last full week (Mon–Sun) or month. */
export function lastPeriod(kind: 'week' | 'month', today: string): { from: string; to: string } {
  const d = new Date(`${today}T00:00:00Z`)
  if (kind === 'week') {
    const monday = new Date(`${weekOf(today)}T00:00:00Z`)
    const from = new Date(monday); from.setUTCDate(from.getUTCDate() - 7)
    const to = new Date(monday); to.setUTCDate(to.getUTCDate() - 1)
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }
  }
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1))
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0))
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
}
