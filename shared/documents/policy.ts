/**
 * Who may do what with documents: role × unit subtree × clearance, deny by
 * default, with the same rules as shared/auth/policy.ts (a role held in a
 * unit applies to its subtree on the date; roles in ended units give
 * nothing). The document actions have their own table rather than joining
 * PERMISSIONS, whose tests pin each role to exactly the organisation actions.
 */
import { ForbiddenError } from '../errors/index.js'
import type { Actor } from '../auth/policy.js'
import { clearanceRank, type Role } from '../org/roles.js'
import { existsOn, isWithin, subtreeOn, type UnitIndex } from '../org/tree.js'
import { requiredRank, type Confidentiality } from './confidentiality.js'

export type DocumentAction =
  | 'document.read' | 'document.register' | 'document.direct' | 'document.draft'
  | 'document.review' | 'document.sign' | 'document.configure'

export const DOCUMENT_ACTIONS: readonly DocumentAction[] = [
  'document.read', 'document.register', 'document.direct', 'document.draft', 'document.review', 'document.sign', 'document.configure',
]

export const DOCUMENT_PERMISSIONS: Readonly<Record<Role, readonly DocumentAction[]>> = {
  admin: ['document.read', 'document.register', 'document.direct', 'document.draft', 'document.review', 'document.configure'],
  secretary: ['document.read', 'document.direct', 'document.draft', 'document.review', 'document.sign', 'document.configure'],
  'deputy-secretary': ['document.read', 'document.direct', 'document.draft', 'document.review', 'document.sign'],
  'office-chief': ['document.read', 'document.register', 'document.direct', 'document.draft', 'document.review', 'document.sign', 'document.configure'],
  clerk: ['document.read', 'document.register'],
  specialist: ['document.read', 'document.draft'],
  inspector: ['document.read'],
  member: ['document.read'],
}

/** Roles that may sit on a review chain step. */
export const REVIEW_ROLES = (Object.keys(DOCUMENT_PERMISSIONS) as Role[]).filter((r) => DOCUMENT_PERMISSIONS[r].includes('document.review'))

const grants = (role: string, action: DocumentAction): boolean => (DOCUMENT_PERMISSIONS as Record<string, readonly DocumentAction[]>)[role]?.includes(action) ?? false

export function documentGrantingUnits(actor: Actor, action: DocumentAction, index: UnitIndex, date: string): string[] {
  return actor.assignments
    .filter((a) => grants(a.role, action))
    .filter((a) => { const u = index.get(a.unitId); return !!u && existsOn(u, date) })
    .map((a) => a.unitId)
}

export function canDocument(actor: Actor, action: DocumentAction, unitId: string, index: UnitIndex, date: string): boolean {
  return documentGrantingUnits(actor, action, index, date).some((g) => isWithin(index, unitId, g, date))
}

export function authorizeDocument(actor: Actor, action: DocumentAction, unitId: string, index: UnitIndex, date: string): void {
  if (canDocument(actor, action, unitId, index, date)) return
  const readable = canDocument(actor, 'document.read', unitId, index, date)
  throw new ForbiddenError(readable ? 'auth.forbidden' : 'auth.outsideSubtree', { unitId })
}

/** Every unit whose documents the actor may act on (ended units included: their fonds stay readable). */
export function documentReach(actor: Actor, action: DocumentAction, index: UnitIndex, date: string): Set<string> {
  return subtreeOn(index, documentGrantingUnits(actor, action, index, date), date, true)
}

/** Holds a role in exactly this unit (review chain steps, signers). */
export function holdsRoleIn(actor: Pick<Actor, 'assignments'>, roles: readonly string[], unitId: string): boolean {
  return actor.assignments.some((a) => a.unitId === unitId && roles.includes(a.role))
}

export function clearedFor(actor: Pick<Actor, 'clearance'>, confidentiality: Confidentiality): boolean {
  return clearanceRank(actor.clearance) >= requiredRank(confidentiality)
}
