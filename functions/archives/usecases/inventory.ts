/**
 * The fonds' inventory (mục lục hồ sơ) as an XLSX workbook: one row per
 * file the unit owns or keeps, in file-code order — number, code, title,
 * years, pages, documents, the file plan's class and its period, status —
 * headed by the unit's name on the day. Stored beside the fonds and handed
 * back as a download link. Names, never ids.
 */
import ExcelJS from 'exceljs'
import { periodText } from '../../../shared/archives/retention.js'
import { nameOn } from '../../../shared/org/tree.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { files } from '../../lib/adapters/blobs.js'
import { listFiles, type ArchiveContext } from './archives.js'

const STATUS_VI = { open: 'Đang mở', closed: 'Đã kết thúc', destroyed: 'Đã hủy' } as const
export const INVENTORY_HEADER = ['STT', 'Ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Năm bắt đầu', 'Năm kết thúc', 'Số trang', 'Số văn bản', 'Nhóm hồ sơ', 'Thời hạn bảo quản', 'Tình trạng'] as const

export async function fondsInventory(ctx: ArchiveContext, unitId: string): Promise<{ url: string; fileName: string; files: number }> {
  const { items } = await listFiles(ctx, unitId)
  const unit = (await ctx.tree()).get(unitId)!
  const unitName = nameOn(unit, ctx.date).name
  const wb = new ExcelJS.Workbook()
  wb.creator = unitName
  wb.created = ctx.now
  const ws = wb.addWorksheet('Mục lục hồ sơ')
  ws.addRow([`MỤC LỤC HỒ SƠ — PHÔNG ${unitName.toUpperCase()}`]).font = { bold: true }
  ws.addRow([`Lập ngày ${ctx.date.split('-').reverse().join('/')}`])
  ws.addRow([])
  ws.addRow([...INVENTORY_HEADER]).font = { bold: true }
  items.forEach((f, i) => ws.addRow([
    i + 1, f.code, f.title, f.startYear, f.endYear ?? null, f.pages, f.documents,
    `${f.retention.classCode} ${f.retention.className.vi}`, periodText(f.retention.period, 'vi'), STATUS_VI[f.status],
  ]))
  ws.getColumn(3).width = 60
  ws.getColumn(8).width = 40
  const key = objectKeys.archiveInventory(unitId, ctx.date)
  await files.put(key, new Uint8Array(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const fileName = `muc-luc-ho-so-${ctx.date}.xlsx`
  const link = await files.presignDownload(key, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  return { url: link.url, fileName, files: items.length }
}
