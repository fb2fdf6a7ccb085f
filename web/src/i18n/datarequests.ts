/**
 * Strings of the data requests pages (`dreq.*`), Vietnamese first, English
 * second. Loaded with those pages (router.tsx), like the tasks strings.
 */
import i18n from './index'

export const dataRequestVi = {
  title: 'Yêu cầu số liệu',
  sent: 'Đã gửi', received: 'Đơn vị cần gửi số liệu',
  search: 'Tìm theo tên yêu cầu hoặc chỉ tiêu', find: 'Tìm',
  none: 'Không có yêu cầu số liệu nào.',
  create: 'Lập yêu cầu số liệu',
  name: 'Yêu cầu', from: 'Đơn vị yêu cầu', deadline: 'Hạn gửi', period: 'Kỳ số liệu', answered: 'Đã gửi số liệu', state: 'Tình trạng',
  status: { draft: 'Dự thảo', sent: 'Đang nhận số liệu', closed: 'Đã kết thúc' },
  unitStatus: { pending: 'Chưa gửi', answered: 'Đã gửi', late: 'Quá hạn' },
  onTime: 'đúng hạn', lateAnswer: 'gửi muộn',
  f: {
    title: 'Tên yêu cầu', description: 'Mục đích, ghi chú', periodFrom: 'Kỳ số liệu từ ngày', periodTo: 'đến ngày', deadline: 'Hạn gửi số liệu',
    indicators: 'Các chỉ tiêu', code: 'Mã', indicator: 'Tên chỉ tiêu', unit: 'Đơn vị tính', type: 'Kiểu', totalOf: 'Là tổng của (mã)', optional: 'Không bắt buộc',
    addIndicator: 'Thêm chỉ tiêu', remove: 'Xóa chỉ tiêu {{code}}', recipients: 'Đơn vị nhận (tìm theo tên)', recipientsHelp: 'Chỉ các đơn vị đang hoạt động trong phạm vi của bạn.',
    addAll: 'Chọn tất cả {{count}} đơn vị tìm thấy', addUnit: 'Thêm {{name}}', removeUnit: 'Bỏ {{name}}', draft: 'Lưu dự thảo', send: 'Gửi yêu cầu',
  },
  type: { number: 'Số', integer: 'Số nguyên', percent: 'Tỷ lệ %', text: 'Chữ' },
  created: 'Đã lưu yêu cầu "{{title}}".', sentOk: 'Đã gửi yêu cầu "{{title}}" tới {{count}} đơn vị.',
  recipients: 'Các đơn vị nhận', remind: 'Nhắc', remindAll: 'Nhắc tất cả đơn vị chưa gửi', reminded: 'Đã nhắc {{count}} đơn vị.',
  lastReminder: 'Lần nhắc gần nhất: {{when}}, {{by}} ({{count}} đơn vị).',
  close: 'Kết thúc nhận số liệu', closed: 'Đã kết thúc yêu cầu.', sendDraft: 'Gửi yêu cầu này',
  consolidated: 'Bảng tổng hợp', total: 'Tổng cộng', average: 'bình quân', unitCol: 'Đơn vị',
  chart: 'Biểu đồ theo đơn vị', chartOf: 'Chỉ tiêu trên biểu đồ',
  exportXlsx: 'Xuất XLSX', exportPdf: 'Xuất PDF (có đóng dấu số)', counts: 'Đã gửi {{answered}}/{{recipients}} đơn vị, đúng hạn {{onTime}}, quá hạn chưa gửi {{late}}.',
  answerFor: 'Số liệu của {{unit}}', answerTitle: 'Gửi số liệu',
  value: 'Giá trị', submit: 'Gửi số liệu', saved: 'Đã gửi số liệu của {{unit}}.',
  template: 'Tải mẫu XLSX điền sẵn', upload: 'Gửi bằng tệp XLSX đã điền', uploadOk: 'Đã nhận số liệu từ tệp ({{count}} dòng).',
  report: 'Tệp có {{rejected}} dòng lỗi; chưa có số liệu nào được ghi. Sửa các dòng dưới đây rồi gửi lại.', row: 'Dòng', whole: 'Cả tệp', problem: 'Lỗi',
  answeredBy: 'Đã gửi lúc {{when}} bởi {{who}}.', notOpen: 'Yêu cầu đã kết thúc, không nhận thêm số liệu.',
  back: 'Về yêu cầu',
}

export const dataRequestEn: typeof dataRequestVi = {
  title: 'Data requests',
  sent: 'Sent', received: 'To answer for my unit',
  search: 'Search by title or indicator', find: 'Search',
  none: 'No data requests.',
  create: 'New data request',
  name: 'Request', from: 'Requested by', deadline: 'Deadline', period: 'Period', answered: 'Answered', state: 'State',
  status: { draft: 'Draft', sent: 'Taking answers', closed: 'Closed' },
  unitStatus: { pending: 'Not yet', answered: 'Answered', late: 'Late' },
  onTime: 'on time', lateAnswer: 'late',
  f: {
    title: 'Title', description: 'Purpose, notes', periodFrom: 'Period from', periodTo: 'to', deadline: 'Answer by',
    indicators: 'Indicators', code: 'Code', indicator: 'Indicator', unit: 'Unit of measure', type: 'Type', totalOf: 'Total of (codes)', optional: 'Optional',
    addIndicator: 'Add an indicator', remove: 'Remove indicator {{code}}', recipients: 'Recipient units (search by name)', recipientsHelp: 'Only live units within your reach.',
    addAll: 'Choose all {{count}} units found', addUnit: 'Add {{name}}', removeUnit: 'Remove {{name}}', draft: 'Save as draft', send: 'Send',
  },
  type: { number: 'Number', integer: 'Whole number', percent: 'Percentage', text: 'Text' },
  created: 'Request "{{title}}" saved.', sentOk: 'Request "{{title}}" sent to {{count}} unit(s).',
  recipients: 'Recipient units', remind: 'Remind', remindAll: 'Remind every unit that has not answered', reminded: '{{count}} unit(s) reminded.',
  lastReminder: 'Last reminder: {{when}}, {{by}} ({{count}} unit(s)).',
  close: 'Close the request', closed: 'Request closed.', sendDraft: 'Send this request',
  consolidated: 'Consolidated table', total: 'Total', average: 'average', unitCol: 'Unit',
  chart: 'Chart by unit', chartOf: 'Indicator on the chart',
  exportXlsx: 'Export XLSX', exportPdf: 'Export PDF (sealed)', counts: '{{answered}}/{{recipients}} units answered, {{onTime}} on time, {{late}} late without an answer.',
  answerFor: 'Figures of {{unit}}', answerTitle: 'Answer',
  value: 'Value', submit: 'Send the figures', saved: 'Figures of {{unit}} sent.',
  template: 'Download the pre-filled XLSX', upload: 'Answer with the filled-in XLSX', uploadOk: 'Figures taken from the file ({{count}} rows).',
  report: 'The file has {{rejected}} bad row(s); nothing was written. Fix the rows below and send it again.', row: 'Row', whole: 'Whole file', problem: 'Problem',
  answeredBy: 'Sent {{when}} by {{who}}.', notOpen: 'The request is closed and takes no more answers.',
  back: 'Back to the request',
}

let loaded: Promise<void> | undefined
export function ensureDataRequestStrings(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    i18n.addResourceBundle('vi', 'translation', { dreq: dataRequestVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { dreq: dataRequestEn }, true, true)
  })
  return loaded
}
