/**
 * The pure rules of data requests: a form that holds together (codes unique,
 * totals over numeric indicators of the same form, no total of itself), a
 * deadline on the working-day calendar, an answer checked against its form
 * (types, ranges — a percentage is 0–100 —, totals that add up), each
 * recipient's state, and the consolidated table (unit × indicator, totals).
 */
import { RuleError, ValidationError, type ValidationIssue } from '../errors/index.js'
import type { WorkingCalendar } from '../calendar/working-days.js'
import { fold } from '../text/fold.js'
import {
  NUMERIC_TYPES, type AnswerValues, type DataAnswer, type DataRequest, type Indicator, type RecipientStatus,
} from './contracts.js'

export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** The form's own consistency; issues name the indicator (its code and name), never an index. */
export function checkForm(indicators: readonly Indicator[], periodFrom: string, periodTo: string): void {
  const issues: ValidationIssue[] = []
  if (periodTo < periodFrom) issues.push({ path: 'periodTo', code: 'datarequest.periodReversed', params: { from: dmy(periodFrom), to: dmy(periodTo) } })
  const byCode = new Map<string, Indicator>()
  for (const i of indicators) {
    if (byCode.has(i.code)) issues.push({ path: 'indicators', code: 'datarequest.duplicateCode', params: { code: i.code } })
    byCode.set(i.code, i)
  }
  for (const i of indicators) {
    if (i.min !== undefined && i.max !== undefined && i.min > i.max) issues.push({ path: 'indicators', code: 'datarequest.rangeReversed', params: { name: i.name } })
    if (!i.totalOf?.length) continue
    if (!NUMERIC_TYPES.includes(i.type)) issues.push({ path: 'indicators', code: 'datarequest.totalNotNumeric', params: { name: i.name } })
    for (const c of i.totalOf) {
      const part = byCode.get(c)
      if (c === i.code) issues.push({ path: 'indicators', code: 'datarequest.totalOfItself', params: { name: i.name } })
      else if (!part) issues.push({ path: 'indicators', code: 'datarequest.totalUnknownPart', params: { name: i.name, code: c } })
      else if (!NUMERIC_TYPES.includes(part.type)) issues.push({ path: 'indicators', code: 'datarequest.totalNotNumeric', params: { name: part.name } })
    }
  }
  // A total may sum other totals, but never come back to itself.
  const visiting = new Set<string>()
  const done = new Set<string>()
  const cyclic = (code: string): boolean => {
    if (done.has(code)) return false
    if (visiting.has(code)) return true
    visiting.add(code)
    const found = (byCode.get(code)?.totalOf ?? []).some((c) => c !== code && byCode.has(c) && cyclic(c))
    visiting.delete(code)
    done.add(code)
    return found
  }
  for (const i of indicators) if (i.totalOf?.length && cyclic(i.code)) { issues.push({ path: 'indicators', code: 'datarequest.totalCycle', params: { name: i.name } }); break }
  if (issues.length) throw new ValidationError(issues)
}

/** The answering deadline: today or later, and a working day. */
export function checkDeadline(deadline: string, today: string, calendar: WorkingCalendar): void {
  if (deadline < today) throw new RuleError('datarequest.deadlinePast', { deadline: dmy(deadline), today: dmy(today) })
  if (!calendar.isWorkingDay(deadline)) throw new RuleError('datarequest.deadlineNotWorkingDay', { deadline: dmy(deadline), next: dmy(calendar.nextWorkingDay(deadline)) })
}

/** Figures compare to this many millionths (sums of decimals: 0.1 + 0.2). */
const closeEnough = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))
const shownNumber = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 6 })

/**
 * Problems of one indicator's value, as message codes with their parameters
 * (the XLSX report puts them on the indicator's row; the form on its field).
 */
export function valueIssues(i: Indicator, value: number | string | null | undefined): { code: string; params: Record<string, string | number> }[] {
  const params = { name: i.name, code: i.code }
  if (value === null || value === undefined || value === '') return i.optional ? [] : [{ code: 'datarequest.valueMissing', params }]
  if (i.type === 'text') return typeof value === 'string' ? [] : [{ code: 'datarequest.valueNotText', params }]
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ code: 'datarequest.valueNotNumber', params: { ...params, value: String(value) } }]
  if (i.type === 'integer' && !Number.isInteger(value)) return [{ code: 'datarequest.valueNotInteger', params: { ...params, value: shownNumber(value) } }]
  const min = i.type === 'percent' ? Math.max(0, i.min ?? 0) : i.min
  const max = i.type === 'percent' ? Math.min(100, i.max ?? 100) : i.max
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return [{ code: 'datarequest.valueOutOfRange', params: { ...params, value: shownNumber(value), min: min === undefined ? '−∞' : shownNumber(min), max: max === undefined ? '+∞' : shownNumber(max) } }]
  }
  return []
}

/** Totals that do not add up: X = Y + Z on the form, the answer says otherwise. */
export function totalIssues(indicators: readonly Indicator[], values: AnswerValues): { code: string; params: Record<string, string | number> }[] {
  const out: { code: string; params: Record<string, string | number> }[] = []
  for (const i of indicators) {
    if (!i.totalOf?.length) continue
    const total = values[i.code]
    const parts = i.totalOf.map((c) => values[c])
    if (typeof total !== 'number' || parts.some((p) => typeof p !== 'number')) continue
    const sum = (parts as number[]).reduce((a, b) => a + b, 0)
    if (!closeEnough(total, sum)) {
      const names = i.totalOf.map((c) => indicators.find((x) => x.code === c)?.name ?? c).join(' + ')
      out.push({ code: 'datarequest.totalMismatch', params: { name: i.name, code: i.code, total: shownNumber(total), sum: shownNumber(sum), parts: names } })
    }
  }
  return out
}

/**
 * The answer to a form, checked whole: unknown codes, each value, then the
 * totals. Returns the values kept (one per indicator, missing optional ones
 * as null); throws a ValidationError naming every problem.
 */
export function checkAnswer(indicators: readonly Indicator[], values: AnswerValues): AnswerValues {
  const issues: ValidationIssue[] = []
  const known = new Set(indicators.map((i) => i.code))
  for (const code of Object.keys(values)) if (!known.has(code)) issues.push({ path: `values.${code}`, code: 'datarequest.unknownIndicator', params: { code } })
  for (const i of indicators) for (const p of valueIssues(i, values[i.code])) issues.push({ path: `values.${i.code}`, code: p.code, params: p.params })
  if (!issues.length) for (const p of totalIssues(indicators, values)) issues.push({ path: `values.${p.params.code}`, code: p.code, params: p.params })
  if (issues.length) throw new ValidationError(issues)
  return Object.fromEntries(indicators.map((i) => [i.code, values[i.code] ?? null]))
}

/** Whether the request still takes answers. */
export function checkOpen(r: Pick<DataRequest, 'status' | 'title'>): void {
  if (r.status === 'closed') throw new RuleError('datarequest.closed', { title: r.title })
  if (r.status === 'draft') throw new RuleError('datarequest.notSent', { title: r.title })
}

export function recipientStatus(deadline: string, answer: Pick<DataAnswer, 'answeredOn'> | undefined, today: string): RecipientStatus {
  if (answer) return 'answered'
  return deadline < today ? 'late' : 'pending'
}
export const answeredOnTime = (deadline: string, answer: Pick<DataAnswer, 'answeredOn'>) => answer.answeredOn <= deadline

export interface ConsolidatedRow {
  unitId: string
  unitName: string
  status: RecipientStatus
  onTime?: boolean
  answeredAt?: string
  answeredBy?: string
  values: AnswerValues
}
export interface ConsolidatedTotal {
  code: string
  /** Sum over the units that answered; a percentage is averaged (it does not add up across units). */
  kind: 'sum' | 'average'
  value: number | null
  answered: number
}
export interface Consolidated {
  rows: ConsolidatedRow[]
  totals: ConsolidatedTotal[]
  counts: { recipients: number; answered: number; onTime: number; late: number; pending: number }
  /** Share of recipients that answered on or before the deadline (0…1). */
  onTimeShare: number
}

/** The consolidated table: one row per recipient unit (by name), one column per indicator, totals over the units that answered. */
export function consolidate(r: Pick<DataRequest, 'deadline' | 'indicators' | 'recipientUnitIds'>, answers: readonly DataAnswer[], unitName: (id: string) => string, today: string): Consolidated {
  const byUnit = new Map(answers.map((a) => [a.unitId, a]))
  const rows: ConsolidatedRow[] = r.recipientUnitIds.map((unitId) => {
    const a = byUnit.get(unitId)
    const status = recipientStatus(r.deadline, a, today)
    return {
      unitId, unitName: unitName(unitId), status, values: a?.values ?? {},
      ...(a ? { onTime: answeredOnTime(r.deadline, a), answeredAt: a.answeredAt, answeredBy: a.answeredBy.fullName } : {}),
    }
  })
  rows.sort((x, y) => x.unitName.localeCompare(y.unitName, 'vi'))
  const totals: ConsolidatedTotal[] = r.indicators.filter((i) => NUMERIC_TYPES.includes(i.type)).map((i) => {
    const vals = rows.map((row) => row.values[i.code]).filter((v): v is number => typeof v === 'number')
    const sum = vals.reduce((a, b) => a + b, 0)
    const kind = i.type === 'percent' ? 'average' : 'sum'
    const value = vals.length ? (kind === 'sum' ? sum : sum / vals.length) : null
    return { code: i.code, kind, value: value === null ? null : Math.round(value * 1e6) / 1e6, answered: vals.length }
  })
  const answered = rows.filter((x) => x.status === 'answered').length
  const onTime = rows.filter((x) => x.onTime).length
  const late = rows.filter((x) => x.status === 'late').length
  return {
    rows, totals, counts: { recipients: rows.length, answered, onTime, late, pending: rows.length - answered - late },
    onTimeShare: rows.length ? onTime / rows.length : 0,
  }
}

/** Does the request match the search words (title, description, indicator names; diacritics and case do not matter)? */
export function matches(r: Pick<DataRequest, 'title' | 'description' | 'indicators'>, q: string | undefined): boolean {
  if (!q) return true
  const hay = fold([r.title, r.description ?? '', ...r.indicators.map((i) => i.name)].join(' \n '))
  return fold(q).split(/\s+/).filter(Boolean).every((w) => hay.includes(w))
}

/**
 * A number as an office spreadsheet writes it: 1234.5, "1.234,5", "1 234,5",
 * "12,5%" (Vietnamese: dot for thousands, comma for decimals). Not a number: undefined.
 */
export function parseFigure(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v !== 'string') return undefined
  let s = v.trim().replace(/\s|\u00a0/g, '').replace(/%$/, '')
  if (!s) return undefined
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^-?\d+,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.')
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined
  return Number(s)
}

/** Units of measure compare without case, spaces or diacritics ("Tỷ đồng" = "ty dong"). */
export const sameMeasure = (a: string, b: string) => fold(a).replace(/\s+/g, '') === fold(b).replace(/\s+/g, '')
