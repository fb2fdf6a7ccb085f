/**
 * The header of a Party document the platform composes itself (36-HD/VPTW):
 * the superior body over the issuing body with the star under it and the
 * number line at the left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date
 * line at the right. Letters and reports draw it the same way.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib'

export function drawPartyHeader(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, h: { parentName: string; issuerName: string; numberLine: string; dateLine: string }): void {
  const { regular, bold } = fonts
  const centre = (text: string, font: PDFFont, size: number, cx: number, y: number) => page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: rgb(0, 0, 0) })
  centre(h.parentName.toUpperCase(), regular, 11, 150, 790)
  centre(h.issuerName.toUpperCase(), bold, 11, 150, 774)
  centre('*', regular, 11, 150, 760)
  centre(h.numberLine, regular, 11, 150, 744)
  centre('ĐẢNG CỘNG SẢN VIỆT NAM', bold, 12, 420, 790)
  centre(h.dateLine, regular, 11, 420, 760)
}
