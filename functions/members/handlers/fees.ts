/** HTTP handlers: the monthly assessment, cash payments, the cell's sheet, the remittance upward. */
import { AssessBody, CashPaymentBody, RemittanceBody, RemittanceQuery, SheetQuery } from '../../../shared/members/contracts.js'
import { DomainError } from '../../../shared/errors/index.js'
import { parse } from '../../lib/validation.js'
import type { MemberRoute } from '../routes.js'
import { assessCell, cellSheet, payCash, remit } from '../usecases/fees.js'
import { memberStore } from '../adapters/store.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { nameOn } from '../../../shared/org/tree.js'
import { files, putObject } from '../../lib/adapters/blobs.js'
import { renderRemittanceReport } from '../adapters/letter.js'
import { objectKeys } from '../../../shared/table/objects.js'


export const assess: MemberRoute = async ({ ctx, body }) => ({ body: await assessCell(ctx, parse(AssessBody, body)) })
export const pay: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: await payCash(ctx, parse(CashPaymentBody, body)) })
export const sheet: MemberRoute = async ({ ctx, query }) => { const q = parse(SheetQuery, query); return { body: await cellSheet(ctx, q.cellId, q.month) } }
export const remittance: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { remittance: await remit(ctx, parse(RemittanceBody, body)) } })
/** One month's remittance of a cell (with `month`), or the cell's remittance history, newest first. */
export const showRemittance: MemberRoute = async ({ ctx, query }) => {
  const q = parse(RemittanceQuery, query)
  memberPolicy.authorize(ctx.actor, 'member.read', q.cellId, await ctx.tree(), ctx.date)
  if (!q.month) return { body: { remittances: await memberStore.remittancesOf(q.cellId) } }
  const r = await memberStore.getRemittance(q.cellId, q.month)
  if (!r) throw new DomainError('members.noRemittance', 404, { month: q.month })
  return { body: { remittance: r } }
}

const LEVEL_NAMES: Record<string, string> = { cell: 'Chi bộ', grassroots: 'Đảng ủy cơ sở', commune: 'Cấp xã, phường', district: 'Cấp huyện', city: 'Thành phố' }
/** The month's reconciliation report as a PDF: written to the file store, answered with a short-lived download link. */
export const remittancePdf: MemberRoute = async ({ ctx, query }) => {
  const q = parse(SheetQuery, query)
  const index = await ctx.tree()
  memberPolicy.authorize(ctx.actor, 'member.read', q.cellId, index, ctx.date)
  const r = await memberStore.getRemittance(q.cellId, q.month)
  if (!r) throw new DomainError('members.noRemittance', 404, { month: q.month })
  const name = (id: string) => (index.get(id) ? nameOn(index.get(id)!, ctx.date).name : id)
  const pdf = await renderRemittanceReport({
    cellName: name(r.cellId), month: r.month, ruleTable: r.ruleTable, remittedAt: r.remittedAt, remittedBy: r.remittedBy.fullName, collected: r.collected,
    allocations: r.allocations.map((a) => ({ unitName: name(a.unitId), level: LEVEL_NAMES[a.level] ?? a.level, percent: a.percent, amount: a.amount })), report: r.report, totals: r.totals,
  })
  const key = objectKeys.remittanceReport(r.cellId, r.month, r.version)
  await putObject(key, Buffer.from(pdf), 'application/pdf')
  return { body: { report: await files.presignDownload(key, `doi-soat-dang-phi-${r.cellId}-${r.month}.pdf`, 'application/pdf') } }
}
