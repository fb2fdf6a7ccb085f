/**
 * The data requests' spreadsheets: a unit's pre-filled XLSX template (the
 * form's rows: code, indicator, unit of measure, type, value), the upload of
 * that file filled in — read with the import code of the org module, checked
 * row by row (a file with any bad row changes nothing and comes back as the
 * report, 422) — and the consolidated table as XLSX and as a PDF sealed by
 * the sending unit through the signing port.
 */
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { DomainError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import { normaliseHeader } from '../../../shared/text/fold.js'
import { objectKeys } from '../../../shared/table/objects.js'
import type { AnswerImportReport, AnswerImportRow, AnswerValues, DataRequest, Indicator } from '../../../shared/datarequests/contracts.js'
import { dataRequestPolicy as policy } from '../../../shared/datarequests/policy.js'
import * as rules from '../../../shared/datarequests/rules.js'
import { files, presignUpload, readObject } from '../../lib/adapters/blobs.js'
import { env } from '../../lib/env.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { readRows } from '../../org/usecases/imports.js'
import { dataRequestStore as store } from '../adapters/store.js'
import { answer, answerForm, consolidated, load, type DataRequestContext } from './requests.js'
import { renderConsolidatedPdf } from '../adapters/pdf.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const TYPE_NAMES: Record<Indicator['type'], string> = { number: 'Số', integer: 'Số nguyên', percent: 'Tỷ lệ %', text: 'Chữ' }
/** The template's columns, as its header says them (the upload finds them by these names, diacritics and case aside). */
export const COLUMNS = { code: 'Mã', name: 'Chỉ tiêu', unit: 'Đơn vị tính', type: 'Kiểu', value: 'Giá trị', note: 'Ghi chú' } as const
const HEADER_ROW = 6

/** A file name from a title: "Báo cáo quý IV" → "Bao-cao-quy-IV". */
const fileStem = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'so-lieu'

export async function templateFile(ctx: DataRequestContext, requestId: string, unitId: string) {
  const form = await answerForm(ctx, requestId, unitId)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Số liệu')
  ws.getCell('A1').value = form.title
  ws.getCell('A1').font = { bold: true, size: 13 }
  ws.getCell('A2').value = `Đơn vị gửi số liệu: ${form.unitName}`
  ws.getCell('A3').value = `Đơn vị yêu cầu: ${form.ownerUnitName}`
  ws.getCell('A4').value = `Kỳ số liệu: ${rules.dmy(form.periodFrom)} – ${rules.dmy(form.periodTo)}. Hạn gửi: ${rules.dmy(form.deadline)}`
  ws.getRow(HEADER_ROW).values = Object.values(COLUMNS)
  ws.getRow(HEADER_ROW).font = { bold: true }
  for (const i of form.indicators) {
    const v = form.answer?.values[i.code]
    ws.addRow([i.code, i.name + (i.totalOf?.length ? ` (= ${i.totalOf.join(' + ')})` : ''), i.unit, TYPE_NAMES[i.type], v ?? null, ''])
  }
  ws.columns.forEach((c, n) => { c.width = [8, 50, 14, 12, 16, 30][n] })
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  const fileName = `${fileStem(form.title)}-${fileStem(form.unitName)}.xlsx`
  const key = objectKeys.dataRequestFile(requestId.slice(0, requestId.indexOf('.')), requestId, `mau-${unitId}`, 'xlsx')
  await files.put(key, bytes, XLSX)
  return { fileName, ...(await files.presignDownload(key, fileName, XLSX)) }
}

export async function uploadSlot(ctx: DataRequestContext, body: { fileName: string; contentType: string; size: number }) {
  const limit = env().MAX_UPLOAD_BYTES
  if (body.size > limit) throw new DomainError('upload.tooLarge', 413, { limit })
  if (!body.fileName.toLowerCase().endsWith('.xlsx')) throw new DomainError('upload.badType', 415, { type: body.contentType || body.fileName })
  const objectKey = objectKeys.dataAnswerUpload(ctx.actor.userId, randomUUID())
  return { objectKey, ...(await presignUpload(objectKey, body.contentType || 'application/octet-stream')) }
}

type Issue = { code: string; params?: Record<string, string | number> }
const cellString = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim())

/**
 * Reads an uploaded answer: the header row found by its column names, each
 * indicator's row by its code, the unit of measure compared with the form's,
 * the value read as the indicator's type (Vietnamese number formats
 * accepted), then the totals over the whole. Pure over the rows.
 */
export function readAnswerRows(indicators: readonly Indicator[], rows: unknown[][], lang: Lang): { report: AnswerImportReport; values: AnswerValues } {
  const wanted = { code: ['ma', 'ma chi tieu', 'stt'], value: ['gia tri', 'so lieu', 'gia tri so lieu'], unit: ['don vi tinh', 'dvt'] }
  const headerAt = rows.findIndex((r) => r.some((c) => wanted.code.includes(normaliseHeader(cellString(c)))) && r.some((c) => wanted.value.includes(normaliseHeader(cellString(c)))))
  if (headerAt < 0) throw new RuleError('datarequest.fileColumns', { columns: `${COLUMNS.code}, ${COLUMNS.value}` })
  const col = (names: string[]) => rows[headerAt].findIndex((c) => names.includes(normaliseHeader(cellString(c))))
  const at = { code: col(wanted.code), value: col(wanted.value), unit: col(wanted.unit) }
  if (at.unit < 0) throw new RuleError('datarequest.fileColumns', { columns: COLUMNS.unit })
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const message = (column: string | undefined, e: Issue) => ({ ...(column ? { column } : {}), code: e.code, message: translate(e.code, lang, e.params ?? {}) })
  const values: AnswerValues = {}
  const rowOf = new Map<string, AnswerImportRow>()
  const out: AnswerImportRow[] = []
  for (let n = headerAt + 1; n < rows.length; n++) {
    const cells = rows[n] ?? []
    const code = cellString(cells[at.code])
    if (!code && cells.every((c) => cellString(c) === '')) continue
    const row: AnswerImportRow = { row: n + 1, ok: true, code, errors: [] }
    const i = byCode.get(code)
    if (!i) row.errors.push(message(COLUMNS.code, { code: 'datarequest.unknownIndicator', params: { code } }))
    else if (rowOf.has(code)) row.errors.push(message(COLUMNS.code, { code: 'datarequest.duplicateRow', params: { code } }))
    else {
      const unit = cellString(cells[at.unit])
      if (unit && !rules.sameMeasure(unit, i.unit)) row.errors.push(message(COLUMNS.unit, { code: 'datarequest.unitMismatch', params: { name: i.name, expected: i.unit, got: unit } }))
      const raw = cells[at.value]
      const text = cellString(raw)
      let value: number | string | null = null
      if (text !== '') {
        if (i.type === 'text') value = text
        else {
          const figure = rules.parseFigure(raw)
          if (figure === undefined) row.errors.push(message(COLUMNS.value, { code: 'datarequest.valueNotNumber', params: { name: i.name, value: text } }))
          else value = figure
        }
      }
      if (!row.errors.some((e) => e.column === COLUMNS.value)) for (const p of rules.valueIssues(i, value)) row.errors.push(message(COLUMNS.value, p))
      values[code] = value
      rowOf.set(code, row)
    }
    row.ok = row.errors.length === 0
    out.push(row)
  }
  for (const i of indicators) {
    if (!rowOf.has(i.code) && !i.optional) out.push({ row: 0, ok: false, code: i.code, errors: [message(undefined, { code: 'datarequest.missingRow', params: { name: i.name, code: i.code } })] })
  }
  if (out.every((r) => r.ok)) {
    for (const t of rules.totalIssues(indicators, values)) {
      const row = rowOf.get(String(t.params.code))!
      row.errors.push(message(COLUMNS.value, t))
      row.ok = false
    }
  }
  const rejected = out.filter((r) => !r.ok).length
  return { report: { total: out.length, accepted: out.length - rejected, rejected, dryRun: false, rows: out }, values }
}

/** Answers from an uploaded XLSX: the row-by-row report; with any bad row (422) or a dry run, nothing is written. */
export async function importAnswer(ctx: DataRequestContext, requestId: string, unitId: string, body: { objectKey: string; dryRun: boolean }, lang: Lang) {
  if (!body.objectKey.startsWith(objectKeys.dataAnswerUploadPrefix(ctx.actor.userId))) throw new ValidationError([{ path: 'objectKey', code: 'field.invalidValue', params: { path: 'objectKey' } }])
  const { request, index } = await load(ctx, requestId)
  if (!request.recipientUnitIds.includes(unitId) || request.status === 'draft') throw new DomainError('datarequest.notRecipient', 404, { id: unitId })
  policy.authorize(ctx.actor, 'datarequest.answer', unitId, index, ctx.date)
  rules.checkOpen(request)
  const rows = await readRows(await readObject(body.objectKey, env().MAX_UPLOAD_BYTES))
  const { report, values } = readAnswerRows(request.indicators, rows, lang)
  const done = { ...report, dryRun: body.dryRun }
  if (report.rejected > 0) return { status: 422, body: { report: { ...done, accepted: 0 } } }
  if (body.dryRun) return { status: 200, body: { report: done } }
  const saved = await answer(ctx, requestId, unitId, { values }, 'xlsx')
  return { status: 200, body: { report: done, answer: saved } }
}

/** The consolidated table as a file (XLSX, or a PDF sealed by the sending unit), kept under the request, with a download link. */
export async function exportConsolidated(ctx: DataRequestContext, requestId: string, format: 'xlsx' | 'pdf') {
  const table = await consolidated(ctx, requestId)
  const request = (await store.get(requestId)) as DataRequest
  const stem = `Tong-hop-${fileStem(table.title)}`
  const stamp = ctx.now.toISOString().replace(/[-:.]/g, '').slice(0, 15)
  const key = objectKeys.dataRequestFile(request.ownerUnitId, requestId, `tong-hop-${stamp}`, format)
  const contentType = format === 'xlsx' ? XLSX : 'application/pdf'
  const bytes = format === 'xlsx' ? await consolidatedXlsx(table) : await renderConsolidatedPdf(table, { unitId: request.ownerUnitId, name: table.ownerUnitName }, ctx.now)
  await files.put(key, bytes, contentType)
  await new Transaction()
    .audit({ unitId: request.ownerUnitId, action: 'datarequest.export', target: requestId, details: { title: table.title, format } })
    .commit(ctx.auditActor, ctx.now)
  return { fileName: `${stem}.${format}`, ...(await files.presignDownload(key, `${stem}.${format}`, contentType)) }
}

export const STATUS_NAMES = { pending: 'Chưa đến hạn', answered: 'Đã gửi', late: 'Quá hạn' } as const
type Table = Awaited<ReturnType<typeof consolidated>>

export async function consolidatedXlsx(t: Table): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Tổng hợp')
  ws.addRow([t.title]).font = { bold: true, size: 13 }
  ws.addRow([`${t.ownerUnitName} — kỳ ${rules.dmy(t.periodFrom)} – ${rules.dmy(t.periodTo)}, hạn ${rules.dmy(t.deadline)}`])
  ws.addRow([`Đã gửi số liệu: ${t.counts.answered}/${t.counts.recipients} đơn vị; đúng hạn ${t.counts.onTime}; quá hạn chưa gửi ${t.counts.late}`])
  ws.addRow([])
  ws.addRow(['Đơn vị', 'Tình trạng', ...t.indicators.map((i) => `${i.code}. ${i.name}${i.unit ? ` (${i.unit})` : ''}`)]).font = { bold: true }
  for (const r of t.rows) ws.addRow([r.unitName, STATUS_NAMES[r.status], ...t.indicators.map((i) => r.values[i.code] ?? null)])
  const totals = new Map(t.totals.map((x) => [x.code, x]))
  ws.addRow(['Tổng cộng (bình quân với tỷ lệ %)', '', ...t.indicators.map((i) => totals.get(i.code)?.value ?? null)]).font = { bold: true }
  ws.getColumn(1).width = 40
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
