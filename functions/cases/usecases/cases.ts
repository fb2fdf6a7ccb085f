/**
 * Use cases of complaints, denunciations and reports of signs of violation
 * (khiếu nại, tố cáo, dấu hiệu vi phạm) of an inspection commission: intake,
 * the steps of the complaint kind (shared/cases/complaints.ts), the list,
 * the register export, the KPIs, and the one read of who complained.
 *
 * Every step is taken by people *of the commission* (their role held in the
 * commission unit itself, through the cases' policy), under the version the
 * caller saw (409 when stale), in one transaction with its audit entry. The
 * complainant's identity is written once, at intake, as its own item; no
 * audit entry, list row, export or log line carries it, and reading it is
 * itself an audited step (`case.identityRead`).
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { existsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { casePolicy, type CaseAction } from '../../../shared/cases/policy.js'
import { stepsFrom } from '../../../shared/cases/engine.js'
import * as rules from '../../../shared/cases/complaints.js'
import {
  type Case, type CaseIdentity, type CaseKpis, type CaseListQuery, type CasePage, type CaseSummary, type Complainant, type IntakeBody, type CaseType,
} from '../../../shared/cases/contracts.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { caseItem, caseStore, counterItem, identityItem } from '../adapters/store.js'
import { caseDeadlineWorkflow } from '../adapters/workflow.js'

export type CaseContext = OrgContext

const me = (ctx: CaseContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const change = (ctx: CaseContext): rules.Change => ({ at: ctx.now.toISOString(), by: me(ctx), today: ctx.date })
const notFound = (caseId: string) => new DomainError('notFound.case', 404, { id: caseId })
const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : '' }
const REGISTER_PREFIX: Record<CaseType, string> = { complaint: 'KN', denunciation: 'TC', violation: 'VP' }

/** The commission: a unit of kind inspection-commission that exists today. */
function commission(index: UnitIndex, commissionId: string, date: string) {
  const u = index.get(commissionId)
  if (!u) throw new NotFoundError('unit', commissionId)
  if (u.kind !== 'inspection-commission' || !existsOn(u, date)) throw new RuleError('case.notCommission')
  return u
}

/** Holds the action in the commission itself (a superior's role over the subtree is not enough). */
const holds = (ctx: CaseContext, action: CaseAction, commissionId: string) => casePolicy.holdsIn(ctx.actor, action, commissionId)
function require(ctx: CaseContext, action: CaseAction, commissionId: string): void {
  if (!holds(ctx, action, commissionId)) throw new ForbiddenError('case.notInCommission')
}

/** Seconds from now to the end (23:59:59 Việt Nam) of `due`; the reminder at half of it. */
export function deadlineSeconds(now: Date, due: string, override?: number): { reminderSeconds: number; restSeconds: number } {
  const total = override ?? Math.max(2, Math.ceil((Date.parse(`${due}T23:59:59+07:00`) - now.getTime()) / 1000))
  const reminderSeconds = Math.max(1, Math.floor(total / 2))
  return { reminderSeconds, restSeconds: Math.max(1, total - reminderSeconds) }
}

const canReadIdentity = (ctx: CaseContext, c: Case) => c.hasIdentity && (holds(ctx, 'case.identity', c.commissionId) || c.inspector?.userId === ctx.actor.userId)

function view(ctx: CaseContext, index: UnitIndex, c: Case) {
  const steps = stepsFrom(rules.COMPLAINT_KIND, c.state).filter((s) => holds(ctx, rules.COMPLAINT_KIND.steps[s].permission, c.commissionId))
  return {
    ...c, commissionName: unitName(index, c.commissionId, ctx.date),
    overdue: rules.isOverdue(c, ctx.date), due: rules.runningDeadline(c),
    sealed: rules.COMPLAINT_KIND.sealed.includes(c.state),
    can: { steps, identity: canReadIdentity(ctx, c) },
  }
}
export type CaseView = ReturnType<typeof view>

async function load(ctx: CaseContext, caseId: string): Promise<{ c: Case; index: UnitIndex }> {
  const [c, index] = await Promise.all([caseStore.get(caseId), ctx.tree()])
  if (!c || !holds(ctx, 'case.read', c.commissionId)) throw notFound(caseId)
  return { c, index }
}

export async function intake(ctx: CaseContext, body: IntakeBody): Promise<CaseView> {
  const index = await ctx.tree()
  commission(index, body.commissionId, ctx.date)
  require(ctx, 'case.intake', body.commissionId)
  const receivedOn = body.receivedOn ?? ctx.date
  if (receivedOn > ctx.date) throw new RuleError('case.receivedInFuture')
  const at = ctx.now.toISOString()
  const caseId = `${body.commissionId}.c${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
  const c: Case = {
    caseId, commissionId: body.commissionId, type: body.type, source: body.source, ...(body.fromBody ? { fromBody: body.fromBody } : {}),
    receivedOn, subject: body.subject, summary: body.summary, concerns: body.concerns, anonymous: body.anonymous, hasIdentity: !!body.complainant,
    state: 'received', acceptance: rules.acceptanceDeadline(body.type, receivedOn, CALENDAR), verifications: [], followUps: [],
    events: [{ at, by: me(ctx), step: 'intake' }], createdAt: at, updatedAt: at, version: 1,
  }
  const tx = new Transaction().put(caseItem(c), { expectVersion: 'new' })
  if (body.complainant) tx.put(identityItem({ caseId, commissionId: c.commissionId, complainant: body.complainant, createdAt: at }), { expectVersion: 'new' })
  await tx.audit({ unitId: c.commissionId, action: 'case.intake', target: caseId, details: { subject: c.subject, type: c.type, source: c.source, anonymous: c.anonymous } })
    .commit(ctx.auditActor, ctx.now)
  await caseDeadlineWorkflow.start({ caseId, phase: 'acceptance', due: c.acceptance.due, ...deadlineSeconds(ctx.now, c.acceptance.due, body.deadlineSeconds) })
  return view(ctx, index, c)
}

export async function showCase(ctx: CaseContext, caseId: string): Promise<CaseView> {
  const { c, index } = await load(ctx, caseId)
  return view(ctx, index, c)
}

/** Who complained or denounced: the chair and the assigned inspector only; the read is audited (who, when — not what). */
export async function readIdentity(ctx: CaseContext, caseId: string): Promise<{ complainant: Complainant }> {
  const { c } = await load(ctx, caseId)
  if (!c.hasIdentity) throw new RuleError('case.noIdentity')
  if (!canReadIdentity(ctx, c)) {
    await new Transaction().audit({ unitId: c.commissionId, action: 'case.identityDenied', target: caseId, details: { subject: c.subject } }).commit(ctx.auditActor, ctx.now)
    throw new ForbiddenError('case.identityForbidden')
  }
  const identity: CaseIdentity | undefined = await caseStore.identity(c)
  if (!identity) throw new RuleError('case.noIdentity')
  await new Transaction().audit({ unitId: c.commissionId, action: 'case.identityRead', target: caseId, details: { subject: c.subject } }).commit(ctx.auditActor, ctx.now)
  return { complainant: identity.complainant }
}

type Apply = (c: Case, ch: rules.Change, index: UnitIndex) => Case | Promise<Case>
interface StepOptions { step: rules.ComplaintStep; details?: (before: Case, after: Case) => Record<string, unknown>; extra?: (tx: Transaction, before: Case, after: Case) => Promise<void> }

/** One step: the permission the kind names (held in the commission), the rule, the write under the version seen, the audit entry. */
async function step(ctx: CaseContext, caseId: string, version: number, opts: StepOptions, apply: Apply): Promise<{ c: Case; index: UnitIndex }> {
  const { c, index } = await load(ctx, caseId)
  require(ctx, rules.COMPLAINT_KIND.steps[opts.step].permission, c.commissionId)
  if (c.version !== version) throw new ConflictError('conflict.version')
  const next = await apply(c, change(ctx), index)
  const tx = new Transaction().put(caseItem(next), { expectVersion: c.version })
  await opts.extra?.(tx, c, next)
  await tx.audit({ unitId: c.commissionId, action: `case.${opts.step}`, target: caseId, details: { subject: c.subject, state: next.state, ...opts.details?.(c, next) } })
    .commit(ctx.auditActor, ctx.now)
  return { c: next, index }
}
const done = (ctx: CaseContext) => ({ c, index }: { c: Case; index: UnitIndex }) => view(ctx, index, c)

export const registerCase = async (ctx: CaseContext, caseId: string, b: { version: number }) => {
  let counter: { year: string; next: number; version: number } | undefined
  return step(ctx, caseId, b.version, {
    step: 'register', details: (_, n) => ({ registerNo: n.registerNo }),
    extra: async (tx, c) => { tx.put(counterItem(c.commissionId, counter!.year, counter!.next, counter!.version + 1), { expectVersion: counter!.version === 0 ? 'new' : counter!.version }) },
  }, async (c, ch) => {
    const year = c.receivedOn.slice(0, 4)
    const cur = await caseStore.counter(c.commissionId, year)
    counter = { year, next: (cur?.next ?? 0) + 1, version: cur?.version ?? 0 }
    return rules.register(c, ch, `${REGISTER_PREFIX[c.type]}-${year}-${String(counter.next).padStart(4, '0')}`)
  }).then(done(ctx))
}

export const classifyCase = (ctx: CaseContext, caseId: string, b: { version: number; withinCompetence: boolean; concreteEvidence?: boolean; note?: string }) =>
  step(ctx, caseId, b.version, { step: 'classify', details: () => ({ withinCompetence: b.withinCompetence, concreteEvidence: b.concreteEvidence }) },
    (c, ch) => rules.classify(c, ch, b.withinCompetence, b.concreteEvidence, b.note)).then(done(ctx))

export const forwardCase = (ctx: CaseContext, caseId: string, b: { version: number; toUnitId: string; note?: string }) =>
  step(ctx, caseId, b.version, { step: 'forward', details: () => ({ toUnitId: b.toUnitId }) }, (c, ch, index) => {
    const to = index.get(b.toUnitId)
    if (!to) throw new NotFoundError('unit', b.toUnitId)
    if (!existsOn(to, ch.today)) throw new RuleError('case.forwardToEndedUnit', { name: nameOn(to, to.validTo ?? ch.today).name })
    return rules.forward(c, ch, { unitId: to.unitId, name: nameOn(to, ch.today).name }, b.note)
  }).then(done(ctx))

export async function assignCase(ctx: CaseContext, caseId: string, b: { version: number; inspectorId: string; handlingDue?: string; deadlineSeconds?: number }): Promise<CaseView> {
  const r = await step(ctx, caseId, b.version, { step: 'assign', details: (_, n) => ({ inspectorId: b.inspectorId, due: n.handling?.due }) }, async (c, ch) => {
    const user = await orgStore.getUser(b.inspectorId)
    if (!user || user.status !== 'active') throw new NotFoundError('user', b.inspectorId)
    if (!casePolicy.holdsIn(user, 'case.handle', c.commissionId)) throw new RuleError('case.inspectorNotInCommission')
    return rules.assign(c, ch, { userId: user.userId, fullName: user.fullName }, CALENDAR, b.handlingDue)
  })
  await caseDeadlineWorkflow.start({ caseId, phase: 'handling', due: r.c.handling!.due, ...deadlineSeconds(ctx.now, r.c.handling!.due, b.deadlineSeconds) })
  return view(ctx, r.index, r.c)
}

export async function extendCase(ctx: CaseContext, caseId: string, b: { version: number; until: string; reason: string; deadlineSeconds?: number }): Promise<CaseView> {
  const r = await step(ctx, caseId, b.version, { step: 'extend', details: (c) => ({ from: c.handling?.due, until: b.until, reason: b.reason }) },
    (c, ch) => rules.extend(c, ch, b.until, b.reason, CALENDAR))
  await caseDeadlineWorkflow.start({ caseId, phase: 'handling', due: b.until, ...deadlineSeconds(ctx.now, b.until, b.deadlineSeconds) })
  return view(ctx, r.index, r.c)
}

export const verifyCase = (ctx: CaseContext, caseId: string, b: { version: number; text: string }) =>
  step(ctx, caseId, b.version, { step: 'verify' }, (c, ch) => rules.verify(c, ch, b.text)).then(done(ctx))
export const concludeCase = (ctx: CaseContext, caseId: string, b: { version: number; founded: 'founded' | 'partly' | 'unfounded'; text: string }) =>
  step(ctx, caseId, b.version, { step: 'conclude', details: () => ({ founded: b.founded }) }, (c, ch) => rules.conclude(c, ch, b.founded, b.text)).then(done(ctx))
export const decideMeasures = (ctx: CaseContext, caseId: string, b: { version: number; measure: NonNullable<Case['measures']>['measure']; text: string; executionDue?: string }) =>
  step(ctx, caseId, b.version, { step: 'measures', details: () => ({ measure: b.measure, executionDue: b.executionDue }) }, (c, ch) => rules.measures(c, ch, b.measure, b.text, b.executionDue)).then(done(ctx))
export const recordFollowUp = (ctx: CaseContext, caseId: string, b: { version: number; text: string; executed: boolean }) =>
  step(ctx, caseId, b.version, { step: 'followUp', details: () => ({ executed: b.executed }) }, (c, ch) => rules.followUp(c, ch, b.text, b.executed)).then(done(ctx))
export const closeCase = (ctx: CaseContext, caseId: string, b: { version: number; note?: string }) =>
  step(ctx, caseId, b.version, { step: 'close', details: (_, n) => ({ withinLimit: n.withinLimit }) }, (c, ch) => rules.close(c, ch, b.note)).then(done(ctx))

export const summary = (c: Case, today: string): CaseSummary => ({
  caseId: c.caseId, ...(c.registerNo ? { registerNo: c.registerNo } : {}), type: c.type, source: c.source, receivedOn: c.receivedOn, subject: c.subject, concerns: c.concerns,
  state: c.state, anonymous: c.anonymous, ...(c.inspector ? { inspector: c.inspector } : {}), version: c.version,
  ...(rules.runningDeadline(c) ? { due: rules.runningDeadline(c) } : {}), overdue: rules.isOverdue(c, today),
})

export async function listCases(ctx: CaseContext, q: CaseListQuery): Promise<CasePage> {
  const index = await ctx.tree()
  commission(index, q.commissionId, ctx.date)
  require(ctx, 'case.read', q.commissionId)
  const page = await caseStore.page(q.commissionId, { state: q.state, q: q.q, after: q.after, limit: q.limit })
  const last = page.cases.at(-1)
  return { cases: page.cases.map((c) => summary(c, ctx.date)), ...(page.more && last ? { next: `${last.createdAt}#${last.caseId}` } : {}) }
}

/** The commissions where the caller may read cases (the SPA's choice of register). */
export async function myCommissions(ctx: CaseContext): Promise<{ unitId: string; name: string; intake: boolean; decide: boolean }[]> {
  const index = await ctx.tree()
  return [...new Set(ctx.actor.assignments.map((a) => a.unitId))]
    .filter((u) => { const unit = index.get(u); return !!unit && unit.kind === 'inspection-commission' && existsOn(unit, ctx.date) && holds(ctx, 'case.read', u) })
    .map((u) => ({ unitId: u, name: unitName(index, u, ctx.date), intake: holds(ctx, 'case.intake', u), decide: holds(ctx, 'case.decide', u) }))
}

export async function caseKpis(ctx: CaseContext, commissionId: string): Promise<CaseKpis> {
  const index = await ctx.tree()
  commission(index, commissionId, ctx.date)
  require(ctx, 'case.read', commissionId)
  return rules.kpisOf(commissionId, await caseStore.all(commissionId), ctx.date)
}

export const today = (now: Date) => vietnamDate(now)
