/**
 * Messages of the schedules module, Vietnamese first, English second, in the
 * shape of MESSAGES, merged into that catalogue (shared/i18n/messages.ts).
 */
export const SCHEDULE_MESSAGES: Record<string, { vi: string; en: string }> = {
  'schedule.endBeforeStart': { vi: 'Thời gian kết thúc phải sau thời gian bắt đầu.', en: 'The end must be after the start.' },
  'schedule.tooLong': { vi: 'Một sự kiện kéo dài tối đa {days} ngày.', en: 'An event lasts at most {days} days.' },
  'schedule.weekNotMonday': { vi: 'Tuần được xác định bằng ngày thứ Hai ({week} không phải thứ Hai).', en: 'A week is named by its Monday ({week} is not a Monday).' },
  'schedule.unitEnded': { vi: 'Đơn vị "{name}" không còn hoạt động vào ngày {date}, không thể xếp lịch.', en: 'Unit "{name}" no longer exists on {date}; nothing can be scheduled for it.' },
  'schedule.participantOutsideUnit': { vi: 'Đ/c {name} không thuộc {unit}, không thể mời vào lịch của đơn vị này.', en: '{name} does not work in {unit} and cannot be added to its schedule.' },
  'schedule.unknownPerson': { vi: 'Không tìm thấy người tham dự {id}.', en: 'Participant {id} not found.' },
  'schedule.unknownRoom': { vi: 'Không tìm thấy phòng họp này trong danh sách phòng của đơn vị.', en: 'This room is not one of the unit\'s rooms.' },
  'schedule.unknownDocument': { vi: 'Không tìm thấy văn bản {id}.', en: 'Document {id} not found.' },
  'schedule.conflicts': {
    vi: 'Trùng lịch: {name} đã có "{title}" từ {start} đến {end} ({count} trùng lịch). Xem lại, hoặc xác nhận vẫn lưu.',
    en: 'Double booking: {name} already has "{title}" from {start} to {end} ({count} conflict(s)). Review it, or confirm to save anyway.',
  },
  'schedule.cancelled': { vi: 'Sự kiện "{title}" đã bị hủy, không thể thay đổi.', en: 'Event "{title}" was cancelled and can no longer change.' },
  'schedule.notManager': { vi: 'Chỉ văn phòng hoặc lãnh đạo đơn vị mới sắp xếp được lịch công tác của đơn vị.', en: 'Only the unit\'s office or leaders can arrange its schedule.' },
  'schedule.nothingToPublish': { vi: 'Tuần từ {week} không có sự kiện dự thảo nào để công bố.', en: 'The week of {week} has no draft events to publish.' },
  'notFound.event': { vi: 'Không tìm thấy sự kiện {id}.', en: 'Event {id} not found.' },
  'notFound.feed': { vi: 'Không có lịch này.', en: 'No such calendar.' },
}
