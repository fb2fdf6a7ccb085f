/**
 * A KPI report's two files. The PDF in the Party form (36-HD/VPTW: the
 * issuing body over its superior with the star, "Số 01-BC/ĐU", the place and
 * date line under "ĐẢNG CỘNG SẢN VIỆT NAM", the type and summary, the
 * recipients), each KPI against its target as a table and as bars drawn into
 * the page, the trend and the units below as tables; sealed by the unit
 * through the signing port. The XLSX holds the same figures, one sheet each.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import ExcelJS from 'exceljs'
import { signPdf } from '../../lib/signing/index.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import { drawPartyHeader } from '../../lib/signing/party-header.js'
import { vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'
import type { KpiResult, RankRow, TrendPoint } from '../../../shared/dashboards/compute.js'
import { KPIS, kpiById, type KpiId } from '../../../shared/dashboards/targets.js'

export interface ReportContent {
  registerNumber: string
  issuer: { unitId: string; name: string; parentName: string; code: string }
  place: string
  kind: 'week' | 'month' | 'custom'
  from: string
  to: string
  snapshotDate: string | null
  kpis: KpiResult[]
  months: TrendPoint[]
  weeks: TrendPoint[]
  /** The units below on each KPI (ranked). */
  ranking: Partial<Record<KpiId, RankRow[]>>
  recipients: string[]
  issuedAt: Date
}

export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('vi-VN')}%`)
export const shown = (kpi: KpiId, v: number | null) => (v === null ? '—' : kpiById(kpi).kind === 'count' ? String(v) : pct(v))
export const STATUS_VI: Record<KpiResult['status'], string> = { met: 'Đạt', behind: 'Chưa đạt', late: 'Chưa đạt, quá hạn', noData: 'Chưa có số liệu', notMeasured: 'Chưa đo' }
const periodName = (c: Pick<ReportContent, 'kind' | 'from' | 'to'>) =>
  `${c.kind === 'week' ? 'tuần' : c.kind === 'month' ? `tháng ${c.from.slice(5, 7)}/${c.from.slice(0, 4)}` : 'kỳ'} từ ngày ${dmy(c.from)} đến ngày ${dmy(c.to)}`
const targetText = (r: KpiResult) => (!r.target ? '—' : kpiById(r.kpi).kind === 'count' ? `≤ ${r.target.threshold}` : `≥ ${pct(r.target.threshold)}`)

export async function renderReportPdf(c: ReportContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const)
  doc.setTitle(`Báo cáo ${c.registerNumber}: kết quả thực hiện chỉ tiêu chuyển đổi số`)
  doc.setAuthor(c.issuer.name)
  doc.setCreationDate(c.issuedAt)
  doc.setModificationDate(c.issuedAt)
  const ink = rgb(0, 0, 0)
  let page: PDFPage = doc.addPage([595.28, 841.89])
  const centre = (text: string, font: PDFFont, size: number, cx: number, y: number) => page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: ink })
  drawPartyHeader(page, { regular, bold }, { parentName: c.issuer.parentName, issuerName: c.issuer.name, numberLine: `Số ${c.registerNumber}`, dateLine: dateLine(c.place, vietnamDay(c.issuedAt)) })
  centre('BÁO CÁO', bold, 14, 297, 705)
  centre('kết quả thực hiện các chỉ tiêu chuyển đổi số', bold, 12, 297, 688)
  centre(periodName(c), regular, 11, 297, 672)
  let y = 640
  const newPageIfBelow = (min: number) => { if (y < min) { page = doc.addPage([595.28, 841.89]); y = 790 } }
  const row = (cells: string[], xs: number[], font: PDFFont = regular, size = 9) => {
    newPageIfBelow(70)
    cells.forEach((t, i) => page.drawText(t, { x: xs[i], y, size, font, color: ink }))
    y -= size + 6
  }
  const para = (text: string, font: PDFFont = regular, size = 11) => { for (const w of wrap(text, font, size, 480)) { newPageIfBelow(70); page.drawText(w, { x: 60, y, size, font, color: ink }); y -= size + 6 } }
  para(`Số liệu chốt ngày ${c.snapshotDate ? dmy(c.snapshotDate) : '(chưa có)'}, tính trên toàn bộ các tổ chức trực thuộc.`)
  y -= 4
  para('1. Kết quả so với chỉ tiêu', bold)
  const cols = [60, 300, 360, 420, 480]
  row(['Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Hạn', 'Đánh giá'], cols, bold)
  for (const r of c.kpis) {
    const name = wrap(kpiById(r.kpi).name.vi, regular, 9, 235)
    row([name[0], shown(r.kpi, r.value), targetText(r), r.target ? dmy(r.target.deadline) : '—', STATUS_VI[r.status]], cols)
    for (const more of name.slice(1)) row([more], cols)
  }
  // The shares as bars (0–100%), the target as a tick: the chart drawn into the page; the table above is its data.
  y -= 6
  para('Biểu đồ: tỷ lệ đạt được (thanh) và mục tiêu (vạch)', bold, 10)
  const shares = c.kpis.filter((r) => kpiById(r.kpi).kind === 'share' && kpiById(r.kpi).measured)
  newPageIfBelow(shares.length * 18 + 80)
  for (const r of shares) {
    const label = wrap(kpiById(r.kpi).name.vi, regular, 8, 190)[0]
    page.drawText(label, { x: 60, y, size: 8, font: regular, color: ink })
    page.drawRectangle({ x: 260, y: y - 2, width: 250, height: 10, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 })
    if (r.value !== null) page.drawRectangle({ x: 260, y: y - 2, width: 250 * Math.min(1, r.value), height: 10, color: r.status === 'met' ? rgb(0.2, 0.55, 0.3) : rgb(0.75, 0.2, 0.15) })
    if (r.target) page.drawLine({ start: { x: 260 + 250 * r.target.threshold, y: y - 4 }, end: { x: 260 + 250 * r.target.threshold, y: y + 10 }, thickness: 1.5, color: ink })
    page.drawText(shown(r.kpi, r.value), { x: 515, y, size: 8, font: regular, color: ink })
    y -= 18
  }
  y -= 6
  para('2. Diễn biến theo tháng', bold)
  const measured = KPIS.filter((k) => k.measured && k.kind === 'share').map((k) => k.id)
  const short: Record<string, string> = { 'documents.digital': 'VB số', 'documents.onTime': 'VB đúng hạn', 'identity.mfa': 'MFA', 'members.digitised': 'Hồ sơ ĐV', 'archives.digitised': 'Lưu trữ', 'tasks.onTime': 'NV đúng hạn' }
  const tcols = [60, 130, 200, 270, 340, 410, 480]
  row(['Tháng', ...measured.map((k) => short[k])], tcols, bold)
  for (const p of c.months) row([`${p.period.slice(5, 7)}/${p.period.slice(0, 4)}`, ...measured.map((k) => pct(p.values[k] ?? null))], tcols)
  if (!c.months.length) row(['(chưa có số liệu)'], tcols)
  y -= 6
  para('3. Các đơn vị trực thuộc (văn bản xử lý trên môi trường số)', bold)
  const units = c.ranking['documents.digital'] ?? []
  row(['Hạng', 'Đơn vị', 'Kết quả', 'Văn bản số / tổng'], [60, 100, 400, 470], bold)
  for (const u of units.slice(0, 30)) row([u.rank === null ? '—' : String(u.rank), wrap(u.name, regular, 9, 290)[0], pct(u.value), `${u.part}/${u.whole}`], [60, 100, 400, 470])
  if (!units.length) row(['', '(không có đơn vị trực thuộc)'], [60, 100])
  // The signing block: the issuing body, its seal (the organisation's signature) below; recipients at the left.
  newPageIfBelow(230)
  const blockTop = y - 10
  page.drawText('Nơi nhận:', { x: 60, y: blockTop, size: 10, font: bold, color: ink })
  let ry = blockTop - 14
  for (const r of [...c.recipients, 'Lưu Văn phòng.']) { page.drawText(`- ${r}`, { x: 60, y: ry, size: 9, font: regular, color: ink }); ry -= 12 }
  centre(c.issuer.name.toUpperCase(), bold, 11, 420, blockTop)
  const pageIndex = doc.getPageCount()
  const pdf = await doc.save({ useObjectStreams: false })
  return signPdf(pdf, {
    signer: { kind: 'organisation', id: c.issuer.unitId, commonName: c.issuer.name, organisation: c.issuer.name },
    kind: 'seal', reason: `Báo cáo ${c.registerNumber}`, location: c.place, signedAt: c.issuedAt, superior: c.issuer.parentName,
    appearance: { page: pageIndex, rect: [340, blockTop - 140, 500, blockTop - 20] },
  })
}

export async function renderReportXlsx(c: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = c.issuer.name
  wb.created = c.issuedAt
  const s1 = wb.addWorksheet('Chỉ tiêu')
  s1.addRow([`${c.issuer.name} — Báo cáo số ${c.registerNumber}`])
  s1.addRow([`Kỳ ${periodName(c)}; số liệu chốt ngày ${c.snapshotDate ? dmy(c.snapshotDate) : '(chưa có)'}`])
  s1.addRow([])
  s1.addRow(['Chỉ tiêu', 'Kết quả', 'Tử số', 'Mẫu số', 'Mục tiêu', 'Hạn', 'Nguồn', 'Đánh giá']).font = { bold: true }
  for (const r of c.kpis) {
    const k = kpiById(r.kpi)
    s1.addRow([k.name.vi, r.value === null ? null : r.value, r.part, k.kind === 'count' ? null : r.whole, r.target?.threshold ?? null, r.target ? dmy(r.target.deadline) : null, r.target?.source ?? null, STATUS_VI[r.status]])
  }
  s1.getColumn(1).width = 60
  s1.getColumn(7).width = 50
  const s2 = wb.addWorksheet('Theo tháng')
  const measured = KPIS.filter((k) => k.measured).map((k) => k.id)
  s2.addRow(['Tháng', ...measured.map((k) => kpiById(k).name.vi)]).font = { bold: true }
  for (const p of c.months) s2.addRow([p.period, ...measured.map((k) => p.values[k] ?? null)])
  const s3 = wb.addWorksheet('Theo tuần')
  s3.addRow(['Tuần (từ thứ Hai)', ...measured.map((k) => kpiById(k).name.vi)]).font = { bold: true }
  for (const p of c.weeks) s3.addRow([p.period, ...measured.map((k) => p.values[k] ?? null)])
  const s4 = wb.addWorksheet('Đơn vị trực thuộc')
  s4.addRow(['Đơn vị', ...measured.map((k) => kpiById(k).name.vi)]).font = { bold: true }
  const names = new Map<string, Record<string, number | null>>()
  for (const k of measured) for (const r of c.ranking[k] ?? []) names.set(r.name, { ...(names.get(r.name) ?? {}), [k]: r.value })
  for (const [name, v] of names) s4.addRow([name, ...measured.map((k) => v[k] ?? null)])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
