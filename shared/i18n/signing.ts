/**
 * Messages of the signing module, Vietnamese first, English second, in the
 * shape of MESSAGES, merged into that catalogue (shared/i18n/messages.ts).
 * Keys: the problem codes of a verification report, and the codes of the
 * errors signing and stamping throw.
 */
export const SIGNING_MESSAGES: Record<string, { vi: string; en: string }> = {
  'signature.none': { vi: 'Tệp không có chữ ký số.', en: 'The file has no digital signature.' },
  'signature.modified': {
    vi: 'Nội dung văn bản đã bị thay đổi sau khi ký.',
    en: 'The document was changed after it was signed.',
  },
  'signature.untrustedChain': {
    vi: 'Chứng thư số của người ký không do tổ chức chứng thực được tin cậy cấp.',
    en: "The signer's certificate was not issued by a trusted certification authority.",
  },
  'signature.badSignature': {
    vi: 'Chữ ký không khớp với chứng thư số của người ký.',
    en: "The signature does not match the signer's certificate.",
  },
  'signature.certificateExpired': {
    vi: 'Chứng thư số không còn hiệu lực tại thời điểm ký.',
    en: 'The certificate was not valid at the time of signing.',
  },
  'signature.notWholeDocument': {
    vi: 'Tệp đã bị bổ sung nội dung sau chữ ký cuối cùng.',
    en: 'Content was added to the file after the last signature.',
  },
  'signature.malformed': {
    vi: 'Không đọc được tệp hoặc dữ liệu chữ ký số.',
    en: 'The file or its signature data cannot be read.',
  },
  'signature.noCertificate': {
    vi: '{name} chưa được cấp khóa và chứng thư số để ký.',
    en: '{name} has no signing key and certificate yet.',
  },
  'pdf.notPdf': { vi: 'Tệp không phải định dạng PDF.', en: 'The file is not a PDF.' },
  'pdf.encrypted': {
    vi: 'Tệp PDF đã được đặt mật khẩu hoặc mã hóa, không thể ký.',
    en: 'The PDF is password-protected or encrypted and cannot be signed.',
  },
  'pdf.corrupt': { vi: 'Tệp PDF bị hỏng, không đọc được.', en: 'The PDF is damaged and cannot be read.' },
  'pdf.alreadySigned': {
    vi: 'Văn bản đã được ký, không thể đóng số và ngày ban hành nữa.',
    en: 'The document is already signed; its number and date can no longer be stamped.',
  },
  'pdf.pageOutOfRange': {
    vi: 'Văn bản không có trang {page} (chỉ có {pages} trang).',
    en: 'The document has no page {page} (it has {pages}).',
  },
}
