/**
 * Numbering of issued documents [V]: Party bodies number per document type
 * within one Party committee term (from the close of one congress to the
 * close of the next); state-style bodies (the Fatherland Front and the
 * socio-political organisations here, Decree 30/2020) number all types in one
 * series per calendar year. Numbers are unique and gapless within a scope:
 * the counter of the scope is the only source of numbers.
 *
 * Terms are data per unit (or per level as a default) with start dates.
 */
import type { UnitKind } from '../org/levels.js'
import { canonical, formatNumber, type DocumentSymbol, type SymbolStyle } from './symbols.js'

export interface PartyTerm {
  /** A unit id, or a level id as the default for the units of that level. */
  readonly appliesTo: { unitId: string } | { level: string }
  /** Label used in counter scopes and shown to users: "2025-2030". */
  readonly term: string
  /** First day of the term: the day after the congress closed. */
  readonly from: string
  readonly certainty: 'V' | 'S' | 'R'
}

export const PARTY_TERMS: readonly PartyTerm[] = [
  { appliesTo: { level: 'central' }, term: 'XIII (2021-2026)', from: '2021-02-02', certainty: 'V' },
  { appliesTo: { level: 'central' }, term: 'XIV (2026-2031)', from: '2026-01-24', certainty: 'S' },
  { appliesTo: { unitId: 'hn-tu' }, term: 'XVII (2020-2025)', from: '2020-10-17', certainty: 'S' },
  { appliesTo: { unitId: 'hn-tu' }, term: 'XVIII (2025-2030)', from: '2025-10-19', certainty: 'S' },
  { appliesTo: { level: 'city' }, term: '2020-2025', from: '2020-10-01', certainty: 'R' },
  { appliesTo: { level: 'city' }, term: '2025-2030', from: '2025-10-01', certainty: 'R' },
  { appliesTo: { level: 'district' }, term: '2020-2025', from: '2020-07-01', certainty: 'R' },
  // Communes and wards formed on 2025-07-01 started their first term that day.
  { appliesTo: { level: 'commune' }, term: '2020-2025', from: '2020-06-01', certainty: 'R' },
  { appliesTo: { level: 'commune' }, term: '2025-2030', from: '2025-07-01', certainty: 'S' },
  { appliesTo: { level: 'grassroots' }, term: '2020-2025', from: '2020-05-01', certainty: 'R' },
  { appliesTo: { level: 'grassroots' }, term: '2025-2030', from: '2025-05-01', certainty: 'R' },
  { appliesTo: { level: 'cell' }, term: '2022-2025', from: '2022-05-01', certainty: 'R' },
  { appliesTo: { level: 'cell' }, term: '2025-2027', from: '2025-05-01', certainty: 'R' },
]

/** Unit kinds that number the state way (one series per calendar year). */
export const STATE_STYLE_KINDS: readonly UnitKind[] = ['front', 'socio-political']

export const numberingStyle = (kind: UnitKind): SymbolStyle => (STATE_STYLE_KINDS.includes(kind) ? 'state' : 'party')

export interface IssuingUnit { unitId: string; code: string; level: string; kind: UnitKind; validFrom: string }

/** The term in force for a unit on a date: its own terms first, else its level's. */
export function termOn(unit: Pick<IssuingUnit, 'unitId' | 'level' | 'validFrom'>, date: string, terms: readonly PartyTerm[] = PARTY_TERMS): string {
  const pick = (list: readonly PartyTerm[]) => list.filter((t) => t.from <= date).sort((a, b) => b.from.localeCompare(a.from))[0]
  const own = pick(terms.filter((t) => 'unitId' in t.appliesTo && t.appliesTo.unitId === unit.unitId))
  const byLevel = pick(terms.filter((t) => 'level' in t.appliesTo && t.appliesTo.level === unit.level))
  // Counters are per unit, so a unit founded during a term starts its own series at 1.
  return (own ?? byLevel)?.term ?? `from ${unit.validFrom}`
}

export interface CounterScope {
  /** Stable key of the series, part of the counter item's key: "party|NQ|2025-2030", "state|2026". */
  key: string
  style: SymbolStyle
  /** What the scope means, for people: "NQ, nhiệm kỳ 2025-2030", "năm 2026". */
  label: string
}

export function counterScope(unit: IssuingUnit, type: string, date: string, terms: readonly PartyTerm[] = PARTY_TERMS): CounterScope {
  const style = numberingStyle(unit.kind)
  if (style === 'state') {
    const year = date.slice(0, 4)
    return { key: `state|${year}`, style, label: `năm ${year}` }
  }
  const term = termOn(unit, date, terms)
  return { key: `party|${type}|${term}`, style, label: `${type}, nhiệm kỳ ${term}` }
}

/** The symbol an issued document gets: its number in the scope, its type, the issuer's code. */
export function issuedSymbol(unit: IssuingUnit, type: string, number: number, drafter?: string): DocumentSymbol {
  const style = numberingStyle(unit.kind)
  return { style, number, type, issuer: unit.code, ...(style === 'party' && drafter ? { drafter } : {}) }
}

/** The number line: "Số 05-NQ/TU" (Party: no colon) or "Số: 05/KH-MTTQ" (state). */
export function numberLine(symbol: DocumentSymbol): string {
  return symbol.style === 'party' ? `Số ${canonical(symbol)}` : `Số: ${canonical(symbol)}`
}

/**
 * The place and date line: "Hà Nội, ngày 05 tháng 01 năm 2026". Days below
 * 10 and the months 1 and 2 get a leading zero; other months do not
 * ("ngày 03 tháng 4 năm 2018").
 */
export function dateLine(place: string, date: string): string {
  const { day, month, year } = dateParts(date)
  return `${place}, ngày ${day} tháng ${month} năm ${year}`
}

/** The day, month and year as the date line writes them (the same rule), for filling a draft's blanks. */
export function dateParts(date: string): { day: string; month: string; year: string } {
  const [y, m, d] = date.split('-').map(Number)
  return { day: formatNumber(d), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year: String(y) }
}

/** The place written on the date line [R]: the commune or ward for units at that level and below, else the city. */
export function placeOf(chain: { name: string; level: string }[], cityName = 'Hà Nội'): string {
  const commune = chain.find((u) => u.level === 'commune')
  if (!commune) return cityName
  const locality = commune.name.replace(/^(Đảng ủy|Đảng bộ|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc)\s+/u, '').replace(/^(phường|xã|đặc khu|thị trấn)\s+/iu, '').trim()
  return locality || cityName
}
