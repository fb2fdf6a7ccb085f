/**
 * Small organisation fixtures for unit tests: a unit record with its dated
 * parent and name history filled in the way the use cases write them.
 */
import type { DatedName, DatedParent, Unit } from '../../../shared/org/contracts.js'
import { indexUnits } from '../../../shared/org/tree.js'

export interface UnitSpec {
  unitId: string
  parentId?: string | null
  level?: string
  kind?: Unit['kind']
  code?: string
  name?: string
  validFrom?: string
  validTo?: string
  /** Full parent history; defaults to one open entry from `validFrom`. */
  parents?: DatedParent[]
  /** Full name history; defaults to one open entry from `validFrom`. */
  names?: DatedName[]
  predecessors?: string[]
  successors?: Unit['successors']
  endedBy?: Unit['endedBy']
  version?: number
}

const KIND_BY_LEVEL: Record<string, Unit['kind']> = {
  central: 'party-committee', city: 'party-committee', district: 'party-committee',
  commune: 'party-committee', grassroots: 'grassroots-organisation', cell: 'cell',
}

export function unit(spec: UnitSpec): Unit {
  const validFrom = spec.validFrom ?? '2020-01-01'
  const parentId = spec.parentId ?? null
  const level = spec.level ?? 'cell'
  const code = spec.code ?? 'CB'
  const name = spec.name ?? `Đơn vị ${spec.unitId}`
  const parents = spec.parents ?? [{ parentId, from: validFrom }]
  const names = spec.names ?? [{ name, code, from: validFrom }]
  // The current parent and name are the last entries of the histories.
  return {
    unitId: spec.unitId,
    code: names.at(-1)?.code ?? code,
    name: names.at(-1)?.name ?? name,
    level,
    kind: spec.kind ?? KIND_BY_LEVEL[level] ?? 'cell',
    parentId: parents.at(-1)?.parentId ?? parentId,
    validFrom,
    ...(spec.validTo ? { validTo: spec.validTo } : {}),
    ...(spec.endedBy ? { endedBy: spec.endedBy } : {}),
    parents,
    names,
    predecessors: spec.predecessors ?? [],
    successors: spec.successors ?? [],
    version: spec.version ?? 1,
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
  }
}

export const treeOf = (...specs: UnitSpec[]) => indexUnits(specs.map(unit))

/**
 * A small city, as of 2025 (before and after the district level ends):
 *
 *   hn-tu (city)
 *   ├── q-hoankiem (district, ended 2025-06-30)
 *   │   └── p-hangtrong (commune, under the district until 2025-06-30, then under hn-tu)
 *   │       └── cb-hangtrong-1 (cell)
 *   ├── p-hoankiem (commune)
 *   │   ├── cb-hangdao (cell)
 *   │   └── cb-hangbac (cell)
 *   └── p-badinh (commune)
 *       └── cb-kimma (cell)
 */
export function cityTree() {
  return treeOf(
    { unitId: 'hn-tu', level: 'city', code: 'TU', name: 'Thành ủy Hà Nội', validFrom: '1930-02-03' },
    { unitId: 'q-hoankiem', parentId: 'hn-tu', level: 'district', code: 'QU', name: 'Quận ủy Hoàn Kiếm', validFrom: '1990-01-01', validTo: '2025-06-30', endedBy: 'dissolve' },
    {
      unitId: 'p-hangtrong', level: 'commune', code: 'ĐU', name: 'Đảng ủy phường Hàng Trống', validFrom: '2000-01-01',
      parents: [{ parentId: 'q-hoankiem', from: '2000-01-01', to: '2025-06-30' }, { parentId: 'hn-tu', from: '2025-07-01' }],
    },
    { unitId: 'cb-hangtrong-1', parentId: 'p-hangtrong', level: 'cell', name: 'Chi bộ Hàng Trống 1', validFrom: '2000-01-01' },
    { unitId: 'p-hoankiem', parentId: 'hn-tu', level: 'commune', code: 'ĐU', name: 'Đảng ủy phường Hoàn Kiếm', validFrom: '2025-07-01' },
    { unitId: 'cb-hangdao', parentId: 'p-hoankiem', level: 'cell', name: 'Chi bộ Hàng Đào', validFrom: '2025-07-01' },
    { unitId: 'cb-hangbac', parentId: 'p-hoankiem', level: 'cell', name: 'Chi bộ Hàng Bạc', validFrom: '2025-07-01' },
    { unitId: 'p-badinh', parentId: 'hn-tu', level: 'commune', code: 'ĐU', name: 'Đảng ủy phường Ba Đình', validFrom: '2025-07-01' },
    { unitId: 'cb-kimma', parentId: 'p-badinh', level: 'cell', name: 'Chi bộ Kim Mã', validFrom: '2025-07-01' },
  )
}
