/**
 * Authorisation in one place: role × unit subtree × clearance, deny by default.
 * A role held in a unit applies to that unit and everything below it on the
 * date of the request. Assignments to units that no longer exist give nothing.
 */
import { ForbiddenError } from '../errors/index.js'
import type { Assignment } from '../org/contracts.js'
import { PERMISSIONS, clearanceRank, type Action, type Clearance } from '../org/roles.js'
import { existsOn, isWithin, subtreeOn, type UnitIndex } from '../org/tree.js'

export interface Actor {
  userId: string
  username: string
  fullName: string
  clearance: Clearance
  mfa: boolean
  assignments: Assignment[]
}

/** Units where the actor holds a role granting the action (not yet expanded to subtrees). */
export function grantingUnits(actor: Actor, action: Action, index: UnitIndex, date: string): string[] {
  return actor.assignments
    .filter((a) => PERMISSIONS[a.role]?.includes(action))
    .filter((a) => { const u = index.get(a.unitId); return !!u && existsOn(u, date) })
    .map((a) => a.unitId)
}

export function can(actor: Actor, action: Action, unitId: string, index: UnitIndex, date: string): boolean {
  return grantingUnits(actor, action, index, date).some((g) => isWithin(index, unitId, g, date))
}

export function authorize(actor: Actor, action: Action, unitId: string, index: UnitIndex, date: string): void {
  if (can(actor, action, unitId, index, date)) return
  const readable = can(actor, 'unit.read', unitId, index, date)
  throw new ForbiddenError(readable ? 'auth.forbidden' : 'auth.outsideSubtree', { unitId })
}

/** Every unit the actor may perform the action on (the union of subtrees). */
export function reach(actor: Actor, action: Action, index: UnitIndex, date: string, includeEnded = false): Set<string> {
  return subtreeOn(index, grantingUnits(actor, action, index, date), date, includeEnded)
}

/** Nobody grants a clearance above their own. */
export function authorizeClearance(actor: Actor, granted: Clearance): void {
  if (clearanceRank(granted) > clearanceRank(actor.clearance)) throw new ForbiddenError('auth.clearanceTooLow')
}

/** Allowed only for the roles listed; used where a role must hold in one exact unit (approvals). */
export function holdsIn(actor: Actor, action: Action, unitId: string): boolean {
  return actor.assignments.some((a) => a.unitId === unitId && PERMISSIONS[a.role]?.includes(action))
}

/**
 * Nobody decides their own request: whoever filed it, and the person it is
 * about, are refused at every approval, whatever roles they hold (the
 * four-eyes rule of every workflow: reorganisations, transfers, reviews).
 */
export function authorizeNotOwn(actor: Pick<Actor, 'userId'>, parties: readonly (string | undefined)[], code = 'auth.ownRequest'): void {
  if (parties.some((p) => p === actor.userId)) throw new ForbiddenError(code)
}
