/**
 * One contract per HTTP route: what it does (vi/en), the zod schemas of its
 * path parameters, query and body — the very schemas its handler parses
 * with — and the status it answers on success. `functions/lib/openapi.ts`
 * turns this table and the route table (infra/definitions/routes.ts) into
 * the OpenAPI 3.1 document served at `GET /api/openapi.json`; a unit test
 * fails when a route has no contract, a path parameter no schema, or a
 * write no body schema.
 */
import { z } from 'zod'
import * as org from '../org/contracts.js'
import * as doc from '../documents/contracts.js'
import * as mem from '../members/contracts.js'
import * as arc from '../archives/contracts.js'
import * as asst from '../assistant/contracts.js'
import * as tsk from '../tasks/contracts.js'
import * as ntf from '../notifications/contracts.js'
import * as dsh from '../dashboards/contracts.js'
import * as mtg from '../meetings/contracts.js'
import * as sch from '../schedules/contracts.js'
import * as cs from '../cases/contracts.js'
import * as drq from '../datarequests/contracts.js'
import { PortalRequest } from '../members/portal.js'
import * as prg from '../programmes/contracts.js'

/** A server-made id of this system (users, requests): opaque, no `%`, at most 256 characters. */
const opaqueId = z.string().min(1).max(256)

/** Schemas of the path parameters, by the name the route table gives them. */
export const PATH_PARAMETERS: Readonly<Record<string, z.ZodType>> = {
  unitId: org.unitId,
  userId: opaqueId,
  requestId: opaqueId,
  documentId: doc.documentId,
  memberId: mem.memberId,
  transferId: mem.transferId,
  commentId: mem.commentId,
  noticeId: mem.noticeId,
  fileId: arc.archiveFileId,
  batchId: arc.batchId,
  scanDocumentId: arc.scanDocumentId,
  fromUnitId: arc.sourceUnitId,
  handoverId: arc.handoverId,
  conversationId: asst.conversationId,
  taskId: tsk.taskId,
  notificationId: ntf.NotificationIdParams.shape.notificationId,
  reportId: dsh.reportId,
  meetingId: mtg.meetingId,
  voteId: mtg.voteId,
  docId: mtg.docId,
  eventId: sch.eventId,
  token: sch.feedToken,
  caseId: cs.caseId,
  petitionId: cs.petitionId,
  resolutionId: cs.resolutionId,
  holdId: arc.holdId,
  dispositionId: arc.dispositionId,
  programmeId: prg.programmeId,
  itemId: prg.itemId,
}

export type ModuleTag = 'auth' | 'org' | 'documents' | 'members' | 'archives' | 'assistant' | 'tasks' | 'notifications' | 'dashboards' | 'meetings' | 'schedules' | 'cases' | 'datarequests'

export interface RouteContract {
  readonly summary: { readonly vi: string; readonly en: string }
  readonly query?: z.ZodType
  /** The JSON body's schema; `'none'` for a write that takes no body (an empty object is accepted). */
  readonly body?: z.ZodType | 'none'
  /** Status on success (200 unless stated). */
  readonly status?: 200 | 201 | 202
  /** What else the caller must send (signed headers of the portal, the idempotency key…). */
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly required: boolean }>>
}

const c = (vi: string, en: string, rest: Omit<RouteContract, 'summary'> = {}): RouteContract => ({ summary: { vi, en }, ...rest })

export const CONTRACTS: Readonly<Record<string, RouteContract>> = {
  // Sign-in and health.
  'POST /api/auth/login': c('Đăng nhập bằng tên và mật khẩu (có thể trả về một bước xác thực tiếp theo)', 'Sign in with user name and password (may answer a further challenge)', { body: org.LoginBody }),
  'POST /api/auth/challenge': c('Trả lời bước xác thực (mật khẩu mới, mã xác thực)', 'Answer a sign-in challenge (new password, authenticator code)', { body: org.ChallengeBody }),
  'POST /api/auth/mfa/setup': c('Lấy khoá bí mật để cài ứng dụng xác thực', 'Get the secret to set up an authenticator app', { body: org.MfaSetupBody }),
  'GET /api/health': c('Tình trạng hệ thống', 'Health check'),
  'GET /api/openapi.json': c('Mô tả API này (OpenAPI 3.1)', 'This API described (OpenAPI 3.1)'),

  // Organisation and people.
  'GET /api/me': c('Hồ sơ của người đang đăng nhập', "The signed-in person's profile"),
  'GET /api/me/work': c('Việc của tôi hôm nay', 'My work today'),
  'GET /api/units': c('Cây tổ chức tại một ngày', 'The organisation tree on a date', { query: org.TreeQuery }),
  'POST /api/units': c('Thêm đơn vị', 'Add a unit', { body: org.CreateUnitBody, status: 201 }),
  'GET /api/units/{unitId}': c('Một đơn vị và người giữ vai trò', 'A unit and the people holding roles in it', { query: org.TreeQuery }),
  'PATCH /api/units/{unitId}': c('Đổi tên, mã hoặc ngày của đơn vị', "Change a unit's name, code or dates", { body: org.UpdateUnitBody }),
  'POST /api/units/{unitId}/move': c('Chuyển đơn vị sang đơn vị cấp trên khác', 'Move a unit under another parent', { body: org.MoveUnitBody }),
  'GET /api/users': c('Tìm người dùng', 'Search users', { query: org.UserQuery }),
  'POST /api/users': c('Thêm người dùng', 'Add a user', { body: org.CreateUserBody, status: 201 }),
  'GET /api/users/{userId}': c('Một người dùng', 'A user'),
  'PATCH /api/users/{userId}': c('Sửa vai trò, độ mật, trạng thái', "Change a user's roles, clearance, status", { body: org.UpdateUserBody }),
  'DELETE /api/users/{userId}/sign-in-lock': c('Mở khoá đăng nhập', "Lift a user's sign-in lock"),
  'POST /api/reorganisations': c('Đề nghị sáp nhập, chia tách, giải thể', 'Request a merger, split or dissolution', { body: org.CreateReorganisationBody, status: 202 }),
  'GET /api/reorganisations': c('Đề nghị chờ tôi quyết định hoặc tôi đã gửi', 'Requests waiting on me, or filed by me', { query: org.ReorganisationListQuery }),
  'GET /api/reorganisations/{requestId}': c('Một đề nghị sắp xếp tổ chức', 'A reorganisation request'),
  'POST /api/reorganisations/{requestId}/decision': c('Quyết định đề nghị (cấp trên)', 'Decide a request (superior unit)', { body: org.DecisionBody }),
  'POST /api/imports/uploads': c('Xin địa chỉ tải tệp nhập đơn vị, người dùng', 'Get an upload address for a units/users import', { body: org.UploadRequestBody, status: 201 }),
  'POST /api/imports': c('Nhập đơn vị và người dùng từ XLSX/CSV (báo cáo từng dòng)', 'Import units and users from XLSX/CSV (row-by-row report)', { body: org.ImportBody }),
  'GET /api/audit': c('Nhật ký của một đơn vị', "A unit's audit trail", { query: org.AuditQuery }),
  'GET /api/audit/verify': c('Kiểm tra tính toàn vẹn của nhật ký', "Verify a unit's audit chain", { query: org.AuditVerifyQuery }),

  // Official documents.
  'POST /api/documents/uploads': c('Xin địa chỉ tải tệp văn bản', 'Get an upload address for a document file', { body: doc.UploadBody, status: 201 }),
  'POST /api/documents/incoming': c('Vào sổ văn bản đến', 'Register an incoming document', { body: doc.RegisterIncomingBody, status: 201 }),
  'POST /api/documents/drafts': c('Tạo dự thảo', 'Create a draft', { body: doc.CreateDraftBody, status: 201 }),
  'POST /api/documents/verify': c('Kiểm tra chữ ký số của tệp PDF', "Verify a PDF's signatures", { body: doc.VerifyBody }),
  'GET /api/documents': c('Danh sách văn bản theo hộp', 'Documents by box', { query: doc.ListQuery }),
  'GET /api/documents/search': c('Tìm văn bản (không dấu, theo số ký hiệu)', 'Search documents (without diacritics, by symbol)', { query: doc.SearchQuery }),
  'GET /api/documents/chains': c('Quy trình duyệt của đơn vị theo loại văn bản', "A unit's review chain for a document type", { query: doc.ChainQuery }),
  'PUT /api/documents/chains': c('Đặt quy trình duyệt', 'Set a review chain', { body: doc.PutChainBody }),
  'GET /api/documents/{documentId}': c('Một văn bản', 'A document', { query: doc.ShowQuery }),
  'POST /api/documents/{documentId}/receipt': c('Xác nhận đã nhận văn bản', 'Confirm receipt of a document', { body: doc.EmptyBody }),
  'POST /api/documents/{documentId}/return': c('Trả lại văn bản (nêu lý do)', 'Return a document (with a reason)', { body: doc.ReturnBody }),
  'POST /api/documents/{documentId}/direction': c('Ý kiến chỉ đạo, giao xử lý', 'Direct a document to handlers', { body: doc.DirectionBody }),
  'POST /api/documents/{documentId}/complete': c('Hoàn thành xử lý', 'Complete the handling', { body: doc.CompleteBody }),
  'POST /api/documents/{documentId}/versions': c('Thêm phiên bản dự thảo', 'Add a draft version', { body: doc.AddVersionBody, status: 201 }),
  'POST /api/documents/{documentId}/comments': c('Góp ý dự thảo', 'Comment on a draft', { body: doc.CommentBody, status: 201 }),
  'POST /api/documents/{documentId}/submit': c('Trình duyệt dự thảo', 'Submit a draft for review', { body: doc.EmptyBody }),
  'POST /api/documents/{documentId}/review': c('Duyệt hoặc trả lại dự thảo', 'Approve or send back a draft', { body: doc.ReviewBody }),
  'POST /api/documents/{documentId}/issue': c('Ký số, cấp số và phát hành', 'Sign, number and issue', { body: doc.EmptyBody }),
  'POST /api/documents/{documentId}/email': c('Gửi văn bản đã ban hành qua thư điện tử đến cơ quan ngoài hệ thống', 'Mail an issued document to agencies outside the platform', { body: doc.EmailDocumentBody }),
  'GET /api/agencies': c('Cơ quan ngoài hệ thống và địa chỉ thư', 'Agencies outside the platform and their mail addresses'),
  'GET /api/notifications': c('Thông báo của tôi', 'My notifications', { query: ntf.ListNotificationsQuery }),
  'POST /api/notifications/read-all': c('Đánh dấu đã đọc tất cả', 'Mark all as read', { body: 'none' }),
  'GET /api/notifications/preferences': c('Cách nhận thông báo theo loại', 'How I get each kind of notification'),
  'PUT /api/notifications/preferences': c('Lưu cách nhận thông báo', 'Save how I get notifications', { body: ntf.NotificationPreferences }),
  'POST /api/notifications/{notificationId}/read': c('Đánh dấu đã đọc', 'Mark as read', { body: 'none' }),

  // Party members.
  'GET /api/me/handbook': c('Sổ tay đảng viên của tôi', 'My Party handbook'),
  'POST /api/portal/requests': c('Yêu cầu từ Cổng Dịch vụ công quốc gia (có ký HMAC)', 'A request from the National Public Service Portal (HMAC-signed)', {
    body: PortalRequest,
    headers: {
      'x-portal-request-id': { description: 'Unique id of this request (a replay is refused, 409)', required: true },
      'x-portal-timestamp': { description: 'Unix seconds; refused outside ±300 s (401)', required: true },
      'x-portal-signature': { description: '`v1=` + hex HMAC-SHA256(secret, `${timestamp}.${requestId}.${rawBody}`)', required: true },
    },
  }),
  'GET /api/members': c('Đảng viên của một chi bộ', "A cell's members", { query: mem.ListMembersQuery }),
  'GET /api/members/destinations': c('Các chi bộ có thể chuyển đến', 'Cells a member may transfer to'),
  'GET /api/members/search': c('Tìm đảng viên', 'Search members', { query: mem.MemberSearchQuery }),
  'POST /api/members': c('Thêm đảng viên', 'Add a member', { body: mem.CreateMemberBody, status: 201 }),
  'POST /api/members/bulk-transfers': c('Chuyển sinh hoạt hàng loạt khi sáp nhập (tiếp tục được)', 'Bulk transfer when units merge (resumable)', { body: mem.BulkTransferBody, status: 202 }),
  'POST /api/members/imports': c('Nhập danh sách đảng viên từ XLSX/CSV', 'Import a member list from XLSX/CSV', { body: mem.MemberImportBody }),
  'POST /api/members/fees/assessments': c('Tính đảng phí tháng của chi bộ', "Assess a cell's monthly fees", { body: mem.AssessBody }),
  'POST /api/members/fees/payments': c('Ghi nhận nộp đảng phí tiền mặt', 'Record a cash fee payment', { body: mem.CashPaymentBody, status: 201 }),
  'GET /api/members/fees/sheet': c('Bảng thu đảng phí tháng của chi bộ', "A cell's monthly fee sheet", { query: mem.SheetQuery }),
  'POST /api/members/fees/remittances': c('Nộp đảng phí lên cấp trên', 'Remit fees to the level above', { body: mem.RemittanceBody, status: 201 }),
  'GET /api/members/fees/remittances': c('Các lần nộp đảng phí của chi bộ', "A cell's remittances", { query: mem.RemittanceQuery }),
  'GET /api/members/fees/remittances/report': c('Báo cáo đối soát đảng phí (liên kết tải PDF)', 'Remittance reconciliation report (a PDF download link)', { query: mem.SheetQuery }),
  'POST /api/members/transfers': c('Đề nghị chuyển sinh hoạt đảng', 'File a transfer of Party activity', { body: mem.CreateTransferBody, status: 202 }),
  'GET /api/members/transfers': c('Các hồ sơ chuyển sinh hoạt', 'Transfers'),
  'GET /api/members/transfers/{transferId}': c('Một hồ sơ chuyển sinh hoạt', 'A transfer'),
  'POST /api/members/transfers/{transferId}/decision': c('Quyết định một bước chuyển sinh hoạt', 'Decide a step of a transfer', { body: mem.DecisionBody }),
  'POST /api/members/transfers/{transferId}/accept': c('Tiếp nhận đảng viên chuyển đến', 'Receive a transferred member', { body: mem.AcceptBody }),
  'POST /api/members/transfers/{transferId}/return': c('Báo đảng viên đã trở về (chuyển tạm thời)', 'Report the return of a temporarily transferred member', { body: 'none' }),
  'POST /api/members/transfers/{transferId}/extension': c('Gia hạn chuyển sinh hoạt tạm thời', 'Extend a temporary transfer', { body: mem.ExtendBody }),
  'POST /api/members/comments/campaigns': c('Mở đợt xin nhận xét nơi cư trú', 'Open a residence-comment campaign', { body: mem.CampaignBody, status: 201 }),
  'GET /api/members/comments': c('Phiếu nhận xét chờ tôi, hoặc của một chi bộ', "Comment requests waiting on me, or a cell's campaign", { query: mem.CommentsQuery }),
  'GET /api/members/comments/{commentId}': c('Một phiếu nhận xét', 'A comment request'),
  'POST /api/members/comments/{commentId}/form': c('Điền phiếu nhận xét (chi bộ nơi cư trú)', 'Fill in the comment form (residence cell)', { body: mem.CommentFormBody }),
  'POST /api/members/comments/{commentId}/confirmation': c('Xác nhận phiếu nhận xét (đảng uỷ)', 'Confirm a comment (committee)', { body: mem.ConfirmBody }),
  'POST /api/members/notices': c('Đăng thông báo, giấy mời', 'Post a notice or an invitation', { body: mem.NoticeBody, status: 201 }),
  'GET /api/members/notices': c('Thông báo của một đơn vị', "A unit's notices", { query: mem.NoticeUnitQuery }),
  'GET /api/members/notices/{noticeId}': c('Một thông báo và ai đã đọc', 'A notice and who has read it'),
  'POST /api/me/notices/{noticeId}/read': c('Đánh dấu đã đọc', 'Mark a notice read', { body: 'none' }),
  'GET /api/members/{memberId}': c('Hồ sơ một đảng viên', "A member's record"),
  'PUT /api/members/{memberId}/fee-profile': c('Sửa căn cứ tính đảng phí', "Change a member's fee profile", { body: mem.UpdateFeeProfileBody }),

  // Archives.
  'POST /api/archives/uploads': c('Xin địa chỉ tải ảnh quét', 'Get an upload address for a scan', { body: arc.ScanUploadBody, status: 201 }),
  'GET /api/archives/files': c('Hồ sơ lưu trữ của một đơn vị', "A unit's archive files", { query: arc.UnitQuery }),
  'POST /api/archives/files': c('Mở hồ sơ lưu trữ', 'Open an archive file', { body: arc.CreateFileBody, status: 201 }),
  'GET /api/archives/files/{fileId}': c('Một hồ sơ lưu trữ', 'An archive file'),
  'POST /api/archives/batches': c('Số hoá một lô ảnh quét', 'Digitise a batch of scans', { body: arc.CreateBatchBody, status: 202 }),
  'GET /api/archives/batches/{batchId}': c('Tiến độ của một lô', "A batch's progress"),
  'GET /api/archives/verification': c('Tài liệu chờ kiểm tra', 'Documents waiting for verification', { query: arc.UnitQuery }),
  'GET /api/archives/documents/{scanDocumentId}': c('Một tài liệu số hoá', 'A digitised document'),
  'POST /api/archives/documents/{scanDocumentId}/verify': c('Xác nhận thông tin tài liệu', "Confirm a document's fields", { body: arc.VerifyBody }),
  'GET /api/archives/progress': c('Tiến độ số hoá', 'Digitisation progress', { query: arc.UnitQuery }),
  'POST /api/archives/handovers': c('Bàn giao phông lưu trữ (tiếp tục được)', 'Hand over a fonds (resumable)', { body: arc.HandoverBody, status: 202 }),
  'GET /api/archives/handovers': c('Các lần bàn giao của đơn vị', "A unit's handovers", { query: arc.UnitQuery }),
  'POST /api/archives/handovers/{fromUnitId}/{handoverId}/receipt': c('Nhận bàn giao', 'Receive a handover', { body: arc.EmptyBody }),

  // Assistant.
  'POST /api/assistant/ask': c('Hỏi trợ lý (trả lời có trích dẫn)', 'Ask the assistant (answers with citations)', { body: asst.AskBody }),
  'GET /api/assistant/conversations': c('Các cuộc hỏi đáp của tôi', 'My conversations'),
  'GET /api/assistant/conversations/{conversationId}': c('Một cuộc hỏi đáp', 'A conversation'),
  'POST /api/assistant/conversations/{conversationId}/ratings': c('Đánh giá câu trả lời', 'Rate an answer', { body: asst.RateBody }),
  'POST /api/assistant/appraisals': c('Thẩm định dự thảo (thể thức, căn cứ)', 'Appraise a draft (format, legal bases)', { body: asst.AppraiseBody }),
  'GET /api/assistant/passages/{documentId}': c('Đoạn văn được trích dẫn', 'A cited passage', { query: asst.PassageQuery }),
  'GET /api/assistant/ratings/export': c('Xuất đánh giá (tệp XLSX trong JSON)', 'Export ratings (an XLSX file, base64 in JSON)'),

  // Tasks.
  'GET /api/tasks': c('Danh sách nhiệm vụ (của tôi, tôi giao, của đơn vị)', 'Tasks (mine, assigned by me, a unit\'s)', { query: tsk.TaskListQuery }),
  'POST /api/tasks': c('Giao nhiệm vụ', 'Assign a task', { body: tsk.CreateTaskBody, status: 201 }),
  'GET /api/tasks/kpis': c('Chỉ tiêu nhiệm vụ của đơn vị', "A unit's task KPIs", { query: tsk.TaskKpiQuery }),
  'GET /api/tasks/{taskId}': c('Một nhiệm vụ', 'A task'),
  'POST /api/tasks/{taskId}/accept': c('Tiếp nhận nhiệm vụ', 'Accept a task', { body: tsk.AcceptBody }),
  'POST /api/tasks/{taskId}/progress': c('Báo cáo tiến độ', 'Report progress', { body: tsk.ProgressBody }),
  'POST /api/tasks/{taskId}/submit': c('Trình kết quả', 'Submit the result', { body: tsk.SubmitBody }),
  'POST /api/tasks/{taskId}/evaluate': c('Đánh giá kết quả', 'Evaluate the result', { body: tsk.EvaluateBody }),
  'POST /api/tasks/{taskId}/return': c('Trả lại để làm tiếp', 'Return for more work', { body: tsk.ReturnBody }),
  'POST /api/tasks/{taskId}/cancel': c('Hủy nhiệm vụ', 'Cancel a task', { body: tsk.CancelBody }),
  'POST /api/tasks/{taskId}/extensions': c('Đề nghị gia hạn', 'Request an extension', { body: tsk.ExtensionRequestBody }),
  'POST /api/tasks/{taskId}/extensions/decision': c('Quyết định gia hạn', 'Decide an extension', { body: tsk.ExtensionDecisionBody }),
  'GET /api/dashboards': c('Bảng chỉ tiêu của đơn vị (so với mục tiêu, diễn biến, xếp hạng đơn vị trực thuộc)', "A unit's KPI dashboard (against targets, trend, ranking of the units below)", { query: dsh.DashboardQuery }),
  'GET /api/dashboards/items': c('Danh sách đứng sau một chỉ số (ví dụ văn bản quá hạn)', 'The items behind a number (e.g. the overdue documents)', { query: dsh.ItemsQuery }),
  'POST /api/dashboards/reports': c('Lập báo cáo chỉ tiêu cho một kỳ (PDF ký số, XLSX)', 'Generate a KPI report for a period (signed PDF, XLSX)', { body: dsh.ReportBody, status: 201 }),
  'GET /api/dashboards/reports/{reportId}': c('Một báo cáo chỉ tiêu đã lập (đường dẫn tải)', 'A stored KPI report (download links)'),

  // Meetings (issue 16).
  'GET /api/meetings': c('Cuộc họp của tôi', 'My meetings'),
  'POST /api/meetings': c('Chuẩn bị cuộc họp (chương trình, tài liệu, thành phần)', 'Prepare a meeting (agenda, documents, participants)', { body: mtg.CreateMeetingBody, status: 201 }),
  'GET /api/meetings/{meetingId}': c('Một cuộc họp', 'A meeting'),
  'POST /api/meetings/{meetingId}/invitation': c('Ký và gửi giấy mời', 'Sign and send the invitation', { body: z.strictObject({}) }),
  'GET /api/meetings/{meetingId}/invitation': c('Tải giấy mời', 'Download the invitation'),
  'POST /api/meetings/{meetingId}/answer': c('Trả lời giấy mời (dự, vắng, ủy quyền)', 'Answer the invitation (attend, absent, delegate)', { body: mtg.AnswerBody }),
  'GET /api/meetings/{meetingId}/checkin-code': c('Mã QR điểm danh của tôi', 'My check-in QR code'),
  'POST /api/meetings/{meetingId}/checkins': c('Điểm danh (quét mã hoặc thư ký)', 'Check in (scanned code or the secretary)', { body: mtg.CheckInBody }),
  'POST /api/meetings/{meetingId}/open': c('Khai mạc', 'Open the meeting', { body: z.strictObject({}) }),
  'POST /api/meetings/{meetingId}/agenda': c('Chuyển nội dung', 'Move to an agenda item', { body: mtg.AgendaMoveBody }),
  'POST /api/meetings/{meetingId}/end': c('Bế mạc', 'End the meeting', { body: z.strictObject({}) }),
  'POST /api/meetings/{meetingId}/speakers': c('Danh sách phát biểu', "The speakers' list", { body: mtg.SpeakerBody }),
  'GET /api/meetings/{meetingId}/documents/{docId}': c('Mở tài liệu họp', 'Open a meeting document'),
  'POST /api/meetings/{meetingId}/conclusions': c('Kết luận thành nhiệm vụ', 'A conclusion becomes a task', { body: mtg.ConclusionBody, status: 201 }),
  'POST /api/meetings/{meetingId}/minutes': c('Lập biên bản', 'Draft the minutes', { body: mtg.MinutesBody }),
  'POST /api/meetings/{meetingId}/minutes/sign': c('Ký biên bản', 'Sign the minutes', { body: mtg.SignMinutesBody }),
  'GET /api/meetings/{meetingId}/minutes': c('Tải biên bản', 'Download the minutes'),
  'POST /api/meetings/{meetingId}/votes': c('Mở biểu quyết', 'Open a vote', { body: mtg.OpenVoteBody, status: 201 }),
  'GET /api/meetings/{meetingId}/votes/{voteId}': c('Một cuộc biểu quyết', 'A vote'),
  'POST /api/meetings/{meetingId}/votes/{voteId}/ballots': c('Biểu quyết công khai', 'Cast an open vote', { body: mtg.OpenBallotBody }),
  'POST /api/meetings/{meetingId}/votes/{voteId}/blind-signatures': c('Nhận chữ ký mù cho phiếu kín', 'Get the blind signature of a secret ballot', { body: mtg.BlindSignBody }),
  'POST /api/meetings/{meetingId}/votes/{voteId}/close': c('Kết thúc biểu quyết', 'Close a vote', { body: z.strictObject({}) }),
  'GET /api/meetings/{meetingId}/votes/{voteId}/record': c('Biên bản kết quả biểu quyết', 'The signed result record'),
  'POST /api/ballots/{meetingId}/{voteId}': c('Bỏ phiếu kín (không kèm danh tính)', 'Cast a secret ballot (no identity)', { body: mtg.SecretBallotBody, status: 201 }),

  // Schedules.
  'GET /api/schedules/units': c('Các lịch công tác được xem', 'Schedules the caller may open'),
  'GET /api/schedules/events': c('Lịch công tác của đơn vị trong khoảng ngày', "A unit's schedule between two days", { query: sch.EventListQuery }),
  'POST /api/schedules/events': c('Thêm sự kiện vào lịch (trùng lịch cần acceptConflicts)', 'Add an event (a conflict needs acceptConflicts)', { body: sch.EventBody, status: 201 }),
  'GET /api/schedules/mine': c('Lịch của tôi', 'My events', { query: sch.MyEventsQuery }),
  'POST /api/schedules/check': c('Kiểm tra trùng lịch trước khi lưu', 'Conflicts before saving', { body: sch.CheckEventBody }),
  'GET /api/schedules/events/{eventId}': c('Một sự kiện', 'An event'),
  'POST /api/schedules/events/{eventId}': c('Sửa sự kiện', 'Change an event', { body: sch.UpdateEventBody }),
  'POST /api/schedules/events/{eventId}/cancel': c('Hủy sự kiện', 'Cancel an event', { body: sch.CancelEventBody }),
  'POST /api/schedules/publish': c('Công bố lịch tuần', 'Publish a week', { body: sch.PublishWeekBody }),
  'GET /api/schedules/rooms': c('Phòng họp của đơn vị', "A unit's rooms", { query: sch.RoomQuery }),
  'POST /api/schedules/rooms': c('Thêm phòng họp', 'Add a room', { body: sch.RoomBody, status: 201 }),
  'GET /api/schedules/feed': c('Trạng thái địa chỉ lịch iCalendar', 'Whether a calendar feed exists', { query: sch.FeedQuery }),
  'POST /api/schedules/feed': c('Tạo lại địa chỉ lịch iCalendar (địa chỉ cũ hết hiệu lực)', 'Make a new calendar feed URL (the old one stops working)', { body: sch.FeedBody }),
  'POST /api/schedules/feed/revoke': c('Thu hồi địa chỉ lịch iCalendar', 'Revoke the calendar feed URL', { body: sch.FeedBody }),
  'GET /api/schedules/feeds/{token}': c('Lịch iCalendar (RFC 5545) theo mã bí mật, không cần đăng nhập', 'iCalendar feed (RFC 5545) by its secret token, no sign-in'),
  // Cases and petitions (issue 18).
  'GET /api/cases/commissions': c('Các Ủy ban kiểm tra và văn phòng theo dõi kiến nghị của tôi', 'My inspection commissions and petition offices'),
  'GET /api/cases': c('Sổ vụ việc của Ủy ban kiểm tra (không có thông tin người tố cáo)', 'A commission\'s case register (never who denounced)', { query: cs.CaseListQuery }),
  'POST /api/cases': c('Tiếp nhận đơn khiếu nại, tố cáo, phản ánh dấu hiệu vi phạm', 'Take in a complaint, denunciation or report of signs of violation', { body: cs.IntakeBody, status: 201 }),
  'GET /api/cases/kpis': c('Chỉ tiêu giải quyết vụ việc đúng hạn', 'Cases handled within the limit', { query: cs.CaseKpiQuery }),
  'GET /api/cases/export': c('Xuất sổ vụ việc (XLSX, không có thông tin người tố cáo)', 'Export the register (XLSX, never who denounced)', { query: cs.CaseExportQuery }),
  'GET /api/cases/{caseId}': c('Một vụ việc', 'A case'),
  'GET /api/cases/{caseId}/identity': c('Thông tin người khiếu nại, tố cáo (Chủ nhiệm, kiểm tra viên được phân công; có ghi nhật ký)', 'Who complained or denounced (chair, assigned inspector; audited)'),
  'POST /api/cases/{caseId}/register': c('Vào sổ', 'Register', { body: cs.RegisterBody }),
  'POST /api/cases/{caseId}/classify': c('Phân loại (thẩm quyền, đơn nặc danh)', 'Classify (competence, anonymous letters)', { body: cs.ClassifyBody }),
  'POST /api/cases/{caseId}/forward': c('Chuyển đơn đến nơi có thẩm quyền', 'Forward to the competent body', { body: cs.ForwardBody }),
  'POST /api/cases/{caseId}/assign': c('Phân công kiểm tra viên, đặt hạn giải quyết', 'Assign an inspector, set the handling limit', { body: cs.AssignBody }),
  'POST /api/cases/{caseId}/extend': c('Gia hạn giải quyết', 'Extend the handling limit', { body: cs.ExtendBody }),
  'POST /api/cases/{caseId}/verify': c('Ghi kết quả xác minh', 'Record a verification', { body: cs.VerifyBody }),
  'POST /api/cases/{caseId}/conclude': c('Kết luận (một lần)', 'Conclude (once)', { body: cs.ConcludeBody }),
  'POST /api/cases/{caseId}/measures': c('Quyết định kỷ luật, biện pháp xử lý', 'Decide discipline or measures', { body: cs.MeasuresBody }),
  'POST /api/cases/{caseId}/follow-up': c('Theo dõi thi hành', 'Follow up the execution', { body: cs.FollowUpBody }),
  'POST /api/cases/{caseId}/close': c('Đóng và niêm phong hồ sơ', 'Close and seal the file', { body: cs.CloseBody }),
  'GET /api/petitions': c('Kiến nghị cử tri', 'Voters\' petitions', { query: cs.PetitionListQuery }),
  'POST /api/petitions': c('Ghi nhận kiến nghị cử tri', 'Record a voters\' petition', { body: cs.PetitionBody, status: 201 }),
  'GET /api/petitions/{petitionId}': c('Một kiến nghị', 'A petition'),
  'POST /api/petitions/{petitionId}/forward': c('Chuyển kiến nghị đến cơ quan chịu trách nhiệm', 'Forward to the responsible agency', { body: cs.PetitionForwardBody }),
  'POST /api/petitions/{petitionId}/answer': c('Ghi câu trả lời của cơ quan', 'Record the agency\'s answer', { body: cs.PetitionAnswerBody }),
  'POST /api/petitions/{petitionId}/publish': c('Công khai câu trả lời', 'Publish the answer', { body: cs.PetitionPublishBody }),
  'GET /api/resolutions': c('Nghị quyết sau kỳ họp và tình hình thực hiện', 'Resolutions after council sessions and their status', { query: cs.ResolutionListQuery }),
  'POST /api/resolutions': c('Ghi nhận nghị quyết', 'Record a resolution', { body: cs.ResolutionBody, status: 201 }),
  'GET /api/resolutions/{resolutionId}': c('Một nghị quyết và các nhiệm vụ', 'A resolution and its tasks'),
  'POST /api/resolutions/{resolutionId}/tasks': c('Giao nhiệm vụ thực hiện nghị quyết', 'Give a task of the resolution', { body: cs.ResolutionTaskBody, status: 201 }),

  // Data requests (issue 18).
  'GET /api/datarequests': c('Yêu cầu số liệu đã gửi hoặc cần trả lời (tìm theo tên, chỉ tiêu)', 'Data requests sent or to answer (search by title, indicator)', { query: drq.DataRequestListQuery }),
  'POST /api/datarequests': c('Lập (và gửi) yêu cầu số liệu', 'Write (and send) a data request', { body: drq.DataRequestBody, status: 201 }),
  'GET /api/datarequests/recipients': c('Đơn vị có thể nhận yêu cầu (tìm theo tên)', 'Units a request may go to (by name)', { query: drq.RecipientQuery }),
  'GET /api/datarequests/kpis': c('Tỷ lệ đơn vị gửi số liệu đúng hạn', 'Share of units answering on time', { query: drq.DataRequestKpiQuery }),
  'POST /api/datarequests/uploads': c('Chỗ tải lên tệp XLSX số liệu', 'Upload slot for an XLSX answer', { body: drq.UploadBody, status: 201 }),
  'GET /api/datarequests/{requestId}': c('Một yêu cầu số liệu và tình trạng trả lời', 'A data request and who answered'),
  'POST /api/datarequests/{requestId}/send': c('Gửi yêu cầu số liệu', 'Send a data request', { body: drq.SendBody }),
  'POST /api/datarequests/{requestId}/close': c('Kết thúc nhận số liệu', 'Close a data request', { body: drq.CloseBody }),
  'POST /api/datarequests/{requestId}/remind': c('Nhắc các đơn vị chưa gửi số liệu', 'Remind the units that have not answered', { body: drq.RemindBody }),
  'GET /api/datarequests/{requestId}/consolidated': c('Bảng tổng hợp số liệu', 'The consolidated table'),
  'GET /api/datarequests/{requestId}/export': c('Xuất bảng tổng hợp (XLSX, PDF)', 'Export the consolidated table (XLSX, PDF)', { query: drq.ExportQuery }),
  'GET /api/datarequests/{requestId}/answers/{unitId}': c('Biểu mẫu và số liệu của một đơn vị', "A unit's form and answer"),
  'POST /api/datarequests/{requestId}/answers/{unitId}': c('Gửi số liệu của đơn vị', "Answer for a unit", { body: drq.AnswerBody }),
  'GET /api/datarequests/{requestId}/answers/{unitId}/template': c('Tải mẫu XLSX điền sẵn của đơn vị', "Download the unit's pre-filled XLSX template"),
  'POST /api/datarequests/{requestId}/answers/{unitId}/import': c('Gửi số liệu bằng tệp XLSX (báo cáo từng dòng)', 'Answer with the XLSX (row-by-row report)', { body: drq.ImportAnswerBody }),
  // Records management (issue 21).
  'GET /api/archives/file-plan': c('Danh mục hồ sơ và thời hạn bảo quản', 'The file plan and retention schedule'),
  'POST /api/archives/files/{fileId}/close': c('Kết thúc hồ sơ (mốc tính thời hạn: 31/12 năm kết thúc)', 'Close a file (its cut-off: 31 December of that year)', { body: arc.FileCloseBody }),
  'GET /api/archives/holds': c('Lệnh tạm dừng tiêu hủy của đơn vị', "A unit's holds", { query: arc.UnitQuery }),
  'POST /api/archives/holds': c('Tạm dừng tiêu hủy hồ sơ (vụ việc, thanh tra, kiểm tra)', 'Place a hold on files (a case, an inspection)', { body: arc.HoldBody, status: 201 }),
  'POST /api/archives/holds/{holdId}/release': c('Bỏ lệnh tạm dừng', 'Release a hold', { body: arc.ReleaseHoldBody }),
  'GET /api/archives/disposition/due': c('Danh sách hồ sơ đến hạn xử lý trong năm', "The year's files due for disposition", { query: arc.DueQuery }),
  'GET /api/archives/dispositions': c('Các đợt xét hủy, nộp lưu của đơn vị', "A unit's dispositions", { query: arc.UnitQuery }),
  'POST /api/archives/dispositions': c('Đề nghị xét hủy, nộp lưu', 'Propose a disposition', { body: arc.ProposeDispositionBody, status: 201 }),
  'GET /api/archives/dispositions/{dispositionId}': c('Một đợt xét hủy, nộp lưu', 'A disposition'),
  'POST /api/archives/dispositions/{dispositionId}/decision': c('Kết luận của Hội đồng xác định giá trị tài liệu', "The appraisal council's decision", { body: arc.CouncilDecisionBody }),
  'POST /api/archives/dispositions/{dispositionId}/carry-out': c('Thực hiện hủy và nộp lưu (ký biên bản)', 'Carry out (signed record, destruction, transfer)', { body: arc.VersionBody }),
  'GET /api/archives/handover-receivers': c('Đơn vị nhận phông theo quy định (hợp nhất: lưu trữ lịch sử; chia tách: cấp trên trực tiếp)', "Who receives an ended unit's fonds by the rules (merged: the historical archive; split: the body directly above)", { query: arc.HandoverRoutesQuery }),
  'GET /api/archives/handovers/{fromUnitId}/{handoverId}/files': c('Mục lục hồ sơ của một lần giao nhận (từng trang)', "A handover's inventory, a page at a time", { query: arc.HandoverFilesQuery }),
  'GET /api/archives/inventory': c('Mục lục hồ sơ của phông (XLSX hoặc PDF đóng dấu)', "The fonds' inventory of files (XLSX, or a sealed PDF)", { query: arc.InventoryQuery }),
  // Work programmes (issue 15).
  'GET /api/programmes/units': c('Đơn vị có chương trình công tác người dùng được xem', 'Units whose work programmes the caller reads'),
  'GET /api/programmes': c('Chương trình công tác của đơn vị', "A unit's work programmes", { query: prg.ProgrammeListQuery }),
  'POST /api/programmes': c('Lập chương trình công tác (dự thảo)', 'Draft a work programme', { body: prg.CreateProgrammeBody, status: 201 }),
  'GET /api/programmes/{programmeId}': c('Một chương trình công tác và tiến độ', 'A work programme and its progress'),
  'POST /api/programmes/{programmeId}/items': c('Thêm nội dung vào chương trình', 'Add an item', { body: prg.ItemBody }),
  'POST /api/programmes/{programmeId}/submit': c('Trình Ban Thường vụ duyệt', 'Submit for approval', { body: prg.VersionBody }),
  'POST /api/programmes/{programmeId}/decision': c('Duyệt hoặc trả lại chương trình', 'Approve or return the programme', { body: prg.DecisionBody }),
  'POST /api/programmes/{programmeId}/items/{itemId}/move': c('Điều chỉnh thời gian một nội dung (có lý do)', 'Move an item (with a reason)', { body: prg.MoveItemBody }),
  'POST /api/programmes/{programmeId}/items/{itemId}/drop': c('Đưa nội dung ra khỏi chương trình (có lý do)', 'Drop an item (with a reason)', { body: prg.DropItemBody }),
  'POST /api/programmes/{programmeId}/items/{itemId}/tasks': c('Giao nhiệm vụ thực hiện nội dung', 'Give a task for the item', { body: prg.ItemTaskBody, status: 201 }),
  'GET /api/programmes/{programmeId}/export': c('Xuất chương trình công tác (XLSX)', 'Export the programme (XLSX)'),
  'POST /api/auth/refresh': c('Lấy mã truy cập mới bằng cookie phiên (HttpOnly)', 'A new access token from the session cookie (HttpOnly)', { body: 'none' }),
  'POST /api/auth/logout': c('Đăng xuất: thu hồi phiên', 'Sign out: the session is revoked', { body: 'none' }),
  'POST /api/auth/password/forgot': c('Quên mật khẩu: gửi mã đặt lại tới thư điện tử', 'Forgotten password: a reset code is mailed', { body: org.ForgotPasswordBody }),
  'POST /api/auth/password/confirm': c('Đặt mật khẩu mới bằng mã nhận qua thư', 'Set a new password with the mailed code', { body: org.ConfirmForgotPasswordBody }),
  'POST /api/auth/password/change': c('Đổi mật khẩu của chính mình', 'Change one\'s own password', { body: org.ChangePasswordBody }),
  'GET /api/archives/disposition/report': c('Báo cáo xét hủy, nộp lưu của năm (PDF đóng dấu hoặc XLSX)', "The year's disposition report (a sealed PDF, or XLSX)", { query: arc.DispositionReportQuery }),
}
