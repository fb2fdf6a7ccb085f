/**
 * What every organisation use case needs: the caller, today's date, the tree.
 * The tree comes from the container's copy, checked against the tree's change
 * log with one consistent Query per request (adapters/tree-cache.ts): exact
 * authorisation at a cost that does not grow with the city.
 */
import { UnauthenticatedError, ForbiddenError } from '../../../shared/errors/index.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { today, type UnitIndex } from '../../../shared/org/tree.js'

import { orgStore } from '../adapters/store.js'
import type { AuditActor } from '../../lib/adapters/transaction.js'
import type { HttpRequest } from '../../lib/http.js'
import type { ModuleContext } from '../../lib/module.js'

export interface OrgContext {
  actor: Actor
  date: string
  now: Date
  sourceIp: string
  tree(): Promise<UnitIndex>
  auditActor: AuditActor
}

/** Resolves the JWT claims (Cognito or the local issuer) to a known, active user. */
export async function resolveActor(claims: Record<string, unknown>): Promise<Actor> {
  const username = String(claims.username ?? claims['cognito:username'] ?? '')
  if (!username) throw new UnauthenticatedError()
  const user = await orgStore.getUserByUsername(username.toLowerCase())
  if (!user) throw new ForbiddenError('auth.unknownUser')
  if (user.status !== 'active') throw new ForbiddenError('auth.disabled')
  return actorOf(user)
}

/** The caller as authorisation sees them, from their user record. */
export const actorOf = (user: Pick<Actor, 'userId' | 'username' | 'fullName' | 'clearance' | 'mfa' | 'assignments'>): Actor =>
  ({ userId: user.userId, username: user.username, fullName: user.fullName, clearance: user.clearance, mfa: user.mfa, assignments: user.assignments })

/** `tree`: the tree read already under way (started with the request), if any. */
export function orgContext(actor: Actor, sourceIp: string, now = new Date(), tree?: Promise<UnitIndex>): OrgContext {
  let index: Promise<UnitIndex> | undefined = tree
  return {
    actor, now, date: today(now), sourceIp,
    tree: () => (index ??= orgStore.tree()),
    auditActor: { userId: actor.userId, name: actor.fullName, sourceIp },
  }
}

/**
 * The context of every module that works on the organisation tree (org,
 * members, documents, archives, the assistant): the caller resolved from the
 * JWT claims, the tree's read started with the request.
 */
export const ORG_MODULE_CONTEXT: ModuleContext<Actor, OrgContext> = {
  resolveActor,
  prefetch: () => orgStore.tree(),
  context: (req: HttpRequest<Actor>) => orgContext(req.actor, req.sourceIp, new Date(), req.prefetched as Promise<UnitIndex> | undefined),
}
