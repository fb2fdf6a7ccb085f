/**
 * Roles a person holds in a unit, and what each role may do in that unit's
 * subtree. The table is the whole policy: anything not listed is denied.
 * "secretary" and "deputy-secretary" are the head and the deputy of any unit:
 * their titles follow the unit (`roleTitle`: a board's deputy is a Phó
 * Trưởng ban, never a Phó Bí thư).
 */
import { BODY_ROLE_TITLES, bodyOf } from './bodies.js'
import type { UnitKind } from './levels.js'

export const ROLES = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  'deputy-secretary': { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  'office-chief': { vi: 'Chánh Văn phòng', en: 'Office chief' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  inspector: { vi: 'Kiểm tra viên', en: 'Inspector' },
  member: { vi: 'Đảng viên', en: 'Party member' },
} as const
export type Role = keyof typeof ROLES

/** The title of `role` in a unit of `kind` (named `name`): "Phó Trưởng ban" for a board's deputy, "Chủ nhiệm" for the inspection commission's head. */
export function roleTitle(role: Role, kind: UnitKind | undefined, name = ''): { vi: string; en: string } {
  if (!kind || (role !== 'secretary' && role !== 'deputy-secretary')) return ROLES[role]
  const titles = BODY_ROLE_TITLES[bodyOf(kind, name)]
  return role === 'secretary' ? titles.head : titles.deputy
}
export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]]

export type Action =
  | 'unit.read' | 'unit.manage'
  | 'user.read' | 'user.manage'
  | 'reorganisation.request' | 'reorganisation.decide'
  | 'import.run'
  | 'audit.read'

export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ['unit.read', 'unit.manage', 'user.read', 'user.manage', 'reorganisation.request', 'reorganisation.decide', 'import.run', 'audit.read'],
  secretary: ['unit.read', 'unit.manage', 'user.read', 'user.manage', 'reorganisation.request', 'reorganisation.decide', 'import.run', 'audit.read'],
  'deputy-secretary': ['unit.read', 'unit.manage', 'user.read', 'reorganisation.request', 'reorganisation.decide'],
  'office-chief': ['unit.read', 'unit.manage', 'user.read', 'user.manage', 'reorganisation.request', 'import.run'],
  clerk: ['unit.read', 'user.read', 'import.run'],
  specialist: ['unit.read', 'user.read'],
  inspector: ['unit.read', 'user.read', 'audit.read'],
  member: ['unit.read'],
}

/** Clearance levels, ordered. MẬT and above are never stored on this platform, only granted to read registers. */
export const CLEARANCES = ['public', 'internal', 'confidential', 'secret', 'top-secret'] as const
export type Clearance = (typeof CLEARANCES)[number]
export const CLEARANCE_NAMES: Record<Clearance, { vi: string; en: string }> = {
  public: { vi: 'Công khai', en: 'Public' },
  internal: { vi: 'Nội bộ', en: 'Internal' },
  confidential: { vi: 'Mật', en: 'Confidential' },
  secret: { vi: 'Tối mật', en: 'Secret' },
  'top-secret': { vi: 'Tuyệt mật', en: 'Top secret' },
}
export const clearanceRank = (c: Clearance): number => CLEARANCES.indexOf(c)
