/**
 * Lambda entry of the dashboards module (HTTP API): a unit's KPIs against
 * their targets with trend and ranking, the items behind a number, KPI
 * reports on demand and stored ones. The daily snapshot and the scheduled
 * reports run in the ops module (functions/dashboards/usecases/snapshot.ts,
 * reports.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { reportId } from '../../shared/dashboards/contracts.js'
import * as h from './handlers/routes.js'

export const DASHBOARD_ROUTES: Record<string, h.DashboardRoute> = {
  'GET /api/dashboards': h.show,
  'GET /api/dashboards/items': h.drill,
  'POST /api/dashboards/reports': h.report,
  'GET /api/dashboards/reports/{reportId}': h.stored,
}

export const handler = httpModuleWithContext({ service: 'dashboards', routes: DASHBOARD_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { reportId } })
