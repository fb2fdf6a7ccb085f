/**
 * Rules of merges, splits and dissolutions (pure): who must approve, what is
 * valid, and how the units look once the change applies. Sources exist until
 * the day before the effective date; successors record their predecessors,
 * so old units stay readable with their historic names and codes.
 */
import { NotFoundError, RuleError } from '../errors/index.js'
import type { CreateReorganisationBody, Reorganisation, Unit } from './contracts.js'
import { dayBefore, existsOn, isWithin, parentOn, type UnitIndex } from './tree.js'

export function validateReorganisation(index: UnitIndex, body: CreateReorganisationBody, date: string): { approverUnitId: string } {
  const get = (id: string): Unit => {
    const u = index.get(id)
    if (!u) throw new NotFoundError('unit', id)
    return u
  }
  const sources = body.sourceUnitIds.map(get)
  const successors = body.successors.map((s) => get(s.unitId))
  for (const u of [...sources, ...successors]) if (!existsOn(u, date)) throw new RuleError('rule.unitEnded', { unitId: u.unitId })
  if (new Set(body.sourceUnitIds).size !== body.sourceUnitIds.length) throw new RuleError('rule.sameUnit')
  for (const s of successors) {
    if (body.sourceUnitIds.includes(s.unitId)) throw new RuleError('rule.sameUnit')
    // A successor inside a source would end together with it.
    if (sources.some((src) => isWithin(index, s.unitId, src.unitId, date))) throw new RuleError('rule.cyclicMove')
  }
  if (body.kind === 'merge' && successors.length !== 1) throw new RuleError('rule.mergeNeedsTarget')
  if (body.kind === 'split' && successors.length < 2) throw new RuleError('rule.splitNeedsTwo')
  if (body.kind !== 'merge' && body.kind !== 'split' && body.kind !== 'dissolve') throw new RuleError('rule.mergeNeedsTarget')
  const shares = body.successors.map((s) => s.share)
  if (shares.some((s) => s !== undefined)) {
    const sum = shares.reduce<number>((a, b) => a + (b ?? 0), 0)
    if (shares.some((s) => s === undefined) || Math.abs(sum - 100) > 0.001) throw new RuleError('rule.sharesSum')
  }
  for (const s of sources) if (body.effectiveDate <= s.validFrom) throw new RuleError('rule.effectiveDateBeforeStart')
  if (successors.length === 0 && sources.some((src) => [...index.values()].some((u) => existsOn(u, date) && parentOn(u, date) === src.unitId))) {
    throw new RuleError('rule.hasChildren')
  }
  const parents = new Set(sources.map((s) => parentOn(s, date)))
  if (parents.size !== 1) throw new RuleError('rule.differentSuperior')
  const approverUnitId = [...parents][0]
  if (!approverUnitId) throw new RuleError('rule.noSuperior')
  return { approverUnitId }
}

/** The units after an approved request applies (sources ended, successors linked). */
export function applyReorganisation(index: UnitIndex, request: Reorganisation, now: string): Unit[] {
  const lastDay = dayBefore(request.effectiveDate)
  const changed = new Map<string, Unit>()
  for (const id of request.sourceUnitIds) {
    const u = index.get(id)
    if (!u || u.validTo) continue // already applied (a retried task) or gone
    changed.set(id, { ...u, validTo: lastDay, endedBy: request.kind, successors: request.successors, version: u.version + 1, updatedAt: now })
  }
  // Units under an ended source continue under the (first) successor from the effective date.
  const heir = request.successors[0]?.unitId
  if (heir) {
    for (const u of index.values()) {
      const p = parentOn(u, request.effectiveDate)
      if (!p || !request.sourceUnitIds.includes(p) || changed.has(u.unitId) || (u.validTo && u.validTo < request.effectiveDate)) continue
      const parents = u.parents.filter((x) => x.from < request.effectiveDate).map((x) => (x.to && x.to < request.effectiveDate ? x : { ...x, to: lastDay }))
      changed.set(u.unitId, { ...u, parentId: heir, parents: [...parents, { parentId: heir, from: request.effectiveDate }], version: u.version + 1, updatedAt: now })
    }
  }
  for (const s of request.successors) {
    const u = changed.get(s.unitId) ?? index.get(s.unitId)
    if (!u) continue
    // Only the ended sources are predecessors (not the children moved above, nor the other successors of a split).
    const predecessors = [...new Set([...u.predecessors, ...request.sourceUnitIds])]
    if (predecessors.length !== u.predecessors.length) changed.set(u.unitId, { ...u, predecessors, version: (index.get(u.unitId)?.version ?? 0) + 1, updatedAt: now })
  }
  return [...changed.values()]
}
