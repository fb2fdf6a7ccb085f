/**
 * Party fees: the monthly assessment of a cell, payments (cash recorded by
 * the cell, online through the national portal), the member's ledger and
 * the month's remittance upward with its reconciliation report.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { FeeEntry, PartyMember, PaymentEntry } from '../../../shared/members/contracts.js'
import { addMonths, assessMonth, ledger, monthOf, shareTableForMonth, splitCollection, type Assessment } from '../../../shared/members/fees.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { ancestorsOn } from '../../../shared/org/tree.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { assessmentItem, memberStore, paymentItem, remittanceItem, type Remittance } from '../adapters/store.js'
import type { MemberContext } from './members.js'
import { loadMember, requireLiveCell } from './members.js'

const CHUNK = 80

export const newPaymentId = (now: Date): string => `${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`

export function toEntry(memberId: string, a: Assessment, at: string): FeeEntry {
  return {
    memberId, month: a.month, amount: a.amount, rule: a.rule ?? '-', status: a.status, assessedAt: at,
    ...(a.status === 'due' ? { base: a.base, reductionPercent: a.reductionPercent } : {}),
    ...(a.status === 'exempt' ? { reason: a.reason } : {}),
  }
}

/** The assessments of a month for a list of members, or the members whose income is missing. */
export function assessAll(members: readonly PartyMember[], month: string) {
  const entries: { member: PartyMember; assessment: Assessment }[] = []
  const missing: PartyMember[] = []
  for (const member of members) {
    const assessment = assessMonth({ ...member.fee, admissionDate: member.admissionDate }, month)
    if (assessment.status === 'income-missing') missing.push(member)
    else entries.push({ member, assessment })
  }
  return { entries, missing }
}

/**
 * Assesses a cell's month. If any member needing an income has none for the
 * month, nothing is written and the answer names them (422). Re-assessing a
 * month rewrites it with the same result (idempotent).
 */
export async function assessCell(ctx: MemberContext, body: { cellId: string; month: string }) {
  const index = await ctx.tree()
  requireLiveCell(index, body.cellId, ctx.date)
  memberPolicy.authorize(ctx.actor, 'fee.collect', body.cellId, index, ctx.date)
  if (body.month > monthOf(ctx.date)) throw new ValidationError([{ path: 'month', code: 'members.futureMonth', params: { path: 'month' } }])
  const members = (await memberStore.listCell(body.cellId)).filter((m) => m.status !== 'removed' && m.status !== 'deceased')
  const { entries, missing } = assessAll(members, body.month)
  if (missing.length) throw new RuleError('members.incomeMissing', { names: missing.map((m) => m.fullName).join(', '), month: body.month })
  const at = ctx.now.toISOString()
  const rows = entries.map(({ member, assessment }) => toEntry(member.memberId, assessment, at))
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tx = new Transaction()
    for (const r of rows.slice(i, i + CHUNK)) tx.put(assessmentItem(r))
    tx.audit({ unitId: body.cellId, action: 'fee.assess', target: `${body.cellId}:${body.month}`, details: { month: body.month, members: Math.min(CHUNK, rows.length - i), part: i / CHUNK + 1 } })
    await tx.commit(ctx.auditActor, ctx.now)
  }
  return { cellId: body.cellId, month: body.month, assessments: rows, total: rows.reduce((s, r) => s + r.amount, 0) }
}

/** Makes sure a member's month is assessed (a payment may come before the cell's assessment run). */
async function ensureAssessed(member: PartyMember, month: string, at: string): Promise<FeeEntry> {
  const existing = await memberStore.getAssessment(member.memberId, month)
  if (existing) return existing
  const a = assessMonth({ ...member.fee, admissionDate: member.admissionDate }, month)
  if (a.status === 'income-missing') throw new RuleError('members.incomeMissing', { names: member.fullName, month })
  if (a.status === 'not-member' || a.status === 'no-rule') throw new RuleError('members.notDueMonth', { month })
  return toEntry(member.memberId, a, at)
}

export interface PaymentInput { month: string; amount: number; channel: 'cash' | 'portal'; note?: string; portalRef?: string; paymentId?: string }

/** Records a payment and its assessment (if new) and audit entry, in one transaction. Paying more than due is allowed. */
export async function recordPayment(member: PartyMember, input: PaymentInput, actor: AuditActor & { fullName?: string }, now: Date, today: string): Promise<PaymentEntry> {
  if (input.month > addMonths(monthOf(today), 12)) throw new ValidationError([{ path: 'month', code: 'members.futureMonth', params: { path: 'month' } }])
  if (!['active', 'temporarily-away', 'transferring'].includes(member.status)) throw new RuleError('members.notActive', { status: member.status })
  const at = now.toISOString()
  const assessment = await ensureAssessed(member, input.month, at)
  const payment: PaymentEntry = {
    memberId: member.memberId, paymentId: input.paymentId ?? newPaymentId(now), month: input.month, amount: input.amount, channel: input.channel, paidAt: at,
    recordedBy: { userId: actor.userId, fullName: actor.fullName ?? actor.name }, portalRef: input.portalRef, note: input.note,
  }
  const tx = new Transaction()
  if (!(await memberStore.getAssessment(member.memberId, input.month))) tx.put(assessmentItem(assessment), { expectVersion: 'new' })
  tx.put(paymentItem(payment), { expectVersion: 'new', onConflict: new ConflictError('members.paymentExists') })
    .audit({ unitId: member.cellId, action: 'fee.payment', target: member.memberId, details: { month: input.month, amount: input.amount, channel: input.channel, due: assessment.amount, portalRef: input.portalRef } })
  await tx.commit(actor, now)
  return payment
}

export async function payCash(ctx: MemberContext, body: { memberId: string; month: string; amount: number; note?: string }) {
  const { member, index } = await loadMember(ctx, body.memberId)
  memberPolicy.authorize(ctx.actor, 'fee.collect', member.cellId, index, ctx.date)
  const payment = await recordPayment(member, { ...body, channel: 'cash' }, { ...ctx.auditActor, fullName: ctx.actor.fullName }, ctx.now, ctx.date)
  return { payment, fees: await feeSummary(member.memberId) }
}

export async function feeSummary(memberId: string) {
  const { assessments, payments } = await memberStore.ledgerOf(memberId)
  const l = ledger(assessments, payments)
  return { months: l.months, arrears: l.arrears, paidUpTo: l.paidUpTo, flaggedYears: l.flaggedYears, totalDue: l.totalDue, totalPaid: l.totalPaid, payments: payments.sort((a, b) => b.paidAt.localeCompare(a.paidAt)) }
}

/** The cell's fee sheet for a month: each member's due, paid, owed, and the members flagged for three unpaid months. */
export async function cellSheet(ctx: MemberContext, cellId: string, month: string) {
  const index = await ctx.tree()
  memberPolicy.authorize(ctx.actor, 'fee.collect', cellId, index, ctx.date)
  const members = await memberStore.listCell(cellId)
  const rows = await Promise.all(members.map(async (m) => {
    const s = await feeSummary(m.memberId)
    const row = s.months.find((x) => x.month === month)
    return { memberId: m.memberId, fullName: m.fullName, cardNumber: m.cardNumber, due: row?.due ?? 0, paid: row?.paid ?? 0, owed: row?.owed ?? 0, assessed: !!row, arrears: s.arrears, flaggedYears: s.flaggedYears }
  }))
  return { cellId, month, rows, flagged: rows.filter((r) => r.flaggedYears.includes(Number(month.slice(0, 4)))).map((r) => r.memberId) }
}

/**
 * Remits a cell's month upward: what its members paid for the month, split
 * between the levels by the share table in force, with the reconciliation
 * report (each member's due, paid, owed; totals that must agree). Once per
 * cell and month.
 */
export async function remit(ctx: MemberContext, body: { cellId: string; month: string }): Promise<Remittance> {
  const index = await ctx.tree()
  requireLiveCell(index, body.cellId, ctx.date)
  memberPolicy.authorize(ctx.actor, 'fee.collect', body.cellId, index, ctx.date)
  if (await memberStore.getRemittance(body.cellId, body.month)) throw new ConflictError('members.alreadyRemitted', { month: body.month })
  const sheet = await cellSheet(ctx, body.cellId, body.month)
  const unassessed = sheet.rows.filter((r) => !r.assessed)
  if (unassessed.length) throw new RuleError('members.notAssessed', { month: body.month, count: unassessed.length })
  const table = shareTableForMonth(body.month)
  if (!table) throw new RuleError('members.notDueMonth', { month: body.month })
  const chain = [body.cellId, ...ancestorsOn(index, body.cellId, ctx.date)].map((id) => ({ unitId: id, level: index.get(id)!.level }))
  const collected = sheet.rows.reduce((s, r) => s + r.paid, 0)
  const allocations = splitCollection(collected, chain, table)
  const report = sheet.rows.map(({ memberId, fullName, due, paid, owed }) => ({ memberId, fullName, due, paid, owed }))
  const remittance: Remittance = {
    cellId: body.cellId, month: body.month, collected, allocations, report,
    totals: { due: report.reduce((s, r) => s + r.due, 0), paid: collected, owed: report.reduce((s, r) => s + r.owed, 0), members: report.length },
    ruleTable: table.validFrom, remittedAt: ctx.now.toISOString(), remittedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, version: 1,
  }
  if (allocations.reduce((s, a) => s + a.amount, 0) !== collected) throw new DomainError('members.reconciliationFailed', 500)
  const tx = new Transaction().put(remittanceItem(remittance), { expectVersion: 'new', onConflict: new ConflictError('members.alreadyRemitted', { month: body.month }) })
  for (const a of allocations) tx.audit({ unitId: a.unitId, action: a.unitId === body.cellId ? 'fee.remit' : 'fee.received', target: `${body.cellId}:${body.month}`, details: { amount: a.amount, percent: a.percent, collected } })
  await tx.commit(ctx.auditActor, ctx.now)
  return remittance
}
