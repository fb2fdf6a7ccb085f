/**
 * Strings of the dashboards page (`dash.*`), Vietnamese first, English
 * second. Loaded with that page (router.tsx), like the tasks strings. The
 * KPIs' own names and measures come with the data (shared/dashboards/targets.ts).
 */
import i18n from './index'

export const dashVi = {
  title: 'Chỉ tiêu chuyển đổi số: {{unit}}',
  figuresOf: 'Số liệu chốt ngày {{date}}, trên toàn bộ đơn vị trực thuộc.',
  noFigures: 'Chưa có số liệu: bản chốt hằng ngày chưa chạy.',
  status: {
    met: 'Đạt', behind: 'Chưa đạt', late: 'Chưa đạt, quá hạn', noData: 'Chưa có số liệu', notMeasured: 'Chưa đo',
  },
  target: 'Mục tiêu',
  by: 'hạn',
  configured: ' (cấu hình)',
  showItems: 'Xem danh sách',
  trend: 'Diễn biến',
  byWeek: 'Theo tuần',
  byMonth: 'Theo tháng',
  trendCaption: 'Số liệu của biểu đồ diễn biến (%)',
  weekOf: 'Tuần từ',
  month: 'Tháng',
  ranking: 'Xếp hạng đơn vị trực thuộc',
  noUnitsBelow: 'Không có đơn vị trực thuộc.',
  rankingCaption: 'Số liệu của biểu đồ xếp hạng',
  rank: 'Hạng',
  unit: 'Đơn vị',
  result: 'Kết quả',
  close: 'Đóng',
  due: 'hạn',
  overdue: 'quá hạn',
  more: 'và {{count}} mục khác',
  reports: 'Báo cáo',
  from: 'Từ ngày',
  to: 'Đến ngày',
  make: 'Lập báo cáo',
  reportNo: 'Báo cáo số',
  signed: '(đã ký số)',
}

export const dashEn: typeof dashVi = {
  title: 'Digital transformation targets: {{unit}}',
  figuresOf: 'Figures of {{date}}, over every unit below.',
  noFigures: 'No figures yet: the daily snapshot has not run.',
  status: {
    met: 'Met', behind: 'Behind', late: 'Behind, past deadline', noData: 'No data yet', notMeasured: 'Not measured yet',
  },
  target: 'Target',
  by: 'by',
  configured: ' (configured)',
  showItems: 'Show the items',
  trend: 'Trend',
  byWeek: 'By week',
  byMonth: 'By month',
  trendCaption: 'Data of the trend chart (%)',
  weekOf: 'Week of',
  month: 'Month',
  ranking: 'Ranking of the units below',
  noUnitsBelow: 'No units below.',
  rankingCaption: 'Data of the ranking chart',
  rank: 'Rank',
  unit: 'Unit',
  result: 'Result',
  close: 'Close',
  due: 'due',
  overdue: 'overdue',
  more: 'and {{count}} more',
  reports: 'Reports',
  from: 'From',
  to: 'To',
  make: 'Make the report',
  reportNo: 'Report no.',
  signed: '(signed)',
}

let loaded: Promise<void> | undefined
export function ensureDashboardStrings(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    i18n.addResourceBundle('vi', 'translation', { dash: dashVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { dash: dashEn }, true, true)
  })
  return loaded
}
