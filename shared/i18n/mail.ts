/** Messages of official mail and notifications (issue 17), vi first. */
export const MAIL_MESSAGES = {
  'mail.throttled': { vi: 'Dịch vụ thư đang quá tải; thư chưa được gửi, hãy thử lại sau ít phút.', en: 'The mail service is busy; the mail was not sent, try again in a few minutes.' },
  'mail.rejected': { vi: 'Dịch vụ thư từ chối thư này: {reason}.', en: 'The mail service refused this mail: {reason}.' },
  'mail.sendingPaused': { vi: 'Việc gửi thư của hệ thống đang bị tạm dừng; thư chưa được gửi. Đề nghị báo quản trị hệ thống.', en: 'Sending mail is paused for the platform; the mail was not sent. Please tell the system administrator.' },
  'mail.allSuppressed': { vi: 'Không gửi được: mọi địa chỉ nhận đều đã bị trả lại hoặc khiếu nại trước đó ({addresses}).', en: 'Not sent: every recipient bounced or complained before ({addresses}).' },
  'mailIn.malformed': { vi: 'Thư không đọc được (thiếu người gửi hoặc sai định dạng MIME): không có gì được ghi nhận.', en: 'The mail could not be read (no sender or broken MIME): nothing was recorded.' },
  'mailIn.unknownRecipient': { vi: 'Không có đơn vị nào dùng địa chỉ {address}.', en: 'No unit uses the address {address}.' },
  'mailIn.noPdf': { vi: 'Thư không có tệp PDF đính kèm: văn bản đến qua thư điện tử phải kèm bản PDF.', en: 'The mail has no PDF attachment: a document arriving by mail must come as a PDF.' },
  'mailIn.tooLarge': { vi: 'Tệp đính kèm "{file}" quá lớn (tối đa {limit} byte).', en: 'The attachment "{file}" is too large (at most {limit} bytes).' },
  'mailIn.dangerous': { vi: 'Tệp đính kèm "{file}" bị từ chối: {why}.', en: 'The attachment "{file}" is refused: {why}.' },
  'mailIn.spoofed': { vi: 'Người gửi không được xác thực (SPF {spf}, DKIM {dkim}, DMARC {dmarc}): thư bị từ chối.', en: 'The sender could not be authenticated (SPF {spf}, DKIM {dkim}, DMARC {dmarc}): the mail is refused.' },
  'mailIn.attachmentRefused': { vi: 'Tệp đính kèm "{file}" bị từ chối: {reason}', en: 'The attachment "{file}" is refused: {reason}' },
  'notification.notFound': { vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' },
  'agency.notFound': { vi: 'Không tìm thấy cơ quan nhận: {agencyId}.', en: 'Recipient agency not found: {agencyId}.' },
  'document.notIssued': { vi: 'Chỉ gửi thư được văn bản đã ban hành.', en: 'Only an issued document can be sent by mail.' },
} as const
