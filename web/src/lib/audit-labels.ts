/**
 * The audit trail in words: what each recorded action means, and the names of
 * the details it carries, in Vietnamese and English. An action without a label
 * here shows its code (a test lists every action the functions record).
 */
import type { Lang } from '../../../shared/i18n/messages'

type Label = { vi: string; en: string }
const l = (vi: string, en: string): Label => ({ vi, en })

export const ACTION_LABELS: Readonly<Record<string, Label>> = {
  'unit.create': l('Thêm đơn vị', 'Unit added'),
  'unit.childAdded': l('Thêm đơn vị trực thuộc', 'Subordinate unit added'),
  'unit.rename': l('Đổi tên, mã đơn vị', 'Unit renamed'),
  'unit.move': l('Chuyển đơn vị sang cấp trên khác', 'Unit moved'),
  'user.create': l('Thêm người dùng', 'User added'),
  'user.update': l('Sửa người dùng', 'User changed'),
  'auth.locked': l('Khoá đăng nhập (nhập sai nhiều lần)', 'Sign-in locked (too many failures)'),
  'auth.unlocked': l('Mở khoá đăng nhập', 'Sign-in lock lifted'),
  'reorganisation.request': l('Đề nghị sắp xếp tổ chức', 'Reorganisation requested'),
  'reorganisation.received': l('Nhận đề nghị sắp xếp tổ chức', 'Reorganisation request received'),
  'reorganisation.escalated': l('Chuyển đề nghị lên cấp trên (quá hạn)', 'Reorganisation escalated (overdue)'),
  'reorganisation.expired': l('Đề nghị hết hạn', 'Reorganisation request expired'),
  'document.arrive': l('Văn bản đến', 'Document arrived'),
  'document.arriveByMail': l('Văn bản đến qua thư điện tử', 'Document arrived by mail'),
  'mail.refuse': l('Từ chối thư đến địa chỉ công vụ', 'Mail to the official address refused'),
  'document.email': l('Gửi văn bản qua thư điện tử', 'Document sent by mail'),
  'document.register': l('Vào sổ văn bản đến', 'Incoming document registered'),
  'document.receive': l('Xác nhận nhận văn bản', 'Receipt confirmed'),
  'document.return': l('Trả lại văn bản', 'Document returned'),
  'document.returnedByRecipient': l('Văn bản bị nơi nhận trả lại', 'Returned by a recipient'),
  'document.read': l('Xem văn bản', 'Document read'),
  'document.direct': l('Cho ý kiến chỉ đạo', 'Direction given'),
  'document.assigned': l('Được giao xử lý', 'Assigned for handling'),
  'document.complete': l('Hoàn thành xử lý', 'Handling completed'),
  'document.draft': l('Tạo dự thảo', 'Draft created'),
  'document.version': l('Thêm phiên bản dự thảo', 'Draft version added'),
  'document.comment': l('Góp ý dự thảo', 'Draft commented'),
  'document.submit': l('Trình duyệt dự thảo', 'Draft submitted'),
  'document.review': l('Duyệt dự thảo', 'Draft reviewed'),
  'document.chain': l('Đặt quy trình duyệt', 'Review chain set'),
  'document.number': l('Cấp số văn bản', 'Number given'),
  'document.sign': l('Ký số', 'Signed'),
  'document.issue': l('Phát hành văn bản', 'Document issued'),
  'member.create': l('Thêm đảng viên', 'Member added'),
  'member.feeProfile': l('Sửa căn cứ tính đảng phí', 'Fee profile changed'),
  'member.returned': l('Đảng viên trở về sinh hoạt', 'Member returned'),
  'member.bulkTransfer.started': l('Bắt đầu chuyển sinh hoạt hàng loạt', 'Bulk transfer started'),
  'member.bulkTransfer.out': l('Chuyển đi (hàng loạt)', 'Moved out (bulk)'),
  'member.bulkTransfer.in': l('Chuyển đến (hàng loạt)', 'Moved in (bulk)'),
  'member.bulkTransfer.done': l('Hoàn thành chuyển sinh hoạt hàng loạt', 'Bulk transfer done'),
  'fee.assess': l('Tính đảng phí tháng', 'Monthly fees assessed'),
  'fee.payment': l('Nộp đảng phí', 'Fee paid'),
  'notice.read': l('Đọc thông báo', 'Notice read'),
  'portal.request': l('Yêu cầu từ Cổng Dịch vụ công', 'Request from the public service portal'),
  'transfer.awaiting': l('Chờ quyết định', 'Awaiting a decision'),
  'transfer.reminded': l('Nhắc quyết định', 'Reminder sent'),
  'transfer.escalated': l('Chuyển lên cấp trên (quá hạn)', 'Escalated (overdue)'),
  'transfer.letterIssued': l('Cấp giấy giới thiệu sinh hoạt đảng', 'Introduction letter issued'),
  'transfer.awaitingReceipt': l('Chờ nơi đến tiếp nhận', 'Awaiting receipt'),
  'transfer.received': l('Nơi đến đã tiếp nhận', 'Received'),
  'transfer.overdue': l('Quá hạn tiếp nhận', 'Receipt overdue'),
  'transfer.removalProposed': l('Đề nghị xoá tên (quá 3 tháng)', 'Removal proposed (over 3 months)'),
  'transfer.awaitingReturn': l('Chờ trở về (chuyển tạm thời)', 'Awaiting return'),
  'transfer.returnReminder': l('Nhắc trở về', 'Return reminder'),
  'transfer.returnReported': l('Báo đã trở về', 'Return reported'),
  'transfer.extended': l('Gia hạn chuyển tạm thời', 'Temporary transfer extended'),
  'transfer.extensionReported': l('Báo gia hạn', 'Extension reported'),
  'comment.requested': l('Xin nhận xét nơi cư trú', 'Residence comment requested'),
  'comment.filled': l('Chi bộ nơi cư trú đã nhận xét', 'Comment filled in'),
  'comment.confirmed': l('Đảng uỷ xác nhận nhận xét', 'Comment confirmed'),
  'comment.returned': l('Trả lại phiếu nhận xét', 'Comment returned'),
  'comment.escalated': l('Chuyển lên cấp trên (quá hạn)', 'Comment escalated (overdue)'),
  'comment.expired': l('Phiếu nhận xét hết hạn', 'Comment request expired'),
  'reorganisation.request.merge': l('Đề nghị sáp nhập', 'Merger requested'),
  'reorganisation.request.split': l('Đề nghị chia tách', 'Split requested'),
  'reorganisation.request.dissolve': l('Đề nghị giải thể', 'Dissolution requested'),
  'reorganisation.approved': l('Chấp thuận sắp xếp tổ chức', 'Reorganisation approved'),
  'reorganisation.rejected': l('Không chấp thuận sắp xếp tổ chức', 'Reorganisation rejected'),
  'reorganisation.failed': l('Sắp xếp tổ chức không thực hiện được', 'Reorganisation failed'),
  'transfer.official.filed': l('Đề nghị chuyển sinh hoạt chính thức', 'Official transfer filed'),
  'transfer.temporary.filed': l('Đề nghị chuyển sinh hoạt tạm thời', 'Temporary transfer filed'),
  'transfer.pending': l('Chờ quyết định', 'Pending'),
  'transfer.issued': l('Đã cấp giấy giới thiệu', 'Letter issued'),
  'transfer.accepted': l('Nơi đến đã tiếp nhận', 'Accepted'),
  'transfer.handed-off': l('Đã bàn giao hồ sơ ra ngoài thành phố', 'Handed off outside the city'),
  'transfer.removal-proposed': l('Đề nghị xoá tên (quá 3 tháng)', 'Removal proposed'),
  'transfer.returned': l('Đã trở về', 'Returned'),
  'transfer.rejected': l('Không chấp thuận chuyển sinh hoạt', 'Transfer rejected'),
  'transfer.expired': l('Hồ sơ chuyển sinh hoạt hết hạn', 'Transfer expired'),
  'comment.awaiting': l('Chờ nhận xét', 'Awaiting the comment'),
  'notice.notice.posted': l('Đăng thông báo', 'Notice posted'),
  'notice.invitation.posted': l('Gửi giấy mời', 'Invitation posted'),
  'archive.createFile': l('Mở hồ sơ lưu trữ', 'Archive file opened'),
  'archive.startBatch': l('Bắt đầu số hoá một lô', 'Digitisation batch started'),
  'archive.batchDone': l('Số hoá xong một lô', 'Batch digitised'),
  'archive.batchFailed': l('Lô số hoá bị lỗi', 'Batch failed'),
  'archive.register': l('Xác nhận tài liệu số hoá', 'Digitised document confirmed'),
  'archive.catalogue': l('Lập mục lục tài liệu mật (không lưu bản quét)', 'Classified document catalogued (scan not kept)'),
  'archive.handoverStart': l('Bắt đầu bàn giao phông', 'Handover started'),
  'archive.handoverChunk': l('Bàn giao một phần hồ sơ', 'Part of the files handed over'),
  'archive.handover': l('Bàn giao phông lưu trữ', 'Fonds handed over'),
  'archive.handoverIn': l('Nhận phông lưu trữ', 'Fonds taken in'),
  'archive.handoverReceived': l('Xác nhận nhận bàn giao', 'Handover receipt confirmed'),
  'assistant.ask': l('Hỏi trợ lý', 'Assistant asked'),
  'assistant.rate': l('Đánh giá câu trả lời', 'Answer rated'),
  'assistant.appraise': l('Thẩm định dự thảo', 'Draft appraised'),
  'task.create': l('Giao nhiệm vụ', 'Task assigned'),
  'task.accept': l('Tiếp nhận nhiệm vụ', 'Task accepted'),
  'task.progress': l('Báo cáo tiến độ nhiệm vụ', 'Task progress reported'),
  'task.submit': l('Trình kết quả nhiệm vụ', 'Task submitted'),
  'task.evaluate': l('Đánh giá nhiệm vụ', 'Task evaluated'),
  'task.return': l('Trả lại nhiệm vụ', 'Task returned'),
  'task.cancel': l('Hủy nhiệm vụ', 'Task cancelled'),
  'task.extensionRequest': l('Đề nghị gia hạn nhiệm vụ', 'Task extension requested'),
  'task.extensionDecide': l('Quyết định gia hạn nhiệm vụ', 'Task extension decided'),
  'task.remind': l('Nhắc hạn nhiệm vụ', 'Task reminder sent'),
  'task.escalate': l('Báo cáo nhiệm vụ quá hạn lên cấp trên', 'Overdue task escalated'),
  'dashboard.reportGenerated': l('Lập báo cáo chỉ tiêu', 'KPI report generated'),
  'meeting.create': l('Chuẩn bị cuộc họp', 'Meeting prepared'),
  'meeting.invite': l('Gửi giấy mời họp', 'Meeting invitation sent'),
  'meeting.answer': l('Trả lời giấy mời họp', 'Meeting invitation answered'),
  'meeting.checkIn': l('Điểm danh dự họp', 'Checked in to a meeting'),
  'meeting.open': l('Khai mạc cuộc họp', 'Meeting opened'),
  'meeting.agenda': l('Chuyển nội dung họp', 'Moved to an agenda item'),
  'meeting.end': l('Bế mạc cuộc họp', 'Meeting ended'),
  'meeting.speaker.request': l('Đăng ký phát biểu', 'Asked to speak'),
  'meeting.speaker.start': l('Mời phát biểu', 'Floor given'),
  'meeting.speaker.finish': l('Kết thúc phát biểu', 'Speech ended'),
  'meeting.speaker.withdraw': l('Rút đăng ký phát biểu', 'Request to speak withdrawn'),
  'meeting.conclusion': l('Kết luận thành nhiệm vụ', 'Conclusion made a task'),
  'meeting.minutes': l('Lập biên bản họp', 'Minutes drafted'),
  'meeting.minutesSign': l('Ký biên bản họp', 'Minutes signed'),
  'meeting.voteOpen': l('Mở biểu quyết', 'Vote opened'),
  'meeting.voteCast': l('Biểu quyết công khai', 'Open vote cast'),
  'meeting.ballotIssued': l('Cấp chữ ký mù cho phiếu kín', 'Blind signature for a secret ballot issued'),
  'meeting.voteClose': l('Kết thúc biểu quyết', 'Vote closed'),
  'meeting.voteResult': l('Ghi kết quả biểu quyết', 'Vote result recorded'),
  'schedule.create': l('Thêm sự kiện vào lịch công tác', 'Event scheduled'),
  'schedule.update': l('Sửa sự kiện trong lịch công tác', 'Event changed'),
  'schedule.cancel': l('Hủy sự kiện trong lịch công tác', 'Event cancelled'),
  'schedule.publish': l('Công bố lịch công tác tuần', 'Week published'),
  'schedule.roomCreate': l('Thêm phòng họp', 'Room added'),
  'schedule.feedCreate': l('Tạo địa chỉ lịch iCalendar', 'Calendar URL made'),
  'schedule.feedRegenerate': l('Tạo lại địa chỉ lịch iCalendar', 'Calendar URL made anew'),
  'schedule.feedRevoke': l('Thu hồi địa chỉ lịch iCalendar', 'Calendar URL revoked'),
  'case.intake': l('Tiếp nhận đơn khiếu nại, tố cáo', 'Complaint or denunciation taken in'),
  'case.register': l('Vào sổ vụ việc', 'Case registered'),
  'case.classify': l('Phân loại vụ việc', 'Case classified'),
  'case.forward': l('Chuyển đơn đến nơi có thẩm quyền', 'Case forwarded'),
  'case.assign': l('Phân công kiểm tra viên', 'Inspector assigned'),
  'case.extend': l('Gia hạn giải quyết vụ việc', 'Case handling extended'),
  'case.verify': l('Ghi kết quả xác minh', 'Verification recorded'),
  'case.conclude': l('Kết luận vụ việc', 'Case concluded'),
  'case.measures': l('Quyết định kỷ luật, biện pháp xử lý', 'Discipline or measures decided'),
  'case.followUp': l('Theo dõi thi hành kỷ luật', 'Execution followed up'),
  'case.close': l('Đóng và niêm phong hồ sơ vụ việc', 'Case file closed and sealed'),
  'case.identityRead': l('Xem thông tin người khiếu nại, tố cáo', 'Complainant\'s identity read'),
  'case.identityDenied': l('Bị từ chối xem thông tin người tố cáo', 'Complainant\'s identity refused'),
  'case.remind': l('Nhắc hạn vụ việc', 'Case reminder sent'),
  'case.escalate': l('Báo cáo vụ việc quá hạn', 'Overdue case escalated'),
  'case.import': l('Nhập sổ vụ việc từ tệp', 'Case register imported'),
  'petition.create': l('Ghi nhận kiến nghị cử tri', 'Voters\' petition recorded'),
  'petition.forward': l('Chuyển kiến nghị đến cơ quan', 'Petition forwarded'),
  'petition.answer': l('Ghi câu trả lời kiến nghị', 'Petition answer recorded'),
  'petition.publish': l('Công khai trả lời kiến nghị', 'Petition answer published'),
  'petition.import': l('Nhập kiến nghị cử tri từ tệp', 'Petitions imported'),
  'resolution.create': l('Ghi nhận nghị quyết', 'Resolution recorded'),
  'resolution.task': l('Giao nhiệm vụ thực hiện nghị quyết', 'Resolution task given'),
  'datarequest.create': l('Lập yêu cầu số liệu', 'Data request written'),
  'datarequest.send': l('Gửi yêu cầu số liệu', 'Data request sent'),
  'datarequest.answer': l('Gửi số liệu', 'Data request answered'),
  'datarequest.correct': l('Sửa số liệu đã gửi', 'Answer corrected'),
  'datarequest.remind': l('Nhắc gửi số liệu', 'Units reminded to answer'),
  'datarequest.autoRemind': l('Tự động nhắc gửi số liệu', 'Automatic reminder to answer'),
  'datarequest.close': l('Kết thúc nhận số liệu', 'Data request closed'),
  'datarequest.export': l('Xuất bảng tổng hợp số liệu', 'Consolidated table exported'),
  // Records management (issue 21).
  'archive.closeFile': l('Kết thúc hồ sơ', 'File closed'),
  'archive.holdPlaced': l('Tạm dừng tiêu hủy hồ sơ', 'Hold placed on files'),
  'archive.holdReleased': l('Bỏ lệnh tạm dừng tiêu hủy', 'Hold released'),
  'archive.dispositionProposed': l('Đề nghị xét hủy, nộp lưu', 'Disposition proposed'),
  'archive.dispositionDecided': l('Hội đồng xác định giá trị tài liệu kết luận', 'Appraisal council decided'),
  'archive.dispositionStarted': l('Bắt đầu thực hiện hủy, nộp lưu', 'Disposition being carried out'),
  'archive.fileDestroyed': l('Hủy hồ sơ hết giá trị', 'File destroyed'),
  'archive.fileTransferred': l('Nộp lưu hồ sơ vào lưu trữ lịch sử', 'File transferred to the historical archive'),
  'archive.dispositionDone': l('Hoàn thành đợt xét hủy, nộp lưu', 'Disposition completed'),
  // Work programmes (issue 15).
  'programme.create': l('Lập chương trình công tác', 'Work programme drafted'),
  'programme.item': l('Thêm nội dung chương trình công tác', 'Programme item added'),
  'programme.submit': l('Trình duyệt chương trình công tác', 'Work programme submitted'),
  'programme.approve': l('Duyệt chương trình công tác', 'Work programme approved'),
  'programme.return': l('Trả lại chương trình công tác', 'Work programme returned'),
  'programme.itemMove': l('Điều chỉnh thời gian nội dung chương trình', 'Programme item moved'),
  'programme.itemDrop': l('Đưa nội dung ra khỏi chương trình', 'Programme item dropped'),
  'programme.task': l('Giao nhiệm vụ thực hiện chương trình', 'Programme task given'),
}

export const DETAIL_LABELS: Readonly<Record<string, Label>> = {
  symbol: l('Số, ký hiệu', 'Symbol'), canonical: l('Số, ký hiệu', 'Symbol'), type: l('Loại', 'Type'), arrivalNumber: l('Số đến', 'Arrival number'),
  number: l('Số', 'Number'), reason: l('Lý do', 'Reason'), comment: l('Ý kiến', 'Comment'),
  note: l('Ghi chú', 'Note'), name: l('Tên', 'Name'), code: l('Mã', 'Code'), fullName: l('Họ tên', 'Full name'), username: l('Tên đăng nhập', 'User name'),
  unitId: l('Đơn vị', 'Unit'), toUnitId: l('Đến đơn vị', 'To unit'), fromUnitId: l('Từ đơn vị', 'From unit'), toCellId: l('Đến chi bộ', 'To cell'),
  fromCellId: l('Từ chi bộ', 'From cell'), leadUnitId: l('Đơn vị chủ trì', 'Lead unit'), leadUserId: l('Người chủ trì', 'Lead person'),
  memberId: l('Đảng viên', 'Member'), documentId: l('Văn bản', 'Document'), parentId: l('Cấp trên', 'Parent'), oldParent: l('Cấp trên cũ', 'Former parent'),
  registerNumber: l('Số văn bản', 'Number'), from: l('Từ', 'From'), to: l('Đến', 'To'), until: l('Đến ngày', 'Until'), deadline: l('Hạn', 'Deadline'), month: l('Tháng', 'Month'),
  amount: l('Số tiền', 'Amount'), due: l('Phải nộp', 'Due'), pages: l('Số trang', 'Pages'), pageCount: l('Số trang', 'Pages'),
  files: l('Số tệp', 'Files'), documents: l('Số tài liệu', 'Documents'), members: l('Số đảng viên', 'Members'), moved: l('Đã chuyển', 'Moved'),
  recipients: l('Nơi nhận', 'Recipients'), percent: l('Tiến độ (%)', 'Progress (%)'), quality: l('Chất lượng', 'Quality'), timeliness: l('Thời hạn', 'Timeliness'), approve: l('Đồng ý', 'Approved'), conflicts: l('Số trùng lịch', 'Double bookings'), events: l('Số sự kiện', 'Events'),
  title: l('Tiêu đề', 'Title'), effectiveDate: l('Ngày hiệu lực', 'Effective date'),
  cardNumber: l('Số thẻ đảng', 'Party card'), fileName: l('Tệp', 'File'), step: l('Bước', 'Step'), valid: l('Hợp lệ', 'Valid'), checked: l('Đã kiểm tra', 'Checked'),
  signer: l('Người ký', 'Signer'), version: l('Phiên bản', 'Version'), date: l('Ngày', 'Date'), value: l('Giá trị', 'Value'), sourceIp: l('Địa chỉ', 'Address'),
  subject: l('Nội dung', 'Subject'), registerNo: l('Số vào sổ', 'Register number'), inspectorId: l('Kiểm tra viên', 'Inspector'), topic: l('Lĩnh vực', 'Topic'), area: l('Địa bàn', 'Area'), agencyUnitId: l('Cơ quan trả lời', 'Agency'), measure: l('Hình thức', 'Measure'), answerDue: l('Hạn trả lời', 'Answer due'),
}

/** What kind of record an action is about, for a target the server could not name (a batch, a handover, a request). */
const OBJECT_LABELS: Readonly<Record<string, Label>> = {
  unit: l('Đơn vị', 'Unit'), user: l('Người dùng', 'User'), auth: l('Tài khoản', 'Account'), reorganisation: l('Đề nghị sắp xếp tổ chức', 'Reorganisation request'),
  import: l('Tệp nhập', 'Import file'), document: l('Văn bản', 'Document'), member: l('Đảng viên', 'Member'), fee: l('Đảng phí', 'Party fees'),
  notice: l('Thông báo', 'Notice'), portal: l('Yêu cầu từ Cổng Dịch vụ công', 'Portal request'), transfer: l('Hồ sơ chuyển sinh hoạt', 'Transfer'),
  comment: l('Phiếu nhận xét', 'Comment request'), archive: l('Hồ sơ lưu trữ', 'Archive record'), assistant: l('Trợ lý', 'Assistant'),
  task: l('Nhiệm vụ', 'Task'),
  schedule: l('Lịch công tác', 'Schedule'),
  case: l('Vụ việc', 'Case'), petition: l('Kiến nghị cử tri', 'Voters\' petition'), resolution: l('Nghị quyết', 'Resolution'),
}

/** The target in words: its name when the server found one, else the kind of record. */
export const targetLabel = (action: string, target: string, names: Record<string, string>, lang: Lang): string =>
  names[target] ?? OBJECT_LABELS[action.split('.')[0]!]?.[lang] ?? ''

/** The action's words; a code with a more specific last part (`comment.awaiting.cell`) falls back to its prefix's label. */
export function actionLabel(action: string, lang: Lang): string {
  for (let code = action; code.includes('.'); code = code.slice(0, code.lastIndexOf('.'))) {
    const label = ACTION_LABELS[code]
    if (label) return label[lang]
  }
  return action
}

/**
 * The details of an entry as label–value pairs a person reads: ids replaced by
 * the names the server gave, ids it could not name left out, internal
 * counters and codes without a label left out (a code such as a level or a
 * status is not words).
 */
/** A calendar date reads dd/mm/yyyy, as everywhere on screen. */
const dayMonthYear = (x: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(x) ? `${x.slice(8)}/${x.slice(5, 7)}/${x.slice(0, 4)}` : x)

/** A renamed unit's before/after is an object: its name is what a person reads. */
const nameIn = (x: unknown): string | undefined => (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : undefined)

export function detailPairs(details: Record<string, unknown> | undefined, names: Record<string, string>, lang: Lang): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = []
  for (const [k, v] of Object.entries(details ?? {})) {
    const label = DETAIL_LABELS[k]?.[lang]
    if (!label || v === undefined || v === null || v === '') continue
    const idLike = /(Id|Ids)$/.test(k) || ['from', 'to', 'oldParent', 'signer', 'recipients'].includes(k)
    const values = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? (names[x] ?? (idLike ? undefined : dayMonthYear(x))) : typeof x === 'object' ? nameIn(x) : String(x)))
    const shown = values.filter((x): x is string => x !== undefined)
    if (!shown.length) continue
    out.push({ label, value: shown.join(', ') })
  }
  return out
}
