/**
 * Import of units and users from an XLSX or CSV file uploaded to S3. Every
 * row is checked first (format, references inside the file and to the tree,
 * the caller's reach); a file with any rejected row changes nothing and comes
 * back as a row-by-row report (422). A clean file is written row by row, each
 * row with its audit entry.
 */
import { Readable } from 'node:stream'
import { randomUUID } from 'node:crypto'
import { DomainError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import { authorizeClearance, orgPolicy } from '../../../shared/auth/policy.js'
import type { ImportReport, ImportRowResult, Unit } from '../../../shared/org/contracts.js'
import { UNIT_COLUMNS, USER_COLUMNS, columnHeader, mapHeader, mapUnitRow, mapUserRow, type Cell, type RowError } from '../../../shared/org/import.js'
import { assertValidParent, existsOn, indexUnits } from '../../../shared/org/tree.js'
import { presignUpload, readObject } from '../../lib/adapters/blobs.js'
import { env } from '../../lib/env.js'
import { orgStore } from '../adapters/store.js'
import type { OrgContext } from './context.js'
import { createUnit } from './units.js'
import { createUser } from './users.js'
import { mail } from '../../lib/adapters/mail.js'
import { objectKeys } from '../../../shared/table/objects.js'

const MAX_ROWS = 5000
const ACCEPTED_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/octet-stream', '']

export async function createUpload(ctx: OrgContext, body: { fileName: string; contentType: string; size: number }) {
  const limit = env().MAX_UPLOAD_BYTES
  if (body.size > limit) throw new DomainError('upload.tooLarge', 413, { limit })
  const ext = body.fileName.toLowerCase().split('.').pop() ?? ''
  if (!['xlsx', 'csv'].includes(ext) || !ACCEPTED_TYPES.includes(body.contentType)) throw new DomainError('upload.badType', 415, { type: body.contentType || ext })
  const objectKey = objectKeys.importUpload(ctx.actor.userId, randomUUID(), ext)
  return { objectKey, ...(await presignUpload(objectKey, body.contentType || 'application/octet-stream')) }
}

export async function readRows(bytes: Buffer): Promise<Cell[][]> {
  // Loaded on first use: the spreadsheet library is most of the bundle and only imports need it.
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const isZip = bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50
  try {
    if (isZip) await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    else {
      const textContent = bytes.toString('utf8').replace(/^\uFEFF/, '')
      if (textContent.includes('\u0000') || textContent.includes('\uFFFD')) throw new Error('binary')
      await wb.csv.read(Readable.from([textContent]), { parserOptions: { delimiter: detectDelimiter(textContent) } } as never)
    }
  } catch {
    throw new RuleError('import.unsupportedFile')
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new RuleError('import.empty')
  const rows: Cell[][] = []
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as Cell[]).slice(1).map((v) => (v && typeof v === 'object' && !(v instanceof Date) ? cellText(v) : v))
    rows[n - 1] = values
  })
  return rows.map((r) => r ?? [])
}
const cellText = (v: object): Cell => ('text' in v ? String((v as { text: unknown }).text) : 'result' in v ? (v as { result: Cell }).result : 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(v))
const detectDelimiter = (t: string): string => { const first = t.split(/\r?\n/)[0] ?? ''; return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',' }

const message = (e: RowError, lang: Lang, columns: typeof UNIT_COLUMNS) =>
  ({ column: columnHeader(columns, e.column), code: e.code, message: translate(e.code, lang, { path: columnHeader(columns, e.column) ?? '', ...(e.params ?? {}) }) })

export async function runImport(ctx: OrgContext, body: { kind: 'units' | 'users'; objectKey: string; dryRun: boolean }, lang: Lang): Promise<{ status: number; report: ImportReport }> {
  if (!body.objectKey.startsWith(objectKeys.importUploadPrefix(ctx.actor.userId))) throw new ValidationError([{ path: 'objectKey', code: 'field.invalidValue', params: { path: 'objectKey' } }])
  const rows = await readRows(await readObject(body.objectKey, env().MAX_UPLOAD_BYTES))
  const columns = body.kind === 'units' ? UNIT_COLUMNS : USER_COLUMNS
  const headerAt = rows.findIndex((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
  if (headerAt < 0) throw new RuleError('import.empty')
  const { index, missing } = mapHeader(rows[headerAt], columns)
  if (missing.length) throw new RuleError('import.missingColumns', { columns: missing.join(', ') })
  const data = rows.map((cells, i) => ({ cells, row: i + 1 })).slice(headerAt + 1).filter(({ cells }) => cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
  if (data.length === 0) throw new RuleError('import.empty')
  if (data.length > MAX_ROWS) throw new RuleError('import.tooManyRows', { max: MAX_ROWS })

  const tree = indexUnits((await ctx.tree()).values())
  const results: ImportRowResult[] = []
  const writes: (() => Promise<string>)[] = []
  if (body.kind === 'units') {
    for (const { cells, row } of data) {
      const m = mapUnitRow(cells, index, row)
      const errors = [...m.errors]
      if (m.value) {
        const v = m.value
        const date = v.validFrom ?? ctx.date
        const parent = tree.get(v.parentId)
        if (tree.has(v.unitId!)) errors.push({ column: 'unitId', code: 'conflict.unitExists', params: { unitId: v.unitId! } })
        else if (!parent) errors.push({ column: 'parentId', code: 'notFound.unit', params: { id: v.parentId } })
        else if (!orgPolicy.can(ctx.actor, 'unit.manage', parent.unitId, tree, ctx.date)) errors.push({ column: 'parentId', code: 'auth.outsideSubtree', params: { unitId: parent.unitId } })
        else {
          try { assertValidParent(tree, { level: v.level }, parent, date) } catch (e) { errors.push({ column: 'parentId', code: (e as DomainError).code, params: (e as DomainError).params }) }
        }
        if (errors.length === 0) {
          // Later rows may hang under this one: add it to the working tree.
          const unit: Unit = { unitId: v.unitId!, code: v.code, name: v.name, level: v.level, kind: v.kind, parentId: v.parentId, validFrom: date, parents: [{ parentId: v.parentId, from: date }], names: [], predecessors: [], successors: [], version: 0, createdAt: '', updatedAt: '' }
          tree.set(unit.unitId, unit)
          writes.push(async () => (await createUnit(ctx, v, tree)).unit.unitId)
        }
      }
      results.push({ row, ok: errors.length === 0, id: m.value?.unitId, errors: errors.map((e) => message(e, lang, columns)) })
    }
  } else {
    const seen = new Set<string>()
    for (const { cells, row } of data) {
      const m = mapUserRow(cells, index, row)
      const errors = [...m.errors]
      if (m.value) {
        const v = m.value
        const a = v.assignments[0]
        const unit = tree.get(a.unitId)
        if (seen.has(v.username) || await orgStore.getUserByUsername(v.username)) errors.push({ column: 'username', code: 'conflict.usernameTaken', params: { username: v.username } })
        if (!unit) errors.push({ column: 'unitId', code: 'notFound.unit', params: { id: a.unitId } })
        else if (!existsOn(unit, ctx.date)) errors.push({ column: 'unitId', code: 'rule.unitEnded', params: { unitId: a.unitId } })
        else if (!orgPolicy.can(ctx.actor, 'user.manage', a.unitId, tree, ctx.date)) errors.push({ column: 'unitId', code: 'auth.outsideSubtree', params: { unitId: a.unitId } })
        try { authorizeClearance(ctx.actor, v.clearance) } catch { errors.push({ column: 'clearance', code: 'auth.clearanceTooLow' }) }
        seen.add(v.username)
        if (errors.length === 0) writes.push(async () => {
          const { user, initialPassword } = await createUser(ctx, v)
          if (user.email && initialPassword) await mail().send({ to: [user.email], subject: 'Tài khoản Digital Office / Your Digital Office account', text: `Tên đăng nhập / User name: ${user.username}\nMật khẩu tạm / Temporary password: ${initialPassword}` })
          return user.userId
        })
      }
      results.push({ row, ok: errors.length === 0, id: m.value?.username, errors: errors.map((e) => message(e, lang, columns)) })
    }
  }
  const rejected = results.filter((r) => !r.ok).length
  const report: ImportReport = { kind: body.kind, total: results.length, accepted: results.length - rejected, rejected, dryRun: body.dryRun, rows: results }
  if (rejected > 0) return { status: 422, report: { ...report, accepted: 0 } }
  if (body.dryRun) return { status: 200, report }
  for (const write of writes) await write()
  return { status: 200, report }
}
