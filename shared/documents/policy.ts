/**
 * Who may do what with documents: role × unit subtree × clearance, deny by
 * default, from the one engine (shared/auth/engine.ts: a role held in a
 * unit applies to its subtree on the date; roles in ended units give
 * nothing). The document actions have their own table rather than joining
 * PERMISSIONS, whose tests pin each role to exactly the organisation actions.
 */
import { definePolicy, type Actor } from '../auth/engine.js'
import { clearanceRank, type Role } from '../org/roles.js'
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

/** Documents' policy; its reach includes ended units (their fonds stay readable). */
export const documentPolicy = definePolicy(DOCUMENT_PERMISSIONS, { readAction: 'document.read', reachIncludesEnded: true })

/** Roles that may sit on a review chain step. */
export const REVIEW_ROLES: Role[] = documentPolicy.rolesGranting('document.review')

/** Holds a role in exactly this unit (review chain steps, signers). */
export function holdsRoleIn(actor: Pick<Actor, 'assignments'>, roles: readonly string[], unitId: string): boolean {
  return actor.assignments.some((a) => a.unitId === unitId && roles.includes(a.role))
}

export function clearedFor(actor: Pick<Actor, 'clearance'>, confidentiality: Confidentiality): boolean {
  return clearanceRank(actor.clearance) >= requiredRank(confidentiality)
}
