/**
 * Who may read a unit's figures (role × unit subtree, deny by default, from
 * the one engine): `dashboard.read` over a unit shows its dashboard, the
 * units below it and the items behind a number; `dashboard.report` in exactly
 * a unit makes its holder one of the leaders who receive its weekly and
 * monthly reports (holderEmails).
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type DashboardAction = 'dashboard.read' | 'dashboard.report'

export const DASHBOARD_PERMISSIONS: Readonly<Record<Role, readonly DashboardAction[]>> = {
  admin: ['dashboard.read'],
  secretary: ['dashboard.read', 'dashboard.report'],
  'deputy-secretary': ['dashboard.read', 'dashboard.report'],
  'office-chief': ['dashboard.read'],
  clerk: [],
  specialist: [],
  inspector: ['dashboard.read'],
  member: [],
}

export const dashboardPolicy = definePolicy(DASHBOARD_PERMISSIONS, { readAction: 'dashboard.read', reachIncludesEnded: true })
