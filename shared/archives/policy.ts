/**
 * Who may do what with archives: role × unit subtree, deny by default, from
 * the one engine (shared/auth/engine.ts: a role held in a unit applies to its
 * subtree on the date; roles in ended units give nothing). Clearance does
 * not enter: classified scans are never kept, only catalogued.
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

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

/** Archives' policy; its reach includes ended units (a closed fonds stays readable). */
export const archivePolicy = definePolicy(ARCHIVE_PERMISSIONS, { readAction: 'archive.read', reachIncludesEnded: true })
