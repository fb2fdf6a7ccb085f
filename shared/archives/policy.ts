/**
 * Who may do what with archives: role × unit subtree, deny by default, from
 * the one engine (shared/auth/engine.ts: a role held in a unit applies to its
 * subtree on the date; roles in ended units give nothing). Clearance does
 * not enter: classified scans are never kept, only catalogued.
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

/**
 * `archive.hold` places and releases holds (an inspector for an inspection,
 * the office for a case); `archive.dispose` proposes the year's
 * disposition and carries out what the council decided; `archive.appraise`
 * records the appraisal council's decision (hội đồng xác định giá trị tài
 * liệu, chaired by the committee's leadership or the office's chief).
 */
export type ArchiveAction = 'archive.read' | 'archive.digitise' | 'archive.verify' | 'archive.handover' | 'archive.hold' | 'archive.dispose' | 'archive.appraise'

export const ARCHIVE_PERMISSIONS: Readonly<Record<Role, readonly ArchiveAction[]>> = {
  admin: ['archive.read', 'archive.digitise', 'archive.verify', 'archive.handover', 'archive.hold', 'archive.dispose', 'archive.appraise'],
  secretary: ['archive.read', 'archive.handover', 'archive.appraise'],
  'deputy-secretary': ['archive.read'],
  'office-chief': ['archive.read', 'archive.digitise', 'archive.verify', 'archive.handover', 'archive.hold', 'archive.dispose', 'archive.appraise'],
  clerk: ['archive.read', 'archive.digitise', 'archive.verify', 'archive.dispose'],
  specialist: ['archive.read'],
  inspector: ['archive.read', 'archive.hold'],
  member: [],
}

/** Archives' policy; its reach includes ended units (a closed fonds stays readable). */
export const archivePolicy = definePolicy(ARCHIVE_PERMISSIONS, { readAction: 'archive.read', reachIncludesEnded: true })
