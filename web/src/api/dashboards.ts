/** The dashboards API calls the SPA makes. */
import type { KpiResult, RankRow, TrendPoint } from '../../../shared/dashboards/compute'
import type { DrillItem } from '../../../shared/dashboards/contracts'
import type { KpiId } from '../../../shared/dashboards/targets'
import { api } from './client'

type Name = { vi: string; en: string }
export interface DashboardKpi extends KpiResult { name: Name; measure: Name; kind: 'share' | 'count'; measured: boolean; drillable: boolean }
export interface Dashboard {
  unit: { unitId: string; name: string; level: string; levelName: Name }
  path: { unitId: string; name: string }[]
  date: string
  snapshotDate: string | null
  kpis: DashboardKpi[]
  trend: { weeks: TrendPoint[]; months: TrendPoint[] }
  ranking: Record<KpiId, RankRow[]>
  reports: { reportId: string; registerNumber: string; kind: string; from: string; to: string; createdAt: string }[]
}
export interface StoredReport { reportId: string; registerNumber: string; pdf: { url: string }; xlsx: { url: string } }

export const dashboards = {
  get: (unitId: string, signal?: AbortSignal) => api.get<Dashboard>('/api/dashboards', { unitId }, signal),
  items: (unitId: string, kpi: string, signal?: AbortSignal) => api.get<{ total: number; items: DrillItem[] }>('/api/dashboards/items', { unitId, kpi }, signal),
  report: (body: { unitId: string; from: string; to: string }) => api.post<{ report: StoredReport }>('/api/dashboards/reports', body),
  stored: (reportId: string) => api.get<{ report: StoredReport }>(`/api/dashboards/reports/${encodeURIComponent(reportId)}`),
}
