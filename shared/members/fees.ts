/**
 * Party fees (đảng phí) as data with effective dates, and the pure functions
 * that apply them: the monthly assessment of one member, exemptions and
 * time-limited reductions, the ledger (paid, owed, arrears, "three unpaid
 * months in a year") and the split of a month's collection between levels.
 *
 * Sources (../shared/DOMAIN.md §4): Quy định 342-QĐ/TW (from 2011-04-01) and
 * Quy định 01-QĐ/TW (from 2026-02-03, replacing it). Figures tagged [R] in
 * the domain notes are unverified: they live in these tables, never in code,
 * so an operator corrects a table row, not an `if`.
 *
 * Money is whole đồng (integers). A month is `YYYY-MM`.
 */
import { levelById } from '../org/levels.js'

export type Month = string
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** How a member's fee is computed (the member record says which applies). */
export const FEE_CATEGORIES = ['insured', 'leave-benefit', 'pensioner', 'student', 'other'] as const
export type FeeCategory = (typeof FEE_CATEGORIES)[number]
export const FEE_CATEGORY_NAMES: Record<FeeCategory, { vi: string; en: string }> = {
  insured: { vi: 'Hưởng lương, đóng BHXH bắt buộc', en: 'Salaried, compulsory social insurance' },
  'leave-benefit': { vi: 'Nghỉ ốm, thai sản (hưởng trợ cấp BHXH)', en: 'On sick or maternity leave (insurance benefit)' },
  pensioner: { vi: 'Hưởng lương hưu', en: 'Pensioner' },
  student: { vi: 'Học sinh, sinh viên', en: 'Student' },
  other: { vi: 'Đảng viên khác (mức cố định theo địa bàn)', en: 'Other members (fixed amount by area)' },
}

/** Areas for the fixed amounts of members without a salary or pension. */
export const FEE_AREAS = ['city-ward', 'city-commune', 'province', 'remote'] as const
export type FeeArea = (typeof FEE_AREAS)[number]

/** One way of computing a category's monthly fee. */
export type FeeFormula =
  /** A share of an income (salary + insurable allowances, insurance-base salary, benefit, pension). */
  | { kind: 'percent'; percent: number; base: 'current-month' | 'previous-month'; incomeRequired: true }
  /** A fixed amount. */
  | { kind: 'fixed'; amount: number }
  /** A fixed amount by area. */
  | { kind: 'by-area'; amounts: Record<FeeArea, number> }

export interface FeeRule {
  /** The regulation's symbol. */
  readonly id: string
  readonly title: { vi: string; en: string }
  /** First day in force (ISO date). */
  readonly validFrom: string
  /** Last day in force (inclusive), when replaced. */
  readonly validTo?: string
  readonly categories: Readonly<Record<FeeCategory, FeeFormula>>
  /** Members with this many years since admission pay nothing. */
  readonly exemptAfterYears: number
  /** Reductions allowed (percent off) and their longest duration in months. */
  readonly reductions: { readonly percents: readonly number[]; readonly maxMonths: number }
  /** Notes on what is verified ([V]) and what is not ([R]). */
  readonly notes: string
}

const AREA_FIXED: Record<FeeArea, number> = { 'city-ward': 10_000, 'city-commune': 8_000, province: 6_000, remote: 4_000 }

export const FEE_RULES: readonly FeeRule[] = [
  {
    id: '342-QĐ/TW',
    title: { vi: 'Quy định 342-QĐ/TW về chế độ đảng phí', en: 'Regulation 342-QĐ/TW on Party fees' },
    validFrom: '2011-04-01', validTo: '2026-02-02',
    categories: {
      insured: { kind: 'percent', percent: 1, base: 'current-month', incomeRequired: true },
      'leave-benefit': { kind: 'percent', percent: 1, base: 'current-month', incomeRequired: true },
      pensioner: { kind: 'percent', percent: 0.5, base: 'current-month', incomeRequired: true },
      // [R] Students without income paid the fixed amount of their area.
      student: { kind: 'by-area', amounts: AREA_FIXED },
      other: { kind: 'by-area', amounts: AREA_FIXED },
    },
    exemptAfterYears: 50,
    reductions: { percents: [30, 50, 70], maxMonths: 12 },
    notes: '[V] 1% of salary and insurable allowances; 0.5% of pension; fixed 10,000/8,000/6,000/4,000 đ by area. [R] students by area.',
  },
  {
    id: '01-QĐ/TW',
    title: { vi: 'Quy định 01-QĐ/TW về chế độ đảng phí', en: 'Regulation 01-QĐ/TW on Party fees' },
    validFrom: '2026-02-03',
    categories: {
      insured: { kind: 'percent', percent: 1, base: 'previous-month', incomeRequired: true },
      'leave-benefit': { kind: 'percent', percent: 1, base: 'current-month', incomeRequired: true },
      pensioner: { kind: 'percent', percent: 0.5, base: 'current-month', incomeRequired: true },
      student: { kind: 'fixed', amount: 5_000 },
      // [R] "others per category": the 342 amounts by area until the detailed guide is entered here.
      other: { kind: 'by-area', amounts: AREA_FIXED },
    },
    exemptAfterYears: 50,
    reductions: { percents: [30, 50, 70], maxMonths: 12 },
    notes: "[V] 1% of the previous month's insurance-base salary (on leave: of the benefit); 0.5% of pension; students 5,000 đ. [S] exemptions and 30/50/70% reductions ≤ 12 months. [R] others.",
  },
]

export const firstDay = (month: Month): string => `${month}-01`
export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
export const monthOf = (isoDate: string): Month => isoDate.slice(0, 7)
/** Months from `from` to `to`, both included. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = []
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m)
  return out
}

/**
 * The rule that governs a month: the one in force on the month's first day.
 * A rule that starts mid-month (01-QĐ/TW on 3 February 2026) governs from the
 * next month, so a month is never assessed under two rules.
 */
export function ruleForMonth(month: Month, rules: readonly FeeRule[] = FEE_RULES): FeeRule | undefined {
  const day = firstDay(month)
  return rules.find((r) => r.validFrom <= day && (!r.validTo || day <= r.validTo))
    // The first month of the first rule starts on its first day (2011-04 under 342).
    ?? rules.find((r) => monthOf(r.validFrom) === month && r.validFrom.endsWith('-01'))
}

/** A member's income in force from a month (salary, insurance base, benefit or pension). */
export interface IncomeEntry { from: Month; amount: number }
/** Exemption (miễn) for a period, e.g. social-pension recipients or poor households on application. */
export interface Exemption { reason: 'social-pension' | 'poor-household' | 'other'; from: Month; to?: Month }
/** Reduction (giảm) of 30/50/70% for a limited time. */
export interface Reduction { percent: number; from: Month; to: Month }

/** How a member's fee is assessed (the member record's `fee`). */
export interface FeeProfile {
  category: FeeCategory
  area: FeeArea
  incomes: IncomeEntry[]
  exemptions: Exemption[]
  reductions: Reduction[]
}

export type Assessment =
  | { month: Month; rule: string; status: 'due'; amount: number; base?: number; gross: number; reductionPercent?: number }
  | { month: Month; rule: string; status: 'exempt'; amount: 0; reason: 'membership-50-years' | Exemption['reason'] }
  | { month: Month; rule?: string; status: 'not-member' | 'no-rule'; amount: 0 }
  | { month: Month; rule: string; status: 'income-missing'; amount: 0; incomeMonth: Month }

/** The income in force in a month (the latest entry starting on or before it). */
export function incomeIn(incomes: readonly IncomeEntry[], month: Month): number | undefined {
  let best: IncomeEntry | undefined
  for (const e of incomes) if (e.from <= month && (!best || e.from > best.from)) best = e
  return best?.amount
}

const inPeriod = (month: Month, from: Month, to?: Month) => from <= month && (!to || month <= to)

function yearsBetween(fromIso: string, month: Month): number {
  const [fy, fm] = fromIso.split('-').map(Number)
  const [y, m] = month.split('-').map(Number)
  return (y * 12 + m - (fy * 12 + fm)) / 12
}

/** The fee a member owes for one month under the rule in force. */
export function assessMonth(profile: FeeProfile & { admissionDate: string }, month: Month, rules: readonly FeeRule[] = FEE_RULES): Assessment {
  if (monthOf(profile.admissionDate) > month) return { month, status: 'not-member', amount: 0 }
  const rule = ruleForMonth(month, rules)
  if (!rule) return { month, status: 'no-rule', amount: 0 }
  if (yearsBetween(profile.admissionDate, month) >= rule.exemptAfterYears) return { month, rule: rule.id, status: 'exempt', amount: 0, reason: 'membership-50-years' }
  const exemption = profile.exemptions.find((e) => inPeriod(month, e.from, e.to))
  if (exemption) return { month, rule: rule.id, status: 'exempt', amount: 0, reason: exemption.reason }

  const formula = rule.categories[profile.category]
  let gross: number
  let base: number | undefined
  switch (formula.kind) {
    case 'percent': {
      const incomeMonth = formula.base === 'previous-month' ? addMonths(month, -1) : month
      base = incomeIn(profile.incomes, incomeMonth)
      if (base === undefined) return { month, rule: rule.id, status: 'income-missing', amount: 0, incomeMonth }
      gross = Math.round((base * formula.percent) / 100)
      break
    }
    case 'fixed': gross = formula.amount; break
    case 'by-area': gross = formula.amounts[profile.area]; break
  }
  const reduction = profile.reductions.find((r) => inPeriod(month, r.from, r.to) && rule.reductions.percents.includes(r.percent))
  const amount = reduction ? Math.round((gross * (100 - reduction.percent)) / 100) : gross
  return { month, rule: rule.id, status: 'due', amount, base, gross, ...(reduction ? { reductionPercent: reduction.percent } : {}) }
}

/** A reduction must use a percent the rule allows and last at most its limit. */
export function reductionProblem(r: Reduction, rules: readonly FeeRule[] = FEE_RULES): 'percent' | 'duration' | 'order' | undefined {
  if (r.to < r.from) return 'order'
  const rule = ruleForMonth(r.from, rules)
  if (!rule || !rule.reductions.percents.includes(r.percent)) return 'percent'
  if (monthsBetween(r.from, r.to).length > rule.reductions.maxMonths) return 'duration'
  return undefined
}

/* ------------------------------------------------------------------ ledger */

export interface Payment { month: Month; amount: number; channel: 'cash' | 'portal'; paidAt: string; paymentId: string }

export interface LedgerMonth {
  month: Month
  due: number
  paid: number
  /** What is still owed for the month (never negative: paying more is a voluntary contribution, not a credit). */
  owed: number
  status: 'paid' | 'partly-paid' | 'unpaid' | 'nothing-due'
}

export interface Ledger {
  months: LedgerMonth[]
  totalDue: number
  totalPaid: number
  arrears: number
  /** The last month paid in full with every earlier month settled ("đã đóng đảng phí đến hết tháng ..."). */
  paidUpTo?: Month
  /** Years with three or more unpaid months (a proposal to the cell to consider removal). */
  flaggedYears: number[]
}

export function ledger(assessments: readonly { month: Month; amount: number }[], payments: readonly Pick<Payment, 'month' | 'amount'>[]): Ledger {
  const paidBy = new Map<Month, number>()
  for (const p of payments) paidBy.set(p.month, (paidBy.get(p.month) ?? 0) + p.amount)
  const months = [...assessments].sort((a, b) => a.month.localeCompare(b.month)).map((a): LedgerMonth => {
    const paid = paidBy.get(a.month) ?? 0
    const owed = Math.max(0, a.amount - paid)
    const status = a.amount === 0 ? 'nothing-due' : owed === 0 ? 'paid' : paid > 0 ? 'partly-paid' : 'unpaid'
    return { month: a.month, due: a.amount, paid, owed, status }
  })
  let paidUpTo: Month | undefined
  for (const m of months) { if (m.owed > 0) break; paidUpTo = m.month }
  const unpaidByYear = new Map<number, number>()
  // A month partly paid is not paid: paying 1 đ of the fee does not stop the count (01-QĐ/TW: "không đóng đảng phí 3 tháng trong năm").
  for (const m of months) if (m.owed > 0) unpaidByYear.set(Number(m.month.slice(0, 4)), (unpaidByYear.get(Number(m.month.slice(0, 4))) ?? 0) + 1)
  return {
    months,
    totalDue: months.reduce((s, m) => s + m.due, 0),
    totalPaid: months.reduce((s, m) => s + m.paid, 0),
    arrears: months.reduce((s, m) => s + m.owed, 0),
    paidUpTo,
    flaggedYears: [...unpaidByYear].filter(([, n]) => n >= 3).map(([y]) => y).sort(),
  }
}

/* ------------------------------------------------------- shares by level */

/** What each level keeps of a month's collection (percent), by the unit's level. Not published for 01-QĐ/TW: configurable [R]. */
export interface ShareTable { validFrom: string; validTo?: string; shares: Readonly<Record<string, number>> }

export const SHARE_TABLES: readonly ShareTable[] = [
  // [R] Shares kept at each level; a level missing from a cell's chain passes its share up.
  { validFrom: '2011-04-01', validTo: '2026-02-02', shares: { cell: 30, grassroots: 20, commune: 20, district: 15, city: 15 } },
  { validFrom: '2026-02-03', shares: { cell: 30, grassroots: 20, commune: 30, city: 20 } },
]

export function shareTableForMonth(month: Month, tables: readonly ShareTable[] = SHARE_TABLES): ShareTable | undefined {
  const day = firstDay(month)
  return tables.find((t) => t.validFrom <= day && (!t.validTo || day <= t.validTo)) ?? tables.find((t) => monthOf(t.validFrom) === month)
}

export interface Allocation { unitId: string; level: string; percent: number; amount: number }

/**
 * Splits an amount along a cell's chain (the cell first, then each unit
 * above it, with their levels). The share of a level missing from the chain
 * (a cell directly under a ward has no grassroots committee) goes to the
 * nearest unit above that level; the top of the chain takes whatever the
 * table leaves. Amounts are whole đồng and add up exactly.
 */
export function splitCollection(amount: number, chain: readonly { unitId: string; level: string }[], table: ShareTable): Allocation[] {
  if (chain.length === 0) return []
  const rank = (level: string) => levelById(level)?.rank ?? 99
  const percents = chain.map(() => 0)
  for (const [level, p] of Object.entries(table.shares)) {
    const exact = chain.findIndex((u) => u.level === level)
    const above = chain.findIndex((u) => rank(u.level) < rank(level))
    const at = exact >= 0 ? exact : above >= 0 ? above : chain.length - 1
    percents[at] += p
  }
  percents[percents.length - 1] += 100 - percents.reduce((s, p) => s + p, 0)
  const exact = percents.map((p) => (amount * p) / 100)
  const floors = exact.map(Math.floor)
  let rest = amount - floors.reduce((s, a) => s + a, 0)
  // Largest remainder: the đồng left by rounding go to the biggest fractions, lowest level first on ties.
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (const { i } of order) { if (rest <= 0) break; floors[i]++; rest-- }
  return chain.map((u, i) => ({ unitId: u.unitId, level: u.level, percent: percents[i], amount: floors[i] }))
}
