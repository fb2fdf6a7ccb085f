/**
 * Strings of the schedules pages (`schedule.*`), Vietnamese first, English
 * second. Loaded with those pages (router.tsx), like the tasks strings.
 */
import i18n from './index'

export const scheduleVi = {
  title: 'Lịch công tác',
  unit: 'Lịch của',
  draft: 'Dự thảo',
  cancelled: 'Đã hủy',
  publish: 'Công bố lịch tuần',
  published: 'Đã công bố {{count}} sự kiện của tuần.',
  newEvent: 'Thêm sự kiện',
  save: 'Lưu sự kiện',
  saved: 'Đã lưu sự kiện "{{title}}".',
  f: {
    title: 'Nội dung', kind: 'Loại', date: 'Ngày', start: 'Bắt đầu', end: 'Kết thúc', room: 'Phòng họp', place: 'Địa điểm khác',
    presider: 'Chủ trì', participants: 'Thành phần tham dự', accept: 'Tôi đã xem các trùng lịch và vẫn lưu',
  },
  kind: { meeting: 'Họp', visit: 'Làm việc', reception: 'Tiếp', other: 'Khác' },
  conflicts: 'Trùng lịch',
  conflict: { person: '{{name}} đã có "{{title}}" ({{when}})', room: '{{name}} đã được đặt cho "{{title}}" ({{when}})' },
  noConflicts: 'Không trùng lịch.',
  feed: {
    title: 'Địa chỉ lịch của tôi (iCalendar)',
    help: 'Thêm địa chỉ này vào Thunderbird, Outlook hoặc lịch trên điện thoại (đăng ký theo URL). Địa chỉ là bí mật: chỉ hiện một lần khi tạo; tạo lại thì địa chỉ cũ hết hiệu lực.',
    none: 'Chưa có địa chỉ lịch.', active: 'Đã có địa chỉ lịch từ {{date}}.',
    make: 'Tạo địa chỉ lịch', regenerate: 'Tạo lại địa chỉ (địa chỉ cũ hết hiệu lực)', revoke: 'Thu hồi', url: 'Địa chỉ lịch', copy: 'Sao chép', copied: 'Đã sao chép',
  },
}

export const scheduleEn: typeof scheduleVi = {
  title: 'Schedules',
  unit: 'Schedule of',
  draft: 'Draft',
  cancelled: 'Cancelled',
  publish: 'Publish the week',
  published: '{{count}} event(s) of the week published.',
  newEvent: 'Add an event',
  save: 'Save the event',
  saved: 'Event "{{title}}" saved.',
  f: {
    title: 'Subject', kind: 'Kind', date: 'Date', start: 'Start', end: 'End', room: 'Room', place: 'Other place',
    presider: 'Presiding', participants: 'Participants', accept: 'I have seen the conflicts and save anyway',
  },
  kind: { meeting: 'Meeting', visit: 'Working visit', reception: 'Reception', other: 'Other' },
  conflicts: 'Double bookings',
  conflict: { person: '{{name}} already has "{{title}}" ({{when}})', room: '{{name}} is booked for "{{title}}" ({{when}})' },
  noConflicts: 'No double booking.',
  feed: {
    title: 'My calendar URL (iCalendar)',
    help: 'Subscribe to this URL in Thunderbird, Outlook or your phone\'s calendar. It is secret: shown once when made; making a new one stops the old one.',
    none: 'No calendar URL yet.', active: 'A calendar URL exists since {{date}}.',
    make: 'Make a calendar URL', regenerate: 'Make a new URL (the old one stops working)', revoke: 'Revoke', url: 'Calendar URL', copy: 'Copy', copied: 'Copied',
  },
}

let loaded: Promise<void> | undefined
export function ensureScheduleStrings(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    i18n.addResourceBundle('vi', 'translation', { schedule: scheduleVi }, true, true)
    i18n.addResourceBundle('en', 'translation', { schedule: scheduleEn }, true, true)
  })
  return loaded
}
