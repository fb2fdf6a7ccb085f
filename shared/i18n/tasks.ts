/**
 * Messages of the tasks module, Vietnamese first, English second, in the
 * shape of MESSAGES, merged into that catalogue (shared/i18n/messages.ts).
 */
export const TASK_MESSAGES: Record<string, { vi: string; en: string }> = {
  'task.deadlinePast': { vi: 'Hạn xử lý {deadline} đã qua (hôm nay là {today}): hãy chọn một ngày từ hôm nay trở đi.', en: 'The deadline {deadline} has passed (today is {today}): choose today or a later day.' },
  'task.deadlineNotWorkingDay': { vi: 'Ngày {deadline} không phải ngày làm việc; ngày làm việc gần nhất là {next}.', en: '{deadline} is not a working day; the next working day is {next}.' },
  'task.closedDone': { vi: 'Nhiệm vụ "{title}" đã hoàn thành, không thể thay đổi.', en: 'Task "{title}" is done and can no longer change.' },
  'task.closedCancelled': { vi: 'Nhiệm vụ "{title}" đã bị hủy, không thể thay đổi.', en: 'Task "{title}" was cancelled and can no longer change.' },
  'task.alreadyAccepted': { vi: 'Nhiệm vụ đã được tiếp nhận.', en: 'The task has already been accepted.' },
  'task.notAccepted': { vi: 'Hãy tiếp nhận nhiệm vụ trước khi báo cáo tiến độ hay trình kết quả.', en: 'Accept the task before reporting progress or submitting it.' },
  'task.awaitingEvaluation': { vi: 'Nhiệm vụ đã trình kết quả và đang chờ đánh giá.', en: 'The task has been submitted and waits for evaluation.' },
  'task.notSubmitted': { vi: 'Nhiệm vụ chưa được trình kết quả nên chưa thể đánh giá hay trả lại.', en: 'The task has not been submitted, so it cannot be evaluated or returned.' },
  'task.badQuality': { vi: 'Chất lượng được chấm từ 1 đến 5.', en: 'Quality is scored from 1 to 5.' },
  'task.extensionPending': { vi: 'Đã có một đề nghị gia hạn đang chờ quyết định.', en: 'An extension request is already waiting for a decision.' },
  'task.extensionNotLater': { vi: 'Hạn mới phải sau hạn hiện tại ({deadline}).', en: 'The new deadline must be after the current one ({deadline}).' },
  'task.noExtensionPending': { vi: 'Không có đề nghị gia hạn nào đang chờ quyết định.', en: 'No extension request is waiting for a decision.' },
  'task.parentClosed': { vi: 'Nhiệm vụ cha "{title}" đã kết thúc, không thể thêm nhiệm vụ con.', en: 'Parent task "{title}" is closed; no sub-task can be added.' },
  'task.subtaskCycle': { vi: 'Không thể đặt nhiệm vụ làm con của chính nó hay của nhiệm vụ con của nó.', en: 'A task cannot be placed under itself or under one of its sub-tasks.' },
  'task.tooDeep': { vi: 'Nhiệm vụ con lồng nhau tối đa {max} cấp.', en: 'Sub-tasks nest at most {max} levels deep.' },
  'task.leadNotInUnit': { vi: 'Người chủ trì phải là cán bộ của đơn vị chủ trì.', en: 'The lead person must work in the lead unit.' },
  'task.notLead': { vi: 'Chỉ người hoặc đơn vị chủ trì mới thực hiện được thao tác này.', en: 'Only the lead person or unit can do this.' },
  'task.notAssigner': { vi: 'Chỉ người giao nhiệm vụ mới quyết định được việc này.', en: 'Only the assigner can decide this.' },
  'task.unknownWatcher': { vi: 'Không tìm thấy người theo dõi {id}.', en: 'Watcher {id} not found.' },
  'notFound.task': { vi: 'Không tìm thấy nhiệm vụ {id}.', en: 'Task {id} not found.' },
  // Work programmes.
  'notFound.programme': { vi: 'Không tìm thấy chương trình công tác {id}.', en: 'Work programme {id} not found.' },
  'notFound.programmeItem': { vi: 'Không tìm thấy nội dung {id} trong chương trình.', en: 'Programme item {id} not found.' },
  'programme.quarterNeeded': { vi: 'Chương trình quý cần ghi quý (và chỉ chương trình quý).', en: 'A quarterly programme needs its quarter (and only it has one).' },
  'programme.monthNeeded': { vi: 'Chương trình tháng cần ghi tháng (và chỉ chương trình tháng).', en: 'A monthly programme needs its month (and only it has one).' },
  'programme.outsidePeriod': { vi: 'Thời gian phải nằm trong kỳ của chương trình ({from} đến {to}).', en: 'The date must fall within the programme period ({from} to {to}).' },
  'programme.notDraft': { vi: 'Chương trình đã trình hoặc đã duyệt, không sửa nội dung được nữa.', en: 'The programme was submitted or approved; its items can no longer be edited.' },
  'programme.notApproved': { vi: 'Chương trình chưa được duyệt.', en: 'The programme is not approved yet.' },
  'programme.notSubmitted': { vi: 'Chương trình chưa được trình duyệt.', en: 'The programme has not been submitted.' },
  'programme.itemDropped': { vi: 'Nội dung này đã được đưa ra khỏi chương trình.', en: 'This item was dropped from the programme.' },
  'programme.empty': { vi: 'Chương trình chưa có nội dung nào.', en: 'The programme has no items yet.' },
  'programme.returnNeedsComment': { vi: 'Trả lại chương trình cần ghi ý kiến.', en: 'Returning a programme needs a comment.' },
  'programme.cascadeNotAbove': { vi: 'Chỉ liên kết được với nội dung chương trình của cấp trên.', en: 'An item can only carry out an item of a level above.' },
}
