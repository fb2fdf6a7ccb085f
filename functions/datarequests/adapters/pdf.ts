/**
 * The consolidated table of a data request as a PDF (A4 landscape): the
 * title, the period and who answered, then the table unit × indicator with
 * the totals, six indicators to a block; sealed by the sending unit through
 * the signing port, as the platform's other papers.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { signPdf } from '../../lib/signing/index.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import type { Indicator } from '../../../shared/datarequests/contracts.js'
import { dmy, type Consolidated } from '../../../shared/datarequests/rules.js'

export interface ConsolidatedContent extends Consolidated {
  title: string; ownerUnitName: string; periodFrom: string; periodTo: string; deadline: string; indicators: Indicator[]
}
const STATUS = { pending: 'Chưa đến hạn', answered: 'Đã gửi', late: 'Quá hạn' } as const
const figure = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('vi-VN', { maximumFractionDigits: 4 }) : String(v))

export async function renderConsolidatedPdf(t: ConsolidatedContent, issuer: { unitId: string; name: string }, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const)
  doc.setTitle(`Tổng hợp số liệu: ${t.title}`)
  doc.setAuthor(issuer.name)
  doc.setCreationDate(at)
  const W = 841.89
  const H = 595.28
  const ink = rgb(0, 0, 0)
  let page: PDFPage = doc.addPage([W, H])
  let y = H - 50
  const text = (s: string, x: number, font: PDFFont = regular, size = 9) => page.drawText(s, { x, y, size, font, color: ink })
  const newPageIfBelow = (min: number) => { if (y < min) { page = doc.addPage([W, H]); y = H - 50 } }
  for (const line of wrap(`TỔNG HỢP SỐ LIỆU: ${t.title.toUpperCase()}`, bold, 13, W - 100)) { text(line, 50, bold, 13); y -= 18 }
  text(`${issuer.name} — kỳ số liệu ${dmy(t.periodFrom)} – ${dmy(t.periodTo)}, hạn gửi ${dmy(t.deadline)}`, 50, regular, 10); y -= 14
  text(`Đã gửi số liệu: ${t.counts.answered}/${t.counts.recipients} đơn vị (đúng hạn ${t.counts.onTime}, quá hạn chưa gửi ${t.counts.late})`, 50, regular, 10); y -= 22
  const totals = new Map(t.totals.map((x) => [x.code, x]))
  for (let c = 0; c < t.indicators.length; c += 6) {
    const block = t.indicators.slice(c, c + 6)
    const cols = [50, 250, ...block.map((_, i) => 330 + i * 80)]
    newPageIfBelow(120)
    const header = ['Đơn vị', 'Tình trạng', ...block.map((i) => `${i.code}. ${i.name}`)]
    const headerLines = header.map((h, n) => wrap(h + (n >= 2 && block[n - 2].unit ? ` (${block[n - 2].unit})` : ''), bold, 8, n === 0 ? 190 : 75).slice(0, 3))
    const tall = Math.max(...headerLines.map((l) => l.length))
    for (let l = 0; l < tall; l++) { headerLines.forEach((lines, n) => { if (lines[l]) page.drawText(lines[l], { x: cols[n], y, size: 8, font: bold, color: ink }) }); y -= 10 }
    y -= 4
    for (const r of t.rows) {
      newPageIfBelow(50)
      const cells = [wrap(r.unitName, regular, 8, 190)[0] ?? '', STATUS[r.status], ...block.map((i) => figure(r.values[i.code]))]
      cells.forEach((s, n) => page.drawText(s, { x: cols[n], y, size: 8, font: regular, color: ink }))
      y -= 11
    }
    newPageIfBelow(50)
    const sums = ['Tổng cộng', '', ...block.map((i) => { const x = totals.get(i.code); return x ? `${figure(x.value)}${x.kind === 'average' ? ' (bq)' : ''}` : '' })]
    sums.forEach((s, n) => page.drawText(s, { x: cols[n], y, size: 8, font: bold, color: ink }))
    y -= 22
  }
  newPageIfBelow(170)
  const blockTop = y - 10
  page.drawText(issuer.name.toUpperCase(), { x: 560, y: blockTop, size: 10, font: bold, color: ink })
  const pdf = await doc.save({ useObjectStreams: false })
  return signPdf(pdf, {
    signer: { kind: 'organisation', id: issuer.unitId, commonName: issuer.name, organisation: issuer.name },
    kind: 'seal', reason: `Tổng hợp số liệu: ${t.title}`.slice(0, 200), location: 'Hà Nội', signedAt: at,
    appearance: { page: doc.getPageCount(), rect: [560, blockTop - 130, 720, blockTop - 10] },
  })
}
