/**
 * Drafts as Party offices type them (Hướng dẫn 36-HD/VPTW), for the issue
 * tests: one with the number and date lines printed and left blank, one
 * without them whose title stands close under the header, both with the
 * document's own signing block. Drawn with pdf-lib and DejaVu.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

const fontFile = (name: string) => join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', name)

export interface FormatDraft {
  issuer: string
  /** The signing block: title lines and the signer's name, as the draft prints them. */
  signer: { title: string[]; name: string }
  /** The draft's own number and date lines with blanks, e.g. "Số      -KH/ĐU" and "Hoàn Kiếm, ngày      tháng      năm 2026"; none: no such lines. */
  blanks?: { number: string; date: string }
  /** Baseline of the title ("KẾ HOẠCH"). */
  titleAt?: number
}

export async function formatDraft(d: FormatDraft): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(await readFile(fontFile('DejaVuSans.ttf')), { subset: true })
  const bold = await doc.embedFont(await readFile(fontFile('DejaVuSans-Bold.ttf')), { subset: true })
  const italic = await doc.embedFont(await readFile(fontFile('DejaVuSans-Oblique.ttf')), { subset: true })
  const page = doc.addPage([595.28, 841.89])
  const ink = rgb(0, 0, 0)
  const centre = (p: PDFPage, text: string, font: PDFFont, size: number, cx: number, y: number) =>
    p.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: ink })
  centre(page, 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', regular, 12, 175, 790)
  centre(page, d.issuer.toLocaleUpperCase('vi'), bold, 12, 175, 775)
  centre(page, '*', regular, 12, 175, 761)
  centre(page, 'ĐẢNG CỘNG SẢN VIỆT NAM', bold, 12.5, 410, 790)
  page.drawLine({ start: { x: 330, y: 785 }, end: { x: 490, y: 785 }, thickness: 0.5, color: ink })
  if (d.blanks) {
    centre(page, d.blanks.number, regular, 13, 175, 740)
    centre(page, d.blanks.date, italic, 13, 410, 740)
  }
  const titleAt = d.titleAt ?? 690
  centre(page, 'KẾ HOẠCH', bold, 14, 297, titleAt)
  centre(page, 'kiểm tra, giám sát của Đảng ủy năm 2026', bold, 13, 297, titleAt - 18)
  centre(page, '-----', regular, 11, 297, titleAt - 34)
  const body = [
    'Thực hiện Chương trình kiểm tra, giám sát toàn khóa, Ban Thường vụ Đảng ủy',
    'ban hành Kế hoạch kiểm tra, giám sát năm 2026 đối với các chi bộ trực thuộc.',
    'Các chi bộ báo cáo kết quả về Văn phòng Đảng ủy trước ngày 15 tháng 12.',
  ]
  body.forEach((line, i) => page.drawText(line, { x: 85, y: titleAt - 70 - i * 18, size: 12, font: regular, color: ink }))
  let y = 330
  for (const line of d.signer.title) { centre(page, line, bold, 12.5, 420, y); y -= 16 }
  centre(page, d.signer.name, bold, 12.5, 420, y - 84)
  page.drawText('Nơi nhận:', { x: 85, y: 330, size: 11, font: bold, color: ink })
  page.drawText('- Các chi bộ trực thuộc,', { x: 85, y: 316, size: 10, font: regular, color: ink })
  page.drawText('- Lưu Văn phòng Đảng ủy.', { x: 85, y: 303, size: 10, font: regular, color: ink })
  return doc.save({ useObjectStreams: false })
}
