/**
 * Import of a cell's member list from an XLSX or CSV file uploaded to S3
 * (the upload slot of POST /api/imports/uploads). Every row is checked first
 * (format, the cell, the caller's reach, card numbers unique in the file and
 * in the register, linked accounts); a file with any rejected row changes
 * nothing and comes back as a row-by-row report (422). A clean file is
 * written row by row, each member with its card guard and audit entry.
 */
import { RuleError, ValidationError } from '../../../shared/errors/index.js'
import { translate, type Lang } from '../../../shared/i18n/messages.js'
import { MEMBER_COLUMNS, mapHeader, mapMemberRow } from '../../../shared/members/import.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { monthOf, reductionProblem } from '../../../shared/members/fees.js'
import type { RowError } from '../../../shared/org/import.js'
import { existsOn, nameOn } from '../../../shared/org/tree.js'
import { readObject } from '../../lib/adapters/blobs.js'
import { env } from '../../lib/env.js'
import { orgStore } from '../../org/adapters/store.js'
import { readRows } from '../../org/usecases/imports.js'
import { memberStore } from '../adapters/store.js'
import { buildMember, writeNewMember, type MemberContext } from './members.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { fold } from '../../../shared/text/fold.js'

const MAX_ROWS = 5000

/**
 * The "Chi bộ" column holds the cell's name as the cell writes it ("Chi bộ khu phố Hàng Bạc", any case or accent)
 * or its id: a name is the live cell of that name, the one the importer manages when the city has several.
 */
function cellByName(tree: Awaited<ReturnType<MemberContext['tree']>>, text: string, ctx: MemberContext): string | undefined {
  if (!text || tree.has(text.toLowerCase())) return undefined
  const wanted = fold(text)
  const named = [...tree.values()].filter((u) => u.level === 'cell' && existsOn(u, ctx.date) && fold(nameOn(u, ctx.date).name) === wanted)
  const mine = named.filter((u) => memberPolicy.can(ctx.actor, 'member.manage', u.unitId, tree, ctx.date))
  return (mine.length === 1 ? mine[0] : named.length === 1 ? named[0] : undefined)?.unitId
}
const header = (key: string | undefined) => MEMBER_COLUMNS.find((c) => c.key === key)?.header

export async function importMembers(ctx: MemberContext, body: { objectKey: string; dryRun: boolean }, lang: Lang) {
  if (!body.objectKey.startsWith(objectKeys.importUploadPrefix(ctx.actor.userId))) throw new ValidationError([{ path: 'objectKey', code: 'field.invalidValue', params: { path: 'objectKey' } }])
  const rows = await readRows(await readObject(body.objectKey, env().MAX_UPLOAD_BYTES))
  const headerAt = rows.findIndex((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
  if (headerAt < 0) throw new RuleError('import.empty')
  const { index, missing } = mapHeader(rows[headerAt], MEMBER_COLUMNS)
  if (missing.length) throw new RuleError('import.missingColumns', { columns: missing.join(', ') })
  const data = rows.map((cells, i) => ({ cells, row: i + 1 })).slice(headerAt + 1).filter(({ cells }) => cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
  if (data.length === 0) throw new RuleError('import.empty')
  if (data.length > MAX_ROWS) throw new RuleError('import.tooManyRows', { max: MAX_ROWS })

  const tree = await ctx.tree()
  const month = monthOf(ctx.date)
  const cards = new Set<string>()
  const results: { row: number; ok: boolean; id?: string; errors: { column?: string; code: string; message: string }[] }[] = []
  const accepted: Awaited<ReturnType<typeof mapMemberRow>>['value'][] = []
  for (const { cells, row } of data) {
    const at = index.get('cellId')
    const named = at === undefined ? undefined : cellByName(tree, String(cells[at] ?? '').trim(), ctx)
    const m = mapMemberRow(named ? cells.map((c, i) => (i === at ? named : c)) : cells, index, row, month)
    const errors: RowError[] = [...m.errors]
    if (m.value) {
      const v = m.value
      const cell = tree.get(v.cellId)
      if (!cell || cell.level !== 'cell') errors.push({ column: 'cellId', code: 'members.notACell', params: { unit: cell ? nameOn(cell, ctx.date).name : v.cellId } })
      else if (!existsOn(cell, ctx.date)) errors.push({ column: 'cellId', code: 'rule.unitEnded', params: { unitId: v.cellId } })
      else if (!memberPolicy.can(ctx.actor, 'member.manage', v.cellId, tree, ctx.date)) errors.push({ column: 'cellId', code: 'auth.outsideSubtree', params: { unitId: v.cellId } })
      if (cards.has(v.cardNumber) || await memberStore.cardOwner(v.cardNumber)) errors.push({ column: 'cardNumber', code: 'members.cardTaken', params: { cardNumber: v.cardNumber } })
      if (['insured', 'leave-benefit', 'pensioner'].includes(v.fee.category) && v.fee.incomes.length === 0) errors.push({ column: 'income', code: 'members.incomeRequired' })
      if (v.username && !(await orgStore.getUserByUsername(v.username))) errors.push({ column: 'username', code: 'members.unknownUsername', params: { username: v.username } })
      if (v.fee.reductions.some((r) => reductionProblem(r))) errors.push({ column: 'category', code: 'field.invalidReduction' })
      cards.add(v.cardNumber)
      if (errors.length === 0) accepted.push(v)
    }
    results.push({ row, ok: errors.length === 0, id: m.value?.cardNumber, errors: errors.map((e) => ({ column: header(e.column), code: e.code, message: translate(e.code, lang, { path: header(e.column) ?? '', ...(e.params ?? {}) }) })) })
  }
  const rejected = results.filter((r) => !r.ok).length
  const report = { kind: 'members' as const, total: results.length, accepted: results.length - rejected, rejected, dryRun: body.dryRun, rows: results }
  if (rejected > 0) return { status: 422, report: { ...report, accepted: 0 } }
  if (body.dryRun) return { status: 200, report }
  for (const v of accepted) await writeNewMember(ctx, await buildMember(ctx, v!))
  return { status: 200, report }
}
