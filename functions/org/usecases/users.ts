/**
 * People and roles: list and search within reach, create (with an account at
 * the identity provider), update positions, roles, clearance, MFA, status.
 */
import { randomUUID } from 'node:crypto'
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/index.js'
import { authorizeClearance, orgPolicy } from '../../../shared/auth/policy.js'
import { hasVotingRights, type CreateUserBody, type UpdateUserBody, type User } from '../../../shared/org/contracts.js'
import { existsOn } from '../../../shared/org/tree.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { generatePassword, identity } from '../../lib/adapters/identity.js'
import { signInAttempts } from '../../lib/adapters/sign-in-attempts.js'
import { sql } from '../../lib/adapters/sql.js'
import { memberItem, orgStore, userItem } from '../adapters/store.js'
import type { OrgContext } from './context.js'
import { requireUnit } from './units.js'

export async function listUsers(ctx: OrgContext, q: { unitId?: string; q?: string }) {
  const index = await ctx.tree()
  if (q.unitId) {
    requireUnit(index, q.unitId)
    orgPolicy.authorize(ctx.actor, 'user.read', q.unitId, index, ctx.date)
  }
  const allowed = q.unitId ? [q.unitId] : [...orgPolicy.reach(ctx.actor, 'user.read', index, ctx.date, true)]
  if (!q.q && q.unitId) {
    const members = await orgStore.listMembers(q.unitId)
    const users = await orgStore.getUsers([...new Set(members.map((m) => m.userId))])
    return { users: users.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')) }
  }
  // Search (diacritics-insensitive) through the read model, restricted to the caller's reach.
  const rows = await sql().query<{ data: User | string }>(
    `select data from users where unit_ids && $1::text[] and ($2 = '' or search like '%' || lower(unaccent($2)) || '%')
     order by full_name limit 200`, [allowed, q.q ?? ''])
  return { users: rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as User) }
}

export async function getUser(ctx: OrgContext, userId: string) {
  const user = await orgStore.getUser(userId)
  if (!user) throw new NotFoundError('user', userId)
  if (user.userId !== ctx.actor.userId) {
    const index = await ctx.tree()
    const readable = user.assignments.some((a) => { try { orgPolicy.authorize(ctx.actor, 'user.read', a.unitId, index, ctx.date); return true } catch { return false } })
    if (!readable) orgPolicy.authorize(ctx.actor, 'user.read', user.assignments[0]?.unitId ?? '-', index, ctx.date)
  }
  // Whoever manages the person sees a sign-in lock (and may lift it); the counters are the auth module's.
  const attempts = await signInAttempts.get('account', user.username)
  const lockedUntil = attempts?.lockedUntil && attempts.lockedUntil > ctx.now.toISOString() ? attempts.lockedUntil : undefined
  return { user, signIn: { locked: !!lockedUntil, ...(lockedUntil ? { lockedUntil } : {}) } }
}

/** An administrator lifts a sign-in lock: the account starts afresh; audited in each of its units. */
export async function unlockSignIn(ctx: OrgContext, userId: string) {
  const user = await orgStore.getUser(userId)
  if (!user) throw new NotFoundError('user', userId)
  const index = await ctx.tree()
  const units = user.assignments.map((a) => a.unitId).filter((u) => index.has(u))
  if (units.length === 0) throw new ForbiddenError()
  for (const unitId of units) orgPolicy.authorize(ctx.actor, 'user.manage', unitId, index, ctx.date)
  await signInAttempts.clear('account', user.username)
  const tx = new Transaction()
  for (const unitId of new Set(units)) tx.audit({ unitId, action: 'auth.unlocked', target: userId, details: { username: user.username } })
  await tx.commit(ctx.auditActor, ctx.now)
  return { user, signIn: { locked: false } }
}

async function checkAssignments(ctx: OrgContext, assignments: { unitId: string }[]) {
  const index = await ctx.tree()
  for (const a of assignments) {
    const unit = requireUnit(index, a.unitId)
    orgPolicy.authorize(ctx.actor, 'user.manage', a.unitId, index, ctx.date)
    if (!existsOn(unit, ctx.date)) throw new RuleError('rule.unitEnded', { unitId: a.unitId })
  }
}

export async function createUser(ctx: OrgContext, body: CreateUserBody) {
  await checkAssignments(ctx, body.assignments)
  authorizeClearance(ctx.actor, body.clearance)
  if (await orgStore.getUserByUsername(body.username)) throw new ConflictError('conflict.usernameTaken', { username: body.username })
  const now = ctx.now.toISOString()
  const user: User = {
    userId: randomUUID(), username: body.username, fullName: body.fullName, email: body.email, phone: body.phone,
    clearance: body.clearance, mfa: body.mfa, status: 'active', assignments: body.assignments, version: 1, createdAt: now, updatedAt: now,
  }
  const initialPassword = body.password ?? generatePassword()
  const tx = userTransaction(user, [], 'new')
  tx.put({ ...keys.usernameClaim(user.username), entity: ENTITY.usernameClaim, schemaVersion: SCHEMA_VERSION, userId: user.userId },
    { expectVersion: 'new', onConflict: new ConflictError('conflict.usernameTaken', { username: user.username }) })
  for (const unitId of new Set(user.assignments.map((a) => a.unitId))) {
    tx.audit({ unitId, action: 'user.create', target: user.userId, details: { username: user.username, fullName: user.fullName, roles: user.assignments.filter((a) => a.unitId === unitId).map((a) => a.role), clearance: user.clearance } })
  }
  // The account first: if the table write then fails, the account is removed again.
  // A generated password is temporary (changed at the first sign-in); one the administrator chose is kept.
  await identity().createAccount({ username: user.username, email: user.email, password: initialPassword, temporary: !body.password, mfa: user.mfa })
  try {
    await tx.commit(ctx.auditActor, ctx.now)
  } catch (err) {
    await identity().deleteAccount(user.username).catch(() => undefined)
    throw err
  }
  return { user, initialPassword: body.password ? undefined : initialPassword }
}

export async function updateUser(ctx: OrgContext, userId: string, body: UpdateUserBody) {
  const current = await orgStore.getUser(userId)
  if (!current) throw new NotFoundError('user', userId)
  // The caller must manage the person where they are now, and where they are being placed.
  const index = await ctx.tree()
  for (const a of current.assignments) if (index.has(a.unitId)) orgPolicy.authorize(ctx.actor, 'user.manage', a.unitId, index, ctx.date)
  if (body.assignments) await checkAssignments(ctx, body.assignments)
  if (body.clearance) authorizeClearance(ctx.actor, body.clearance)
  if (current.version !== body.version) throw new ConflictError('conflict.version')
  const { version: _v, ...changes } = body
  const updated: User = { ...current, ...changes, version: current.version + 1, updatedAt: ctx.now.toISOString() }
  const tx = userTransaction(updated, current.assignments, current.version)
  const changed = Object.keys(changes).filter((k) => JSON.stringify((changes as Record<string, unknown>)[k]) !== JSON.stringify((current as unknown as Record<string, unknown>)[k]))
  for (const unitId of new Set([...current.assignments, ...updated.assignments].map((a) => a.unitId))) {
    tx.audit({ unitId, action: 'user.update', target: userId, details: { changed, status: updated.status, clearance: updated.clearance } })
  }
  await tx.commit(ctx.auditActor, ctx.now)
  if (body.status && body.status !== current.status) await identity().setEnabled(current.username, body.status === 'active')
  if (body.mfa !== undefined && body.mfa !== current.mfa) await identity().setMfa(current.username, body.mfa)
  return { user: updated }
}

/** The user item plus one membership item per unit (added, kept, removed). */
function userTransaction(user: User, previous: User['assignments'], expectVersion: number | 'new'): Transaction {
  return putUser(new Transaction(), user, previous, expectVersion)
}

/**
 * Adds to `tx` the user item and its membership items (a unit's item says
 * `votingRights: false` when the person holds only a temporary transfer's
 * role there): a change of assignments written with whatever else `tx` holds.
 */
export function putUser(tx: Transaction, user: User, previous: User['assignments'], expectVersion: number | 'new'): Transaction {
  tx.put(userItem(user), { expectVersion })
  const units = new Set(user.assignments.map((a) => a.unitId))
  for (const unitId of units) {
    const a = user.assignments.filter((x) => x.unitId === unitId)
    tx.put(memberItem(unitId, user, { role: a.map((x) => x.role).join(','), position: a.find((x) => x.position)?.position, ...(a.every((x) => !hasVotingRights(x)) ? { votingRights: false as const } : {}) }))
  }
  for (const old of new Set(previous.map((a) => a.unitId))) if (!units.has(old)) tx.delete(keys.member(old, user.userId))
  return tx
}
