import { describe, expect, it } from 'vitest'
import {
  FEE_RULES, SHARE_TABLES, addMonths, assessMonth, ledger, monthsBetween, reductionProblem, ruleForMonth, shareTableForMonth, splitCollection,
  type FeeProfile,
} from '../../../shared/members/fees.js'

const profile = (p: Partial<FeeProfile & { admissionDate: string }> = {}): FeeProfile & { admissionDate: string } => ({
  admissionDate: '2000-05-19', category: 'insured', area: 'city-ward', incomes: [], exemptions: [], reductions: [], ...p,
})

describe('which rule governs a month', () => {
  it('uses 342-QĐ/TW from April 2011 up to February 2026 and 01-QĐ/TW from March 2026 (in force 3 Feb: from the next whole month)', () => {
    expect(ruleForMonth('2011-03')).toBeUndefined()
    expect(ruleForMonth('2011-04')?.id).toBe('342-QĐ/TW')
    expect(ruleForMonth('2025-12')?.id).toBe('342-QĐ/TW')
    expect(ruleForMonth('2026-01')?.id).toBe('342-QĐ/TW')
    expect(ruleForMonth('2026-02')?.id).toBe('342-QĐ/TW')
    expect(ruleForMonth('2026-03')?.id).toBe('01-QĐ/TW')
    expect(ruleForMonth('2030-11')?.id).toBe('01-QĐ/TW')
  })

  it('has contiguous periods with no gap and no overlap', () => {
    for (let i = 1; i < FEE_RULES.length; i++) {
      const prev = FEE_RULES[i - 1]
      const next = new Date(`${prev.validTo}T00:00:00Z`)
      next.setUTCDate(next.getUTCDate() + 1)
      expect(next.toISOString().slice(0, 10)).toBe(FEE_RULES[i].validFrom)
    }
  })
})

describe('monthly assessment under 342-QĐ/TW', () => {
  it('takes 1% of the same month\'s salary and insurable allowances', () => {
    const a = assessMonth(profile({ incomes: [{ from: '2025-01', amount: 12_345_600 }] }), '2025-10')
    expect(a).toMatchObject({ status: 'due', rule: '342-QĐ/TW', amount: 123_456, base: 12_345_600 })
  })

  it('takes 0.5% of the pension', () => {
    expect(assessMonth(profile({ category: 'pensioner', incomes: [{ from: '2020-01', amount: 8_000_000 }] }), '2025-06').amount).toBe(40_000)
  })

  it('charges members without salary a fixed amount by area: 10,000 / 8,000 / 6,000 / 4,000 đ', () => {
    const amounts = (['city-ward', 'city-commune', 'province', 'remote'] as const).map((area) => assessMonth(profile({ category: 'other', area }), '2024-03').amount)
    expect(amounts).toEqual([10_000, 8_000, 6_000, 4_000])
  })

  it('uses the salary in force in the month: a raise counts from its month', () => {
    const p = profile({ incomes: [{ from: '2025-01', amount: 10_000_000 }, { from: '2025-07', amount: 11_000_000 }] })
    expect(assessMonth(p, '2025-06').amount).toBe(100_000)
    expect(assessMonth(p, '2025-07').amount).toBe(110_000)
  })
})

describe('monthly assessment under 01-QĐ/TW', () => {
  it("takes 1% of the previous month's insurance-base salary (the March fee follows February's base)", () => {
    const p = profile({ incomes: [{ from: '2025-01', amount: 10_000_000 }, { from: '2026-03', amount: 15_000_000 }] })
    expect(assessMonth(p, '2026-03')).toMatchObject({ rule: '01-QĐ/TW', amount: 100_000, base: 10_000_000 })
    expect(assessMonth(p, '2026-04')).toMatchObject({ amount: 150_000, base: 15_000_000 })
  })

  it('at the boundary, February 2026 is still 342 (same month base) and March 2026 is 01 (previous month base)', () => {
    const p = profile({ incomes: [{ from: '2026-01', amount: 9_000_000 }, { from: '2026-02', amount: 9_900_000 }] })
    expect(assessMonth(p, '2026-02')).toMatchObject({ rule: '342-QĐ/TW', amount: 99_000 })
    expect(assessMonth(p, '2026-03')).toMatchObject({ rule: '01-QĐ/TW', amount: 99_000, base: 9_900_000 })
  })

  it('takes 1% of the benefit on sick or maternity leave, 0.5% of pension, 5,000 đ from students', () => {
    expect(assessMonth(profile({ category: 'leave-benefit', incomes: [{ from: '2026-04', amount: 6_000_000 }] }), '2026-04').amount).toBe(60_000)
    expect(assessMonth(profile({ category: 'pensioner', incomes: [{ from: '2026-01', amount: 7_300_000 }] }), '2026-05').amount).toBe(36_500)
    expect(assessMonth(profile({ category: 'student', admissionDate: '2024-05-19' }), '2026-05')).toMatchObject({ status: 'due', amount: 5_000 })
  })

  it('a student under 342 paid by area and under 01 pays 5,000 đ', () => {
    const s = profile({ category: 'student', area: 'remote', admissionDate: '2024-05-19' })
    expect(assessMonth(s, '2026-02').amount).toBe(4_000)
    expect(assessMonth(s, '2026-03').amount).toBe(5_000)
  })

  it('rounds to whole đồng', () => {
    expect(assessMonth(profile({ category: 'pensioner', incomes: [{ from: '2026-01', amount: 7_300_101 }] }), '2026-05').amount).toBe(36_501)
  })
})

describe('missing income, membership and exemptions', () => {
  it('reports a missing salary rather than assessing zero (the salary of the month before, under 01)', () => {
    expect(assessMonth(profile({ incomes: [] }), '2025-05')).toMatchObject({ status: 'income-missing', incomeMonth: '2025-05', amount: 0 })
    expect(assessMonth(profile({ incomes: [{ from: '2026-04', amount: 10_000_000 }] }), '2026-04')).toMatchObject({ status: 'income-missing', incomeMonth: '2026-03' })
  })

  it('assesses nothing before admission; the month of admission is due', () => {
    const p = profile({ admissionDate: '2026-05-19', category: 'student' })
    expect(assessMonth(p, '2026-04').status).toBe('not-member')
    expect(assessMonth(p, '2026-05').status).toBe('due')
  })

  it('exempts members with 50 years in the Party from the month the 50th year is complete', () => {
    const p = profile({ admissionDate: '1976-06-15', category: 'pensioner', incomes: [{ from: '2020-01', amount: 5_000_000 }] })
    expect(assessMonth(p, '2026-05')).toMatchObject({ status: 'due', amount: 25_000 })
    expect(assessMonth(p, '2026-06')).toMatchObject({ status: 'exempt', reason: 'membership-50-years', amount: 0 })
  })

  it('exempts for the period of an exemption (poor household), open-ended or bounded', () => {
    const p = profile({ category: 'other', exemptions: [{ reason: 'poor-household', from: '2026-03', to: '2026-08' }] })
    expect(assessMonth(p, '2026-02').amount).toBe(10_000)
    expect(assessMonth(p, '2026-03')).toMatchObject({ status: 'exempt', reason: 'poor-household' })
    expect(assessMonth(p, '2026-08').status).toBe('exempt')
    expect(assessMonth(p, '2026-09').amount).toBe(10_000)
    const open = profile({ category: 'other', exemptions: [{ reason: 'social-pension', from: '2026-03' }] })
    expect(assessMonth(open, '2029-01').status).toBe('exempt')
  })

  it('reduces by 30, 50 or 70% for the months of the reduction only', () => {
    const p = profile({ incomes: [{ from: '2025-01', amount: 10_000_000 }], reductions: [{ percent: 70, from: '2026-04', to: '2026-06' }] })
    expect(assessMonth(p, '2026-03').amount).toBe(100_000)
    expect(assessMonth(p, '2026-04')).toMatchObject({ amount: 30_000, gross: 100_000, reductionPercent: 70 })
    expect(assessMonth(p, '2026-06').amount).toBe(30_000)
    expect(assessMonth(p, '2026-07').amount).toBe(100_000)
  })

  it('refuses reductions of another percent or longer than 12 months', () => {
    expect(reductionProblem({ percent: 50, from: '2026-03', to: '2027-02' })).toBeUndefined()
    expect(reductionProblem({ percent: 50, from: '2026-03', to: '2027-03' })).toBe('duration')
    expect(reductionProblem({ percent: 40, from: '2026-03', to: '2026-04' })).toBe('percent')
    expect(reductionProblem({ percent: 30, from: '2026-05', to: '2026-04' })).toBe('order')
  })
})

describe('ledger: paid, owed, arrears, the three-month flag', () => {
  const due = monthsBetween('2026-01', '2026-06').map((month) => ({ month, amount: 100_000 }))

  it('counts what is paid and owed per month; paying more is allowed and is not a credit for later months', () => {
    const l = ledger(due, [{ month: '2026-01', amount: 150_000 }, { month: '2026-02', amount: 100_000 }, { month: '2026-03', amount: 40_000 }])
    expect(l.months.map((m) => m.status)).toEqual(['paid', 'paid', 'partly-paid', 'unpaid', 'unpaid', 'unpaid'])
    expect(l.totalPaid).toBe(290_000)
    expect(l.arrears).toBe(60_000 + 300_000)
    expect(l.paidUpTo).toBe('2026-02')
  })

  it('flags a year with three unpaid months, not one with two', () => {
    expect(ledger(due, [{ month: '2026-01', amount: 100_000 }, { month: '2026-02', amount: 100_000 }, { month: '2026-03', amount: 100_000 }]).flaggedYears).toEqual([2026])
    const two = ledger(due, ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => ({ month, amount: 100_000 })))
    expect(two.flaggedYears).toEqual([])
  })

  it('a month paid in part is not paid: 1 đ towards each of three months still flags the year', () => {
    const token = ledger(due, [
      { month: '2026-01', amount: 100_000 }, { month: '2026-02', amount: 100_000 }, { month: '2026-03', amount: 100_000 },
      { month: '2026-04', amount: 1 }, { month: '2026-05', amount: 1 }, { month: '2026-06', amount: 1 },
    ])
    expect(token.months.slice(3).map((m) => m.status)).toEqual(['partly-paid', 'partly-paid', 'partly-paid'])
    expect(token.flaggedYears).toEqual([2026])
  })

  it('does not count three unpaid months spread over two years as one year', () => {
    const months = ['2025-11', '2025-12', '2026-01', '2026-02'].map((month) => ({ month, amount: 5_000 }))
    expect(ledger(months, []).flaggedYears).toEqual([])
  })

  it('months with nothing due (exempt) are neither owed nor unpaid', () => {
    const l = ledger([{ month: '2026-03', amount: 0 }, { month: '2026-04', amount: 0 }, { month: '2026-05', amount: 0 }], [])
    expect(l.flaggedYears).toEqual([])
    expect(l.arrears).toBe(0)
    expect(l.paidUpTo).toBe('2026-05')
  })
})

describe('split of a month\'s collection between levels', () => {
  const table = shareTableForMonth('2026-05')!
  it('gives each level its share and the amounts add up to the đồng', () => {
    const chain = [{ unitId: 'cb', level: 'cell' }, { unitId: 'du', level: 'grassroots' }, { unitId: 'p', level: 'commune' }, { unitId: 'tu', level: 'city' }]
    const split = splitCollection(1_000_001, chain, table)
    expect(split.map((s) => s.percent)).toEqual([30, 20, 30, 20])
    expect(split.reduce((s, a) => s + a.amount, 0)).toBe(1_000_001)
    expect(split.map((s) => s.amount)).toEqual([300_001, 200_000, 300_000, 200_000])
  })

  it('passes the share of a missing level to the unit above it (a cell directly under a ward)', () => {
    const split = splitCollection(100_000, [{ unitId: 'cb', level: 'cell' }, { unitId: 'p', level: 'commune' }, { unitId: 'tu', level: 'city' }], table)
    expect(split.map((s) => [s.unitId, s.amount])).toEqual([['cb', 30_000], ['p', 50_000], ['tu', 20_000]])
  })

  it('uses the table in force for the month', () => {
    expect(shareTableForMonth('2025-12')).toBe(SHARE_TABLES[0])
    expect(shareTableForMonth('2026-03')).toBe(SHARE_TABLES[1])
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
  })
})
