/**
 * Where an ended unit's records go (DOMAIN.md §5 [V]): a merged unit's
 * permanent records go to the historical archive; a split unit's (the old
 * body ended) to the body directly above. The receiving unit follows from
 * the unit's end and the tree, never from the caller.
 *
 * Configured [R], not stated by the source: (1) the historical archive of
 * a city's Party organisation is its committee's office (the unit of kind
 * `office` directly under the top committee — the committee's archive is
 * kept by its office); (2) a merged unit's records of limited retention go
 * to the unit it merged into, which carries on its work; (3) a dissolved
 * unit's records go, like a split one's, to the body directly above.
 */
import { ancestorsOn, childrenOn, existsOn, parentOn, type UnitIndex } from '../org/tree.js'
import type { Unit } from '../org/contracts.js'

/** The historical archive for a unit: the office under the topmost committee of its tree. */
export function historicalArchiveOf(index: UnitIndex, unitId: string, date: string): string | undefined {
  const chain = [unitId, ...ancestorsOn(index, unitId, date)]
  const top = chain[chain.length - 1]
  const children = childrenOn(index, date).get(top) ?? []
  return children.find((u) => u.kind === 'office' && existsOn(u, date))?.unitId
}

/** Which files of a fonds a handover route carries. */
export type HandoverScope = 'permanent' | 'limited' | 'all'
export interface HandoverRoute { toUnitId: string; scope: HandoverScope; reason: 'merge' | 'split' | 'dissolve' }

/**
 * The receivers of an ended unit's files, by its end. None when the unit
 * has not ended or the rule finds no receiver (a merge without a historical
 * archive in the tree, a split of the topmost body).
 */
export function handoverRoutes(index: UnitIndex, unit: Unit, date: string): HandoverRoute[] {
  if (!unit.validTo || !unit.endedBy) return []
  const lastDay = unit.validTo
  if (unit.endedBy === 'merge') {
    const archive = historicalArchiveOf(index, unit.unitId, lastDay)
    const successor = unit.successors[0]?.unitId
    return [
      ...(archive ? [{ toUnitId: archive, scope: 'permanent' as const, reason: 'merge' as const }] : []),
      ...(successor ? [{ toUnitId: successor, scope: 'limited' as const, reason: 'merge' as const }] : []),
    ]
  }
  const above = parentOn(unit, lastDay)
  return above ? [{ toUnitId: above, scope: 'all', reason: unit.endedBy }] : []
}

/** Whether a file's retention falls in a route's scope. */
export const inScope = (scope: HandoverScope, period: 'permanent' | number): boolean =>
  scope === 'all' || (scope === 'permanent') === (period === 'permanent')
