/**
 * Reorganisation requests (merge, split, dissolve): checked against the
 * dated tree, approved by the superior unit through the Step Functions
 * workflow, applied by its `apply` task. One open request per unit at a time.
 */
import { randomUUID } from 'node:crypto'
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { authorizeNotOwn, orgPolicy } from '../../../shared/auth/policy.js'
import type { CreateReorganisationBody, DecisionBody, Reorganisation } from '../../../shared/org/contracts.js'
import { validateReorganisation } from '../../../shared/org/reorganisation.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { env } from '../../lib/env.js'
import { orgStore, reorganisationItem } from '../adapters/store.js'
import { reorganisationWorkflow } from '../adapters/workflows.js'
import type { OrgContext } from './context.js'

export async function requestReorganisation(ctx: OrgContext, body: CreateReorganisationBody) {
  const index = await ctx.tree()
  const { approverUnitId } = validateReorganisation(index, body, ctx.date)
  for (const id of body.sourceUnitIds) orgPolicy.authorize(ctx.actor, 'reorganisation.request', id, index, ctx.date)
  const now = ctx.now.toISOString()
  const request: Reorganisation = {
    requestId: randomUUID(), kind: body.kind, sourceUnitIds: body.sourceUnitIds, successors: body.successors,
    effectiveDate: body.effectiveDate, reason: body.reason, approverUnitId, ownerUnitId: approverUnitId, status: 'pending',
    requestedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName },
    deadlineSeconds: body.deadlineSeconds ?? env().APPROVAL_DEADLINE_SECONDS,
    history: [{ at: now, status: 'requested', by: ctx.actor.fullName, note: body.reason }],
    version: 1, createdAt: now, updatedAt: now,
  }
  request.deadlineAt = new Date(ctx.now.getTime() + request.deadlineSeconds * 1000).toISOString()
  const tx = new Transaction().put(reorganisationItem(request), { expectVersion: 'new' })
  for (const unitId of body.sourceUnitIds) {
    tx.put({ ...keys.reorganisationLock(unitId), entity: ENTITY.reorganisationLock, schemaVersion: SCHEMA_VERSION, requestId: request.requestId },
      { expectVersion: 'new', onConflict: new ConflictError('conflict.pendingReorganisation', { unitId }) })
    tx.audit({ unitId, action: `reorganisation.request.${body.kind}`, target: request.requestId, details: { successors: body.successors, effectiveDate: body.effectiveDate } })
  }
  tx.audit({ unitId: approverUnitId, action: 'reorganisation.received', target: request.requestId, details: { kind: body.kind, sources: body.sourceUnitIds } })
  await tx.commit(ctx.auditActor, ctx.now)
  try {
    request.executionArn = await reorganisationWorkflow.start({ requestId: request.requestId, ownerUnitId: approverUnitId, deadlineSeconds: request.deadlineSeconds })
  } catch (err) {
    await releaseAndClose(request, 'failed', { userId: 'system', name: 'Digital Office' }, ctx.now, 'workflow could not start')
    throw err
  }
  return { request }
}

export async function getReorganisation(ctx: OrgContext, requestId: string) {
  const request = await orgStore.getReorganisation(requestId)
  if (!request) throw new NotFoundError('request', requestId)
  const index = await ctx.tree()
  const mayRead = request.requestedBy.userId === ctx.actor.userId
    || [request.approverUnitId, ...request.sourceUnitIds].some((u) => orgPolicy.can(ctx.actor, 'unit.read', u, index, ctx.date))
  if (!mayRead) throw new ForbiddenError('auth.outsideSubtree', { unitId: request.approverUnitId })
  return { request }
}

/** `pending`: what the caller must decide now; `mine`: what the caller asked for. */
export async function listReorganisations(ctx: OrgContext, scope: 'pending' | 'mine') {
  if (scope === 'mine') return { requests: await orgStore.listByRequester(ctx.actor.userId) }
  const index = await ctx.tree()
  const units = orgPolicy.grantingUnits(ctx.actor, 'reorganisation.decide', index, ctx.date)
  const lists = await Promise.all(units.flatMap((u) => [orgStore.listInbox(u, 'pending'), orgStore.listInbox(u, 'escalated')]))
  const seen = new Set<string>()
  return { requests: lists.flat().filter((r) => !seen.has(r.requestId) && seen.add(r.requestId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
}

export async function decideReorganisation(ctx: OrgContext, requestId: string, body: DecisionBody) {
  const request = await orgStore.getReorganisation(requestId)
  if (!request) throw new NotFoundError('request', requestId)
  const index = await ctx.tree()
  if (!orgPolicy.can(ctx.actor, 'reorganisation.decide', request.approverUnitId, index, ctx.date)) throw new ForbiddenError('rule.notApprover')
  authorizeNotOwn(ctx.actor, [request.requestedBy.userId])
  if (request.status !== 'pending' && request.status !== 'escalated') throw new ConflictError('conflict.requestDecided')
  const token = (request as Reorganisation & { taskToken?: string }).taskToken
  if (!token) throw new ConflictError('conflict.requestDecided')
  const now = ctx.now.toISOString()
  const decided: Reorganisation & { taskToken?: string } = {
    ...request, status: body.approved ? 'approved' : 'rejected',
    decidedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName, at: now, comment: body.comment },
    history: [...request.history, { at: now, status: body.approved ? 'approved' : 'rejected', by: ctx.actor.fullName, note: body.comment }],
    version: request.version + 1, updatedAt: now,
  }
  // Recording the decision under the version condition makes a double decision impossible.
  await new Transaction()
    .put(reorganisationItem(decided), { expectVersion: request.version, onConflict: new ConflictError('conflict.requestDecided') })
    .audit({ unitId: request.approverUnitId, action: body.approved ? 'reorganisation.approve' : 'reorganisation.reject', target: requestId, details: { comment: body.comment } })
    .commit(ctx.auditActor, ctx.now)
  await reorganisationWorkflow.decide(token, { approved: body.approved, comment: body.comment, userId: ctx.actor.userId, fullName: ctx.actor.fullName })
  return { request: decided }
}

/** Ends a request: releases the unit locks and records the final status (used by tasks and on start failure). */
export async function releaseAndClose(request: Reorganisation, status: Reorganisation['status'], actor: { userId: string; name: string }, now: Date, note?: string, extra?: (tx: Transaction) => void) {
  const at = now.toISOString()
  const closed: Reorganisation = {
    ...request, status, history: [...request.history, { at, status, by: actor.name, note }], version: request.version + 1, updatedAt: at,
  }
  const tx = new Transaction().put(reorganisationItem(closed), { expectVersion: request.version })
  for (const unitId of request.sourceUnitIds) tx.delete(keys.reorganisationLock(unitId))
  tx.audit({ unitId: request.approverUnitId, action: `reorganisation.${status}`, target: request.requestId, details: note ? { note } : undefined })
  extra?.(tx)
  await tx.commit(actor, now)
  return closed
}
