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
