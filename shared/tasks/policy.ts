/**
 * Who may do what with tasks (nhiệm vụ): role × unit subtree, deny by default,
 * from the one engine (shared/auth/engine.ts). `task.assign` over a unit lets
 * a leader give that unit (or one of its people) a task; `task.report` over
 * the lead unit lets its people accept, report on and submit a task led by the
 * unit; `task.evaluate` lets the assigner judge the result. Whether the caller
 * is the assigner or the lead person is the use case's check (a person, not a
 * role).
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type TaskAction = 'task.read' | 'task.assign' | 'task.report' | 'task.evaluate'

export const TASK_PERMISSIONS: Readonly<Record<Role, readonly TaskAction[]>> = {
  admin: ['task.read'],
  secretary: ['task.read', 'task.assign', 'task.report', 'task.evaluate'],
  'deputy-secretary': ['task.read', 'task.assign', 'task.report', 'task.evaluate'],
  'office-chief': ['task.read', 'task.assign', 'task.report', 'task.evaluate'],
  clerk: ['task.read', 'task.report'],
  specialist: ['task.read', 'task.report'],
  inspector: ['task.read'],
  member: [],
}

/** Tasks' policy; its reach leaves out ended units (no task is given to a unit that no longer exists). */
export const taskPolicy = definePolicy(TASK_PERMISSIONS, { readAction: 'task.read', reachIncludesEnded: false })
