/** HTTP handlers: the monthly assessment, cash payments, the cell's sheet, the remittance upward. */
import { z } from 'zod'
import { AssessBody, CashPaymentBody, RemittanceBody, month } from '../../../shared/members/contracts.js'
import { unitId } from '../../../shared/org/contracts.js'
import { DomainError } from '../../../shared/errors/index.js'
import { parse } from '../../lib/validation.js'
import type { MemberRoute } from '../routes.js'
import { assessCell, cellSheet, payCash, remit } from '../usecases/fees.js'
import { memberStore } from '../adapters/store.js'
import { authorizeMember } from '../../../shared/members/policy.js'

const SheetQuery = z.strictObject({ cellId: unitId, month })

export const assess: MemberRoute = async ({ ctx, body }) => ({ body: await assessCell(ctx, parse(AssessBody, body)) })
export const pay: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: await payCash(ctx, parse(CashPaymentBody, body)) })
export const sheet: MemberRoute = async ({ ctx, query }) => { const q = parse(SheetQuery, query); return { body: await cellSheet(ctx, q.cellId, q.month) } }
export const remittance: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { remittance: await remit(ctx, parse(RemittanceBody, body)) } })
const RemittanceQuery = z.strictObject({ cellId: unitId, month: month.optional() })
/** One month's remittance of a cell (with `month`), or the cell's remittance history, newest first. */
export const showRemittance: MemberRoute = async ({ ctx, query }) => {
  const q = parse(RemittanceQuery, query)
  authorizeMember(ctx.actor, 'member.read', q.cellId, await ctx.tree(), ctx.date)
  if (!q.month) return { body: { remittances: await memberStore.remittancesOf(q.cellId) } }
  const r = await memberStore.getRemittance(q.cellId, q.month)
  if (!r) throw new DomainError('members.noRemittance', 404, { month: q.month })
  return { body: { remittance: r } }
}
