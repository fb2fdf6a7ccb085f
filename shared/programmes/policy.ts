/**
 * Who may do what with work programmes: `programme.read` over the unit,
 * `programme.manage` (draft, items, submit, move, drop, give tasks) for the
 * office and the leaders, `programme.approve` for the standing committee's
 * leaders. Deny by default, from the one engine (shared/auth/engine.ts).
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type ProgrammeAction = 'programme.read' | 'programme.manage' | 'programme.approve'

export const PROGRAMME_PERMISSIONS: Readonly<Record<Role, readonly ProgrammeAction[]>> = {
  admin: ['programme.read'],
  secretary: ['programme.read', 'programme.manage', 'programme.approve'],
  'deputy-secretary': ['programme.read', 'programme.manage', 'programme.approve'],
  'office-chief': ['programme.read', 'programme.manage'],
  clerk: ['programme.read', 'programme.manage'],
  specialist: ['programme.read'],
  inspector: ['programme.read'],
  member: [],
}

export const programmePolicy = definePolicy(PROGRAMME_PERMISSIONS, { readAction: 'programme.read', reachIncludesEnded: false })
