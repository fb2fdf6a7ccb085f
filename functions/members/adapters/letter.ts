/**
 * The introduction letter for a transfer of Party activity (giấy giới thiệu
 * sinh hoạt đảng): an A4 PDF with the register number, the member's card and
 * record numbers and "fees paid up to month ...", the member's dossier
 * attached (ho-so-dang-vien.json: the record and its transfer history), signed with
 * the issuing committee's seal (PAdES, KMS on AWS, local keys embedded).
 * The signature covers the attachment, so the exported package for an
 * organisation outside the city is this one signed file.
 */
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import { signPdf } from '../../lib/signing/index.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import { drawPartyHeader } from '../../lib/signing/party-header.js'
import { vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'

export interface LetterInput {
  registerNumber: string
  issuer: { unitId: string; name: string; parentName: string }
  member: { fullName: string; birthDate?: string; cardNumber: string; recordNumber: string; admissionDate: string; officialDate?: string }
  fromCell: string
  toName: string
  kind: 'official' | 'temporary'
  feesPaidUpTo?: string
  /** What the member still owes (months and đồng), stated beside "paid up to". */
  arrears?: { months: number; amount: number }
  /** The signing block: the authority lines (T/M BAN THƯỜNG VỤ / BÍ THƯ…) and the name of who decided the issuing step. */
  signer: { lines: string[]; fullName: string }
  reason: string
  presentWithinDays: number
  until?: string
  dossier: unknown
  issuedAt: Date
}

/** dd/mm/yyyy of a calendar date, or of the day in Việt Nam of a timestamp. */
const vnDate = (value: string | Date) => { const [y, m, d] = vietnamDay(value).split('-'); return `${d}/${m}/${y}` }
const vnMonth = (month: string) => { const [y, m] = month.split('-'); return `${m}/${y}` }

export async function renderLetter(input: LetterInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const)
  doc.setTitle(`Giấy giới thiệu sinh hoạt đảng ${input.registerNumber}`)
  doc.setAuthor(input.issuer.name)
  doc.setCreationDate(input.issuedAt)
  doc.setModificationDate(input.issuedAt)
  const page = doc.addPage([595.28, 841.89])
  const ink = rgb(0, 0, 0)
  const centre = (text: string, font: PDFFont, size: number, cx: number, y: number) => page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: ink })
  drawPartyHeader(page, { regular, bold }, { parentName: input.issuer.parentName, issuerName: input.issuer.name, numberLine: `Số ${input.registerNumber}`, dateLine: dateLine('Hà Nội', vietnamDay(input.issuedAt)) })
  centre(input.kind === 'official' ? 'GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG CHÍNH THỨC' : 'GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG TẠM THỜI', bold, 14, 297, 700)
  const m = input.member
  const lines = [
    `Kính gửi: ${input.toName}`,
    `Giới thiệu đồng chí: ${m.fullName}${m.birthDate ? `, sinh ngày ${vnDate(m.birthDate)}` : ''}`,
    `Số thẻ đảng viên: ${m.cardNumber}    Số lý lịch đảng viên: ${m.recordNumber}`,
    `Ngày vào Đảng: ${vnDate(m.admissionDate)}${m.officialDate ? `    Ngày chính thức: ${vnDate(m.officialDate)}` : ''}`,
    `Sinh hoạt tại: ${input.fromCell}`,
    `Đã đóng đảng phí đến hết tháng ${input.feesPaidUpTo ? vnMonth(input.feesPaidUpTo) : '(chưa đóng)'}${input.arrears && input.arrears.amount > 0 ? `; còn nợ ${input.arrears.months} tháng (${input.arrears.amount.toLocaleString('vi-VN')} đồng)` : ''}.`,
    `Lý do: ${input.reason}`,
    input.kind === 'temporary' && input.until
      ? `Đến sinh hoạt đảng tạm thời đến ngày ${vnDate(input.until)}; không biểu quyết, không ứng cử, đề cử, bầu cử tại nơi sinh hoạt tạm thời.`
      : `Đề nghị đồng chí xuất trình giấy giới thiệu này với tổ chức đảng nơi đến trong thời hạn ${input.presentWithinDays} ngày làm việc.`,
    'Kèm theo: hồ sơ đảng viên (tệp đính kèm trong văn bản này, được ký số cùng giấy giới thiệu).',
  ]
  let y = 660
  for (const l of lines) for (const w of wrap(l, regular, 12, 480)) { page.drawText(w, { x: 60, y, size: 12, font: regular, color: ink }); y -= 20 }
  // The signing block as the format has it: the authority lines, the seal and signature between them and the name.
  let by = 310
  for (const line of input.signer.lines) { centre(line, bold, 12, 420, by); by -= 16 }
  // Below the seal's rectangle (170–290), clear of its ring.
  centre(input.signer.fullName, bold, 12, 420, 150)
  await doc.attach(new TextEncoder().encode(JSON.stringify(input.dossier, null, 2)), 'ho-so-dang-vien.json', {
    mimeType: 'application/json', description: 'Hồ sơ đảng viên / Party member dossier', creationDate: input.issuedAt, modificationDate: input.issuedAt,
  })
  const pdf = await doc.save({ useObjectStreams: false })
  return signPdf(pdf, {
    // The issuing committee's own seal (as on its issued documents: one certificate per unit), its superior around the ring.
    signer: { kind: 'organisation', id: input.issuer.unitId, commonName: input.issuer.name, organisation: input.issuer.name },
    kind: 'seal', reason: 'Giấy giới thiệu sinh hoạt đảng', location: 'Hà Nội', signedAt: input.issuedAt, superior: input.issuer.parentName,
    appearance: { page: 1, rect: [340, 170, 500, 290] },
  })
}

/** The reconciliation report of a cell's monthly remittance upward, as an A4 PDF (for the file and the level above). */
export async function renderRemittanceReport(input: {
  cellName: string; month: string; ruleTable: string; remittedAt: string; remittedBy: string; collected: number
  allocations: { unitName: string; level: string; percent: number; amount: number }[]
  report: { fullName: string; due: number; paid: number; owed: number }[]
  totals: { due: number; paid: number; owed: number; members: number }
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const)
  doc.setTitle(`Đối soát đảng phí ${input.cellName} tháng ${vnMonth(input.month)}`)
  const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`
  const ink = rgb(0, 0, 0)
  let page = doc.addPage([595.28, 841.89])
  let y = 790
  const line = (cells: string[], xs: number[], font: PDFFont = regular, size = 10) => {
    if (y < 60) { page = doc.addPage([595.28, 841.89]); y = 790 }
    cells.forEach((c, i) => page.drawText(c, { x: xs[i], y, size, font, color: ink }))
    y -= size + 6
  }
  line([input.cellName.toUpperCase()], [50], bold, 12)
  line([`BÁO CÁO ĐỐI SOÁT THU, NỘP ĐẢNG PHÍ THÁNG ${vnMonth(input.month)}`], [50], bold, 13)
  line([`Quy định áp dụng: ${input.ruleTable}    Nộp lúc: ${vnDate(input.remittedAt)} · ${input.remittedBy}`], [50])
  y -= 8
  line(['Cấp', 'Đơn vị', 'Tỷ lệ', 'Số tiền'], [50, 150, 400, 470], bold)
  for (const a of input.allocations) line([a.level, a.unitName.slice(0, 45), `${a.percent}%`, money(a.amount)], [50, 150, 400, 470])
  line(['Tổng đã thu', '', '', money(input.collected)], [50, 150, 400, 470], bold)
  y -= 8
  line(['Họ và tên', 'Phải đóng', 'Đã đóng', 'Còn nợ'], [50, 300, 390, 480], bold)
  for (const r of input.report) line([r.fullName.slice(0, 45), money(r.due), money(r.paid), money(r.owed)], [50, 300, 390, 480])
  line([`Tổng (${input.totals.members} đảng viên)`, money(input.totals.due), money(input.totals.paid), money(input.totals.owed)], [50, 300, 390, 480], bold)
  return doc.save()
}
