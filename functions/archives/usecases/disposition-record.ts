/**
 * The disposition's record (biên bản hủy tài liệu hết giá trị và nộp lưu
 * tài liệu vào lưu trữ lịch sử) as a PDF: who decided (the appraisal
 * council), and a table of the files destroyed and transferred, each with
 * its code, title, class and period, the year it closed. Names, never ids.
 * Signed afterwards through the signing port (disposition.ts).
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { Disposition, DispositionItem } from '../../../shared/archives/contracts.js'
import { periodText } from '../../../shared/archives/retention.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'

const A4: [number, number] = [595.28, 841.89]
const LEFT = 50
const RIGHT = 545
/** Columns: no., file code, title, class, period, closed, action — x positions and widths in points. */
const COLUMNS = [
  { head: 'STT', x: 50, w: 26 },
  { head: 'Ký hiệu', x: 78, w: 62 },
  { head: 'Tiêu đề hồ sơ', x: 142, w: 200 },
  { head: 'Nhóm', x: 344, w: 34 },
  { head: 'Thời hạn', x: 380, w: 52 },
  { head: 'Năm kết thúc', x: 434, w: 48 },
  { head: 'Xử lý', x: 484, w: 61 },
] as const

export interface DispositionRecordInput {
  disposition: Disposition
  unitName: string
  archiveName?: string
  acting: DispositionItem[]
  /** Việt Nam's date of the record, YYYY-MM-DD. */
  date: string
  signer: string
}


export async function dispositionRecordPdf(input: DispositionRecordInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, ['regular', 'bold', 'oblique'] as const)
  let page: PDFPage = doc.addPage(A4)
  let y = 790
  const ink = rgb(0.07, 0.07, 0.07)
  const text = (t: string, x: number, size = 11, font: PDFFont = fonts.regular) => page.drawText(t, { x, y, size, font, color: ink })
  const centred = (t: string, cx: number, size = 11, font: PDFFont = fonts.regular) => text(t, cx - font.widthOfTextAtSize(t, size) / 2, size, font)
  const paragraph = (t: string, size = 11, font: PDFFont = fonts.regular) => {
    for (const l of wrap(t, font, size, RIGHT - LEFT)) { newPageIfNeeded(size + 6); text(l, LEFT, size, font); y -= size + 6 }
  }
  const newPageIfNeeded = (need: number) => { if (y - need < 150) { page = doc.addPage(A4); y = 790 } }

  const d = input.disposition
  const [yy, mm, dd] = input.date.split('-').map(Number)
  centred(input.unitName.toUpperCase(), 150, 10, fonts.bold)
  centred('ĐẢNG CỘNG SẢN VIỆT NAM', 420, 11, fonts.bold)
  y -= 18
  centred('*', 150, 10)
  const month = mm <= 2 ? String(mm).padStart(2, '0') : String(mm)
  centred(`ngày ${String(dd).padStart(2, '0')} tháng ${month} năm ${yy}`, 420, 11, fonts.oblique)
  y -= 40
  centred('BIÊN BẢN', 297, 14, fonts.bold)
  y -= 20
  centred(`hủy tài liệu hết giá trị và nộp lưu hồ sơ năm ${d.year}`, 297, 12, fonts.bold)
  y -= 30
  const c = d.council
  if (c) {
    paragraph(`Căn cứ kết luận của Hội đồng xác định giá trị tài liệu do đồng chí ${c.chair} làm Chủ tịch, gồm các thành viên: ${c.members.join(', ')}.`)
    if (c.note) paragraph(`Ý kiến của Hội đồng: ${c.note}`)
  }
  const destroyed = input.acting.filter((i) => i.decision === 'destroy')
  const transferred = input.acting.filter((i) => i.decision === 'transfer')
  paragraph(`Số hồ sơ hủy: ${destroyed.length}. Số hồ sơ nộp lưu${input.archiveName ? ` vào ${input.archiveName}` : ''}: ${transferred.length}.`)
  y -= 8

  const header = () => {
    newPageIfNeeded(40)
    for (const col of COLUMNS) {
      const lines = wrap(col.head, fonts.bold, 9, col.w)
      lines.forEach((l, k) => page.drawText(l, { x: col.x, y: y - k * 11, size: 9, font: fonts.bold, color: ink }))
    }
    y -= 30
    page.drawLine({ start: { x: LEFT, y: y + 14 }, end: { x: RIGHT, y: y + 14 }, thickness: 0.5, color: ink })
  }
  header()
  for (const [n, i] of input.acting.entries()) {
    const cells = [
      String(n + 1), i.code, i.title, i.classCode, periodText(i.period, 'vi'), String(i.closedYear),
      i.decision === 'destroy' ? 'Hủy' : 'Nộp lưu',
    ].map((v, k) => wrap(v, fonts.regular, 9, COLUMNS[k].w))
    const height = Math.max(...cells.map((l) => l.length)) * 11
    if (y - height < 150) { page = doc.addPage(A4); y = 790; header() }
    cells.forEach((lines, k) => lines.forEach((l, m) => page.drawText(l, { x: COLUMNS[k].x, y: y - m * 11, size: 9, font: fonts.regular, color: ink })))
    y -= height + 6
  }
  // The signer's title, signature and name are the signing port's block (signed in disposition.ts).
  return doc.save()
}
