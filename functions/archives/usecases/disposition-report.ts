/**
 * The year's disposition report (báo cáo xét hủy tài liệu hết giá trị và
 * nộp lưu) of a fonds, as a PDF and an XLSX: each round of the year — who
 * proposed it and when, the appraisal council (its chair and members), who
 * recorded its decision and when, who carried it out — and per file what
 * was proposed, what the council decided (destroy, transfer, keep, with the
 * reason it kept it) and whether it was done. The PDF has the unit's Party
 * header and Việt Nam's date and is sealed by the unit. Names, never ids.
 */
import ExcelJS from 'exceljs'
import type { Disposition, DispositionItem } from '../../../shared/archives/contracts.js'
import { archivePolicy } from '../../../shared/archives/policy.js'
import { periodText } from '../../../shared/archives/retention.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { DomainError } from '../../../shared/errors/index.js'
import { nameOn } from '../../../shared/org/tree.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { wrap } from '../../lib/signing/fonts.js'
import { drawTable, room, type TableColumn } from '../../lib/signing/table.js'
import { archiveStore } from '../adapters/store.js'
import type { ArchiveContext } from './archives.js'
import { MARGIN, PAGE, TEXT_WIDTH, XLSX, dmy, recordHeader, sealed, stored, unitPaper } from './paper.js'

const ACTION_VI = { destroy: 'Hủy', transfer: 'Nộp lưu', keep: 'Giữ lại' } as const
const STATUS_VI: Record<Disposition['status'], string> = {
  proposed: 'Chờ Hội đồng kết luận', approved: 'Hội đồng đã đồng ý, chờ thực hiện', rejected: 'Hội đồng không đồng ý', 'carrying-out': 'Đang thực hiện', done: 'Đã thực hiện xong',
}
const day = (iso: string) => dmy(vietnamDate(new Date(iso)))

/** The council's decision on a file, and whether it was carried out. */
export function decisionText(d: Disposition, i: DispositionItem): string {
  if (!i.decision) return 'Chưa có kết luận'
  if (i.decision === 'keep') return 'Giữ lại'
  if (i.done) return i.decision === 'destroy' ? 'Hủy (đã hủy)' : 'Nộp lưu (đã nộp lưu)'
  return d.status === 'done' ? ACTION_VI[i.decision] : `${ACTION_VI[i.decision]} (chưa thực hiện)`
}
/** Why: the council's reason for keeping a file, or its opinion when it rejected the round. */
const reasonOf = (d: Disposition, i: DispositionItem) => i.keepReason ?? (d.council && !d.council.approved ? d.council.note ?? '' : '')

const COLUMNS: TableColumn[] = [
  { head: 'STT', width: 26, align: 'centre' },
  { head: 'Số, ký hiệu hồ sơ', width: 60 },
  { head: 'Tiêu đề hồ sơ', width: 128 },
  { head: 'Thời hạn bảo quản', width: 52, align: 'centre' },
  { head: 'Đề nghị', width: 47, align: 'centre' },
  { head: 'Kết luận của Hội đồng', width: 65, align: 'centre' },
  { head: 'Lý do, ghi chú', width: 75 },
]

function roundLines(d: Disposition, n: number): string[] {
  const out = [`Đợt ${n}: ${d.items.length} hồ sơ, đề nghị ngày ${day(d.proposedAt)} (đồng chí ${d.proposedBy.fullName} lập)${d.note ? `; ghi chú: ${d.note}` : ''}. Tình trạng: ${STATUS_VI[d.status]}.`]
  const c = d.council
  if (c) {
    out.push(`Hội đồng xác định giá trị tài liệu do đồng chí ${c.chair} làm Chủ tịch, thành viên: ${c.members.join(', ')}, kết luận ${c.approved ? 'đồng ý' : 'không đồng ý'}; đồng chí ${c.decidedBy.fullName} ghi nhận ngày ${day(c.decidedAt)}.${c.note ? ` Ý kiến của Hội đồng: ${c.note}` : ''}`)
  }
  if (d.completedBy && d.completedAt) out.push(`Đồng chí ${d.completedBy.fullName} thực hiện xong ngày ${day(d.completedAt)}; biên bản hủy và nộp lưu đã ký số.`)
  return out
}

export async function dispositionReport(ctx: ArchiveContext, unitId: string, year: number, format: 'xlsx' | 'pdf'): Promise<{ url: string; fileName: string; files: number }> {
  const index = await ctx.tree()
  if (!index.get(unitId)) throw new DomainError('notFound.unit', 404, { id: unitId })
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, index, ctx.date)
  const rounds = (await archiveStore.dispositionsOf(unitId)).filter((d) => d.year === year).sort((a, b) => a.proposedAt.localeCompare(b.proposedAt))
  const unitName = nameOn(index.get(unitId)!, ctx.date).name
  const files = rounds.reduce((s, d) => s + d.items.length, 0)
  const base = `bao-cao-xet-huy-${year}-${ctx.date}`
  if (format === 'pdf') {
    const paper = recordHeader(index, unitId, ctx.date)
    const doc = await unitPaper(paper, ctx.date, `Báo cáo xét hủy tài liệu hết giá trị năm ${year}`)
    const { flow, fonts } = doc
    const lines = (t: string, o: { size?: number; font?: typeof fonts.regular; centre?: boolean } = {}) => {
      const size = o.size ?? 11
      const font = o.font ?? fonts.regular
      for (const l of wrap(t, font, size, TEXT_WIDTH)) {
        room(flow, size + 6)
        flow.page.drawText(l, { x: o.centre ? (PAGE[0] - font.widthOfTextAtSize(l, size)) / 2 : MARGIN.left, y: flow.y, size, font })
        flow.y -= size + 5
      }
    }
    lines('BÁO CÁO', { size: 15, font: fonts.bold, centre: true })
    lines(`kết quả xét hủy tài liệu hết giá trị và nộp lưu năm ${year}`, { size: 12, font: fonts.bold, centre: true })
    lines(`Phông lưu trữ ${unitName}`, { size: 11, font: fonts.oblique, centre: true })
    flow.y -= 10
    if (rounds.length === 0) lines(`Năm ${year} không có đợt xét hủy nào.`)
    for (const [n, d] of rounds.entries()) {
      for (const l of roundLines(d, n + 1)) lines(l, { size: 10 })
      flow.y -= 4
      drawTable(flow, fonts, MARGIN.left, COLUMNS, d.items.map((i, k) => [
        String(k + 1), i.code, i.title, periodText(i.period, 'vi'), ACTION_VI[i.action], decisionText(d, i), reasonOf(d, i),
      ]))
      flow.y -= 14
    }
    const totals = rounds.flatMap((d) => d.items)
    lines(`Tổng cộng: ${totals.filter((i) => i.done && i.decision === 'destroy').length} hồ sơ đã hủy, ${totals.filter((i) => i.done && i.decision === 'transfer').length} hồ sơ đã nộp lưu, ${totals.filter((i) => i.decision === 'keep').length} hồ sơ giữ lại.`, { size: 10, font: fonts.oblique })
    const pdf = await sealed(doc, { unitId, ...paper }, `Báo cáo xét hủy tài liệu hết giá trị năm ${year}`, ctx.now)
    return { ...await stored(objectKeys.archiveDispositionReport(unitId, year, ctx.date, 'pdf'), pdf, `${base}.pdf`, 'application/pdf'), files }
  }
  const wb = new ExcelJS.Workbook()
  wb.creator = unitName
  wb.created = ctx.now
  const ws = wb.addWorksheet('Xét hủy')
  ws.addRow([`BÁO CÁO XÉT HỦY TÀI LIỆU HẾT GIÁ TRỊ VÀ NỘP LƯU NĂM ${year} — PHÔNG ${unitName.toUpperCase()}`]).font = { bold: true }
  ws.addRow([`Lập ngày ${dmy(ctx.date)}`])
  ws.addRow([])
  ws.addRow([...DISPOSITION_REPORT_HEADER]).font = { bold: true }
  for (const [n, d] of rounds.entries()) {
    for (const [k, i] of d.items.entries()) {
      ws.addRow([
        n + 1, k + 1, i.code, i.title, `${i.classCode} ${i.className.vi}`, periodText(i.period, 'vi'), i.closedYear, ACTION_VI[i.action], decisionText(d, i), reasonOf(d, i),
        d.proposedBy.fullName, day(d.proposedAt), d.council?.chair ?? null, d.council?.decidedBy.fullName ?? null, d.council ? day(d.council.decidedAt) : null,
      ])
    }
  }
  ws.getColumn(4).width = 50
  ws.getColumn(10).width = 40
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
  return { ...await stored(objectKeys.archiveDispositionReport(unitId, year, ctx.date, 'xlsx'), bytes, `${base}.xlsx`, XLSX), files }
}

export const DISPOSITION_REPORT_HEADER = [
  'Đợt', 'STT', 'Ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Nhóm hồ sơ', 'Thời hạn bảo quản', 'Năm kết thúc', 'Đề nghị', 'Kết luận của Hội đồng', 'Lý do, ghi chú',
  'Người đề nghị', 'Ngày đề nghị', 'Chủ tịch Hội đồng', 'Người ghi nhận kết luận', 'Ngày kết luận',
] as const
