/**
 * Messages of the dashboards module (issue 17), Vietnamese first, English
 * second, merged into the catalogue (shared/i18n/messages.ts).
 */
export const DASHBOARD_MESSAGES: Record<string, { vi: string; en: string }> = {
  'dashboards.badPeriod': { vi: 'Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi.', en: 'The period must end on or after the day it starts.' },
  'dashboards.futurePeriod': { vi: 'Kỳ báo cáo không được kết thúc sau hôm nay ({date}).', en: 'The period cannot end after today ({date}).' },
  'notFound.report': { vi: 'Không tìm thấy báo cáo.', en: 'Report not found.' },
}
