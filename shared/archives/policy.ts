/**
 * Who may do what with archives: role × unit subtree, deny by default, the
 * same rules as the other modules (a role held in a unit applies to its
 * subtree on the date; roles in ended units give nothing). Clearance does
 * not enter: classified scans are never kept, only catalogued.
 */
import { ForbiddenError } from '../errors/index.js'
import type { Actor } from '../auth/policy.js'
import type { Role } from '../org/roles.js'
import { existsOn, isWithin, subtreeOn, type UnitIndex } from '../org/tree.js'

export type ArchiveAction = 'archive.read' | 'archive.digitise' | 'archive.verify' | 'archive.handover'

export const ARCHIVE_PERMISSIONS: Readonly<Record<Role, readonly ArchiveAction[]>> = {
  admin: ['archive.read', 'archive.digitise', 'archive.verify', 'archive.handover'],
  secretary: ['archive.read', 'archive.handover'],
  'deputy-secretary': ['archive.read'],
  'office-chief': ['archive.read', 'archive.digitise', 'archive.verify', 'archive.handover'],
  clerk: ['archive.read', 'archive.digitise', 'archive.verify'],
  specialist: ['archive.read'],
  inspector: ['archive.read'],
  member: [],
}

const grants = (role: string, action: ArchiveAction): boolean => (ARCHIVE_PERMISSIONS as Record<string, readonly ArchiveAction[]>)[role]?.includes(action) ?? false

function grantingUnits(actor: Actor, action: ArchiveAction, index: UnitIndex, date: string): string[] {
  return actor.assignments.filter((a) => grants(a.role, action)).filter((a) => { const u = index.get(a.unitId); return !!u && existsOn(u, date) }).map((a) => a.unitId)
}

export function canArchive(actor: Actor, action: ArchiveAction, unitId: string, index: UnitIndex, date: string): boolean {
  return grantingUnits(actor, action, index, date).some((g) => isWithin(index, unitId, g, date))
}

export function authorizeArchive(actor: Actor, action: ArchiveAction, unitId: string, index: UnitIndex, date: string): void {
  if (canArchive(actor, action, unitId, index, date)) return
  const readable = canArchive(actor, 'archive.read', unitId, index, date)
  throw new ForbiddenError(readable ? 'auth.forbidden' : 'auth.outsideSubtree', { unitId })
}

/** Units whose archives the actor may act on (ended units included: a closed fonds stays readable). */
export function archiveReach(actor: Actor, action: ArchiveAction, index: UnitIndex, date: string): Set<string> {
  return subtreeOn(index, grantingUnits(actor, action, index, date), date, true)
}
