/**
 * Who holds a permission in exactly a unit — the people to notify or remind
 * (deciders of a reorganisation, a cell's officers, a recipient unit's
 * clerks, a unit's leaders). The rule (which assignments grant the action in
 * exactly that unit, not above it) is the engine's (`Policy.holdingAssignments`,
 * shared/auth/engine.ts); this is the lookup: the unit's members, then their
 * user records.
 */
import type { Policy } from '../../../shared/auth/engine.js'
import type { User } from '../../../shared/org/contracts.js'
import { orgStore, type OrgStore } from '../adapters/store.js'

/** Where members and users are read (the org store; a stand-in in unit tests). */
export type HolderSource = Pick<OrgStore, 'listMembers' | 'getUsers'>

/** The user ids of the holders of `action` in these units, each once, in the units' order. */
export async function holderIds<A extends string>(policy: Policy<A>, action: A, unitIds: string | readonly string[], source: HolderSource = orgStore): Promise<string[]> {
  const units: readonly string[] = typeof unitIds === 'string' ? [unitIds] : unitIds
  const assignments = (await Promise.all(units.map(async (unitId) => (await source.listMembers(unitId))
    .flatMap((m) => m.role.split(',').map((role) => ({ unitId, role, userId: m.userId })))))).flat()
  return [...new Set(policy.holdingAssignments(assignments, action, units).map((a) => a.userId))]
}

/** The holders' user records. */
export async function holdersOf<A extends string>(policy: Policy<A>, action: A, unitIds: string | readonly string[], source: HolderSource = orgStore): Promise<User[]> {
  return source.getUsers(await holderIds(policy, action, unitIds, source))
}

/** The holders' e-mail addresses (those who have one). */
export async function holderEmails<A extends string>(policy: Policy<A>, action: A, unitIds: string | readonly string[], source: HolderSource = orgStore): Promise<string[]> {
  return (await holdersOf(policy, action, unitIds, source)).map((u) => u.email).filter((e): e is string => !!e)
}
