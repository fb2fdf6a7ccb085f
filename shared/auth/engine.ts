/**
 * The authorisation engine, written once: role × unit subtree × date, deny by
 * default. A module brings a permission table (role → actions) and gets its
 * policy from `definePolicy`; it writes no checking code of its own.
 *
 * - A role held in a unit applies to that unit and everything below it on the
 *   date of the request; assignments to units that do not exist on the date
 *   give nothing.
 * - A role or an action missing from the table grants nothing.
 * - A refusal says `auth.forbidden` when the actor may at least read the unit
 *   (the table's `readAction`), `auth.outsideSubtree` otherwise.
 * - `reach` is the union of the granting subtrees; whether ended units are in
 *   it is the module's choice (`reachIncludesEnded`: a closed fonds stays
 *   readable), overridable per call.
 */
import { ForbiddenError } from '../errors/index.js'
import type { Assignment } from '../org/contracts.js'
import type { Clearance, Role } from '../org/roles.js'
import { existsOn, isWithin, subtreeOn, type UnitIndex } from '../org/tree.js'

export interface Actor {
  userId: string
  username: string
  fullName: string
  clearance: Clearance
  mfa: boolean
  assignments: Assignment[]
}

/** What each role may do in its unit's subtree; anything not listed is denied. */
export type PermissionTable<A extends string> = Readonly<Record<Role, readonly A[]>>

export interface PolicyOptions<A extends string> {
  /** The action whose grant turns a refusal into `auth.forbidden` rather than `auth.outsideSubtree`. */
  readAction: A
  /** Whether `reach` includes units ended on the date (default of the `includeEnded` argument). */
  reachIncludesEnded: boolean
}

export interface Policy<A extends string> {
  readonly table: PermissionTable<A>
  /** Does this role grant the action (anywhere it is held)? Unknown roles and actions: no. */
  grants(role: string, action: A): boolean
  /** The roles granting the action. */
  rolesGranting(action: A): Role[]
  /** Units where the actor holds a role granting the action (not yet expanded to subtrees). */
  grantingUnits(actor: Pick<Actor, 'assignments'>, action: A, index: UnitIndex, date: string): string[]
  can(actor: Pick<Actor, 'assignments'>, action: A, unitId: string, index: UnitIndex, date: string): boolean
  /** Throws ForbiddenError (`auth.forbidden` or `auth.outsideSubtree`) unless `can`. */
  authorize(actor: Pick<Actor, 'assignments'>, action: A, unitId: string, index: UnitIndex, date: string): void
  /** Every unit the actor may perform the action on (the union of subtrees). */
  reach(actor: Pick<Actor, 'assignments'>, action: A, index: UnitIndex, date: string, includeEnded?: boolean): Set<string>
  /** Holds a role granting the action in exactly one of these units (approvals, the people to notify). */
  holdsIn(actor: Pick<Actor, 'assignments'>, action: A, unitIds: string | readonly string[]): boolean
  /** The assignments granting the action in exactly one of these units — who holds it there. */
  holdingAssignments<T extends { role: string; unitId: string }>(assignments: readonly T[], action: A, unitIds: string | readonly string[]): T[]
}

export function definePolicy<A extends string>(table: PermissionTable<A>, options: PolicyOptions<A>): Policy<A> {
  const lookup = table as Readonly<Record<string, readonly A[] | undefined>>
  const grants = (role: string, action: A): boolean =>
    Object.prototype.hasOwnProperty.call(lookup, role) && (lookup[role]?.includes(action) ?? false)
  const holdingAssignments = <T extends { role: string; unitId: string }>(assignments: readonly T[], action: A, unitIds: string | readonly string[]): T[] => {
    const units: readonly string[] = typeof unitIds === 'string' ? [unitIds] : unitIds
    return assignments.filter((a) => units.includes(a.unitId) && grants(a.role, action))
  }
  const grantingUnits = (actor: Pick<Actor, 'assignments'>, action: A, index: UnitIndex, date: string): string[] =>
    actor.assignments
      .filter((a) => grants(a.role, action))
      .filter((a) => { const u = index.get(a.unitId); return !!u && existsOn(u, date) })
      .map((a) => a.unitId)
  const can = (actor: Pick<Actor, 'assignments'>, action: A, unitId: string, index: UnitIndex, date: string): boolean =>
    grantingUnits(actor, action, index, date).some((g) => isWithin(index, unitId, g, date))
  return {
    table,
    grants,
    rolesGranting: (action) => (Object.keys(table) as Role[]).filter((r) => grants(r, action)),
    grantingUnits,
    can,
    authorize(actor, action, unitId, index, date) {
      if (can(actor, action, unitId, index, date)) return
      const readable = can(actor, options.readAction, unitId, index, date)
      throw new ForbiddenError(readable ? 'auth.forbidden' : 'auth.outsideSubtree', { unitId })
    },
    reach: (actor, action, index, date, includeEnded = options.reachIncludesEnded) =>
      subtreeOn(index, grantingUnits(actor, action, index, date), date, includeEnded),
    holdsIn: (actor, action, unitIds) => holdingAssignments(actor.assignments, action, unitIds).length > 0,
    holdingAssignments,
  }
}
