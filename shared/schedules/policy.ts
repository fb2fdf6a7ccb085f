/**
 * Who may do what with leaders' schedules (lịch công tác): role × unit
 * subtree, deny by default, from the one engine (shared/auth/engine.ts).
 * `schedule.read` over a unit shows its published schedule; `schedule.manage`
 * lets the office (and the unit's leaders) draft and change events, see the
 * drafts and manage the unit's rooms and feed; `schedule.publish` publishes a
 * week. A unit's schedule is managed from the unit itself or from its office
 * (the city committee's schedule by the City Committee Office): that is the
 * use case's check over this table (`managesSchedule`).
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type ScheduleAction = 'schedule.read' | 'schedule.manage' | 'schedule.publish'

export const SCHEDULE_PERMISSIONS: Readonly<Record<Role, readonly ScheduleAction[]>> = {
  admin: ['schedule.read'],
  secretary: ['schedule.read', 'schedule.manage'],
  'deputy-secretary': ['schedule.read', 'schedule.manage'],
  'office-chief': ['schedule.read', 'schedule.manage', 'schedule.publish'],
  clerk: ['schedule.read', 'schedule.manage', 'schedule.publish'],
  specialist: ['schedule.read'],
  inspector: ['schedule.read'],
  member: [],
}

/** Schedules' policy; its reach leaves out ended units (no event is scheduled for a unit that no longer exists). */
export const schedulePolicy = definePolicy(SCHEDULE_PERMISSIONS, { readAction: 'schedule.read', reachIncludesEnded: false })
