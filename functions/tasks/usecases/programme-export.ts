/**
 * A work programme as a workbook (XLSX) in the layout offices circulate: the
 * heading (unit, programme, period, approval), then one row per item — No.,
 * content, preparing unit, presiding leader, time, expected output,
 * progress — dropped items kept with their reason, moved ones with the day
 * they were moved from. Names only, never ids.
 */
import { showProgramme } from './programmes.js'
import type { TaskContext } from './tasks.js'

const dmy = (iso?: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')
const PROGRESS_VI = { dropped: 'Đưa ra khỏi chương trình', 'not-started': 'Chưa triển khai', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành', overdue: 'Quá hạn' } as const
const STATE_VI = { draft: 'Dự thảo', submitted: 'Đã trình', approved: 'Đã duyệt' } as const

export async function exportProgramme(ctx: TaskContext, id: string) {
  const p = await showProgramme(ctx, id)
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('Chương trình công tác')
  sheet.addRow([p.unitName.toUpperCase()]).font = { bold: true }
  sheet.addRow([`${p.title.toUpperCase()} — ${p.periodName.toUpperCase()}`]).font = { bold: true, size: 13 }
  sheet.addRow([p.state === 'approved' ? `Đã duyệt ngày ${dmy(p.approvedAt?.slice(0, 10))} (${p.approvedBy?.fullName ?? ''})` : STATE_VI[p.state]])
  sheet.addRow([])
  sheet.addRow(['STT', 'Nội dung', 'Cơ quan chuẩn bị', 'Lãnh đạo chủ trì', 'Thời gian', 'Sản phẩm', 'Tiến độ', 'Ghi chú']).font = { bold: true }
  for (const [n, i] of p.items.entries()) {
    const note = [i.cascadedFrom ? `Thực hiện: ${i.cascadedFrom.content}` : '', i.movedFrom ? `Lùi từ ${dmy(i.movedFrom)}` : '', i.reason ? `Lý do: ${i.reason}` : ''].filter(Boolean).join('; ')
    sheet.addRow([n + 1, i.content, i.preparingUnitName, i.presidingLeader?.fullName ?? '', dmy(i.dueOn), i.output, `${PROGRESS_VI[i.progress.state]} (${i.progress.percent}%)`, note])
  }
  for (const [i, w] of [6, 60, 28, 24, 12, 24, 24, 40].entries()) { const c = sheet.getColumn(i + 1); c.width = w; c.alignment = { wrapText: true, vertical: 'top' } }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
  return {
    fileName: `chuong-trinh-cong-tac-${p.periodName.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-')}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: Buffer.from(bytes).toString('base64'), rows: p.items.length,
  }
}
