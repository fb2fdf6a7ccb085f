/**
 * Messages of the data requests module, Vietnamese first, English second, in
 * the shape of MESSAGES, merged into that catalogue (shared/i18n/messages.ts).
 */
export const DATA_REQUEST_MESSAGES: Record<string, { vi: string; en: string }> = {
  'datarequest.periodReversed': { vi: 'Kỳ số liệu không hợp lệ: ngày cuối {to} trước ngày đầu {from}.', en: 'The period is reversed: its last day {to} is before its first {from}.' },
  'datarequest.duplicateCode': { vi: 'Mã chỉ tiêu "{code}" bị trùng trong biểu mẫu.', en: 'Indicator code "{code}" is used twice on the form.' },
  'datarequest.rangeReversed': { vi: 'Chỉ tiêu "{name}": giá trị nhỏ nhất lớn hơn giá trị lớn nhất.', en: 'Indicator "{name}": the minimum is above the maximum.' },
  'datarequest.totalNotNumeric': { vi: 'Chỉ tiêu "{name}" không phải số nên không tham gia phép cộng tổng.', en: 'Indicator "{name}" is not a number and cannot be part of a total.' },
  'datarequest.totalOfItself': { vi: 'Chỉ tiêu "{name}" không thể là tổng của chính nó.', en: 'Indicator "{name}" cannot be a total of itself.' },
  'datarequest.totalUnknownPart': { vi: 'Chỉ tiêu "{name}" là tổng của mã "{code}", nhưng biểu mẫu không có mã này.', en: 'Indicator "{name}" sums code "{code}", which is not on the form.' },
  'datarequest.totalCycle': { vi: 'Các chỉ tiêu tổng tạo thành vòng lặp (bắt đầu từ "{name}").', en: 'The totals go round in a circle (from "{name}").' },
  'datarequest.deadlinePast': { vi: 'Hạn gửi số liệu {deadline} đã qua (hôm nay là {today}): hãy chọn một ngày từ hôm nay trở đi.', en: 'The deadline {deadline} has passed (today is {today}): choose today or a later day.' },
  'datarequest.deadlineNotWorkingDay': { vi: 'Ngày {deadline} không phải ngày làm việc; ngày làm việc gần nhất là {next}.', en: '{deadline} is not a working day; the next working day is {next}.' },
  'datarequest.recipientEnded': { vi: 'Đơn vị "{name}" không còn hoạt động, không thể gửi yêu cầu số liệu.', en: 'Unit "{name}" no longer exists; no request can be sent to it.' },
  'datarequest.recipientIsSender': { vi: 'Đơn vị gửi yêu cầu không thể là đơn vị nhận.', en: 'The sending unit cannot also receive the request.' },
  'datarequest.valueMissing': { vi: 'Chưa nhập số liệu cho chỉ tiêu "{name}".', en: 'No figure for indicator "{name}".' },
  'datarequest.valueNotText': { vi: 'Chỉ tiêu "{name}" cần nội dung dạng chữ.', en: 'Indicator "{name}" takes text.' },
  'datarequest.valueNotNumber': { vi: 'Chỉ tiêu "{name}" cần một con số (nhận được "{value}").', en: 'Indicator "{name}" takes a number (got "{value}").' },
  'datarequest.valueNotInteger': { vi: 'Chỉ tiêu "{name}" cần một số nguyên (nhận được {value}).', en: 'Indicator "{name}" takes a whole number (got {value}).' },
  'datarequest.valueOutOfRange': { vi: 'Chỉ tiêu "{name}": giá trị {value} nằm ngoài khoảng {min} – {max}.', en: 'Indicator "{name}": {value} is outside {min} – {max}.' },
  'datarequest.totalMismatch': { vi: 'Chỉ tiêu "{name}" = {total} nhưng tổng {parts} = {sum}: số liệu không khớp.', en: 'Indicator "{name}" is {total} but {parts} add up to {sum}: the figures do not match.' },
  'datarequest.unknownIndicator': { vi: 'Biểu mẫu không có chỉ tiêu mã "{code}".', en: 'The form has no indicator "{code}".' },
  'datarequest.unitMismatch': { vi: 'Chỉ tiêu "{name}" tính bằng "{expected}", tệp ghi "{got}": hãy quy đổi về đúng đơn vị tính.', en: 'Indicator "{name}" is in "{expected}", the file says "{got}": convert it to the form\'s unit.' },
  'datarequest.missingRow': { vi: 'Tệp thiếu dòng của chỉ tiêu "{name}" (mã {code}).', en: 'The file has no row for indicator "{name}" (code {code}).' },
  'datarequest.duplicateRow': { vi: 'Chỉ tiêu mã "{code}" xuất hiện hai lần trong tệp.', en: 'Indicator "{code}" appears twice in the file.' },
  'datarequest.fileColumns': { vi: 'Tệp thiếu cột: {columns}. Hãy dùng mẫu tải về từ yêu cầu này.', en: 'The file lacks the columns: {columns}. Use the template downloaded from this request.' },
  'datarequest.closed': { vi: 'Yêu cầu số liệu "{title}" đã kết thúc, không nhận thêm số liệu.', en: 'Data request "{title}" is closed and takes no more answers.' },
  'datarequest.notSent': { vi: 'Yêu cầu số liệu "{title}" chưa được gửi.', en: 'Data request "{title}" has not been sent yet.' },
  'datarequest.notDraft': { vi: 'Yêu cầu số liệu "{title}" đã được gửi.', en: 'Data request "{title}" has already been sent.' },
  'datarequest.nothingToRemind': { vi: 'Tất cả các đơn vị đã gửi số liệu, không còn đơn vị nào cần nhắc.', en: 'Every unit has answered; nobody to remind.' },
  'datarequest.notRecipient': { vi: 'Đơn vị này không thuộc danh sách nhận yêu cầu số liệu.', en: 'This unit is not among the request\'s recipients.' },
  'notFound.dataRequest': { vi: 'Không tìm thấy yêu cầu số liệu {id}.', en: 'Data request {id} not found.' },
}
