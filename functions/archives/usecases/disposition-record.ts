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
import { drawTable, type Flow, type TableColumn } from '../../lib/signing/table.js'

const A4: [number, number] = [595.28, 841.89]
const LEFT = 50
const RIGHT = 545
/** Columns: no., file code, title, class, period, closed, action — widths in points (495 in all). */
const COLUMNS: TableColumn[] = [
  { head: 'STT', width: 28, align: 'centre' },
  { head: 'Ký hiệu', width: 64 },
  { head: 'Tiêu đề hồ sơ', width: 196 },
  { head: 'Nhóm', width: 38, align: 'centre' },
  { head: 'Thời hạn', width: 52 },
  { head: 'Năm kết thúc', width: 54, align: 'centre' },
  { head: 'Xử lý', width: 63 },
]

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

  const flow: Flow = { doc, page, y, size: A4, top: 51, bottom: 150 }
  drawTable(flow, fonts, LEFT, COLUMNS, input.acting.map((i, n) => [
    String(n + 1), i.code, i.title, i.classCode, periodText(i.period, 'vi'), String(i.closedYear), i.decision === 'destroy' ? 'Hủy' : 'Nộp lưu',
  ]))
  // The signer's title, signature and name are the signing port's block (signed in disposition.ts).
  return doc.save()
}
