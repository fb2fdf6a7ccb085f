import { describe, expect, it } from 'vitest'
import { NotFoundError, RuleError } from '../../../shared/errors/index.js'
import type { CreateReorganisationBody, Reorganisation, Unit } from '../../../shared/org/contracts.js'
import { applyReorganisation, validateReorganisation } from '../../../shared/org/reorganisation.js'
import { indexUnits, parentOn, subtreeOn, type UnitIndex } from '../../../shared/org/tree.js'
import { treeOf } from '../support/units.js'

const TODAY = '2026-01-15'
const EFFECTIVE = '2026-03-01'
const NOW = '2026-03-01T01:00:00.000Z'

/**
 *   hn-tu (city)
 *   ├── p-a (commune)  ── cb-a1, cb-a2 (moved in from p-c in 2024), cb-a-old (ended 2023)
 *   ├── p-b (commune)  ── cb-b1
 *   ├── p-c (commune)
 *   └── p-ended (commune, ended 2025-06-30)
 *   hcm-tu (city, a second root)
 */
function city(): UnitIndex {
  return treeOf(
    { unitId: 'hn-tu', level: 'city', validFrom: '1930-02-03' },
    { unitId: 'hcm-tu', level: 'city', validFrom: '1930-02-03' },
    { unitId: 'p-a', parentId: 'hn-tu', level: 'commune', validFrom: '2020-01-01', version: 3 },
    { unitId: 'p-b', parentId: 'hn-tu', level: 'commune', validFrom: '2020-01-01', version: 5 },
    { unitId: 'p-c', parentId: 'hn-tu', level: 'commune', validFrom: '2020-01-01' },
    { unitId: 'p-ended', parentId: 'hn-tu', level: 'commune', validFrom: '2020-01-01', validTo: '2025-06-30' },
    { unitId: 'cb-a1', parentId: 'p-a', validFrom: '2020-01-01', version: 2 },
    {
      unitId: 'cb-a2', validFrom: '2020-01-01',
      parents: [{ parentId: 'p-c', from: '2020-01-01', to: '2023-12-31' }, { parentId: 'p-a', from: '2024-01-01' }],
    },
    { unitId: 'cb-a-old', parentId: 'p-a', validFrom: '2020-01-01', validTo: '2023-12-31' },
    { unitId: 'cb-b1', parentId: 'p-b', validFrom: '2020-01-01' },
  )
}

function body(b: Partial<CreateReorganisationBody> & Pick<CreateReorganisationBody, 'kind' | 'sourceUnitIds'>): CreateReorganisationBody {
  return { successors: [], effectiveDate: EFFECTIVE, reason: 'Sắp xếp tổ chức bộ máy', ...b }
}

function request(b: Pick<Reorganisation, 'kind' | 'sourceUnitIds' | 'successors'>): Reorganisation {
  return {
    requestId: 'req-1', effectiveDate: EFFECTIVE, reason: 'Sắp xếp tổ chức bộ máy', approverUnitId: 'hn-tu', ownerUnitId: 'hn-tu',
    status: 'approved', requestedBy: { userId: 'u-1', fullName: 'Nguyễn Văn A' }, deadlineSeconds: 3600,
    history: [], version: 2, createdAt: TODAY, updatedAt: TODAY, ...b,
  }
}

function ruleCode(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof RuleError) return err.code
    throw err
  }
  return undefined
}

const byId = (units: Unit[]): Map<string, Unit> => new Map(units.map((u) => [u.unitId, u]))

describe('validateReorganisation', () => {
  it('names the common direct superior as the approver of a merge', () => {
    // Act
    const result = validateReorganisation(city(), body({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] }), TODAY)

    // Assess
    expect(result).toEqual({ approverUnitId: 'hn-tu' })
  })

  it('names the ward as approver when one of its cells is dissolved', () => {
    const result = validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['cb-a1'] }), TODAY)

    expect(result).toEqual({ approverUnitId: 'p-a' })
  })

  it('accepts a split with shares adding up to 100', () => {
    const result = validateReorganisation(city(), body({ kind: 'split', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b', share: 60 }, { unitId: 'p-c', share: 40 }] }), TODAY)

    expect(result.approverUnitId).toBe('hn-tu')
  })

  it('refuses a source or successor that has already ended (rule.unitEnded)', () => {
    const index = city()

    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'dissolve', sourceUnitIds: ['p-ended'] }), TODAY))).toBe('rule.unitEnded')
    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'merge', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-ended' }] }), TODAY))).toBe('rule.unitEnded')
  })

  it('refuses units under different superiors (rule.differentSuperior)', () => {
    const code = ruleCode(() => validateReorganisation(city(), body({ kind: 'merge', sourceUnitIds: ['p-c', 'cb-b1'], successors: [{ unitId: 'p-a' }] }), TODAY))

    expect(code).toBe('rule.differentSuperior')
  })

  it('refuses to reorganise a root, which has nobody above to approve (rule.noSuperior)', () => {
    const code = ruleCode(() => validateReorganisation(city(), body({ kind: 'merge', sourceUnitIds: ['hcm-tu'], successors: [{ unitId: 'hn-tu' }] }), TODAY))

    expect(code).toBe('rule.noSuperior')
  })

  it('needs exactly one receiving unit for a merge (rule.mergeNeedsTarget)', () => {
    const index = city()

    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'merge', sourceUnitIds: ['p-a'] }), TODAY))).toBe('rule.mergeNeedsTarget')
    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'merge', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b' }, { unitId: 'p-c' }] }), TODAY))).toBe('rule.mergeNeedsTarget')
  })

  it('needs two or more successors for a split (rule.splitNeedsTwo)', () => {
    const code = ruleCode(() => validateReorganisation(city(), body({ kind: 'split', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b' }] }), TODAY))

    expect(code).toBe('rule.splitNeedsTwo')
  })

  it('refuses shares that do not add up to 100, or are given for only some successors (rule.sharesSum)', () => {
    const index = city()
    const split = (successors: CreateReorganisationBody['successors']) => body({ kind: 'split', sourceUnitIds: ['p-a'], successors })

    expect(ruleCode(() => validateReorganisation(index, split([{ unitId: 'p-b', share: 60 }, { unitId: 'p-c', share: 30 }]), TODAY))).toBe('rule.sharesSum')
    expect(ruleCode(() => validateReorganisation(index, split([{ unitId: 'p-b', share: 100 }, { unitId: 'p-c' }]), TODAY))).toBe('rule.sharesSum')
  })

  it('refuses a unit that is both source and successor, or listed twice (rule.sameUnit)', () => {
    const index = city()

    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'merge', sourceUnitIds: ['p-a', 'p-b'], successors: [{ unitId: 'p-b' }] }), TODAY))).toBe('rule.sameUnit')
    expect(ruleCode(() => validateReorganisation(index, body({ kind: 'merge', sourceUnitIds: ['p-a', 'p-a'], successors: [{ unitId: 'p-b' }] }), TODAY))).toBe('rule.sameUnit')
  })

  it('refuses a successor inside a source, which would end with it', () => {
    const code = ruleCode(() => validateReorganisation(city(), body({ kind: 'merge', sourceUnitIds: ['p-a'], successors: [{ unitId: 'cb-a1' }] }), TODAY))

    expect(code).toBe('rule.cyclicMove')
  })

  it('refuses an effective date on or before a source was founded (rule.effectiveDateBeforeStart)', () => {
    const code = ruleCode(() => validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['cb-b1'], effectiveDate: '2020-01-01' }), TODAY))

    expect(code).toBe('rule.effectiveDateBeforeStart')
  })

  it('refuses to dissolve a unit with units under it when nobody takes them over (rule.hasChildren)', () => {
    // Act
    const withoutSuccessor = ruleCode(() => validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['p-a'] }), TODAY))
    const withSuccessor = ruleCode(() => validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b' }] }), TODAY))

    // Assess
    expect(withoutSuccessor).toBe('rule.hasChildren')
    expect(withSuccessor).toBeUndefined()
  })

  it('counts only the children a unit has today when dissolving it', () => {
    // p-c's only former child moved away in 2024
    expect(ruleCode(() => validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['p-c'] }), TODAY))).toBeUndefined()
  })

  it('answers not found for an unknown unit', () => {
    expect(() => validateReorganisation(city(), body({ kind: 'dissolve', sourceUnitIds: ['no-such-unit'] }), TODAY)).toThrow(NotFoundError)
  })
})

describe('applyReorganisation', () => {
  it('ends every source the day before the effective date, recording how and into what', () => {
    // Prepare
    const index = city()
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] })

    // Act
    const changed = byId(applyReorganisation(index, merge, NOW))

    // Assess
    expect(changed.get('p-a')).toMatchObject({ validTo: '2026-02-28', endedBy: 'merge', successors: [{ unitId: 'p-b' }], version: 4, updatedAt: NOW })
    expect(changed.get('p-c')).toMatchObject({ validTo: '2026-02-28', endedBy: 'merge', successors: [{ unitId: 'p-b' }], version: 2 })
  })

  it('records exactly the ended units as predecessors of the receiving unit', () => {
    // Prepare
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] })

    // Act
    const receiving = byId(applyReorganisation(city(), merge, NOW)).get('p-b')

    // Assess: the cells that move along are not predecessors of the receiving unit
    expect(receiving?.predecessors.sort()).toEqual(['p-a', 'p-c'])
    expect(receiving?.version).toBe(6)
  })

  it('moves the children of a merged unit under the receiving unit from the effective date, keeping the history', () => {
    // Prepare
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] })

    // Act
    const changed = byId(applyReorganisation(city(), merge, NOW))
    const cell = changed.get('cb-a1')!
    const movedTwice = changed.get('cb-a2')!

    // Assess
    expect(cell.parentId).toBe('p-b')
    expect(cell.parents).toEqual([{ parentId: 'p-a', from: '2020-01-01', to: '2026-02-28' }, { parentId: 'p-b', from: EFFECTIVE }])
    expect(cell.version).toBe(3)
    expect(parentOn(cell, '2026-02-28')).toBe('p-a')
    expect(parentOn(cell, EFFECTIVE)).toBe('p-b')
    expect(movedTwice.parents).toEqual([
      { parentId: 'p-c', from: '2020-01-01', to: '2023-12-31' },
      { parentId: 'p-a', from: '2024-01-01', to: '2026-02-28' },
      { parentId: 'p-b', from: EFFECTIVE },
    ])
  })

  it('leaves children that had already ended where they were', () => {
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b' }] })

    const changed = byId(applyReorganisation(city(), merge, NOW))

    expect(changed.has('cb-a-old')).toBe(false)
    expect(changed.has('cb-b1')).toBe(false)
  })

  it('gives the tree after the change: the receiving unit holds everything, the old units stay readable', () => {
    // Prepare
    const index = city()
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-b' }] })

    // Act
    const after = indexUnits([...index.values(), ...applyReorganisation(index, merge, NOW)])

    // Assess
    expect([...subtreeOn(after, ['p-b'], EFFECTIVE)].sort()).toEqual(['cb-a1', 'cb-a2', 'cb-b1', 'p-b'])
    expect([...subtreeOn(after, ['p-a'], '2026-02-28')].sort()).toEqual(['cb-a1', 'cb-a2', 'p-a'])
    expect(subtreeOn(after, ['hn-tu'], EFFECTIVE).has('p-a')).toBe(false)
  })

  it('links a split to every successor and hands the children to the first one', () => {
    // Prepare
    const split = request({ kind: 'split', sourceUnitIds: ['p-a'], successors: [{ unitId: 'p-c', share: 70 }, { unitId: 'p-b', share: 30 }] })

    // Act
    const changed = byId(applyReorganisation(city(), split, NOW))

    // Assess
    expect(changed.get('p-a')).toMatchObject({ endedBy: 'split', successors: [{ unitId: 'p-c', share: 70 }, { unitId: 'p-b', share: 30 }] })
    expect(changed.get('p-b')?.predecessors).toEqual(['p-a'])
    expect(changed.get('p-c')?.predecessors).toEqual(['p-a'])
    expect(changed.get('cb-a1')?.parentId).toBe('p-c')
  })

  it('ends a dissolved unit without successors and touches nothing else', () => {
    const dissolve = request({ kind: 'dissolve', sourceUnitIds: ['cb-b1'], successors: [] })

    const changed = applyReorganisation(city(), dissolve, NOW)

    expect(changed).toHaveLength(1)
    expect(changed[0]).toMatchObject({ unitId: 'cb-b1', validTo: '2026-02-28', endedBy: 'dissolve', successors: [] })
  })

  it('changes nothing when applied a second time (a retried workflow task)', () => {
    // Prepare
    const index = city()
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] })
    const after = indexUnits([...index.values(), ...applyReorganisation(index, merge, NOW)])

    // Act
    const again = applyReorganisation(after, merge, '2026-03-01T02:00:00.000Z')

    // Assess
    expect(again).toEqual([])
  })

  it('completes an interrupted application: sources already ended, receiving unit not yet linked', () => {
    // Prepare: only the first chunk (the ended sources) was written before the task failed
    const index = city()
    const merge = request({ kind: 'merge', sourceUnitIds: ['p-a', 'p-c'], successors: [{ unitId: 'p-b' }] })
    const first = applyReorganisation(index, merge, NOW).filter((u) => merge.sourceUnitIds.includes(u.unitId))
    const partial = indexUnits([...index.values(), ...first])

    // Act
    const retried = byId(applyReorganisation(partial, merge, NOW))

    // Assess
    expect(retried.has('p-a')).toBe(false)
    expect(retried.get('p-b')?.predecessors.sort()).toEqual(['p-a', 'p-c'])
  })

  it('ends the sources on the last day of February in a leap year', () => {
    const dissolve = { ...request({ kind: 'dissolve', sourceUnitIds: ['cb-b1'], successors: [] }), effectiveDate: '2028-03-01' }

    expect(applyReorganisation(city(), dissolve, NOW)[0].validTo).toBe('2028-02-29')
  })
})
