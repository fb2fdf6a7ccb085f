import { describe, expect, it } from 'vitest'
import { authorizeClearance, type Actor, orgPolicy } from '../../../shared/auth/policy.js'
import { ForbiddenError } from '../../../shared/errors/index.js'
import type { Assignment } from '../../../shared/org/contracts.js'
import { PERMISSIONS, ROLE_IDS, type Action, type Clearance, type Role } from '../../../shared/org/roles.js'
import { cityTree } from '../support/units.js'
const { authorize, can, reach } = orgPolicy

const TODAY = '2026-01-15'
const ALL_ACTIONS: Action[] = [
  'unit.read', 'unit.manage', 'user.read', 'user.manage',
  'reorganisation.request', 'reorganisation.decide', 'import.run', 'audit.read',
]

function actor(assignments: Assignment[], clearance: Clearance = 'internal'): Actor {
  return { userId: 'u-1', username: 'nguyen.van.a', fullName: 'Nguyễn Văn A', clearance, mfa: false, assignments }
}

function forbiddenCode(fn: () => void): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof ForbiddenError) return err.code
    throw err
  }
  return undefined
}

describe('deny by default', () => {
  it('gives a person without assignments no right anywhere', () => {
    // Prepare
    const index = cityTree()
    const nobody = actor([])

    // Act
    const allowed = ALL_ACTIONS.flatMap((a) => [...index.keys()].filter((u) => can(nobody, a, u, index, TODAY)).map((u) => `${a}@${u}`))

    // Assess
    expect(allowed).toEqual([])
    expect(reach(nobody, 'unit.read', index, TODAY).size).toBe(0)
  })

  it('gives nothing for an assignment to a unit that is not in the tree', () => {
    const index = cityTree()
    const lost = actor([{ unitId: 'no-such-unit', role: 'admin' }])

    expect(can(lost, 'unit.read', 'hn-tu', index, TODAY)).toBe(false)
  })
})

describe('role × subtree', () => {
  const index = cityTree()
  const secretary = actor([{ unitId: 'p-hoankiem', role: 'secretary' }])

  it('reaches the unit itself and its descendants', () => {
    expect(can(secretary, 'unit.manage', 'p-hoankiem', index, TODAY)).toBe(true)
    expect(can(secretary, 'unit.manage', 'cb-hangdao', index, TODAY)).toBe(true)
  })

  it('does not reach siblings, their children or ancestors', () => {
    expect(can(secretary, 'unit.read', 'p-badinh', index, TODAY)).toBe(false)
    expect(can(secretary, 'unit.read', 'cb-kimma', index, TODAY)).toBe(false)
    expect(can(secretary, 'unit.read', 'hn-tu', index, TODAY)).toBe(false)
  })

  it('lists exactly the subtree as the reach', () => {
    expect([...reach(secretary, 'unit.manage', index, TODAY)].sort()).toEqual(['cb-hangbac', 'cb-hangdao', 'p-hoankiem'])
  })

  it('adds up the subtrees of several assignments, each with its own role', () => {
    // Prepare: manages one ward, only a member in another
    const person = actor([{ unitId: 'p-hoankiem', role: 'office-chief' }, { unitId: 'p-badinh', role: 'member' }])

    // Act / Assess
    expect(can(person, 'unit.manage', 'cb-hangdao', index, TODAY)).toBe(true)
    expect(can(person, 'unit.read', 'cb-kimma', index, TODAY)).toBe(true)
    expect(can(person, 'unit.manage', 'cb-kimma', index, TODAY)).toBe(false)
  })

  it('follows the tree on the date of the request', () => {
    // The district's secretary reached the ward under it while the district existed
    const districtSecretary = actor([{ unitId: 'q-hoankiem', role: 'secretary' }])

    expect(can(districtSecretary, 'unit.manage', 'cb-hangtrong-1', index, '2025-06-30')).toBe(true)
    expect(can(districtSecretary, 'unit.manage', 'cb-hangtrong-1', index, '2025-07-01')).toBe(false)
  })

  it('grants nothing through a role held in a unit that has ended', () => {
    // Prepare: the district ended on 2025-06-30
    const districtSecretary = actor([{ unitId: 'q-hoankiem', role: 'secretary' }])

    // Act
    const readsOwnUnit = can(districtSecretary, 'unit.read', 'q-hoankiem', index, TODAY)
    const reachAfter = reach(districtSecretary, 'unit.read', index, TODAY, true)

    // Assess
    expect(readsOwnUnit).toBe(false)
    expect(reachAfter.size).toBe(0)
  })
})

describe('actions by role (PERMISSIONS)', () => {
  const index = cityTree()

  it.each(ROLE_IDS.map((r) => [r]))('%s may do exactly what the table lists in its unit', (role: Role) => {
    // Prepare
    const person = actor([{ unitId: 'p-hoankiem', role }])

    // Act
    const allowed = ALL_ACTIONS.filter((a) => can(person, a, 'cb-hangdao', index, TODAY))

    // Assess
    expect(allowed.sort()).toEqual([...PERMISSIONS[role]].sort())
  })

  it('a member can read but cannot manage', () => {
    const member = actor([{ unitId: 'p-hoankiem', role: 'member' }])

    expect(can(member, 'unit.read', 'p-hoankiem', index, TODAY)).toBe(true)
    expect(can(member, 'unit.manage', 'p-hoankiem', index, TODAY)).toBe(false)
    expect(can(member, 'user.manage', 'p-hoankiem', index, TODAY)).toBe(false)
  })

  it('an inspector can read the audit trail but not manage people', () => {
    const inspector = actor([{ unitId: 'p-hoankiem', role: 'inspector' }])

    expect(can(inspector, 'audit.read', 'p-hoankiem', index, TODAY)).toBe(true)
    expect(can(inspector, 'user.manage', 'p-hoankiem', index, TODAY)).toBe(false)
  })

  it('a clerk can import but cannot decide reorganisations', () => {
    const clerk = actor([{ unitId: 'p-hoankiem', role: 'clerk' }])

    expect(can(clerk, 'import.run', 'p-hoankiem', index, TODAY)).toBe(true)
    expect(can(clerk, 'reorganisation.decide', 'p-hoankiem', index, TODAY)).toBe(false)
  })
})

describe('authorize', () => {
  const index = cityTree()

  it('lets an allowed action through', () => {
    const secretary = actor([{ unitId: 'p-hoankiem', role: 'secretary' }])

    expect(forbiddenCode(() => authorize(secretary, 'unit.manage', 'cb-hangdao', index, TODAY))).toBeUndefined()
  })

  it('answers auth.outsideSubtree, with the unit, for a unit outside the caller\'s reach', () => {
    // Prepare
    const secretary = actor([{ unitId: 'p-hoankiem', role: 'secretary' }])

    // Act
    let error: unknown
    try { authorize(secretary, 'unit.manage', 'cb-kimma', index, TODAY) } catch (err) { error = err }

    // Assess
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error).toMatchObject({ code: 'auth.outsideSubtree', status: 403, params: { unitId: 'cb-kimma' } })
  })

  it('answers auth.forbidden for a unit the caller can read but lacks the right for', () => {
    const member = actor([{ unitId: 'p-hoankiem', role: 'member' }])

    expect(forbiddenCode(() => authorize(member, 'unit.manage', 'cb-hangdao', index, TODAY))).toBe('auth.forbidden')
  })
})

describe('authorizeClearance', () => {
  it('lets a person grant their own clearance or a lower one', () => {
    const chief = actor([{ unitId: 'hn-tu', role: 'admin' }], 'confidential')

    expect(forbiddenCode(() => authorizeClearance(chief, 'confidential'))).toBeUndefined()
    expect(forbiddenCode(() => authorizeClearance(chief, 'public'))).toBeUndefined()
  })

  it('refuses a clearance above the granter\'s own', () => {
    const admin = actor([{ unitId: 'hn-tu', role: 'admin' }], 'internal')

    expect(forbiddenCode(() => authorizeClearance(admin, 'confidential'))).toBe('auth.clearanceTooLow')
    expect(forbiddenCode(() => authorizeClearance(admin, 'top-secret'))).toBe('auth.clearanceTooLow')
  })
})
