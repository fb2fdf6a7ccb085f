/**
 * What a document use case is called with (the caller, the date, the unit
 * tree: the organisation's context) and the guards on the units it names.
 */
import { NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { existsOn, type UnitIndex } from '../../../shared/org/tree.js'
import type { Unit } from '../../../shared/org/contracts.js'
import type { OrgContext } from '../../org/usecases/context.js'

export type DocContext = OrgContext

export function requireUnit(index: UnitIndex, unitId: string): Unit {
  const u = index.get(unitId)
  if (!u) throw new NotFoundError('unit', unitId)
  return u
}

/** A unit that must exist today (a receiving unit, a lead unit, a recipient). */
export function requireLiveUnit(index: UnitIndex, unitId: string, date: string, code = 'rule.unitEnded'): Unit {
  const u = requireUnit(index, unitId)
  if (!existsOn(u, date)) throw new RuleError(code, { unitId })
  return u
}
