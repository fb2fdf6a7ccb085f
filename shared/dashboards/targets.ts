/**
 * The targets the dashboards measure against (chỉ tiêu), as data: each
 * threshold and deadline with its source and the date from which it applies,
 * so a rule replaced by a later decision is a new row, not an edit. Seeds:
 * Decision 204-QĐ/TW (2024), the HCMC master plan (2025) and Hà Nội's
 * commitments (shared/DOMAIN.md §6). Rows marked `verified: false` state a
 * figure the sources do not give: configurable, labelled as such on screen.
 */

/** What a KPI counts. `share`: part of a whole, higher is better; `count`: a number of items, lower is better. */
export type KpiKind = 'share' | 'count'

export const KPI_IDS = [
  'documents.digital', 'documents.onTime', 'documents.overdue', 'identity.mfa', 'members.digitised', 'archives.digitised', 'tasks.onTime',
  // From the oversight issue, when cases and data requests exist: a place on every dashboard, no figure yet.
  'cases.digital', 'dataRequests.digital',
] as const
export type KpiId = (typeof KPI_IDS)[number]

export interface KpiDefinition {
  id: KpiId
  kind: KpiKind
  name: { vi: string; en: string }
  /** What is counted, for the page and the report. */
  measure: { vi: string; en: string }
  /** False while no module produces the figure (cases, data requests). */
  measured: boolean
}

export const KPIS: readonly KpiDefinition[] = [
  {
    id: 'documents.digital', kind: 'share', measured: true,
    name: { vi: 'Văn bản không mật xử lý trên môi trường số', en: 'Non-confidential documents handled digitally' },
    measure: { vi: 'Văn bản đi đã ký số và phát hành, văn bản đến nhận điện tử, trên tổng văn bản không mật trong năm', en: 'Outgoing documents signed and issued digitally and incoming documents received electronically, of all non-confidential documents this year' },
  },
  {
    id: 'documents.onTime', kind: 'share', measured: true,
    name: { vi: 'Văn bản đến xử lý đúng hạn', en: 'Incoming documents handled on time' },
    measure: { vi: 'Văn bản đến có hạn đã xử lý xong đúng hạn, trên số đã xử lý xong và số đang quá hạn', en: 'Incoming documents with a deadline completed on time, of those completed plus those overdue' },
  },
  {
    id: 'documents.overdue', kind: 'count', measured: true,
    name: { vi: 'Văn bản đến quá hạn xử lý', en: 'Incoming documents overdue' },
    measure: { vi: 'Văn bản đến chưa xử lý xong đã quá hạn', en: 'Incoming documents not completed and past their deadline' },
  },
  {
    id: 'identity.mfa', kind: 'share', measured: true,
    name: { vi: 'Người dùng có định danh số, xác thực tập trung', en: 'Users with digital identity and central authentication' },
    measure: { vi: 'Người dùng đang hoạt động đăng nhập tập trung có xác thực nhiều lớp (MFA)', en: 'Active users signing in centrally with multi-factor authentication (MFA)' },
  },
  {
    id: 'members.digitised', kind: 'share', measured: true,
    name: { vi: 'Hồ sơ đảng viên được số hóa', en: 'Party member records digitised' },
    measure: { vi: 'Hồ sơ đảng viên điện tử đủ ngày sinh và nơi cư trú, trên tổng hồ sơ', en: 'Electronic member records with birth date and residence, of all records' },
  },
  {
    id: 'archives.digitised', kind: 'share', measured: true,
    name: { vi: 'Tài liệu lưu trữ được số hóa', en: 'Archive documents digitised' },
    measure: { vi: 'Tài liệu số hóa đã kiểm tra xong, trên tổng tài liệu tìm thấy trong bản quét', en: 'Digitised documents verified, of all documents found in the scans' },
  },
  {
    id: 'tasks.onTime', kind: 'share', measured: true,
    name: { vi: 'Nhiệm vụ hoàn thành đúng hạn', en: 'Tasks done on time' },
    measure: { vi: 'Nhiệm vụ hoàn thành đúng hạn, trên số đã hoàn thành và số đang quá hạn', en: 'Tasks done on time, of those done plus those overdue' },
  },
  {
    id: 'cases.digital', kind: 'share', measured: false,
    name: { vi: 'Vụ việc, đơn thư, dấu hiệu vi phạm quản lý trên môi trường số', en: 'Cases, complaints and signs of violation managed digitally' },
    measure: { vi: 'Chưa có phân hệ vụ việc', en: 'No cases module yet' },
  },
  {
    id: 'dataRequests.digital', kind: 'share', measured: false,
    name: { vi: 'Yêu cầu dữ liệu kinh tế - xã hội xử lý trên môi trường số', en: 'Socio-economic data requests handled digitally' },
    measure: { vi: 'Chưa có phân hệ yêu cầu dữ liệu', en: 'No data requests module yet' },
  },
]

export interface Target {
  kpi: KpiId
  /** For a share: the least share (0–1) by the deadline. For a count: the most items allowed. */
  threshold: number
  /** The day by which the threshold is to be reached (Việt Nam's day). */
  deadline: string
  source: string
  /** First day this row applies; the row in force on a date is the latest that began on or before it. */
  effectiveFrom: string
  /** False when the figure is not in the sources (configurable). */
  verified: boolean
}

export const TARGETS: readonly Target[] = [
  { kpi: 'documents.digital', threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024)', effectiveFrom: '2024-11-29', verified: true },
  { kpi: 'documents.onTime', threshold: 1, deadline: '2025-12-31', source: 'Thành ủy Hà Nội: 100% văn bản, nhiệm vụ xử lý trên môi trường số', effectiveFrom: '2025-01-01', verified: false },
  { kpi: 'documents.overdue', threshold: 0, deadline: '2025-12-31', source: 'Nghị định 30/2020/NĐ-CP (xử lý trong ngày hoặc ngày làm việc tiếp theo)', effectiveFrom: '2020-03-05', verified: false },
  { kpi: 'identity.mfa', threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024)', effectiveFrom: '2024-11-29', verified: true },
  { kpi: 'members.digitised', threshold: 1, deadline: '2025-04-30', source: 'Thành ủy Hà Nội: số hóa hồ sơ trước tháng 4/2025; Quyết định 204-QĐ/TW', effectiveFrom: '2024-11-29', verified: true },
  { kpi: 'archives.digitised', threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024): số hóa tài liệu', effectiveFrom: '2024-11-29', verified: false },
  { kpi: 'tasks.onTime', threshold: 1, deadline: '2025-12-31', source: 'Thành ủy Hà Nội: 100% nhiệm vụ xử lý trên môi trường số', effectiveFrom: '2025-01-01', verified: false },
  { kpi: 'cases.digital', threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024)', effectiveFrom: '2024-11-29', verified: true },
  { kpi: 'dataRequests.digital', threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024)', effectiveFrom: '2024-11-29', verified: true },
]

export const kpiById = (id: KpiId): KpiDefinition => KPIS.find((k) => k.id === id)!

/** The target of a KPI in force on a date (none before its first row). */
export function targetOn(kpi: KpiId, date: string, targets: readonly Target[] = TARGETS): Target | undefined {
  return targets.filter((t) => t.kpi === kpi && t.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]
}
