/**
 * User-facing messages, Vietnamese first, English second. Keys are the
 * stable error codes of shared/errors and the validation issue codes.
 * The SPA and the API use the same table.
 */
import { SIGNING_MESSAGES } from './signing.js'
import { MEMBERS_MESSAGES } from './members.js'
import { ARCHIVE_MESSAGES } from './archives.js'
import { ASSISTANT_MESSAGES } from './assistant.js'
import { TASK_MESSAGES } from './tasks.js'
import { MAIL_MESSAGES } from './mail.js'
import { DASHBOARD_MESSAGES } from './dashboards.js'
import { MEETING_MESSAGES } from './meetings.js'
import { SCHEDULE_MESSAGES } from './schedules.js'
import { CASE_MESSAGES } from './cases.js'
import { DATA_REQUEST_MESSAGES } from './datarequests.js'

export type Lang = 'vi' | 'en'

type Catalog = Record<string, { vi: string; en: string }>

export const MESSAGES: Catalog = {
  ...SIGNING_MESSAGES,
  ...MEMBERS_MESSAGES,
  ...ARCHIVE_MESSAGES,
  ...ASSISTANT_MESSAGES,
  ...TASK_MESSAGES,
  ...MAIL_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...MEETING_MESSAGES,
  ...SCHEDULE_MESSAGES,
  ...CASE_MESSAGES,
  ...DATA_REQUEST_MESSAGES,
  'validation.failed': { vi: 'Dữ liệu không hợp lệ ({count} lỗi).', en: 'The request is invalid ({count} problem(s)).' },
  'request.malformedJson': { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  'request.tooLarge': { vi: 'Nội dung yêu cầu quá lớn (tối đa {limit} byte).', en: 'The request body is too large (at most {limit} bytes).' },
  'request.malformedPath': { vi: 'Đường dẫn yêu cầu không hợp lệ.', en: 'The request path is not valid.' },
  'request.pathParameterTooLong': { vi: 'Tham số {name} trong đường dẫn quá dài (tối đa {max} ký tự).', en: 'The path parameter {name} is too long (at most {max} characters).' },
  'request.unsupportedMediaType': { vi: 'Chỉ chấp nhận nội dung JSON.', en: 'Only JSON request bodies are accepted.' },
  'request.idempotencyKeyInvalid': { vi: 'Khóa Idempotency-Key không hợp lệ (1 đến {max} ký tự in được).', en: 'The Idempotency-Key is not valid (1 to {max} printable characters).' },
  'request.idempotencyKeyReused': { vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.', en: 'This Idempotency-Key was already used for a different request; use a new key for a new request.' },
  'request.idempotencyInProgress': { vi: 'Yêu cầu với khóa Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát.', en: 'A request with this Idempotency-Key is still being processed; try again in a moment.' },
  'auth.required': { vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
  'auth.invalidCredentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong user name or password.' },
  'auth.disabled': { vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  'auth.ownRequest': {
    vi: 'Không thể tự quyết định đề nghị do chính mình gửi hoặc liên quan đến chính mình: người khác có thẩm quyền sẽ quyết định.',
    en: 'You cannot decide a request you filed or that concerns you: someone else with the authority decides it.',
  },
  'auth.locked': {
    vi: 'Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {minutes} phút hoặc liên hệ quản trị viên để mở khóa.',
    en: 'The account is locked for a while after repeated wrong passwords. Try again in {minutes} minutes, or ask an administrator to unlock it.',
  },
  'auth.slowDown': { vi: 'Nhập sai mật khẩu nhiều lần. Vui lòng đợi {seconds} giây rồi thử lại.', en: 'Repeated wrong passwords. Wait {seconds} seconds and try again.' },
  'auth.invalidCode': { vi: 'Mã xác thực không đúng. Vui lòng đăng nhập lại và nhập mã đang hiện trên ứng dụng xác thực.', en: 'Wrong verification code. Sign in again and enter the code your authenticator app shows now.' },
  'auth.codeExpired': { vi: 'Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại và chờ mã mới.', en: 'The verification code has expired or was already used. Sign in again and wait for a new code.' },
  'auth.challengeExpired': { vi: 'Phiên đăng nhập đã hết hạn (3 phút) hoặc đã được dùng. Vui lòng đăng nhập lại.', en: 'The sign-in step has expired (3 minutes) or was already used. Please sign in again.' },
  'auth.passwordResetRequired': { vi: 'Mật khẩu của tài khoản cần được đặt lại. Vui lòng liên hệ quản trị viên.', en: 'This account\'s password must be reset. Please contact an administrator.' },
  'auth.tooManyRequests': { vi: 'Hệ thống xác thực đang quá tải. Vui lòng đợi {seconds} giây rồi thử lại.', en: 'The sign-in service is busy. Wait {seconds} seconds and try again.' },
  'rule.passwordPolicy': {
    vi: 'Mật khẩu mới chưa đạt yêu cầu: ít nhất {minLength} ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.',
    en: 'The new password does not meet the policy: at least {minLength} characters, with upper-case and lower-case letters, a digit and a symbol.',
  },
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
  // official documents
  'notFound.document': { vi: 'Không tìm thấy văn bản {id}.', en: 'Document {id} not found.' },
  'document.symbolInvalid': { vi: 'Số, ký hiệu văn bản không hợp lệ.', en: 'The number and symbol of the document are not valid.' },
  'symbol.empty': { vi: 'Chưa nhập số, ký hiệu văn bản.', en: 'The number and symbol are missing.' },
  'symbol.noNumber': { vi: 'Số, ký hiệu “{input}” không bắt đầu bằng số văn bản.', en: 'The symbol “{input}” does not start with a document number.' },
  'symbol.badNumber': { vi: 'Số văn bản “{number}” không hợp lệ (phải từ 1 trở lên, tối đa 6 chữ số).', en: 'Document number “{number}” is not valid (1 or more, at most 6 digits).' },
  'symbol.noType': { vi: 'Số, ký hiệu “{input}” thiếu tên loại văn bản (NQ, QĐ, CV...).', en: 'The symbol “{input}” has no document type (NQ, QĐ, CV...).' },
  'symbol.unknownType': { vi: 'Không có loại văn bản viết tắt “{type}” trong danh mục.', en: '“{type}” is not a known document type code.' },
  'symbol.noIssuer': { vi: 'Số, ký hiệu thiếu cơ quan ban hành sau loại văn bản {type}.', en: 'The symbol names no issuing body after the type {type}.' },
  'symbol.badIssuer': { vi: 'Ký hiệu cơ quan ban hành “{issuer}” không hợp lệ.', en: 'The issuing body code “{issuer}” is not valid.' },
  'symbol.badYear': { vi: 'Năm ban hành “{year}” trong số, ký hiệu không hợp lệ.', en: 'The year “{year}” in the symbol is not valid.' },
  'symbol.badDrafter': { vi: 'Ký hiệu đơn vị soạn thảo “{drafter}” không hợp lệ.', en: 'The drafting unit code “{drafter}” is not valid.' },
  'symbol.unparseable': { vi: 'Không đọc được số, ký hiệu “{input}” (ví dụ đúng: 57-NQ/TW).', en: 'Cannot read the symbol “{input}” (e.g. 57-NQ/TW).' },
  'document.dateInFuture': { vi: 'Ngày {date} ({field}) nằm trong tương lai: văn bản đến không thể mang ngày sau hôm nay.', en: 'The date {date} ({field}) is in the future: a received document cannot be dated after today.' },
  'document.receivedBeforeWritten': { vi: 'Ngày đến không thể trước ngày văn bản ({date}).', en: 'A document cannot be received before its date ({date}).' },
  'document.secretNoContent': { vi: 'Văn bản MẬT, TỐI MẬT, TUYỆT MẬT không được tải nội dung lên hệ thống: chỉ đăng ký thông tin vào sổ.', en: 'Classified documents (MẬT and above) cannot have content on this platform: register their metadata only.' },
  'document.clearanceTooLow': { vi: 'Mức độ được tiếp cận bí mật của bạn không đủ cho văn bản này.', en: 'Your clearance is too low for this document.' },
  'document.duplicate': { vi: 'Văn bản {symbol} cùng ngày đã có trong sổ văn bản đến của đơn vị.', en: 'Document {symbol} of that date is already in the unit\u2019s incoming register.' },
  'document.immutable': { vi: 'Văn bản {symbol} đã ký ban hành, không thể sửa đổi: hãy ban hành văn bản đính chính.', en: 'Document {symbol} is signed and issued and cannot change: issue a correcting document instead.' },
  'document.wrongState': { vi: 'Văn bản đang ở trạng thái “{status}”, không thực hiện được thao tác này.', en: 'The document is in state “{status}”; this step is not possible now.' },
  'document.notApproved': { vi: 'Dự thảo chưa được duyệt xong (trạng thái “{status}”), chưa thể ký ban hành.', en: 'The draft is not approved yet (state “{status}”) and cannot be issued.' },
  'document.noVersion': { vi: 'Dự thảo chưa có tệp nội dung: hãy tải lên một phiên bản trước khi trình.', en: 'The draft has no file yet: upload a version before submitting it.' },
  'document.noSuchVersion': { vi: 'Dự thảo không có phiên bản {version}.', en: 'The draft has no version {version}.' },
  'document.tooManyComments': { vi: 'Dự thảo đã có quá nhiều ý kiến (tối đa {max}).', en: 'The draft has too many comments (at most {max}).' },
  'document.notDrafter': { vi: 'Chỉ người soạn thảo mới được thực hiện thao tác này với dự thảo.', en: 'Only the drafter may do this with the draft.' },
  'document.notReviewer': { vi: 'Dự thảo không chờ ý kiến của bạn ở bước duyệt hiện tại.', en: 'The draft is not waiting for your decision at its current review step.' },
  'document.selfReview': { vi: 'Không thể tự duyệt dự thảo do chính mình soạn.', en: 'You cannot approve a draft you wrote yourself.' },
  'document.notSigner': { vi: 'Bạn không phải người ký được chỉ định của văn bản này.', en: 'You are not the designated signer of this document.' },
  'document.signerNotAllowed': { vi: 'Người dùng {username} không có thẩm quyền ký văn bản của đơn vị này.', en: 'User {username} may not sign documents of this unit.' },
  'document.recipientEnded': { vi: 'Đơn vị nhận {unitId} không còn tồn tại (đã giải thể hoặc sáp nhập).', en: 'Recipient unit {unitId} no longer exists (dissolved or merged).' },
  'document.finalNotPdf': { vi: 'Phiên bản cuối của dự thảo phải là tệp PDF để ký số.', en: 'The draft\u2019s final version must be a PDF to be signed.' },
  'document.noSignedFile': { vi: 'Văn bản này không có tệp PDF để xác thực.', en: 'This document has no PDF file to verify.' },
  'document.deadlineInPast': { vi: 'Hạn xử lý {date} đã qua.', en: 'The deadline {date} is already past.' },
  'document.leadUserNotInUnit': { vi: 'Người chủ trì {userId} không thuộc đơn vị được giao.', en: 'The lead person {userId} does not belong to the assigned unit.' },
  'document.chainNoParent': { vi: 'Đơn vị {unitId} không có cấp trên cho bước duyệt ở cấp trên.', en: 'Unit {unitId} has no superior for a review step at the parent level.' },
  'document.correctionTarget': { vi: 'Văn bản được đính chính {id} phải là văn bản đã ban hành mà bạn được xem.', en: 'The corrected document {id} must be an issued document you can see.' },
  'document.busy': { vi: 'Hệ thống đang cấp số cho nhiều văn bản cùng lúc, vui lòng thử lại.', en: 'Many documents are being numbered at once; please try again.' },
  'upload.notPdf': { vi: 'Tệp không phải là PDF hợp lệ.', en: 'The file is not a valid PDF.' },
  'upload.pdfEncrypted': { vi: 'Tệp PDF được mã hóa hoặc đặt mật khẩu, không thể ký số hay lưu trữ.', en: 'The PDF is encrypted or password-protected and cannot be signed or kept.' },
  'upload.pdfCorrupt': { vi: 'Tệp PDF bị hỏng hoặc không có trang nào.', en: 'The PDF is damaged or has no pages.' },
  'upload.classifiedContent': {
    vi: 'Tệp mang dấu độ mật "{mark}" ở trang đầu. Văn bản MẬT, TỐI MẬT, TUYỆT MẬT không được đưa lên hệ thống: tệp đã bị xóa; chỉ đăng ký thông tin vào sổ với đúng độ mật.',
    en: 'The file is marked "{mark}" on its first page. Content marked MẬT or above cannot be put on this platform: the file has been deleted; register its metadata only, with its mark.',
  },
  'upload.notDocx': { vi: 'Tệp không phải là tài liệu Word (DOCX) hợp lệ.', en: 'The file is not a valid Word (DOCX) document.' },
  'server.error': { vi: 'Lỗi hệ thống, vui lòng thử lại sau. Mã: {requestId}', en: 'Something went wrong on our side. Reference: {requestId}' },
  // validation issue codes (field level)
  'field.required': { vi: 'Chưa có {path}: thông tin này là bắt buộc.', en: '{path} is required.' },
  'field.invalidType': { vi: '{path} sai kiểu dữ liệu (cần {expected}).', en: '{path} has the wrong type (expected {expected}).' },
  'field.unknown': { vi: 'Trường không được phép: {keys}.', en: 'Unknown field(s): {keys}.' },
  'field.tooShort': { vi: '{path} quá ngắn (tối thiểu {min}).', en: '{path} is too short (at least {min}).' },
  'field.tooLong': { vi: '{path} quá dài (tối đa {max}).', en: '{path} is too long (at most {max}).' },
  'field.invalidValue': { vi: '{path}: giá trị không hợp lệ.', en: '{path} has an invalid value.' },
  'field.invalidFormat': { vi: '{path} sai định dạng.', en: '{path} is not in the expected format.' },
  'field.invalidDate': { vi: '{path} không phải ngày hợp lệ (ví dụ 03/12/2026).', en: '{path} is not a valid date (e.g. 03/12/2026).' },
  'field.invalidEmail': { vi: 'Địa chỉ email không hợp lệ (ví dụ: ten@donvi.vn).', en: 'Not a valid e-mail address (e.g. name@unit.vn).' },
  'auth.notThroughSite': { vi: 'Yêu cầu phải đi qua địa chỉ của trang, không gọi thẳng API.', en: 'Requests must come through the site\'s address, not the API\'s own endpoint.' },
  'auth.sessionEnded': { vi: 'Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc hết hạn). Vui lòng đăng nhập lại.', en: 'Your session has ended (signed out or expired). Please sign in again.' },
  'auth.invalidResetCode': { vi: 'Mã đặt lại mật khẩu không đúng. Vui lòng kiểm tra thư và nhập lại mã 6 chữ số.', en: 'Wrong reset code. Check the mail and enter the 6-digit code again.' },
  'auth.resetCodeExpired': { vi: 'Mã đặt lại mật khẩu đã hết hạn hoặc đã được dùng. Vui lòng yêu cầu mã mới.', en: 'The reset code has expired or was already used. Please ask for a new code.' },
  'auth.resetUnavailable': { vi: 'Không đặt lại được mật khẩu cho tài khoản này qua thư (chưa có địa chỉ thư đã xác minh). Vui lòng liên hệ quản trị viên.', en: 'This account\'s password cannot be reset by mail (no verified address). Please contact an administrator.' },
  'auth.wrongOldPassword': { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
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
