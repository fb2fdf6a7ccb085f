/**
 * A ruled table drawn into a PDF the platform composes (records, reports,
 * inventories): a bold header row, every cell's text wrapped to its column,
 * a row never split across pages, the header repeated at the top of each
 * new page. The caller keeps the page and the height reached in a `Flow`,
 * which the table moves on.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'
import { wrap } from './fonts.js'

export interface TableColumn { head: string; width: number; align?: 'left' | 'centre' }

/** Where the next line goes: the page, its height, and the page size and margins a new page gets. */
export interface Flow {
  doc: PDFDocument
  page: PDFPage
  y: number
  size: [number, number]
  top: number
  bottom: number
}

/** Moves to a new page when less than `need` points are left above the bottom margin. */
export function room(flow: Flow, need: number): void {
  if (flow.y - need < flow.bottom) { flow.page = flow.doc.addPage(flow.size); flow.y = flow.size[1] - flow.top }
}

const PAD = 3
const INK = rgb(0, 0, 0)

export function drawTable(flow: Flow, fonts: { regular: PDFFont; bold: PDFFont }, x: number, columns: readonly TableColumn[], rows: readonly string[][], o: { size?: number } = {}): void {
  const size = o.size ?? 9
  const leading = size + 2
  const drawRow = (cells: readonly string[], font: PDFFont) => {
    const lines = columns.map((c, k) => wrap(cells[k] ?? '', font, size, c.width - 2 * PAD))
    const height = Math.max(1, ...lines.map((l) => l.length)) * leading + 2 * PAD
    let cx = x
    columns.forEach((c, k) => {
      flow.page.drawRectangle({ x: cx, y: flow.y - height, width: c.width, height, borderColor: INK, borderWidth: 0.5 })
      lines[k].forEach((l, m) => {
        const lx = c.align === 'centre' ? cx + (c.width - font.widthOfTextAtSize(l, size)) / 2 : cx + PAD
        flow.page.drawText(l, { x: lx, y: flow.y - PAD - size - m * leading + 1, size, font, color: INK })
      })
      cx += c.width
    })
    flow.y -= height
    return height
  }
  const heightOf = (cells: readonly string[], font: PDFFont) => Math.max(1, ...columns.map((c, k) => wrap(cells[k] ?? '', font, size, c.width - 2 * PAD).length)) * leading + 2 * PAD
  const header = columns.map((c) => c.head)
  room(flow, heightOf(header, fonts.bold) + heightOf(rows[0] ?? [], fonts.regular))
  drawRow(header, fonts.bold)
  for (const r of rows) {
    const h = heightOf(r, fonts.regular)
    if (flow.y - h < flow.bottom) { room(flow, Infinity); drawRow(header, fonts.bold) }
    drawRow(r, fonts.regular)
  }
}
