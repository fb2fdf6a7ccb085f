/** The dashboards' contracts (zod at the boundary): the dashboard of a unit, the items behind a number, reports. */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { KPI_IDS } from './targets.js'

export const kpiId = z.enum(KPI_IDS)

export const DashboardQuery = z.object({ unitId, date: isoDate.optional() })
export type DashboardQuery = z.infer<typeof DashboardQuery>

/** KPIs whose items can be listed (the overdue documents themselves, the users without MFA, …). */
export const DRILLABLE = ['documents.overdue', 'documents.onTime', 'documents.digital', 'identity.mfa', 'members.digitised', 'archives.digitised', 'tasks.onTime'] as const
export const ItemsQuery = z.object({ unitId, kpi: z.enum(DRILLABLE), limit: z.coerce.number().int().min(1).max(200).default(50) })
export type ItemsQuery = z.infer<typeof ItemsQuery>

export const reportId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.r[a-z0-9]{6,30}$/, { message: 'field.invalidFormat' })

export const ReportBody = z.object({ unitId, from: isoDate, to: isoDate, kind: z.enum(['week', 'month', 'custom']).default('custom') })
  .refine((b) => b.from <= b.to, { message: 'dashboards.badPeriod', path: ['to'] })
export type ReportBody = z.infer<typeof ReportBody>

/** An item behind a number: what it is by name, where its page is. */
export interface DrillItem { title: string; subtitle: string; href?: string; date?: string; overdue?: boolean }

/** A generated report, as stored: its number, period, files (bucket keys). */
export interface KpiReport {
  reportId: string
  unitId: string
  unitName: string
  kind: 'week' | 'month' | 'custom'
  from: string
  to: string
  registerNumber: string
  createdAt: string
  createdBy: string
  pdfKey: string
  xlsxKey: string
  sha256: string
}
