/**
 * Voters' petitions (kiến nghị cử tri) and the follow-up of council
 * resolutions. The office that follows them (`petition.manage` over its
 * unit) records a petition from a meeting with voters, forwards it to the
 * responsible agency (a unit that exists today; an ended one is refused),
 * records the agency's answer (the office, or the agency's own people with
 * `petition.answer`) and publishes it. A resolution's tasks are created
 * through the tasks module's own use case (its rules, its audit, its
 * reminders), and the resolution's status is read from them.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'
import { existsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { casePolicy } from '../../../shared/cases/policy.js'
import { stepsFrom } from '../../../shared/cases/engine.js'
import * as rules from '../../../shared/cases/petitions.js'
import type { Change } from '../../../shared/cases/complaints.js'
import type { Petition, PetitionBody, Resolution } from '../../../shared/cases/contracts.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { createTask } from '../../tasks/usecases/tasks.js'
import { taskStore } from '../../tasks/adapters/store.js'
import type { CaseContext } from './cases.js'
import { petitionItem, petitionStore, resolutionItem } from '../adapters/store.js'

const me = (ctx: CaseContext): PersonRef => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const change = (ctx: CaseContext): Change => ({ at: ctx.now.toISOString(), by: me(ctx), today: ctx.date })
const newId = (unit: string, letter: 'k' | 'r', now: Date) => `${unit}.${letter}${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
const unitName = (index: UnitIndex, id: string, date: string) => { const u = index.get(id); return u ? nameOn(u, date).name : '' }

function liveAgency(index: UnitIndex, unitId: string, date: string) {
  const u = index.get(unitId)
  if (!u) throw new NotFoundError('unit', unitId)
  if (!existsOn(u, date)) throw new RuleError('petition.agencyEnded', { name: nameOn(u, u.validTo ?? date).name })
  return u
}

const manages = (ctx: CaseContext, index: UnitIndex, officeUnitId: string) => index.has(officeUnitId) && casePolicy.can(ctx.actor, 'petition.manage', officeUnitId, index, ctx.date)
const agencyAnswers = (ctx: CaseContext, index: UnitIndex, p: Petition) => index.has(p.agencyUnitId) && casePolicy.can(ctx.actor, 'petition.answer', p.agencyUnitId, index, ctx.date)
const readsOffice = (ctx: CaseContext, index: UnitIndex, officeUnitId: string) => index.has(officeUnitId) && casePolicy.can(ctx.actor, 'petition.read', officeUnitId, index, ctx.date)

function petitionView(ctx: CaseContext, index: UnitIndex, p: Petition) {
  const steps = stepsFrom(rules.PETITION_KIND, p.state).filter((s) => s === 'answer' ? (manages(ctx, index, p.officeUnitId) || agencyAnswers(ctx, index, p)) : manages(ctx, index, p.officeUnitId))
  return { ...p, officeName: unitName(index, p.officeUnitId, ctx.date), overdue: rules.petitionOverdue(p, ctx.date), can: { steps } }
}

async function loadPetition(ctx: CaseContext, id: string) {
  const [p, index] = await Promise.all([petitionStore.get(id), ctx.tree()])
  if (!p || !(readsOffice(ctx, index, p.officeUnitId) || agencyAnswers(ctx, index, p))) throw new DomainError('notFound.petition', 404, { id })
  return { p, index }
}

export async function createPetition(ctx: CaseContext, body: PetitionBody) {
  const index = await ctx.tree()
  if (!index.has(body.officeUnitId)) throw new NotFoundError('unit', body.officeUnitId)
  casePolicy.authorize(ctx.actor, 'petition.manage', body.officeUnitId, index, ctx.date)
  const agency = liveAgency(index, body.agencyUnitId, ctx.date)
  const at = ctx.now.toISOString()
  const p: Petition = {
    petitionId: newId(body.officeUnitId, 'k', ctx.now), officeUnitId: body.officeUnitId, term: body.term, text: body.text, meeting: body.meeting, place: body.place,
    meetingOn: body.meetingOn, area: body.area, topic: body.topic, agencyUnitId: agency.unitId, agencyName: nameOn(agency, ctx.date).name,
    state: 'received', events: [{ at, by: me(ctx), step: 'intake' }], createdAt: at, updatedAt: at, version: 1,
  }
  await new Transaction().put(petitionItem(p), { expectVersion: 'new' })
    .audit({ unitId: p.officeUnitId, action: 'petition.create', target: p.petitionId, details: { topic: p.topic, area: p.area, agencyUnitId: p.agencyUnitId } })
    .commit(ctx.auditActor, ctx.now)
  return petitionView(ctx, index, p)
}

export async function showPetition(ctx: CaseContext, id: string) {
  const { p, index } = await loadPetition(ctx, id)
  return petitionView(ctx, index, p)
}

async function petitionStep(ctx: CaseContext, id: string, version: number, step: rules.PetitionStep, apply: (p: Petition, ch: Change, index: UnitIndex) => Petition, details: Record<string, unknown> = {}) {
  const { p, index } = await loadPetition(ctx, id)
  const allowed = step === 'answer' ? manages(ctx, index, p.officeUnitId) || agencyAnswers(ctx, index, p) : manages(ctx, index, p.officeUnitId)
  if (!allowed) throw new ForbiddenError(step === 'answer' ? 'petition.notAgency' : 'auth.forbidden')
  if (p.version !== version) throw new ConflictError('conflict.version')
  const next = apply(p, change(ctx), index)
  await new Transaction().put(petitionItem(next), { expectVersion: p.version })
    .audit({ unitId: p.officeUnitId, action: `petition.${step}`, target: id, details: { topic: p.topic, ...details } })
    .commit(ctx.auditActor, ctx.now)
  return petitionView(ctx, index, next)
}

export const forwardPetition = (ctx: CaseContext, id: string, b: { version: number; answerDue?: string }) =>
  petitionStep(ctx, id, b.version, 'forward', (p, ch, index) => { liveAgency(index, p.agencyUnitId, ch.today); return rules.forward(p, ch, CALENDAR, b.answerDue) }, { answerDue: b.answerDue })
export const answerPetition = (ctx: CaseContext, id: string, b: { version: number; answer: string; result: 'solved' | 'in-progress' | 'explained'; answeredOn?: string }) =>
  petitionStep(ctx, id, b.version, 'answer', (p, ch) => rules.answer(p, ch, b.answer, b.result, b.answeredOn ?? ch.today), { result: b.result })
export const publishPetition = (ctx: CaseContext, id: string, b: { version: number }) =>
  petitionStep(ctx, id, b.version, 'publish', (p, ch) => rules.publish(p, ch))

export async function listPetitions(ctx: CaseContext, q: { officeUnitId: string; state?: Petition['state']; q?: string }) {
  const index = await ctx.tree()
  if (!index.has(q.officeUnitId)) throw new NotFoundError('unit', q.officeUnitId)
  casePolicy.authorize(ctx.actor, 'petition.read', q.officeUnitId, index, ctx.date)
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const all = (await petitionStore.ofOffice(q.officeUnitId))
    .filter((p) => !q.state || p.state === q.state)
    .filter((p) => words.every((w) => `${p.text} ${p.topic} ${p.area} ${p.agencyName}`.toLowerCase().includes(w)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return { petitions: all.map((p) => ({ petitionId: p.petitionId, topic: p.topic, area: p.area, meeting: p.meeting, meetingOn: p.meetingOn, agencyName: p.agencyName, state: p.state, answerDue: p.answerDue, result: p.answer?.result, overdue: rules.petitionOverdue(p, ctx.date), text: p.text.slice(0, 200) })) }
}

// ---------- resolutions ----------

async function resolutionView(ctx: CaseContext, index: UnitIndex, r: Resolution) {
  const tasks = await taskStore.getMany(r.taskIds)
  return {
    ...r, officeName: unitName(index, r.officeUnitId, ctx.date), status: rules.resolutionStatus(tasks, ctx.date),
    tasks: tasks.map((t) => ({ taskId: t.taskId, title: t.title, status: t.status, deadline: t.deadline, percent: t.percent, leadUnitName: unitName(index, t.leadUnitId, ctx.date), overdue: t.status !== 'done' && t.status !== 'cancelled' && t.deadline < ctx.date })),
    can: { manage: manages(ctx, index, r.officeUnitId) },
  }
}

export async function createResolution(ctx: CaseContext, body: { officeUnitId: string; number: string; title: string; session: string; adoptedOn: string }) {
  const index = await ctx.tree()
  if (!index.has(body.officeUnitId)) throw new NotFoundError('unit', body.officeUnitId)
  casePolicy.authorize(ctx.actor, 'petition.manage', body.officeUnitId, index, ctx.date)
  const at = ctx.now.toISOString()
  const r: Resolution = { resolutionId: newId(body.officeUnitId, 'r', ctx.now), ...body, taskIds: [], createdAt: at, updatedAt: at, version: 1 }
  await new Transaction().put(resolutionItem(r), { expectVersion: 'new' })
    .audit({ unitId: r.officeUnitId, action: 'resolution.create', target: r.resolutionId, details: { number: r.number, title: r.title } })
    .commit(ctx.auditActor, ctx.now)
  return resolutionView(ctx, index, r)
}

async function loadResolution(ctx: CaseContext, id: string) {
  const [r, index] = await Promise.all([petitionStore.resolution(id), ctx.tree()])
  if (!r || !readsOffice(ctx, index, r.officeUnitId)) throw new DomainError('notFound.resolution', 404, { id })
  return { r, index }
}

export async function showResolution(ctx: CaseContext, id: string) {
  const { r, index } = await loadResolution(ctx, id)
  return resolutionView(ctx, index, r)
}

/** A task of the resolution, created by the tasks module (its deadline and assignment rules apply), then linked. */
export async function addResolutionTask(ctx: CaseContext, id: string, b: { title: string; leadUnitId: string; deadline: string; description?: string }) {
  const { r, index } = await loadResolution(ctx, id)
  if (!manages(ctx, index, r.officeUnitId)) throw new ForbiddenError('auth.forbidden')
  const task = await createTask(ctx, {
    title: b.title, ...(b.description ? { description: b.description } : {}), leadUnitId: b.leadUnitId, deadline: b.deadline, priority: 'normal',
    source: { kind: 'resolution', resolutionId: r.resolutionId, name: `${r.number}: ${r.title}`.slice(0, 400) }, coordinatingUnitIds: [], watcherIds: [],
  })
  for (let attempt = 0; ; attempt++) {
    const cur = attempt === 0 ? r : (await petitionStore.resolution(id))!
    const next: Resolution = { ...cur, taskIds: [...cur.taskIds, task.taskId], updatedAt: ctx.now.toISOString(), version: cur.version + 1 }
    try {
      await new Transaction().put(resolutionItem(next), { expectVersion: cur.version })
        .audit({ unitId: r.officeUnitId, action: 'resolution.task', target: id, details: { number: r.number, title: b.title, leadUnitId: b.leadUnitId, deadline: b.deadline } })
        .commit(ctx.auditActor, ctx.now)
      return resolutionView(ctx, index, next)
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt > 3) throw err
    }
  }
}

export async function listResolutions(ctx: CaseContext, officeUnitId: string) {
  const index = await ctx.tree()
  if (!index.has(officeUnitId)) throw new NotFoundError('unit', officeUnitId)
  casePolicy.authorize(ctx.actor, 'petition.read', officeUnitId, index, ctx.date)
  const all = (await petitionStore.resolutions(officeUnitId)).sort((a, b) => b.adoptedOn.localeCompare(a.adoptedOn))
  return { resolutions: await Promise.all(all.map(async (r) => { const v = await resolutionView(ctx, index, r); return { resolutionId: v.resolutionId, number: v.number, title: v.title, session: v.session, adoptedOn: v.adoptedOn, status: v.status, tasks: v.tasks.length } })) }
}

/** The offices where the caller follows petitions (the SPA's choice). */
export async function myOffices(ctx: CaseContext) {
  const index = await ctx.tree()
  return [...new Set(casePolicy.grantingUnits(ctx.actor, 'petition.read', index, ctx.date))]
    .map((u) => ({ unitId: u, name: unitName(index, u, ctx.date), manage: manages(ctx, index, u) }))
}
