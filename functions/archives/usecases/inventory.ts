/**
 * The fonds' inventory (mục lục hồ sơ): one row per file the unit owns or
 * keeps, in file-code order, headed by the unit's name on the day. As XLSX
 * (number, code, title, years, pages, documents, the file plan's class and
 * its period, status) and as a PDF in the archival form — number, file
 * code, title, dates from–to, retention, pages, notes — with the unit's
 * Party header and Việt Nam's date, sealed by the unit. Stored beside the
 * fonds and handed back as a download link. Names, never ids.
 */
import ExcelJS from 'exceljs'
import type { ArchiveFile } from '../../../shared/archives/contracts.js'
import { periodText } from '../../../shared/archives/retention.js'
import { nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { drawTable, room, type TableColumn } from '../../lib/signing/table.js'
import { wrap } from '../../lib/signing/fonts.js'
import { listFiles, type ArchiveContext } from './archives.js'
import { MARGIN, PAGE, TEXT_WIDTH, XLSX, dmy, recordHeader, sealed, stored, unitPaper } from './paper.js'

const STATUS_VI = { open: 'Đang mở', closed: 'Đã kết thúc', destroyed: 'Đã hủy' } as const
export const INVENTORY_HEADER = ['STT', 'Ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Năm bắt đầu', 'Năm kết thúc', 'Số trang', 'Số văn bản', 'Nhóm hồ sơ', 'Thời hạn bảo quản', 'Tình trạng'] as const

/** The archival inventory's columns (453 pt, the text width of the Party margins). */
export const INVENTORY_COLUMNS: TableColumn[] = [
  { head: 'STT', width: 26, align: 'centre' },
  { head: 'Số, ký hiệu hồ sơ', width: 60 },
  { head: 'Tiêu đề hồ sơ', width: 146 },
  { head: 'Thời gian bắt đầu - kết thúc', width: 60, align: 'centre' },
  { head: 'Thời hạn bảo quản', width: 52, align: 'centre' },
  { head: 'Số tờ (trang)', width: 37, align: 'centre' },
  { head: 'Ghi chú', width: 72 },
]

/** What the notes column says of a file: open, held, destroyed, transferred, or kept from another fonds. */
function notes(f: ArchiveFile, unitId: string, index: UnitIndex, date: string): string {
  const name = (id: string) => (index.get(id) ? nameOn(index.get(id)!, date).name : id)
  const out: string[] = []
  if (f.status === 'open') out.push('Đang mở')
  if (f.disposition?.kind === 'destroyed') out.push(`Đã hủy ngày ${dmy(f.disposition.at)}`)
  if (f.disposition?.kind === 'transferred' && f.custodianUnitId !== unitId) out.push(`Đã nộp lưu vào ${name(f.disposition.toUnitId!)}`)
  if (f.unitId !== unitId) out.push(`Phông ${name(f.unitId)}`)
  if ((f.holdIds ?? []).length > 0) out.push('Đang tạm giữ, chưa được hủy')
  return out.join('; ')
}

export async function fondsInventory(ctx: ArchiveContext, unitId: string, format: 'xlsx' | 'pdf' = 'xlsx'): Promise<{ url: string; fileName: string; files: number }> {
  const { items } = await listFiles(ctx, unitId)
  const index = await ctx.tree()
  const unitName = nameOn(index.get(unitId)!, ctx.date).name
  if (format === 'pdf') {
    const paper = recordHeader(index, unitId, ctx.date)
    const d = await unitPaper(paper, ctx.date, `Mục lục hồ sơ phông ${unitName}`)
    const { flow, fonts } = d
    const centred = (t: string, size: number, font = fonts.bold) => {
      for (const l of wrap(t, font, size, TEXT_WIDTH)) { room(flow, size + 6); flow.page.drawText(l, { x: (PAGE[0] - font.widthOfTextAtSize(l, size)) / 2, y: flow.y, size, font }); flow.y -= size + 5 }
    }
    centred('MỤC LỤC HỒ SƠ', 15)
    centred(`Phông lưu trữ ${unitName}`, 12)
    centred(`Gồm ${items.length} hồ sơ, lập ngày ${dmy(ctx.date)}`, 10, fonts.oblique)
    flow.y -= 10
    drawTable(flow, fonts, MARGIN.left, INVENTORY_COLUMNS, items.map((f, i) => [
      String(i + 1), f.code, f.title, `${f.startYear}-${f.endYear ?? ''}`, periodText(f.retention.period, 'vi'), String(f.pages), notes(f, unitId, index, ctx.date),
    ]))
    flow.y -= 14
    room(flow, 14)
    flow.page.drawText(`Mục lục này gồm ${items.length} hồ sơ.`, { x: MARGIN.left, y: flow.y, size: 10, font: fonts.oblique })
    const pdf = await sealed(d, { unitId, ...paper }, `Mục lục hồ sơ phông ${unitName}`, ctx.now)
    return { ...await stored(objectKeys.archiveInventory(unitId, ctx.date, 'pdf'), pdf, `muc-luc-ho-so-${ctx.date}.pdf`, 'application/pdf'), files: items.length }
  }
  const wb = new ExcelJS.Workbook()
  wb.creator = unitName
  wb.created = ctx.now
  const ws = wb.addWorksheet('Mục lục hồ sơ')
  ws.addRow([`MỤC LỤC HỒ SƠ — PHÔNG ${unitName.toUpperCase()}`]).font = { bold: true }
  ws.addRow([`Lập ngày ${dmy(ctx.date)}`])
  ws.addRow([])
  ws.addRow([...INVENTORY_HEADER]).font = { bold: true }
  items.forEach((f, i) => ws.addRow([
    i + 1, f.code, f.title, f.startYear, f.endYear ?? null, f.pages, f.documents,
    `${f.retention.classCode} ${f.retention.className.vi}`, periodText(f.retention.period, 'vi'), STATUS_VI[f.status],
  ]))
  ws.getColumn(3).width = 60
  ws.getColumn(8).width = 40
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
  return { ...await stored(objectKeys.archiveInventory(unitId, ctx.date), bytes, `muc-luc-ho-so-${ctx.date}.xlsx`, XLSX), files: items.length }
}
