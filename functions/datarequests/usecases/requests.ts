/**
 * The data requests' use cases (yêu cầu số liệu): a committee's people write
 * a form and send it to many units in their reach at once; each recipient
 * unit's people answer it (checked whole against the form: nothing is
 * written when anything is wrong) until the request is closed; the sender
 * sees who answered, reminds the others, consolidates the answers. A
 * request is seen by the sending side (`datarequest.read` over its unit)
 * and by the recipients' people (for their own units only); anyone else
 * gets a 404. Every change is one transaction with its audit entry.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { existsOn, isWithin, nameOn, parentOn, type UnitIndex } from '../../../shared/org/tree.js'
import { fold } from '../../../shared/text/fold.js'
import {
  type AnswerBody, type DataAnswer, type DataRequest, type DataRequestBody, type DataRequestListQuery,
} from '../../../shared/datarequests/contracts.js'
import { dataRequestPolicy as policy } from '../../../shared/datarequests/policy.js'
import * as rules from '../../../shared/datarequests/rules.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { holderIds } from '../../org/usecases/holders.js'
import { notify } from '../../notifications/usecases/notify.js'
import { answerItem, dataRequestStore as store, requestItem, type RequestPointer } from '../adapters/store.js'
import { keys } from '../../../shared/table/keys.js'

export type DataRequestContext = OrgContext

const me = (ctx: DataRequestContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
export const notFound = (id: string) => new DomainError('notFound.dataRequest', 404, { id })
const newId = (unitId: string, now: Date) => `${unitId}.r${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
export const unitNamer = (index: UnitIndex, date: string) => (id: string) => { const u = index.get(id); return u ? nameOn(u, date).name : id }

/** The sending side: `datarequest.read` over the unit that sent it. */
export const isSender = (ctx: DataRequestContext, index: UnitIndex, r: DataRequest) =>
  index.has(r.ownerUnitId) && policy.can(ctx.actor, 'datarequest.read', r.ownerUnitId, index, ctx.date)
/** May remind, close, send the draft: `datarequest.send` over the sending unit. */
export const isManager = (ctx: DataRequestContext, index: UnitIndex, r: DataRequest) =>
  index.has(r.ownerUnitId) && policy.can(ctx.actor, 'datarequest.send', r.ownerUnitId, index, ctx.date)
/** The recipient units the caller answers for. */
export const answeringUnits = (ctx: DataRequestContext, index: UnitIndex, r: DataRequest) =>
  r.status === 'draft' ? [] : r.recipientUnitIds.filter((u) => index.has(u) && policy.can(ctx.actor, 'datarequest.answer', u, index, ctx.date))

export async function load(ctx: DataRequestContext, requestId: string): Promise<{ request: DataRequest; index: UnitIndex }> {
  const [request, index] = await Promise.all([store.get(requestId), ctx.tree()])
  if (!request || (!isSender(ctx, index, request) && answeringUnits(ctx, index, request).length === 0)) throw notFound(requestId)
  return { request, index }
}

/** A request as its page shows it: names beside ids, each recipient's state (all of them for the sender, the caller's own units otherwise), what the caller may do. */
function view(ctx: DataRequestContext, index: UnitIndex, r: DataRequest, answers: readonly DataAnswer[]) {
  const name = unitNamer(index, ctx.date)
  const sender = isSender(ctx, index, r)
  const mine = new Set(answeringUnits(ctx, index, r))
  const byUnit = new Map(answers.map((a) => [a.unitId, a]))
  const recipients = r.recipientUnitIds.filter((u) => sender || mine.has(u)).map((unitId) => {
    const a = byUnit.get(unitId)
    return {
      unitId, name: name(unitId), status: r.status === 'draft' ? 'pending' as const : rules.recipientStatus(r.deadline, a, ctx.date),
      ...(a ? { answeredAt: a.answeredAt, answeredBy: a.answeredBy.fullName, onTime: rules.answeredOnTime(r.deadline, a), via: a.via } : {}),
      mine: mine.has(unitId),
    }
  }).sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  const answered = r.recipientUnitIds.filter((u) => byUnit.has(u)).length
  return {
    requestId: r.requestId, ownerUnitId: r.ownerUnitId, ownerUnitName: name(r.ownerUnitId), title: r.title, ...(r.description ? { description: r.description } : {}),
    periodFrom: r.periodFrom, periodTo: r.periodTo, deadline: r.deadline, indicators: r.indicators, status: r.status,
    createdBy: r.createdBy, ...(r.sentAt ? { sentAt: r.sentAt } : {}), ...(r.closedAt ? { closedAt: r.closedAt } : {}), ...(r.lastReminder ? { lastReminder: r.lastReminder } : {}),
    recipients, counts: sender ? { recipients: r.recipientUnitIds.length, answered } : undefined,
    version: r.version,
    can: { manage: isManager(ctx, index, r) && r.status !== 'closed', answer: r.status === 'sent' && mine.size > 0, consolidate: sender },
  }
}
export type DataRequestView = ReturnType<typeof view>

/**
 * Checks the recipients: each exists today (a live unit), is not the sending
 * unit, and is within the caller's `datarequest.send` reach — the engine's
 * refusal for the first outside it; the sending unit is the granting unit
 * whose subtree holds them all.
 */
function checkRecipients(ctx: DataRequestContext, index: UnitIndex, unitIds: readonly string[]): string {
  for (const id of unitIds) {
    const u = index.get(id)
    if (!u) throw new NotFoundError('unit', id)
    if (!existsOn(u, ctx.date)) throw new RuleError('datarequest.recipientEnded', { name: u.names.at(-1)?.name ?? u.name })
  }
  for (const id of unitIds) policy.authorize(ctx.actor, 'datarequest.send', id, index, ctx.date)
  const owner = policy.grantingUnits(ctx.actor, 'datarequest.send', index, ctx.date).find((g) => unitIds.every((u) => isWithin(index, u, g, ctx.date)))
  if (!owner) throw new ForbiddenError('auth.outsideSubtree', { unitId: unitIds[0] })
  if (unitIds.includes(owner)) throw new RuleError('datarequest.recipientIsSender')
  return owner
}

export async function createRequest(ctx: DataRequestContext, body: DataRequestBody): Promise<DataRequestView> {
  const index = await ctx.tree()
  rules.checkForm(body.indicators, body.periodFrom, body.periodTo)
  const recipients = [...new Set(body.recipientUnitIds)]
  const owner = checkRecipients(ctx, index, recipients)
  rules.checkDeadline(body.deadline, ctx.date, CALENDAR)
  const at = ctx.now.toISOString()
  const draft: DataRequest = {
    requestId: newId(owner, ctx.now), ownerUnitId: owner, title: body.title, ...(body.description ? { description: body.description } : {}),
    periodFrom: body.periodFrom, periodTo: body.periodTo, deadline: body.deadline, indicators: body.indicators, recipientUnitIds: recipients,
    status: 'draft', createdBy: me(ctx), createdAt: at, updatedAt: at, version: 1,
  }
  await new Transaction()
    .put(requestItem(draft), { expectVersion: 'new' })
    .audit({ unitId: owner, action: 'datarequest.create', target: draft.requestId, details: { title: draft.title, recipients: recipients.length, deadline: draft.deadline } })
    .commit(ctx.auditActor, ctx.now)
  if (!body.send) return view(ctx, index, draft, [])
  return send(ctx, index, draft)
}

export async function sendRequest(ctx: DataRequestContext, requestId: string, version: number): Promise<DataRequestView> {
  const { request, index } = await load(ctx, requestId)
  if (!isManager(ctx, index, request)) throw new ForbiddenError('auth.forbidden', { unitId: request.ownerUnitId })
  if (request.version !== version) throw new ConflictError('conflict.version')
  if (request.status !== 'draft') throw new RuleError('datarequest.notDraft', { title: request.title })
  checkRecipients(ctx, index, request.recipientUnitIds)
  rules.checkDeadline(request.deadline, ctx.date, CALENDAR)
  return send(ctx, index, request)
}

/**
 * Sends: the request and its audit entry in one transaction, then one
 * pointer per recipient unit (batched: a request may go to hundreds of
 * units, more than a transaction holds; the pointers only list it), then
 * the recipients' people are told (in the app and by mail).
 */
async function send(ctx: DataRequestContext, index: UnitIndex, draft: DataRequest): Promise<DataRequestView> {
  const at = ctx.now.toISOString()
  const sent: DataRequest = { ...draft, status: 'sent', sentAt: at, sentBy: me(ctx), updatedAt: at, version: draft.version + 1 }
  await new Transaction()
    .put(requestItem(sent), { expectVersion: draft.version })
    .audit({ unitId: sent.ownerUnitId, action: 'datarequest.send', target: sent.requestId, details: { title: sent.title, recipients: sent.recipientUnitIds.length, deadline: sent.deadline } })
    .commit(ctx.auditActor, ctx.now)
  await store.putPointers(sent.recipientUnitIds.map((unitId): RequestPointer => ({ requestId: sent.requestId, ownerUnitId: sent.ownerUnitId, unitId, title: sent.title, deadline: sent.deadline, sentAt: at })))
  const name = unitNamer(index, ctx.date)
  await notify({
    kind: 'datarequest.received', userIds: await holderIds(policy, 'datarequest.answer', sent.recipientUnitIds), link: '/datarequests?view=received',
    title: `Yêu cầu số liệu / Data request: ${sent.title}`,
    text: `${name(sent.ownerUnitId)} đề nghị gửi số liệu "${sent.title}" (kỳ ${rules.dmy(sent.periodFrom)} – ${rules.dmy(sent.periodTo)}) trước ngày ${rules.dmy(sent.deadline)}.\n${name(sent.ownerUnitId)} asks for the figures of "${sent.title}" by ${rules.dmy(sent.deadline)}.`,
  }, ctx.now)
  return view(ctx, index, sent, [])
}

export async function showRequest(ctx: DataRequestContext, requestId: string): Promise<DataRequestView> {
  const { request, index } = await load(ctx, requestId)
  return view(ctx, index, request, request.status === 'draft' ? [] : await store.answers(requestId))
}

export async function closeRequest(ctx: DataRequestContext, requestId: string, version: number): Promise<DataRequestView> {
  const { request, index } = await load(ctx, requestId)
  if (!isManager(ctx, index, request)) throw new ForbiddenError('auth.forbidden', { unitId: request.ownerUnitId })
  if (request.version !== version) throw new ConflictError('conflict.version')
  if (request.status === 'closed') throw new RuleError('datarequest.closed', { title: request.title })
  const at = ctx.now.toISOString()
  const closed: DataRequest = { ...request, status: 'closed', closedAt: at, closedBy: me(ctx), updatedAt: at, version: request.version + 1 }
  const answers = await store.answers(requestId)
  await new Transaction()
    .put(requestItem(closed), { expectVersion: request.version })
    .audit({ unitId: request.ownerUnitId, action: 'datarequest.close', target: requestId, details: { title: request.title, answered: answers.length, recipients: request.recipientUnitIds.length } })
    .commit(ctx.auditActor, ctx.now)
  return view(ctx, index, closed, answers)
}

/** One answer's text for the reminder: what, from whom, by when. */
const reminderText = (r: DataRequest, owner: string, late: boolean) =>
  `${late ? 'Đã quá hạn' : 'Sắp đến hạn'} gửi số liệu "${r.title}" cho ${owner} (hạn ${rules.dmy(r.deadline)}).\n${late ? 'Overdue' : 'Nearly due'}: the figures of "${r.title}" for ${owner}, due ${rules.dmy(r.deadline)}.`

/** Tells the people of these units (those who answer for them) to answer; returns how many units were reminded. */
export async function remindUnits(r: DataRequest, unitIds: readonly string[], ownerName: string, today: string, now: Date): Promise<number> {
  if (!unitIds.length) return 0
  const late = r.deadline < today
  await notify({
    kind: 'datarequest.reminder', userIds: await holderIds(policy, 'datarequest.answer', unitIds), link: '/datarequests?view=received',
    title: `Nhắc gửi số liệu / Reminder: ${r.title}`, text: reminderText(r, ownerName, late),
  }, now)
  return unitIds.length
}

export async function remind(ctx: DataRequestContext, requestId: string, unitIds: readonly string[] | undefined): Promise<DataRequestView> {
  const { request, index } = await load(ctx, requestId)
  if (!isManager(ctx, index, request)) throw new ForbiddenError('auth.forbidden', { unitId: request.ownerUnitId })
  rules.checkOpen(request)
  const answers = await store.answers(requestId)
  const answered = new Set(answers.map((a) => a.unitId))
  for (const u of unitIds ?? []) if (!request.recipientUnitIds.includes(u)) throw new DomainError('datarequest.notRecipient', 404, { id: u })
  const targets = (unitIds ?? request.recipientUnitIds).filter((u) => !answered.has(u))
  if (!targets.length) throw new RuleError('datarequest.nothingToRemind')
  const count = await remindUnits(request, targets, unitNamer(index, ctx.date)(request.ownerUnitId), ctx.date, ctx.now)
  const next: DataRequest = { ...request, lastReminder: { at: ctx.now.toISOString(), by: me(ctx), units: count }, updatedAt: ctx.now.toISOString(), version: request.version + 1 }
  const name = unitNamer(index, ctx.date)
  await new Transaction()
    .put(requestItem(next), { expectVersion: request.version })
    .audit({ unitId: request.ownerUnitId, action: 'datarequest.remind', target: requestId, details: { title: request.title, units: targets.slice(0, 20).map(name), count } })
    .commit(ctx.auditActor, ctx.now)
  return view(ctx, index, next, answers)
}

/** The form as one recipient unit answers it: the request, the unit, its answer so far. */
export async function answerForm(ctx: DataRequestContext, requestId: string, unitId: string) {
  const { request, index } = await load(ctx, requestId)
  const sender = isSender(ctx, index, request)
  if (!request.recipientUnitIds.includes(unitId) || request.status === 'draft') throw new DomainError('datarequest.notRecipient', 404, { id: unitId })
  if (!sender) policy.authorize(ctx.actor, 'datarequest.answer', unitId, index, ctx.date)
  const answer = await store.answer(requestId, unitId)
  const name = unitNamer(index, ctx.date)
  const mayAnswer = request.status === 'sent' && policy.can(ctx.actor, 'datarequest.answer', unitId, index, ctx.date)
  return {
    requestId, title: request.title, ...(request.description ? { description: request.description } : {}), ownerUnitName: name(request.ownerUnitId),
    periodFrom: request.periodFrom, periodTo: request.periodTo, deadline: request.deadline, indicators: request.indicators, requestStatus: request.status,
    unitId, unitName: name(unitId), status: rules.recipientStatus(request.deadline, answer, ctx.date), answer: answer ?? null,
    can: { answer: mayAnswer },
  }
}

/**
 * A unit's answer (new or a correction): the unit must be a recipient (404
 * otherwise) and the caller must answer for it (the engine's 403); the
 * request must be sent and not closed; the values are checked whole. The
 * write is conditional on the request's version, so an answer racing the
 * close is refused.
 */
export async function answer(ctx: DataRequestContext, requestId: string, unitId: string, body: AnswerBody, via: DataAnswer['via'] = 'form'): Promise<DataAnswer> {
  const { request, index } = await load(ctx, requestId)
  if (!request.recipientUnitIds.includes(unitId) || request.status === 'draft') throw new DomainError('datarequest.notRecipient', 404, { id: unitId })
  policy.authorize(ctx.actor, 'datarequest.answer', unitId, index, ctx.date)
  rules.checkOpen(request)
  const values = rules.checkAnswer(request.indicators, body.values)
  const before = await store.answer(requestId, unitId)
  const at = ctx.now.toISOString()
  const next: DataAnswer = {
    requestId, unitId, values, ...(body.note ? { note: body.note } : {}), via, answeredBy: me(ctx),
    firstAnsweredAt: before?.firstAnsweredAt ?? at, answeredAt: at, answeredOn: before?.answeredOn ?? vietnamDate(ctx.now), version: (before?.version ?? 0) + 1,
  }
  await new Transaction()
    .put(answerItem(next), { expectVersion: before ? before.version : 'new' })
    .check(keys.dataRequest(request.ownerUnitId, requestId), request.version, new RuleError('datarequest.closed', { title: request.title }))
    .audit({ unitId, action: before ? 'datarequest.correct' : 'datarequest.answer', target: requestId, details: { title: request.title, unit: unitNamer(index, ctx.date)(unitId), via } })
    .commit(ctx.auditActor, ctx.now)
  return next
}

export async function consolidated(ctx: DataRequestContext, requestId: string) {
  const { request, index } = await load(ctx, requestId)
  if (!isSender(ctx, index, request)) throw notFound(requestId)
  const table = rules.consolidate(request, request.status === 'draft' ? [] : await store.answers(requestId), unitNamer(index, ctx.date), ctx.date)
  return { requestId, title: request.title, ownerUnitName: unitNamer(index, ctx.date)(request.ownerUnitId), periodFrom: request.periodFrom, periodTo: request.periodTo, deadline: request.deadline, status: request.status, indicators: request.indicators, ...table }
}

/** A request in a list: what the lists show. */
export interface DataRequestSummary {
  requestId: string; title: string; status: DataRequest['status']; deadline: string; periodFrom: string; periodTo: string; ownerUnitName: string
  recipients: number; answered?: number
  /** In the received view: the caller's units, each with its state. */
  units?: { unitId: string; name: string; status: ReturnType<typeof rules.recipientStatus> }[]
  overdue: boolean
}

/**
 * The lists: "sent" — the requests of the units where the caller holds a
 * role that reads them; "received" — the requests sent to the units where
 * the caller answers. Both searchable by words of the title, description
 * or an indicator (diacritics do not matter), newest first.
 */
export async function listRequests(ctx: DataRequestContext, q: DataRequestListQuery): Promise<{ requests: DataRequestSummary[] }> {
  const index = await ctx.tree()
  const name = unitNamer(index, ctx.date)
  if (q.view === 'sent') {
    const owners = [...new Set(policy.grantingUnits(ctx.actor, 'datarequest.read', index, ctx.date))]
    const requests = (await Promise.all(owners.map((u) => store.ofOwner(u)))).flat().filter((r) => rules.matches(r, q.q))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 100)
    const counts = await Promise.all(requests.map((r) => (r.status === 'draft' ? Promise.resolve([]) : store.answers(r.requestId))))
    return {
      requests: requests.map((r, i) => ({
        requestId: r.requestId, title: r.title, status: r.status, deadline: r.deadline, periodFrom: r.periodFrom, periodTo: r.periodTo, ownerUnitName: name(r.ownerUnitId),
        recipients: r.recipientUnitIds.length, answered: counts[i].length, overdue: r.status === 'sent' && r.deadline < ctx.date && counts[i].length < r.recipientUnitIds.length,
      })),
    }
  }
  const received = await receivedRequests(ctx, index)
  return {
    requests: received.filter(({ request }) => rules.matches(request, q.q)).map(({ request: r, units }) => ({
      requestId: r.requestId, title: r.title, status: r.status, deadline: r.deadline, periodFrom: r.periodFrom, periodTo: r.periodTo, ownerUnitName: name(r.ownerUnitId),
      recipients: r.recipientUnitIds.length, units: units.map((u) => ({ unitId: u.unitId, name: name(u.unitId), status: u.status })),
      overdue: r.status === 'sent' && units.some((u) => u.status === 'late'),
    })),
  }
}

/** The requests sent to the units where the caller answers, with each such unit's state, newest first. */
export async function receivedRequests(ctx: DataRequestContext, index: UnitIndex) {
  const units = [...new Set(policy.grantingUnits(ctx.actor, 'datarequest.answer', index, ctx.date))]
  const pointers = (await Promise.all(units.map((u) => store.forUnit(u)))).flat()
  if (!pointers.length) return []
  const [requests, answers] = await Promise.all([store.getMany([...new Set(pointers.map((p) => p.requestId))]), store.answersOf(pointers)])
  const answerOf = new Map(answers.map((a) => [`${a.requestId}#${a.unitId}`, a]))
  return requests.sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? '')).map((request) => ({
    request,
    units: pointers.filter((p) => p.requestId === request.requestId).map((p) => ({ unitId: p.unitId, status: rules.recipientStatus(request.deadline, answerOf.get(`${p.requestId}#${p.unitId}`), ctx.date) })),
  }))
}

/** Live units the caller may send a request to, found by name (diacritics do not matter), at most 50; each with its parent's name. */
export async function recipientChoices(ctx: DataRequestContext, q: string) {
  const index = await ctx.tree()
  const owners = new Set(policy.grantingUnits(ctx.actor, 'datarequest.send', index, ctx.date))
  const words = fold(q).split(/\s+/).filter(Boolean)
  const name = unitNamer(index, ctx.date)
  const out: { unitId: string; name: string; parentName: string; level: string }[] = []
  for (const unitId of policy.reach(ctx.actor, 'datarequest.send', index, ctx.date, false)) {
    if (owners.has(unitId)) continue
    const u = index.get(unitId)!
    const n = name(unitId)
    if (!words.every((w) => fold(n).includes(w))) continue
    const parent = parentOn(u, ctx.date)
    out.push({ unitId, name: n, parentName: parent ? name(parent) : '', level: u.level })
  }
  out.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  return { units: out.slice(0, 50), total: out.length }
}

/**
 * A unit's data-request KPI: of the recipients of the requests it sent
 * (sent or closed), the share that answered on or before the deadline.
 */
export async function unitKpis(ctx: DataRequestContext, unitId: string) {
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  policy.authorize(ctx.actor, 'datarequest.read', unitId, index, ctx.date)
  const requests = (await store.ofOwner(unitId)).filter((r) => r.status !== 'draft')
  const answers = await Promise.all(requests.map((r) => store.answers(r.requestId)))
  let recipients = 0
  let onTime = 0
  let answered = 0
  requests.forEach((r, i) => {
    recipients += r.recipientUnitIds.length
    for (const a of answers[i]) { if (!r.recipientUnitIds.includes(a.unitId)) continue; answered++; if (rules.answeredOnTime(r.deadline, a)) onTime++ }
  })
  return { unitId, requests: requests.length, recipients, answered, answeredOnTime: onTime, onTimeShare: recipients ? onTime / recipients : null }
}
