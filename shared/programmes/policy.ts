/**
 * Who may do what with work programmes: `programme.read` over the unit,
 * `programme.manage` (draft, items, submit, move, drop, give tasks) for the
 * office and the leaders, `programme.approve` for the standing committee's
 * leaders. Deny by default, from the one engine (shared/auth/engine.ts).
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'
import type { Actor } from '../auth/engine.js'
import { isWithin, type UnitIndex } from '../org/tree.js'
import type { Programme } from './contracts.js'

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

/**
 * Who reads a programme: `programme.read` over its unit, or — once it is
 * approved — whoever reads programmes of a unit below it, since the levels
 * below carry out (cascade) the superior level's items and must see them.
 */
export function canReadProgramme(actor: Pick<Actor, 'assignments'>, p: Pick<Programme, 'unitId' | 'state'>, index: UnitIndex, date: string): boolean {
  if (!index.has(p.unitId)) return false
  if (programmePolicy.can(actor, 'programme.read', p.unitId, index, date)) return true
  return p.state === 'approved' && programmePolicy.grantingUnits(actor, 'programme.read', index, date).some((g) => g !== p.unitId && isWithin(index, g, p.unitId, date))
}
