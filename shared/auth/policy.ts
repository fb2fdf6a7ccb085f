/**
 * Authorisation of the organisation's actions (PERMISSIONS in
 * shared/org/roles.ts), built from the one engine (shared/auth/engine.ts):
 * role × unit subtree × clearance, deny by default. A role held in a unit
 * applies to that unit and everything below it on the date of the request.
 * Assignments to units that no longer exist give nothing. The rules every
 * module shares (clearance, four eyes) live here too.
 */
import { ForbiddenError } from '../errors/index.js'
import { PERMISSIONS, clearanceRank, type Action, type Clearance } from '../org/roles.js'
import { definePolicy, type Actor } from './engine.js'

export type { Actor } from './engine.js'

/** The organisation's policy; its reach leaves ended units out unless asked. */
export const orgPolicy = definePolicy<Action>(PERMISSIONS, { readAction: 'unit.read', reachIncludesEnded: false })
/** A role granting the action held in exactly that unit (approvals). */
export const holdsIn = (actor: Actor, action: Action, unitId: string): boolean => orgPolicy.holdsIn(actor, action, unitId)

/** Nobody grants a clearance above their own. */
export function authorizeClearance(actor: Actor, granted: Clearance): void {
  if (clearanceRank(granted) > clearanceRank(actor.clearance)) throw new ForbiddenError('auth.clearanceTooLow')
}

/**
 * Nobody decides their own request: whoever filed it, and the person it is
 * about, are refused at every approval, whatever roles they hold (the
 * four-eyes rule of every workflow: reorganisations, transfers, reviews).
 */
export function authorizeNotOwn(actor: Pick<Actor, 'userId'>, parties: readonly (string | undefined)[], code = 'auth.ownRequest'): void {
  if (parties.some((p) => p === actor.userId)) throw new ForbiddenError(code)
}
