/**
 * The dated organisation tree: which units exist on a date, under which
 * parent and name, and who reaches what. Pure functions over unit records.
 * `validTo` is the last day a unit exists (inclusive).
 */
import type { Unit } from './contracts.js'
import { RuleError } from '../errors/index.js'
import { levelById, levelInForce } from './levels.js'
import { vietnamDate } from '../calendar/vietnam-time.js'

/** Today in Việt Nam (the platform's calendar day; see shared/calendar/vietnam-time.ts). */
export const today = (now = new Date()): string => vietnamDate(now)

/** The day before an ISO date (for "exists until the day before the change"). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

const within = (date: string, from: string, to?: string): boolean => from <= date && (!to || date <= to)

export function existsOn(unit: Unit, date: string): boolean {
  return within(date, unit.validFrom, unit.validTo)
}

export function parentOn(unit: Unit, date: string): string | null {
  const p = unit.parents.find((x) => within(date, x.from, x.to))
  return p ? p.parentId : unit.parentId
}

export function nameOn(unit: Unit, date: string): { name: string; code: string } {
  const n = unit.names.find((x) => within(date, x.from, x.to))
  return n ? { name: n.name, code: n.code } : { name: unit.name, code: unit.code }
}

/** A unit as it was on a date, as the API shows it. */
export interface UnitView {
  unitId: string
  code: string
  name: string
  level: string
  kind: Unit['kind']
  parentId: string | null
  validFrom: string
  validTo?: string
  endedBy?: Unit['endedBy']
  predecessors: string[]
  /** With each successor's name (as it started), so screens never fall back to an id — even for a successor outside the reader's reach. */
  successors: (Unit['successors'][number] & { name?: string })[]
  version: number
}

export function viewOn(unit: Unit, date: string, index?: UnitIndex): UnitView {
  const { name, code } = nameOn(unit, date)
  const successors = unit.successors.map((s) => {
    const next = index?.get(s.unitId)
    return next ? { ...s, name: nameOn(next, next.validTo && next.validTo < date ? next.validFrom : maxDate(date, next.validFrom)).name } : s
  })
  return {
    unitId: unit.unitId, code, name, level: unit.level, kind: unit.kind,
    parentId: parentOn(unit, date), validFrom: unit.validFrom, validTo: unit.validTo,
    endedBy: unit.endedBy, predecessors: unit.predecessors, successors, version: unit.version,
  }
}

const maxDate = (a: string, b: string): string => (a > b ? a : b)

export type UnitIndex = ReadonlyMap<string, Unit>
export const indexUnits = (units: Iterable<Unit>): Map<string, Unit> => new Map([...units].map((u) => [u.unitId, u]))

/** Ancestors of a unit on a date, nearest first (excluding the unit). */
export function ancestorsOn(index: UnitIndex, unitId: string, date: string): string[] {
  const out: string[] = []
  const seen = new Set<string>([unitId])
  let cur = index.get(unitId)
  while (cur) {
    const p = parentOn(cur, date)
    if (!p || seen.has(p)) break
    out.push(p)
    seen.add(p)
    cur = index.get(p)
  }
  return out
}

/**
 * Indexes that never change (the tree cache's: a change makes a new index) keep
 * what is derived from them per date, so a request walks only the part of the
 * tree it needs instead of sorting the whole city's children again.
 */
const derived = new WeakMap<UnitIndex, Map<string, ReadonlyMap<string | null, readonly Unit[]>>>()
const DERIVED_DATES = 16

/** Marks an index as never changing again (its children lists are then kept per date). */
export function frozenIndex(index: Map<string, Unit>): UnitIndex {
  if (!derived.has(index)) derived.set(index, new Map())
  return index
}

/** Children lists on a date (units that exist on that date, or all with `includeEnded`). */
export function childrenOn(index: UnitIndex, date: string, includeEnded = false): ReadonlyMap<string | null, readonly Unit[]> {
  const memo = derived.get(index)
  if (!memo) return buildChildren(index, date, includeEnded)
  const key = `${date}|${includeEnded}`
  let found = memo.get(key)
  if (!found) {
    if (memo.size >= DERIVED_DATES) memo.delete(memo.keys().next().value!)
    found = buildChildren(index, date, includeEnded)
    memo.set(key, found)
  }
  return found
}

function buildChildren(index: UnitIndex, date: string, includeEnded: boolean): Map<string | null, Unit[]> {
  const children = new Map<string | null, Unit[]>()
  for (const u of index.values()) {
    if (!includeEnded && !existsOn(u, date)) continue
    const p = parentOn(u, date)
    const list = children.get(p) ?? []
    list.push(u)
    children.set(p, list)
  }
  const rank = (u: Unit) => levelById(u.level)?.rank ?? 99
  for (const list of children.values()) list.sort((a, b) => rank(a) - rank(b) || nameOn(a, date).name.localeCompare(nameOn(b, date).name, 'vi'))
  return children
}

/** Every unit at or below the given roots on a date. */
export function subtreeOn(index: UnitIndex, rootIds: Iterable<string>, date: string, includeEnded = false): Set<string> {
  const children = childrenOn(index, date, includeEnded)
  const out = new Set<string>()
  const stack = [...rootIds].filter((id) => index.has(id))
  while (stack.length) {
    const id = stack.pop()!
    if (out.has(id)) continue
    out.add(id)
    for (const c of children.get(id) ?? []) stack.push(c.unitId)
  }
  return out
}

/** Is `unitId` at or below `ancestorId` on the date? */
export function isWithin(index: UnitIndex, unitId: string, ancestorId: string, date: string): boolean {
  return unitId === ancestorId || ancestorsOn(index, unitId, date).includes(ancestorId)
}

/** A move must not put a unit under itself or its descendants, nor under a unit that no longer exists. */
export function assertValidParent(index: UnitIndex, unit: { unitId?: string; level: string }, parent: Unit, date: string): void {
  if (!existsOn(parent, date)) throw new RuleError('rule.unitEnded', { unitId: parent.unitId })
  if (unit.unitId && isWithin(index, parent.unitId, unit.unitId, date)) throw new RuleError('rule.cyclicMove')
  const childLevel = levelById(unit.level)
  const parentLevel = levelById(parent.level)
  if (!childLevel || !parentLevel) throw new RuleError('rule.levelOrder', { child: unit.level, parent: parent.level })
  if (!levelInForce(childLevel, date)) throw new RuleError('rule.levelNotInForce', { level: childLevel.id, date })
  if (childLevel.rank < parentLevel.rank) throw new RuleError('rule.levelOrder', { child: childLevel.id, parent: parentLevel.id })
}

/** Nested tree for display. */
export interface TreeNode extends UnitView {
  children: TreeNode[]
  /** How many children the unit has on the date (they may be left out below `maxDepth`). */
  childCount: number
}
/** `maxDepth`: levels below the roots that are filled in (0: the roots alone, with their `childCount`). */
export function treeOn(index: UnitIndex, rootIds: string[], date: string, includeEnded = false, maxDepth = 50): TreeNode[] {
  const children = childrenOn(index, date, includeEnded)
  const build = (u: Unit, depth: number): TreeNode => {
    const below = children.get(u.unitId) ?? []
    return { ...viewOn(u, date, index), childCount: below.length, children: depth >= Math.min(maxDepth, 51) ? [] : below.map((c) => build(c, depth + 1)) }
  }
  return rootIds.map((id) => index.get(id)).filter((u): u is Unit => !!u && (includeEnded || existsOn(u, date))).map((u) => build(u, 0))
}

/** The topmost units of a set on a date (drop those whose ancestor is also in the set). */
export function topmost(index: UnitIndex, ids: Iterable<string>, date: string): string[] {
  const set = new Set(ids)
  return [...set].filter((id) => !ancestorsOn(index, id, date).some((a) => set.has(a)))
}
