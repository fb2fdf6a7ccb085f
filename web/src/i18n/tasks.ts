/**
 * Strings of the tasks pages (`task.*`), Vietnamese first, English second.
 * Loaded with those pages (router.tsx), like the archives strings.
 */
import i18n from './index'

export const taskVi = {
  title: 'Nhiệm vụ',
  mine: 'Nhiệm vụ của tôi',
  assigned: 'Nhiệm vụ tôi giao',
  none: 'Không có nhiệm vụ nào.',
  more: 'Xem thêm nhiệm vụ',
  name: 'Nhiệm vụ',
  lead: 'Chủ trì',
  assigner: 'Người giao',
  deadline: 'Hạn',
  state: 'Trạng thái',
  overdue: 'Quá hạn',
  accept: 'Tiếp nhận',
  accepted: 'Đã tiếp nhận nhiệm vụ "{{title}}".',
  newTask: 'Giao nhiệm vụ',
  leadUnit: 'Đơn vị chủ trì',
  leadUser: 'Người chủ trì (không bắt buộc)',
  leadUserHelp: 'Để trống: đơn vị chủ trì',
  create: 'Giao',
  created: 'Đã giao nhiệm vụ "{{title}}".',
  back: 'Danh sách nhiệm vụ',
  actions: 'Việc có thể làm',
  assignedOn: 'Ngày giao',
  originally: 'hạn ban đầu {{date}}',
  coordinating: 'Đơn vị phối hợp',
  watchers: 'Người theo dõi',
  source: 'Nguồn giao',
  openDocument: 'Mở văn bản giao nhiệm vụ',
  fromProgramme: 'Chương trình công tác "{{programme}}", nội dung "{{item}}"',
  fromResolution: 'Nghị quyết {{name}}',
  x: { export: 'Xuất Excel', no: 'STT', percent: 'Tiến độ (%)', yes: 'Có', cut: 'Danh sách dài hơn: chỉ xuất {{count}} nhiệm vụ đầu.', fileMine: 'nhiem-vu-cua-toi', fileAssigned: 'nhiem-vu-toi-giao', done: 'Đã xuất {{count}} nhiệm vụ ({{file}}).' },
  progress: 'Tiến độ: {{percent}}%',
  history: 'Quá trình thực hiện',
  evaluated: 'Đánh giá: {{quality}}/5, {{timeliness}} ({{who}}, {{date}})',
  cancelledBecause: 'Đã hủy: {{reason}}',
  pendingExtension: 'Đề nghị gia hạn đang chờ quyết định',
  pendingExtensionText: '{{who}} đề nghị gia hạn từ {{from}} đến {{until}}. Lý do: {{reason}}',
  timeliness: { 'on-time': 'đúng hạn', late: 'trễ hạn' },
  priority: { label: 'Mức độ', normal: 'Bình thường', high: 'Quan trọng', urgent: 'Khẩn' },
  quality: { 1: 'Kém', 2: 'Chưa đạt', 3: 'Đạt', 4: 'Tốt', 5: 'Xuất sắc' },
  act: {
    progress: 'Báo cáo tiến độ', submit: 'Báo cáo hoàn thành', extensions: 'Đề nghị gia hạn', evaluate: 'Đánh giá kết quả',
    return: 'Trả lại để làm tiếp', decide: 'Quyết định gia hạn', cancel: 'Hủy nhiệm vụ',
  },
  done: {
    progress: 'Đã báo cáo tiến độ "{{title}}".', submit: 'Đã báo cáo hoàn thành "{{title}}".', extensions: 'Đã gửi đề nghị gia hạn "{{title}}".',
    evaluate: 'Đã đánh giá "{{title}}".', return: 'Đã trả lại "{{title}}".', decide: 'Đã quyết định gia hạn "{{title}}".', cancel: 'Đã hủy "{{title}}".',
  },
  f: {
    percent: 'Phần trăm hoàn thành', report: 'Nội dung báo cáo', reason: 'Lý do', comment: 'Nhận xét (không bắt buộc)', until: 'Gia hạn đến ngày',
    quality: 'Chất lượng', approve: 'Đồng ý gia hạn', refuse: 'Không đồng ý',
  },
  h: {
    assigned: '{{who}} giao nhiệm vụ', report: '{{who}} báo cáo tiến độ {{percent}}%', accepted: '{{who}} tiếp nhận', submitted: '{{who}} báo cáo hoàn thành',
    returned: '{{who}} trả lại để làm tiếp', cancelled: '{{who}} hủy nhiệm vụ', extension: '{{who}} đề nghị gia hạn đến {{until}}',
    approved: '{{who}} đồng ý gia hạn', refused: '{{who}} không đồng ý gia hạn', evaluated: '{{who}} đánh giá {{quality}}/5',
  },
  status: {
    assigned: 'Mới giao', accepted: 'Đã tiếp nhận', 'in-progress': 'Đang thực hiện', submitted: 'Chờ đánh giá', done: 'Hoàn thành', cancelled: 'Đã hủy',
  },
}

export const taskEn: typeof taskVi = {
  title: 'Tasks',
  mine: 'My tasks',
  assigned: 'Assigned by me',
  none: 'No tasks.',
  more: 'Show more tasks',
  name: 'Task',
  lead: 'Lead',
  assigner: 'Assigned by',
  deadline: 'Deadline',
  state: 'State',
  overdue: 'Overdue',
  accept: 'Accept',
  accepted: 'Task "{{title}}" accepted.',
  newTask: 'Assign a task',
  leadUnit: 'Lead unit',
  leadUser: 'Lead person (optional)',
  leadUserHelp: 'Leave empty: the unit leads',
  create: 'Assign',
  created: 'Task "{{title}}" assigned.',
  back: 'All tasks',
  actions: 'What you can do',
  assignedOn: 'Assigned on',
  originally: 'originally {{date}}',
  coordinating: 'Coordinating units',
  watchers: 'Watchers',
  source: 'Given by',
  openDocument: 'Open the document that gave this task',
  fromProgramme: 'Work programme "{{programme}}", item "{{item}}"',
  fromResolution: 'Resolution {{name}}',
  x: { export: 'Export to Excel', no: 'No.', percent: 'Progress (%)', yes: 'Yes', cut: 'The list is longer: only the first {{count}} tasks were exported.', fileMine: 'my-tasks', fileAssigned: 'tasks-assigned-by-me', done: '{{count}} tasks exported ({{file}}).' },
  progress: 'Progress: {{percent}}%',
  history: 'History',
  evaluated: 'Evaluated: {{quality}}/5, {{timeliness}} ({{who}}, {{date}})',
  cancelledBecause: 'Cancelled: {{reason}}',
  pendingExtension: 'An extension request awaits a decision',
  pendingExtensionText: '{{who}} asks to move the deadline from {{from}} to {{until}}. Reason: {{reason}}',
  timeliness: { 'on-time': 'on time', late: 'late' },
  priority: { label: 'Priority', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  quality: { 1: 'Poor', 2: 'Below standard', 3: 'Meets standard', 4: 'Good', 5: 'Excellent' },
  act: {
    progress: 'Report progress', submit: 'Report done', extensions: 'Ask for more time', evaluate: 'Evaluate',
    return: 'Return for more work', decide: 'Decide the extension', cancel: 'Cancel the task',
  },
  done: {
    progress: 'Progress on "{{title}}" reported.', submit: '"{{title}}" reported done.', extensions: 'Extension of "{{title}}" requested.',
    evaluate: '"{{title}}" evaluated.', return: '"{{title}}" returned.', decide: 'Extension of "{{title}}" decided.', cancel: '"{{title}}" cancelled.',
  },
  f: {
    percent: 'Percent complete', report: 'Report', reason: 'Reason', comment: 'Comment (optional)', until: 'New deadline',
    quality: 'Quality', approve: 'Grant the extension', refuse: 'Refuse',
  },
  h: {
    assigned: '{{who}} assigned the task', report: '{{who}} reported {{percent}}% progress', accepted: '{{who}} accepted', submitted: '{{who}} reported it done',
    returned: '{{who}} returned it for more work', cancelled: '{{who}} cancelled it', extension: '{{who}} asked for more time until {{until}}',
    approved: '{{who}} granted the extension', refused: '{{who}} refused the extension', evaluated: '{{who}} evaluated it {{quality}}/5',
  },
  status: {
    assigned: 'Assigned', accepted: 'Accepted', 'in-progress': 'In progress', submitted: 'Awaiting evaluation', done: 'Done', cancelled: 'Cancelled',
  },
}

let loaded: Promise<void> | undefined
export function ensureTaskStrings(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    i18n.addResourceBundle('vi', 'translation', { task: taskVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { task: taskEn }, true, true)
  })
  return loaded
}
