import { describe, expect, it } from 'vitest'
import { definePolicy, type Actor, type PermissionTable } from '../../../shared/auth/engine.js'
import { ForbiddenError } from '../../../shared/errors/index.js'
import type { Assignment } from '../../../shared/org/contracts.js'
import { treeOf } from '../support/units.js'

// A table of its own, so these tests pin the engine and not a module's choices.
type TestAction = 'thing.read' | 'thing.write'
const TABLE: PermissionTable<TestAction> = {
  admin: ['thing.read', 'thing.write'],
  secretary: ['thing.read', 'thing.write'],
  'deputy-secretary': ['thing.read'],
  'office-chief': [],
  clerk: ['thing.read'],
  specialist: [],
  inspector: [],
  member: [],
}
const TODAY = '2026-01-15'

// city ─ commune ─ cell-a, cell-b; old-district ended 2025-06-30, its cell-old with it.
const tree = () => treeOf(
  { unitId: 'city', level: 'city' },
  { unitId: 'commune', parentId: 'city', level: 'commune' },
  { unitId: 'cell-a', parentId: 'commune' },
  { unitId: 'cell-b', parentId: 'commune' },
  { unitId: 'old-district', parentId: 'city', level: 'district', validTo: '2025-06-30', parents: [{ parentId: 'city', from: '2020-01-01', to: '2025-06-30' }] },
  { unitId: 'cell-old', parentId: 'old-district', validTo: '2025-06-30', parents: [{ parentId: 'old-district', from: '2020-01-01', to: '2025-06-30' }] },
)

const actor = (...assignments: Assignment[]): Actor =>
  ({ userId: 'u-1', username: 'u', fullName: 'U', clearance: 'internal', mfa: false, assignments })
const as = (role: string, unitId: string) => ({ role, unitId }) as Assignment

function refusal(fn: () => void): string | undefined {
  try { fn() } catch (err) { if (err instanceof ForbiddenError) return err.code; throw err }
  return undefined
}

describe('definePolicy', () => {
  const policy = definePolicy(TABLE, { readAction: 'thing.read', reachIncludesEnded: false })

  it('lets a role held in a unit act on its whole subtree on the date, and nowhere above or beside it', () => {
    const index = tree()
    const secretary = actor(as('secretary', 'commune'))

    const allowed = [...index.keys()].filter((u) => policy.can(secretary, 'thing.write', u, index, TODAY)).sort()

    expect(allowed).toEqual(['cell-a', 'cell-b', 'commune'])
  })

  it('gives nothing for a role held in a unit that has ended', () => {
    const index = tree()
    const secretary = actor(as('secretary', 'old-district'))

    expect(policy.grantingUnits(secretary, 'thing.read', index, TODAY)).toEqual([])
    expect(policy.can(secretary, 'thing.read', 'cell-old', index, TODAY)).toBe(false)
    expect(policy.can(secretary, 'thing.read', 'old-district', index, '2025-01-01')).toBe(true)
  })

  it('denies an unknown role and an action missing from the table', () => {
    const index = tree()

    expect(policy.can(actor(as('chairman', 'city')), 'thing.read', 'city', index, TODAY)).toBe(false)
    expect(policy.can(actor(as('toString', 'city')), 'thing.read', 'city', index, TODAY)).toBe(false)
    expect(policy.can(actor(as('admin', 'city')), 'thing.delete' as TestAction, 'city', index, TODAY)).toBe(false)
    expect(policy.grants('chairman', 'thing.read')).toBe(false)
    expect(policy.grants('clerk', 'thing.write')).toBe(false)
    expect(policy.grants('clerk', 'thing.read')).toBe(true)
  })

  it('refuses with auth.forbidden where the actor may read, auth.outsideSubtree elsewhere', () => {
    const index = tree()
    const clerk = actor(as('clerk', 'cell-a'))

    expect(refusal(() => policy.authorize(clerk, 'thing.write', 'cell-a', index, TODAY))).toBe('auth.forbidden')
    expect(refusal(() => policy.authorize(clerk, 'thing.write', 'cell-b', index, TODAY))).toBe('auth.outsideSubtree')
    expect(refusal(() => policy.authorize(clerk, 'thing.read', 'cell-a', index, TODAY))).toBeUndefined()
  })

  it('takes the readable action from the options', () => {
    const index = tree()
    const clerk = actor(as('clerk', 'cell-a'))
    const writeIsRead = definePolicy(TABLE, { readAction: 'thing.write', reachIncludesEnded: false })

    expect(refusal(() => writeIsRead.authorize(clerk, 'thing.write', 'cell-a', index, TODAY))).toBe('auth.outsideSubtree')
  })

  it('reaches ended units below a granting unit only where the policy (or the call) says so', () => {
    const index = tree()
    const mayor = actor(as('admin', 'city'))
    const withEnded = definePolicy(TABLE, { readAction: 'thing.read', reachIncludesEnded: true })

    expect([...policy.reach(mayor, 'thing.read', index, TODAY)].sort()).toEqual(['cell-a', 'cell-b', 'city', 'commune'])
    expect([...withEnded.reach(mayor, 'thing.read', index, TODAY)].sort()).toEqual(['cell-a', 'cell-b', 'cell-old', 'city', 'commune', 'old-district'])
    expect([...policy.reach(mayor, 'thing.read', index, TODAY, true)].sort()).toEqual(['cell-a', 'cell-b', 'cell-old', 'city', 'commune', 'old-district'])
    expect(policy.reach(actor(as('clerk', 'city')), 'thing.write', index, TODAY).size).toBe(0)
  })

  it('finds who holds an action in exactly a unit, not above it', () => {
    const people = [
      { userId: 'a', ...as('secretary', 'commune') },
      { userId: 'b', ...as('clerk', 'commune') },
      { userId: 'c', ...as('secretary', 'city') },
      { userId: 'd', ...as('deputy-secretary', 'cell-a') },
    ]

    expect(policy.holdingAssignments(people, 'thing.write', 'commune').map((p) => p.userId)).toEqual(['a'])
    expect(policy.holdingAssignments(people, 'thing.read', ['commune', 'cell-a']).map((p) => p.userId)).toEqual(['a', 'b', 'd'])
    expect(policy.holdsIn(actor(as('secretary', 'city')), 'thing.write', 'commune')).toBe(false)
    expect(policy.rolesGranting('thing.write')).toEqual(['admin', 'secretary'])
  })
})
