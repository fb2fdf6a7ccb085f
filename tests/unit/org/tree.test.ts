import { describe, expect, it } from 'vitest'
import { RuleError } from '../../../shared/errors/index.js'
import {
  ancestorsOn, assertValidParent, dayBefore, existsOn, isWithin, nameOn, parentOn, subtreeOn, topmost, treeOn,
  type TreeNode,
} from '../../../shared/org/tree.js'
import { cityTree, treeOf, unit } from '../support/units.js'

const ruleCode = (fn: () => void): string | undefined => {
  try {
    fn()
  } catch (err) {
    if (err instanceof RuleError) return err.code
    throw err
  }
  return undefined
}

const ids = (nodes: TreeNode[]): string[] => nodes.map((n) => n.unitId)

describe('existsOn', () => {
  const district = unit({ unitId: 'q-hoankiem', level: 'district', validFrom: '1990-01-01', validTo: '2025-06-30' })

  it('counts the last day (validTo) as a day the unit exists', () => {
    // Prepare: the district committee's last day is 2025-06-30

    // Act
    const onLastDay = existsOn(district, '2025-06-30')
    const dayAfter = existsOn(district, '2025-07-01')

    // Assess
    expect(onLastDay).toBe(true)
    expect(dayAfter).toBe(false)
  })

  it('counts the founding day and not the day before it', () => {
    expect(existsOn(district, '1990-01-01')).toBe(true)
    expect(existsOn(district, '1989-12-31')).toBe(false)
  })

  it('keeps a unit without an end date alive indefinitely', () => {
    const ward = unit({ unitId: 'p-hoankiem', level: 'commune', validFrom: '2025-07-01' })

    expect(existsOn(ward, '2099-12-31')).toBe(true)
  })
})

describe('parentOn and nameOn with dated history', () => {
  const ward = unit({
    unitId: 'p-hangtrong', level: 'commune', validFrom: '2000-01-01',
    parents: [{ parentId: 'q-hoankiem', from: '2000-01-01', to: '2025-06-30' }, { parentId: 'hn-tu', from: '2025-07-01' }],
    names: [
      { name: 'Đảng ủy phường Hàng Trống', code: 'ĐU', from: '2000-01-01', to: '2025-06-30' },
      { name: 'Đảng ủy phường Hoàn Kiếm', code: 'ĐUHK', from: '2025-07-01' },
    ],
  })

  it('gives the old superior up to the last day and the new one from the change', () => {
    expect(parentOn(ward, '2010-05-05')).toBe('q-hoankiem')
    expect(parentOn(ward, '2025-06-30')).toBe('q-hoankiem')
    expect(parentOn(ward, '2025-07-01')).toBe('hn-tu')
  })

  it('shows the historic name and code for dates before a rename', () => {
    expect(nameOn(ward, '2025-06-30')).toEqual({ name: 'Đảng ủy phường Hàng Trống', code: 'ĐU' })
    expect(nameOn(ward, '2025-07-01')).toEqual({ name: 'Đảng ủy phường Hoàn Kiếm', code: 'ĐUHK' })
  })

  it('falls back to the current record when the history does not cover the date', () => {
    // Prepare: a unit whose history was never written (legacy record)
    const legacy = { ...unit({ unitId: 'cb-x', parentId: 'p-x', name: 'Chi bộ X', code: 'CB' }), parents: [], names: [] }

    // Act / Assess
    expect(parentOn(legacy, '2024-01-01')).toBe('p-x')
    expect(nameOn(legacy, '2024-01-01')).toEqual({ name: 'Chi bộ X', code: 'CB' })
  })
})

describe('ancestorsOn', () => {
  it('lists superiors nearest first, following the history of the date', () => {
    // Prepare
    const index = cityTree()

    // Act
    const before = ancestorsOn(index, 'cb-hangtrong-1', '2025-06-30')
    const after = ancestorsOn(index, 'cb-hangtrong-1', '2025-07-01')

    // Assess
    expect(before).toEqual(['p-hangtrong', 'q-hoankiem', 'hn-tu'])
    expect(after).toEqual(['p-hangtrong', 'hn-tu'])
  })

  it('gives a root no ancestors', () => {
    expect(ancestorsOn(cityTree(), 'hn-tu', '2026-01-01')).toEqual([])
  })

  it('stops on corrupt data that loops instead of running forever', () => {
    // Prepare: a and b claim each other as parent
    const index = treeOf({ unitId: 'a', parentId: 'b' }, { unitId: 'b', parentId: 'a' })

    // Act
    const result = ancestorsOn(index, 'a', '2024-01-01')

    // Assess
    expect(result).toEqual(['b'])
  })
})

describe('subtreeOn', () => {
  it('returns the unit and everything below it, not its siblings', () => {
    // Prepare
    const index = cityTree()

    // Act
    const sub = subtreeOn(index, ['p-hoankiem'], '2026-01-01')

    // Assess
    expect([...sub].sort()).toEqual(['cb-hangdao', 'cb-hangbac', 'p-hoankiem'].sort())
  })

  it('leaves out ended units unless asked to include them', () => {
    // Prepare: the district ended on 2025-06-30; on 2026-01-01 its former ward sits under the city
    const index = cityTree()

    // Act
    const current = subtreeOn(index, ['hn-tu'], '2026-01-01')
    const withEnded = subtreeOn(index, ['hn-tu'], '2026-01-01', true)

    // Assess
    expect(current.has('q-hoankiem')).toBe(false)
    expect(current.has('p-hangtrong')).toBe(true)
    expect(current.has('cb-hangtrong-1')).toBe(true)
    expect(withEnded.has('q-hoankiem')).toBe(true)
    expect(withEnded.size).toBe(index.size)
  })

  it('leaves out units not yet founded on the date', () => {
    const sub = subtreeOn(cityTree(), ['hn-tu'], '2025-06-30')

    expect([...sub].sort()).toEqual(['cb-hangtrong-1', 'hn-tu', 'p-hangtrong', 'q-hoankiem'])
  })

  it('merges the subtrees of several roots and ignores unknown ids', () => {
    const sub = subtreeOn(cityTree(), ['p-badinh', 'cb-hangdao', 'no-such-unit'], '2026-01-01')

    expect([...sub].sort()).toEqual(['cb-hangdao', 'cb-kimma', 'p-badinh'])
  })
})

describe('isWithin', () => {
  const index = cityTree()

  it('is true for the unit itself and for its descendants', () => {
    expect(isWithin(index, 'p-hoankiem', 'p-hoankiem', '2026-01-01')).toBe(true)
    expect(isWithin(index, 'cb-hangdao', 'hn-tu', '2026-01-01')).toBe(true)
  })

  it('is false for siblings and ancestors', () => {
    expect(isWithin(index, 'cb-kimma', 'p-hoankiem', '2026-01-01')).toBe(false)
    expect(isWithin(index, 'hn-tu', 'p-hoankiem', '2026-01-01')).toBe(false)
  })

  it('follows the tree of the date: a ward was under the district only until it ended', () => {
    expect(isWithin(index, 'cb-hangtrong-1', 'q-hoankiem', '2025-06-30')).toBe(true)
    expect(isWithin(index, 'cb-hangtrong-1', 'q-hoankiem', '2025-07-01')).toBe(false)
  })
})

describe('assertValidParent', () => {
  const index = cityTree()
  const ward = index.get('p-hoankiem')!

  it('accepts a cell under a ward', () => {
    expect(ruleCode(() => assertValidParent(index, { level: 'cell' }, ward, '2026-01-01'))).toBeUndefined()
  })

  it('refuses to move a unit under its own descendant (cycle)', () => {
    // Prepare
    const ward = index.get('p-hoankiem')!
    const cell = index.get('cb-hangdao')!

    // Act / Assess
    expect(ruleCode(() => assertValidParent(index, ward, cell, '2026-01-01'))).toBe('rule.cyclicMove')
    expect(ruleCode(() => assertValidParent(index, ward, ward, '2026-01-01'))).toBe('rule.cyclicMove')
  })

  it('refuses a parent that has ended on the date', () => {
    // Prepare
    const district = index.get('q-hoankiem')!

    // Act
    let error: unknown
    try { assertValidParent(index, { level: 'commune' }, district, '2025-07-01') } catch (err) { error = err }

    // Assess
    expect(error).toBeInstanceOf(RuleError)
    expect(error).toMatchObject({ code: 'rule.unitEnded', params: { unitId: 'q-hoankiem' }, status: 422 })
  })

  it('accepts the ended parent on a date when it still existed', () => {
    const district = index.get('q-hoankiem')!

    expect(ruleCode(() => assertValidParent(index, { level: 'commune' }, district, '2025-06-30'))).toBeUndefined()
  })

  it('refuses a higher level under a lower one', () => {
    const cell = index.get('cb-kimma')!

    expect(ruleCode(() => assertValidParent(index, { level: 'commune' }, cell, '2026-01-01'))).toBe('rule.levelOrder')
  })

  it('refuses an unknown level', () => {
    expect(ruleCode(() => assertValidParent(index, { level: 'planet' }, ward, '2026-01-01'))).toBe('rule.levelOrder')
  })

  it('allows a district-level unit until 2025-06-30 and refuses it from 2025-07-01', () => {
    // Prepare
    const city = index.get('hn-tu')!

    // Act
    const lastDay = ruleCode(() => assertValidParent(index, { level: 'district' }, city, '2025-06-30'))
    const abolished = ruleCode(() => assertValidParent(index, { level: 'district' }, city, '2025-07-01'))

    // Assess
    expect(lastDay).toBeUndefined()
    expect(abolished).toBe('rule.levelNotInForce')
  })
})

describe('treeOn', () => {
  const index = cityTree()

  it('shows the three-level city before 1 July 2025 with the district in between', () => {
    // Act
    const [root] = treeOn(index, ['hn-tu'], '2025-06-30')

    // Assess
    expect(ids(root.children)).toEqual(['q-hoankiem'])
    expect(ids(root.children[0].children)).toEqual(['p-hangtrong'])
    expect(root.children[0].children[0]).toMatchObject({ parentId: 'q-hoankiem', name: 'Đảng ủy phường Hàng Trống' })
  })

  it('shows the wards directly under the city from 1 July 2025, sorted by name', () => {
    // Act
    const [root] = treeOn(index, ['hn-tu'], '2025-07-01')

    // Assess: communes sorted in Vietnamese order (Ba Đình, Hàng Trống, Hoàn Kiếm)
    expect(ids(root.children)).toEqual(['p-badinh', 'p-hangtrong', 'p-hoankiem'])
    expect(root.children.find((c) => c.unitId === 'p-hangtrong')?.parentId).toBe('hn-tu')
    expect(ids(root.children.find((c) => c.unitId === 'p-hoankiem')!.children)).toEqual(['cb-hangbac', 'cb-hangdao'])
  })

  it('shows ended units only when asked', () => {
    const [root] = treeOn(index, ['hn-tu'], '2025-07-01', true)

    expect(ids(root.children)).toContain('q-hoankiem')
    expect(root.children.find((c) => c.unitId === 'q-hoankiem')?.validTo).toBe('2025-06-30')
  })

  it('gives no tree for a root that does not exist on the date', () => {
    expect(treeOn(index, ['q-hoankiem'], '2025-07-01')).toEqual([])
    expect(treeOn(index, ['p-hoankiem'], '2025-06-30')).toEqual([])
  })
})

describe('topmost', () => {
  it('drops units whose ancestor is also in the set', () => {
    const top = topmost(cityTree(), ['cb-hangdao', 'p-hoankiem', 'cb-kimma'], '2026-01-01')

    expect(top.sort()).toEqual(['cb-kimma', 'p-hoankiem'])
  })

  it('uses the tree of the date', () => {
    // Before 1 July 2025 the ward sat under the district, so the district covers it
    const set = ['q-hoankiem', 'p-hangtrong']

    expect(topmost(cityTree(), set, '2025-06-30')).toEqual(['q-hoankiem'])
    expect(topmost(cityTree(), set, '2025-07-01').sort()).toEqual(['p-hangtrong', 'q-hoankiem'])
  })
})

describe('dayBefore', () => {
  it.each([
    ['2025-07-01', '2025-06-30'],
    ['2026-01-01', '2025-12-31'],
    ['2024-03-01', '2024-02-29'],
    ['2025-03-01', '2025-02-28'],
    ['2000-03-01', '2000-02-29'],
    ['1900-03-01', '1900-02-28'],
    ['2026-01-15', '2026-01-14'],
  ])('the day before %s is %s', (date, expected) => {
    expect(dayBefore(date)).toBe(expected)
  })
})

describe('treeOn: successors by name', () => {
  it('names each successor of an ended unit, even one that did not exist yet on the date shown', () => {
    const index = treeOf(
      { unitId: 'q-cu', level: 'district', validFrom: '1990-01-01', validTo: '2025-06-30', successors: [{ unitId: 'p-moi', share: 55 }] },
      { unitId: 'p-moi', level: 'commune', validFrom: '2025-07-01', name: 'Đảng ủy phường Mới', code: 'PM' },
    )
    const [node] = treeOn(index, ['q-cu'], '2025-06-30', true)
    expect(node!.successors).toEqual([{ unitId: 'p-moi', share: 55, name: 'Đảng ủy phường Mới' }])
  })
})
