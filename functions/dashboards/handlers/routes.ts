/** HTTP handlers of the dashboards module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { DashboardQuery, ItemsQuery, ReportBody, reportId } from '../../../shared/dashboards/contracts.js'
import { dashboard, items, type DashboardContext } from '../usecases/dashboard.js'
import { requestReport, showReport } from '../usecases/reports.js'

export type DashboardRoute = (req: HttpRequest<Actor> & { ctx: DashboardContext }) => Promise<HttpResult>

export const show: DashboardRoute = async ({ ctx, query }) => ({ body: await dashboard(ctx, parse(DashboardQuery, query)) })
export const drill: DashboardRoute = async ({ ctx, query }) => ({ body: await items(ctx, parse(ItemsQuery, query)) })
export const report: DashboardRoute = async ({ ctx, body }) => ({ status: 201, body: await requestReport(ctx, parse(ReportBody, body)) })
export const stored: DashboardRoute = async ({ ctx, params }) => ({ body: await showReport(ctx, parse(reportId, params.reportId)) })
