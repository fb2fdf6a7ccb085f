/**
 * User-facing messages, Vietnamese first, English second. Keys are the
 * stable error codes of shared/errors and the validation issue codes.
 * The SPA and the API use the same table.
 */
export type Lang = 'vi' | 'en'

type Catalog = Record<string, { vi: string; en: string }>

export const MESSAGES: Catalog = {
  'validation.failed': { vi: 'Dữ liệu không hợp lệ ({count} lỗi).', en: 'The request is invalid ({count} problem(s)).' },
  'request.malformedJson': { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  'request.tooLarge': { vi: 'Nội dung yêu cầu quá lớn (tối đa {limit} byte).', en: 'The request body is too large (at most {limit} bytes).' },
  'request.unsupportedMediaType': { vi: 'Chỉ chấp nhận nội dung JSON.', en: 'Only JSON request bodies are accepted.' },
  'auth.required': { vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
  'auth.invalidCredentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong user name or password.' },
  'auth.disabled': { vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  'auth.unknownUser': { vi: 'Tài khoản chưa được gán vào đơn vị nào.', en: 'This account is not assigned to any unit.' },
  'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.outsideSubtree': { vi: 'Đơn vị {unitId} nằm ngoài phạm vi quản lý của bạn.', en: 'Unit {unitId} is outside the units you may manage.' },
  'auth.clearanceTooLow': { vi: 'Bạn không thể cấp mức mật cao hơn mức của chính mình.', en: 'You cannot grant a clearance above your own.' },
  'notFound.unit': { vi: 'Không tìm thấy đơn vị {id}.', en: 'Unit {id} not found.' },
  'notFound.user': { vi: 'Không tìm thấy người dùng {id}.', en: 'User {id} not found.' },
  'notFound.request': { vi: 'Không tìm thấy đề nghị {id}.', en: 'Request {id} not found.' },
  'notFound.route': { vi: 'Không có chức năng {id}.', en: 'No such endpoint: {id}.' },
  'notFound.object': { vi: 'Không tìm thấy tệp {id}.', en: 'File {id} not found.' },
  'conflict.version': { vi: 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại.', en: 'Someone else changed this record; reload and try again.' },
  'conflict.unitExists': { vi: 'Mã định danh đơn vị {unitId} đã tồn tại.', en: 'Unit id {unitId} already exists.' },
  'conflict.usernameTaken': { vi: 'Tên đăng nhập {username} đã được dùng.', en: 'User name {username} is already taken.' },
  'conflict.requestDecided': { vi: 'Đề nghị này đã được xử lý.', en: 'This request has already been decided.' },
  'conflict.pendingReorganisation': { vi: 'Đơn vị {unitId} đang có đề nghị sắp xếp chưa xử lý.', en: 'Unit {unitId} already has a pending reorganisation request.' },
  'rule.cyclicMove': { vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', en: 'A unit cannot be moved under itself or one of its descendants.' },
  'rule.unitEnded': { vi: 'Đơn vị {unitId} đã giải thể hoặc sáp nhập, không thể thao tác.', en: 'Unit {unitId} has been dissolved or merged and cannot be used.' },
  'rule.levelOrder': { vi: 'Cấp {child} không thể trực thuộc cấp {parent}.', en: 'Level {child} cannot sit under level {parent}.' },
  'rule.levelNotInForce': { vi: 'Cấp {level} không còn tồn tại vào ngày {date}.', en: 'Level {level} does not exist on {date}.' },
  'rule.rootImmutable': { vi: 'Không thể di chuyển hoặc giải thể đơn vị gốc.', en: 'The root unit cannot be moved or dissolved.' },
  'rule.sameUnit': { vi: 'Đơn vị nguồn và đơn vị tiếp nhận phải khác nhau.', en: 'Source and successor units must differ.' },
  'rule.differentSuperior': { vi: 'Các đơn vị cần sắp xếp phải cùng một đơn vị cấp trên trực tiếp.', en: 'The units to reorganise must share the same direct superior.' },
  'rule.noSuperior': { vi: 'Đơn vị gốc không có cấp trên để phê duyệt.', en: 'The root unit has no superior to approve the request.' },
  'rule.notApprover': { vi: 'Bạn không thuộc đơn vị có thẩm quyền phê duyệt đề nghị này.', en: 'You are not in the unit that must approve this request.' },
  'rule.effectiveDateBeforeStart': { vi: 'Ngày hiệu lực phải sau ngày thành lập của đơn vị.', en: 'The effective date must be after the unit was founded.' },
  'rule.hasChildren': { vi: 'Đơn vị còn đơn vị trực thuộc: cần chỉ định đơn vị tiếp nhận.', en: 'The unit still has units under it: name a successor to take them over.' },
  'rule.splitNeedsTwo': { vi: 'Chia tách cần ít nhất hai đơn vị tiếp nhận.', en: 'A split needs at least two successor units.' },
  'rule.mergeNeedsTarget': { vi: 'Sáp nhập cần đúng một đơn vị tiếp nhận.', en: 'A merge needs exactly one receiving unit.' },
  'rule.sharesSum': { vi: 'Tổng tỷ lệ phân chia phải bằng 100%.', en: 'Successor shares must add up to 100%.' },
  'rule.validToBeforeFrom': { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' },
  'import.unsupportedFile': { vi: 'Tệp không đúng định dạng XLSX hoặc CSV.', en: 'The file is not an XLSX or CSV file.' },
  'import.missingColumns': { vi: 'Thiếu cột bắt buộc: {columns}.', en: 'Required columns are missing: {columns}.' },
  'import.empty': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'import.tooManyRows': { vi: 'Tệp có quá nhiều dòng (tối đa {max}).', en: 'The file has too many rows (at most {max}).' },
  'upload.tooLarge': { vi: 'Tệp quá lớn (tối đa {limit} byte).', en: 'The file is too large (at most {limit} bytes).' },
  'upload.badType': { vi: 'Loại tệp không được hỗ trợ: {type}.', en: 'Unsupported file type: {type}.' },
  'server.error': { vi: 'Lỗi hệ thống, vui lòng thử lại sau. Mã: {requestId}', en: 'Something went wrong on our side. Reference: {requestId}' },
  // validation issue codes (field level)
  'field.required': { vi: 'Trường {path} là bắt buộc.', en: '{path} is required.' },
  'field.invalidType': { vi: 'Trường {path} sai kiểu dữ liệu (cần {expected}).', en: '{path} has the wrong type (expected {expected}).' },
  'field.unknown': { vi: 'Trường không được phép: {keys}.', en: 'Unknown field(s): {keys}.' },
  'field.tooShort': { vi: 'Trường {path} quá ngắn (tối thiểu {min}).', en: '{path} is too short (at least {min}).' },
  'field.tooLong': { vi: 'Trường {path} quá dài (tối đa {max}).', en: '{path} is too long (at most {max}).' },
  'field.invalidValue': { vi: 'Giá trị của {path} không hợp lệ.', en: '{path} has an invalid value.' },
  'field.invalidFormat': { vi: 'Trường {path} sai định dạng.', en: '{path} is not in the expected format.' },
  'field.invalidDate': { vi: 'Trường {path} không phải ngày hợp lệ (YYYY-MM-DD).', en: '{path} is not a valid date (YYYY-MM-DD).' },
  'field.invalidEmail': { vi: 'Địa chỉ email {path} không hợp lệ.', en: '{path} is not a valid e-mail address.' },
}

export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[code]
  const template = entry ? entry[lang] : code
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] !== undefined ? String(params[k]) : `{${k}}`))
}

/** Picks vi or en from an Accept-Language header; Vietnamese is the default. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi'
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'vi'
}
