import { Cron } from 'croner'
import { describe, expect, it } from 'vitest'
import { SCHEDULES, toCronerPattern } from '../../../infra/definitions/schedules.js'

describe('toCronerPattern', () => {
  it('turns EventBridge "every 15 minutes" into a croner range with a step', () => {
    expect(toCronerPattern('0/15 * * * ? *')).toBe('0-59/15 * * * *')
  })

  it('drops the year field and replaces "?" with "*"', () => {
    expect(toCronerPattern('30 0 * * ? *')).toBe('30 0 * * *')
    expect(toCronerPattern('0 8 ? * MON-FRI *')).toBe('0 8 * * MON-FRI')
  })

  it('uses each field\'s own upper bound for a step', () => {
    expect(toCronerPattern('0 0/6 * * ? *')).toBe('0 0-23/6 * * *')
    expect(toCronerPattern('0 0 1/10 * ? *')).toBe('0 0 1-31/10 * *')
  })

  it('fires the 15-minute job at :00, :15, :30 and :45 in Hà Nội time', () => {
    // Prepare
    const overdue = SCHEDULES.find((s) => s.id === 'overdue-approvals')!
    const cron = new Cron(toCronerPattern(overdue.cron), { timezone: overdue.timezone, paused: true })

    // Act
    const runs = cron.nextRuns(4, new Date('2026-01-05T03:01:00Z')).map((d) => d.toISOString())

    // Assess
    expect(runs).toEqual(['2026-01-05T03:15:00.000Z', '2026-01-05T03:30:00.000Z', '2026-01-05T03:45:00.000Z', '2026-01-05T04:00:00.000Z'])
  })

  it('every schedule converts to a pattern croner accepts', () => {
    for (const s of SCHEDULES) {
      expect(() => new Cron(toCronerPattern(s.cron), { timezone: s.timezone, paused: true }), s.id).not.toThrow()
    }
  })

  it('fires the daily KPI snapshot at 00:30 Hà Nội time (17:30 UTC the day before)', () => {
    const kpi = SCHEDULES.find((s) => s.id === 'daily-kpi-snapshot')!

    const next = new Cron(toCronerPattern(kpi.cron), { timezone: kpi.timezone, paused: true }).nextRun(new Date('2026-01-05T00:00:00Z'))

    expect(next?.toISOString()).toBe('2026-01-05T17:30:00.000Z')
  })
})
