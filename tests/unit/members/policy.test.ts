import { describe, expect, it } from 'vitest'
import { indexUnits } from '../../../shared/org/tree.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { approvalChain, mayDecide, memberPolicy } from '../../../shared/members/policy.js'
import { secondsToMonthsLater, secondsToWorkingDay, temporaryPeriodProblem } from '../../../shared/members/transfer.js'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { MEMBER_ROUTES, PUBLIC_ROUTES } from '../../../functions/members/index.js'
import { unit } from '../support/units.js'
const { can: canMember, reach: memberReach } = memberPolicy

const index = indexUnits([
  unit({ unitId: 'tu', level: 'city', parentId: null, code: 'TU' }),
  unit({ unitId: 'btctu', level: 'city', kind: 'advisory-board', parentId: 'tu', code: 'BTCTU' }),
  unit({ unitId: 'vptu', level: 'city', kind: 'office', parentId: 'tu', code: 'VPTU' }),
  unit({ unitId: 'ward', level: 'commune', parentId: 'tu' }),
  unit({ unitId: 'cell-a', level: 'cell', parentId: 'ward' }),
  unit({ unitId: 'school', level: 'grassroots', parentId: 'ward' }),
  unit({ unitId: 'cell-b', level: 'cell', parentId: 'school' }),
  unit({ unitId: 'ward2', level: 'commune', parentId: 'tu' }),
])
const D = '2026-06-01'
const actor = (assignments: Actor['assignments']): Actor => ({ userId: 'u', username: 'u', fullName: 'U', clearance: 'internal', mfa: false, assignments })

describe('who sees and does what with member records', () => {
  it('a plain member sees no cell; a cell secretary sees the cell; a ward clerk the ward\'s cells, not another ward\'s', () => {
    expect(canMember(actor([{ unitId: 'cell-a', role: 'member' }]), 'member.read', 'cell-a', index, D)).toBe(false)
    expect(canMember(actor([{ unitId: 'cell-a', role: 'secretary' }]), 'member.read', 'cell-a', index, D)).toBe(true)
    const clerk = actor([{ unitId: 'ward', role: 'clerk' }])
    expect([...memberReach(clerk, 'member.read', index, D)].sort()).toEqual(['cell-a', 'cell-b', 'school', 'ward'])
    expect(canMember(clerk, 'fee.collect', 'cell-b', index, D)).toBe(true)
    expect(canMember(clerk, 'transfer.approve', 'cell-a', index, D)).toBe(false)
    expect(canMember(actor([{ unitId: 'ward2', role: 'secretary' }]), 'member.read', 'cell-a', index, D)).toBe(false)
  })
})

describe('approval chain of an official transfer', () => {
  it('cell → ward (grassroots level) → city, whose Organisation Board may decide for it', () => {
    const chain = approvalChain(index, 'cell-a', D)
    expect(chain.map((s) => [s.stage, s.unitId, s.alsoUnitIds])).toEqual([['cell', 'cell-a', []], ['grassroots', 'ward', []], ['issuer', 'tu', ['btctu']]])
  })

  it('a temporary transfer stops at the grassroots committee, which issues its letter', () => {
    expect(approvalChain(index, 'cell-a', D, 'temporary').map((s) => s.stage)).toEqual(['cell', 'grassroots'])
  })

  it('a cell of a grassroots organisation: cell → grassroots committee → ward', () => {
    expect(approvalChain(index, 'cell-b', D).map((s) => s.unitId)).toEqual(['cell-b', 'school', 'ward'])
  })

  it('only an approving role held in the step\'s own unit decides: not a member, not a clerk, not the unit above, not another office', () => {
    const [cell, , issuer] = approvalChain(index, 'cell-a', D)
    expect(mayDecide(actor([{ unitId: 'cell-a', role: 'secretary' }]), cell)).toBe(true)
    expect(mayDecide(actor([{ unitId: 'cell-a', role: 'member' }]), cell)).toBe(false)
    expect(mayDecide(actor([{ unitId: 'cell-a', role: 'clerk' }]), cell)).toBe(false)
    expect(mayDecide(actor([{ unitId: 'ward', role: 'secretary' }]), cell)).toBe(false)
    expect(mayDecide(actor([{ unitId: 'btctu', role: 'deputy-secretary' }]), issuer)).toBe(true)
    expect(mayDecide(actor([{ unitId: 'vptu', role: 'secretary' }]), issuer)).toBe(false)
    expect(mayDecide(actor([{ unitId: 'tu', role: 'admin' }]), issuer)).toBe(false)
  })
})

describe('transfer deadlines on the working-day calendar', () => {
  it('counts working days in Vietnam time, skipping weekends and Tết', () => {
    // Friday 13 Feb 2026, 10:00 in Hà Nội; Tết closes 14–22 Feb: the first working day after is Monday 23 Feb.
    const now = new Date('2026-02-13T03:00:00Z')
    expect(secondsToWorkingDay(now, 1)).toBe((Date.parse('2026-02-23T23:59:59+07:00') - now.getTime()) / 1000)
    expect(secondsToWorkingDay(now, 2)).toBe((Date.parse('2026-02-24T23:59:59+07:00') - now.getTime()) / 1000)
    expect(secondsToMonthsLater(now, 3)).toBe((Date.parse('2026-05-13T23:59:59+07:00') - now.getTime()) / 1000)
  })

  it('a temporary transfer lasts 3 months to under a year; study up to 2 years', () => {
    expect(temporaryPeriodProblem('2026-01-10', '2026-04-09', 'work')).toBe('tooShort')
    expect(temporaryPeriodProblem('2026-01-10', '2026-04-10', 'work')).toBeUndefined()
    expect(temporaryPeriodProblem('2026-01-10', '2027-01-09', 'work')).toBeUndefined()
    expect(temporaryPeriodProblem('2026-01-10', '2027-01-10', 'work')).toBe('tooLong')
    expect(temporaryPeriodProblem('2026-01-10', '2028-01-10', 'study')).toBeUndefined()
    expect(temporaryPeriodProblem('2026-01-10', '2028-01-11', 'study')).toBe('tooLong')
    expect(temporaryPeriodProblem('2026-01-10', '2026-01-01', 'work')).toBe('order')
  })
})

describe('members module in the definitions', () => {
  it('has a handler for every members route, and the portal route is the only one without a token', () => {
    const table = ROUTES.filter((r) => r.module === 'members')
    expect([...Object.keys(MEMBER_ROUTES), ...PUBLIC_ROUTES].sort()).toEqual(table.map(routeKey).sort())
    expect(table.filter((r) => r.auth === 'none').map(routeKey)).toEqual(PUBLIC_ROUTES)
  })

  it('lists literal paths before {memberId}', () => {
    const paths = ROUTES.filter((r) => r.module === 'members' && r.method === 'GET').map((r) => r.path)
    expect(paths.indexOf('/api/members/transfers')).toBeLessThan(paths.indexOf('/api/members/{memberId}'))
  })
})

describe('reminder before escalation', () => {
  it('splits a step\'s time: a reminder at half, escalation at the end', async () => {
    const { reminderSplit } = await import('../../../functions/members/adapters/workflows.js')
    expect(reminderSplit(864_000)).toEqual({ reminderSeconds: 432_000, restSeconds: 432_000 })
    expect(reminderSplit(1)).toEqual({ reminderSeconds: 1, restSeconds: 1 })
    expect(reminderSplit(5)).toEqual({ reminderSeconds: 2, restSeconds: 3 })
  })
})
