/**
 * Strings of the work programme pages (`prog.*`), Vietnamese first, English
 * second. Loaded with those pages (router.tsx), with the tasks strings (the
 * pages show the items' tasks with their state badges).
 */
import i18n from './index'
import { ensureTaskStrings } from './tasks'

export const programmeVi = {
  title: 'Chương trình công tác',
  unit: 'Đơn vị',
  none: 'Đơn vị chưa có chương trình công tác nào.',
  name: 'Chương trình',
  period: 'Kỳ',
  items: 'Số nội dung',
  state: 'Trạng thái',
  body: { label: 'Của', committee: 'Ban Chấp hành', standing: 'Ban Thường vụ', office: 'Văn phòng' },
  kind: { label: 'Loại chương trình', term: 'Toàn khóa', year: 'Năm', quarter: 'Quý', month: 'Tháng' },
  states: { draft: 'Dự thảo', submitted: 'Chờ duyệt', approved: 'Đã duyệt' },
  itemStates: { planned: 'Theo kế hoạch', moved: 'Đã điều chỉnh thời gian', dropped: 'Đưa ra khỏi chương trình' },
  progressStates: { dropped: 'Đưa ra khỏi chương trình', 'not-started': 'Chưa triển khai', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành', overdue: 'Quá hạn' },
  new: 'Lập chương trình mới',
  year: 'Năm',
  quarter: 'Quý',
  month: 'Tháng',
  titleField: 'Tên chương trình',
  create: 'Lập chương trình',
  created: 'Đã lập chương trình "{{title}}".',
  back: 'Danh sách chương trình',
  of: '{{unit}} — {{period}}',
  progress: 'Tiến độ chung: {{percent}}% ({{done}}/{{total}} nội dung hoàn thành)',
  itemProgress: 'Tiến độ: {{percent}}%',
  noItems: 'Chương trình chưa có nội dung nào.',
  monthHeading: 'Tháng {{month}}/{{year}}',
  week: 'tuần {{week}}',
  preparing: 'Cơ quan chuẩn bị',
  presiding: 'Lãnh đạo chủ trì',
  day: 'Thời gian',
  output: 'Sản phẩm',
  carriesOut: 'Thực hiện nội dung của cấp trên: {{content}}',
  movedFrom: 'Lùi từ {{date}}. Lý do: {{reason}}',
  droppedBecause: 'Lý do: {{reason}}',
  returned: 'Chương trình bị trả lại',
  approvedBy: 'Đã duyệt ngày {{date}} ({{who}})',
  submittedBy: 'Trình ngày {{date}} ({{who}})',
  tasks: 'Nhiệm vụ thực hiện',
  noTasks: 'Chưa giao nhiệm vụ.',
  taskLine: '{{title}} — {{lead}}, hạn {{deadline}}',
  actions: 'Việc có thể làm',
  itemActions: 'Việc có thể làm với nội dung "{{content}}"',
  act: {
    add: 'Thêm nội dung', submit: 'Trình duyệt', decide: 'Duyệt chương trình', export: 'Xuất Excel',
    move: 'Điều chỉnh thời gian', drop: 'Đưa ra khỏi chương trình', task: 'Giao nhiệm vụ',
  },
  done: {
    add: 'Đã thêm nội dung.', submit: 'Đã trình duyệt chương trình.', approve: 'Đã duyệt chương trình.', return: 'Đã trả lại chương trình.',
    move: 'Đã điều chỉnh thời gian "{{content}}".', drop: 'Đã đưa "{{content}}" ra khỏi chương trình.', task: 'Đã giao nhiệm vụ "{{content}}".', export: 'Đã xuất {{file}}.',
  },
  f: {
    content: 'Nội dung', preparing: 'Cơ quan chuẩn bị', presiding: 'Lãnh đạo chủ trì (không bắt buộc)', day: 'Ngày thực hiện', output: 'Sản phẩm (loại văn bản)',
    cascade: 'Thực hiện nội dung của cấp trên (không bắt buộc)', newDay: 'Ngày mới', reason: 'Lý do', decision: 'Quyết định', approve: 'Duyệt', giveBack: 'Trả lại để sửa',
    comment: 'Ý kiến', commentNeeded: 'Ý kiến (bắt buộc khi trả lại)', taskTitle: 'Tên nhiệm vụ', lead: 'Đơn vị chủ trì', deadline: 'Hạn hoàn thành',
  },
  withinPeriod: 'Trong kỳ {{from}} – {{to}}',
}

export const programmeEn: typeof programmeVi = {
  title: 'Work programmes',
  unit: 'Unit',
  none: 'The unit has no work programme yet.',
  name: 'Programme',
  period: 'Period',
  items: 'Items',
  state: 'State',
  body: { label: 'Of', committee: 'Executive Committee', standing: 'Standing Committee', office: 'Office' },
  kind: { label: 'Kind of programme', term: 'Whole term', year: 'Year', quarter: 'Quarter', month: 'Month' },
  states: { draft: 'Draft', submitted: 'Awaiting approval', approved: 'Approved' },
  itemStates: { planned: 'As planned', moved: 'Moved', dropped: 'Dropped' },
  progressStates: { dropped: 'Dropped', 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', overdue: 'Overdue' },
  new: 'Draft a new programme',
  year: 'Year',
  quarter: 'Quarter',
  month: 'Month',
  titleField: 'Programme title',
  create: 'Draft the programme',
  created: 'Programme "{{title}}" drafted.',
  back: 'All programmes',
  of: '{{unit}} — {{period}}',
  progress: 'Overall progress: {{percent}}% ({{done}}/{{total}} items done)',
  itemProgress: 'Progress: {{percent}}%',
  noItems: 'The programme has no items yet.',
  monthHeading: '{{month}}/{{year}}',
  week: 'week {{week}}',
  preparing: 'Preparing unit',
  presiding: 'Presiding leader',
  day: 'Date',
  output: 'Output',
  carriesOut: 'Carries out the level above\'s item: {{content}}',
  movedFrom: 'Moved from {{date}}. Reason: {{reason}}',
  droppedBecause: 'Reason: {{reason}}',
  returned: 'The programme was returned',
  approvedBy: 'Approved on {{date}} ({{who}})',
  submittedBy: 'Submitted on {{date}} ({{who}})',
  tasks: 'Tasks carrying it out',
  noTasks: 'No task given yet.',
  taskLine: '{{title}} — {{lead}}, due {{deadline}}',
  actions: 'What you can do',
  itemActions: 'What you can do with "{{content}}"',
  act: {
    add: 'Add an item', submit: 'Submit for approval', decide: 'Decide on the programme', export: 'Export to Excel',
    move: 'Move', drop: 'Drop from the programme', task: 'Give a task',
  },
  done: {
    add: 'Item added.', submit: 'Programme submitted.', approve: 'Programme approved.', return: 'Programme returned.',
    move: '"{{content}}" moved.', drop: '"{{content}}" dropped.', task: 'Task given for "{{content}}".', export: '{{file}} exported.',
  },
  f: {
    content: 'Content', preparing: 'Preparing unit', presiding: 'Presiding leader (optional)', day: 'Date', output: 'Output (document type)',
    cascade: 'Carries out an item of the level above (optional)', newDay: 'New date', reason: 'Reason', decision: 'Decision', approve: 'Approve', giveBack: 'Return for changes',
    comment: 'Comment', commentNeeded: 'Comment (needed to return)', taskTitle: 'Task title', lead: 'Lead unit', deadline: 'Deadline',
  },
  withinPeriod: 'Within {{from}} – {{to}}',
}

let loaded: Promise<void> | undefined
export function ensureProgrammeStrings(): Promise<void> {
  loaded ??= ensureTaskStrings().then(() => {
    i18n.addResourceBundle('vi', 'translation', { prog: programmeVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { prog: programmeEn }, true, true)
  })
  return loaded
}
