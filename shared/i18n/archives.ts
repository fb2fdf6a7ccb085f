/**
 * Messages of the archives module, Vietnamese first, English second, in the
 * shape of MESSAGES, merged into that catalogue (shared/i18n/messages.ts).
 */
export const ARCHIVE_MESSAGES: Record<string, { vi: string; en: string }> = {
  'archive.badType': { vi: 'Chỉ nhận bản quét PDF, TIFF, JPEG hoặc PNG (tệp gửi lên: {type}).', en: 'Only PDF, TIFF, JPEG or PNG scans are accepted (got {type}).' },
  'archive.tooLarge': { vi: 'Tệp quét quá lớn: tối đa {limit} MB mỗi tệp. Hãy chia thành nhiều tệp nhỏ hơn.', en: 'The scan is too large: at most {limit} MB per file. Split it into smaller files.' },
  'archive.notAScan': { vi: 'Tệp "{name}" không phải ảnh quét hay PDF (nội dung không khớp với loại tệp).', en: 'File "{name}" is not an image scan or PDF (its content does not match its type).' },
  'archive.pdfEncrypted': { vi: 'Tệp PDF "{name}" có mật khẩu hoặc bị mã hóa; hãy gỡ mật khẩu rồi tải lên lại.', en: 'PDF "{name}" is password-protected or encrypted; remove the password and upload it again.' },
  'archive.pdfCorrupt': { vi: 'Tệp PDF "{name}" bị hỏng, không đọc được.', en: 'PDF "{name}" is damaged and cannot be read.' },
  'archive.pdfEmpty': { vi: 'Tệp PDF "{name}" không có trang nào.', en: 'PDF "{name}" has no pages.' },
  'archive.scanCorrupt': { vi: 'Tệp ảnh quét "{name}" bị hỏng, không đọc được.', en: 'Scan "{name}" is damaged and cannot be read.' },
  'archive.scanEmpty': { vi: 'Tệp ảnh quét "{name}" không có trang nào.', en: 'Scan "{name}" has no pages.' },
  'archive.tooManyPages': { vi: 'Một lô quét tối đa {max} trang (lô này có {pages} trang).', en: 'A batch holds at most {max} pages (this one has {pages}).' },
  'archive.fondsClosed': { vi: 'Phông lưu trữ của đơn vị {unitId} đã đóng: đơn vị đã kết thúc hoạt động.', en: "Unit {unitId}'s fonds is closed: the unit has ended." },
  'archive.fileClosed': { vi: 'Hồ sơ {code} đã đóng, không thể bổ sung bản quét.', en: 'File {code} is closed; no scans can be added.' },
  'archive.fileCodeTaken': { vi: 'Số, ký hiệu hồ sơ {code} đã có trong phông.', en: 'File code {code} already exists in this fonds.' },
  'archive.alreadyVerified': { vi: 'Văn bản {id} đã được xác nhận.', en: 'Document {id} has already been verified.' },
  'archive.badSymbol': { vi: 'Số, ký hiệu không đúng dạng (ví dụ: 42-CT/TU).', en: 'The number and symbol are not well formed (e.g. 42-CT/TU).' },
  'archive.unitNotEnded': { vi: 'Đơn vị {unitId} vẫn đang hoạt động: chỉ giao nộp phông của đơn vị đã sáp nhập, chia tách hoặc giải thể.', en: 'Unit {unitId} still exists: only the fonds of a merged, split or dissolved unit is handed over.' },
  'archive.nothingToHandOver': { vi: 'Phông của đơn vị {unitId} không còn hồ sơ nào để giao.', en: "Unit {unitId}'s fonds has no files left to hand over." },
  'archive.handoverInProgress': { vi: 'Việc giao nhận {id} sang đơn vị {unitId} đang thực hiện dở: hãy hoàn tất việc đó trước.', en: 'Handover {id} to unit {unitId} is still in progress: finish it first.' },
  'archive.alreadyReceived': { vi: 'Biên bản giao nhận {id} đã được xác nhận nhận.', en: 'Handover {id} has already been received.' },
  'archive.checksumMismatch': { vi: 'Gói giao nhận không khớp mã kiểm tra: {items}. Chưa ghi nhận việc nhận.', en: 'The handover package does not match its checksums: {items}. Nothing was recorded.' },
  'notFound.archiveFile': { vi: 'Không tìm thấy hồ sơ {id}.', en: 'File {id} not found.' },
  'notFound.archiveBatch': { vi: 'Không tìm thấy lô quét {id}.', en: 'Batch {id} not found.' },
  'notFound.archiveDocument': { vi: 'Không tìm thấy văn bản số hóa {id}.', en: 'Digitised document {id} not found.' },
  'notFound.archiveHandover': { vi: 'Không tìm thấy biên bản giao nhận {id}.', en: 'Handover {id} not found.' },
}
