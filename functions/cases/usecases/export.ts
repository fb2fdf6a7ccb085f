/**
 * The register of a commission's cases as a workbook (XLSX): the register
 * number, the day received, the type and source, the subject, who or what it
 * concerns, the state, the inspector, the deadline and whether it was
 * handled within the limit. The complainant is not a column and is never
 * read here: the export is built from the case items alone.
 */
import { nameOn } from '../../../shared/org/tree.js'
import type { Case } from '../../../shared/cases/contracts.js'
import { runningDeadline } from '../../../shared/cases/complaints.js'
import { caseStore } from '../adapters/store.js'
import { caseKpis, type CaseContext } from './cases.js'

const TYPE = { complaint: 'Khiếu nại', denunciation: 'Tố cáo', violation: 'Dấu hiệu vi phạm' } as const
const SOURCE = { mail: 'Qua bưu điện', reception: 'Tiếp dân', portal: 'Cổng thông tin', transferred: 'Cơ quan khác chuyển đến' } as const
export const STATE_VI: Record<Case['state'], string> = {
  received: 'Mới tiếp nhận', registered: 'Đã vào sổ', classified: 'Đã phân loại', assigned: 'Đã phân công', verifying: 'Đang xác minh',
  concluded: 'Đã kết luận', measures: 'Đang theo dõi thi hành', forwarded: 'Đã chuyển đơn', archived: 'Lưu đơn, không xử lý', closed: 'Đã đóng hồ sơ',
}
const dmy = (iso?: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')

export async function exportCases(ctx: CaseContext, commissionId: string) {
  await caseKpis(ctx, commissionId) // the same checks as a read of the register
  const index = await ctx.tree()
  const cases = (await caseStore.all(commissionId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('Sổ vụ việc')
  sheet.addRow(['Số vào sổ', 'Ngày nhận', 'Loại', 'Nguồn', 'Nội dung', 'Đối tượng', 'Trạng thái', 'Kiểm tra viên', 'Hạn', 'Đúng hạn']).font = { bold: true }
  for (const c of cases) {
    sheet.addRow([c.registerNo ?? '', dmy(c.receivedOn), TYPE[c.type], SOURCE[c.source], c.subject, c.concerns, STATE_VI[c.state], c.inspector?.fullName ?? '',
      dmy(runningDeadline(c) ?? c.handling?.due), c.withinLimit === undefined ? '' : c.withinLimit ? 'Có' : 'Không'])
  }
  for (const [i, w] of [16, 12, 16, 20, 50, 30, 20, 24, 12, 10].entries()) sheet.getColumn(i + 1).width = w
  const u = index.get(commissionId)!
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
  return {
    fileName: `so-vu-viec-${nameOn(u, ctx.date).code.toLowerCase()}-${ctx.date}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(bytes).toString('base64'), rows: cases.length,
  }
}
