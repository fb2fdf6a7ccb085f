/**
 * Member records: create (with the card-number guard), read within reach,
 * the cell's list, the fee profile, live cells and member search. The
 * handbook, which gathers a member's fees, transfers and notices, is in
 * handbook.ts, so this file imports no other use case.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { CreateMemberBody, PartyMember } from '../../../shared/members/contracts.js'
import { reductionProblem, type FeeProfile } from '../../../shared/members/fees.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { existsOn, nameOn, parentOn, type UnitIndex } from '../../../shared/org/tree.js'
import { pgArray } from '../../../shared/documents/projection.js'
import { sql } from '../../lib/adapters/sql.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { cardClaimItem, memberItem, memberStore } from '../adapters/store.js'

export type MemberContext = OrgContext

export const newMemberId = (): string => `m-${Date.now().toString(36)}${randomBytes(5).toString('hex')}`

/** A cell that exists today (members belong to cells). */
export function requireLiveCell(index: UnitIndex, cellId: string, date: string, path = 'cellId') {
  const cell = index.get(cellId)
  if (!cell) throw new NotFoundError('unit', cellId)
  if (!existsOn(cell, date)) throw new RuleError('rule.unitEnded', { unitId: cellId })
  if (cell.level !== 'cell') throw new ValidationError([{ path, code: 'members.notACell', params: { unit: nameOn(cell, date).name } }])
  return cell
}

export function checkFeeProfile(fee: FeeProfile): void {
  fee.reductions.forEach((r, i) => {
    const problem = reductionProblem(r)
    if (problem) throw new ValidationError([{ path: `fee.reductions.${i}`, code: problem === 'duration' ? 'members.reductionTooLong' : 'field.invalidReduction', params: { path: `fee.reductions.${i}` } }])
  })
}

export async function buildMember(ctx: MemberContext, body: CreateMemberBody): Promise<PartyMember> {
  const index = await ctx.tree()
  requireLiveCell(index, body.cellId, ctx.date)
  memberPolicy.authorize(ctx.actor, 'member.manage', body.cellId, index, ctx.date)
  checkFeeProfile(body.fee)
  if (body.residenceCellId) requireLiveCell(index, body.residenceCellId, ctx.date, 'residenceCellId')
  let userId: string | undefined
  if (body.username) {
    const user = await orgStore.getUserByUsername(body.username)
    if (!user) throw new RuleError('members.unknownUsername', { username: body.username })
    if (await memberStore.getMemberByUser(user.userId)) throw new ConflictError('members.userHasRecord', { username: body.username })
    userId = user.userId
  }
  const now = ctx.now.toISOString()
  const { username, ...rest } = body
  return {
    ...rest, memberId: newMemberId(), status: 'active', userId, username,
    history: [{ at: now, kind: 'admission', toUnitId: body.cellId }],
    version: 1, createdAt: now, updatedAt: now,
  }
}

/** Writes a new member with the guard that makes the card number unique, and its audit entry, in one transaction. */
export async function writeNewMember(ctx: MemberContext, m: PartyMember): Promise<void> {
  await new Transaction()
    .put(memberItem(m), { expectVersion: 'new' })
    .put(cardClaimItem(m.cardNumber, m.memberId), { expectVersion: 'new', onConflict: new ConflictError('members.cardTaken', { cardNumber: m.cardNumber }) })
    .audit({ unitId: m.cellId, action: 'member.create', target: m.memberId, details: { cardNumber: m.cardNumber, fullName: m.fullName } })
    .commit(ctx.auditActor, ctx.now)
}

export async function createMember(ctx: MemberContext, body: CreateMemberBody): Promise<PartyMember> {
  const m = await buildMember(ctx, body)
  await writeNewMember(ctx, m)
  return m
}

/** A member the caller may see: themselves, or a member of a cell in their reach (others: 404 / 403). */
export async function loadMember(ctx: MemberContext, memberId: string): Promise<{ member: PartyMember; index: UnitIndex }> {
  const member = await memberStore.getMember(memberId)
  if (!member) throw memberNotFound(memberId)
  const index = await ctx.tree()
  if (member.userId === ctx.actor.userId) return { member, index }
  if (!memberPolicy.can(ctx.actor, 'member.read', member.cellId, index, ctx.date)) throw new ForbiddenError('auth.outsideSubtree', { unitId: member.cellId })
  return { member, index }
}

export async function listCell(ctx: MemberContext, cellId: string, status?: string) {
  const index = await ctx.tree()
  if (!index.has(cellId)) throw new NotFoundError('unit', cellId)
  memberPolicy.authorize(ctx.actor, 'member.read', cellId, index, ctx.date)
  const members = (await memberStore.listCell(cellId)).filter((m) => !status || m.status === status)
  return { cell: { unitId: cellId, name: nameOn(index.get(cellId)!, ctx.date).name }, members }
}

export async function updateFeeProfile(ctx: MemberContext, memberId: string, body: { fee: FeeProfile; version: number }): Promise<PartyMember> {
  const { member, index } = await loadMember(ctx, memberId)
  memberPolicy.authorize(ctx.actor, 'member.manage', member.cellId, index, ctx.date)
  checkFeeProfile(body.fee)
  if (body.version !== member.version) throw new ConflictError('conflict.version')
  const next: PartyMember = { ...member, fee: body.fee, version: member.version + 1, updatedAt: ctx.now.toISOString() }
  await new Transaction().put(memberItem(next), { expectVersion: member.version })
    .audit({ unitId: member.cellId, action: 'member.feeProfile', target: memberId, details: { category: body.fee.category, incomes: body.fee.incomes.length, reductions: body.fee.reductions.length, exemptions: body.fee.exemptions.length } })
    .commit(ctx.auditActor, ctx.now)
  return next
}

export const isSelf = (actor: Actor, m: PartyMember) => !!m.userId && m.userId === actor.userId

export const memberNotFound = (memberId: string) => new DomainError('notFound.member', 404, { id: memberId })

/** Live cells of the city (the destination of a transfer), sorted by parent then name; names are not restricted. */
export async function liveCells(ctx: MemberContext): Promise<{ unitId: string; name: string; parentName: string }[]> {
  const index = await ctx.tree()
  const cells = [...index.values()].filter((u) => u.level === 'cell' && existsOn(u, ctx.date)).map((u) => {
    const parent = parentOn(u, ctx.date)
    return { unitId: u.unitId, name: nameOn(u, ctx.date).name, parentName: parent && index.get(parent) ? nameOn(index.get(parent)!, ctx.date).name : '' }
  })
  return cells.sort((a, b) => a.parentName.localeCompare(b.parentName, 'vi') || a.name.localeCompare(b.name, 'vi'))
}

/** Members in reach whose name, card or record number matches, without diacritics (read model). */
export async function searchMembers(ctx: MemberContext, q: string): Promise<unknown[]> {
  const reach = [...memberPolicy.reach(ctx.actor, 'member.read', await ctx.tree(), ctx.date)]
  if (reach.length === 0) return []
  const rows = await sql().query<{ data: unknown }>(
    `select data from party_members where cell_id = any($1::text[]) and search like '%' || lower(unaccent($2)) || '%'
     order by similarity(search, lower(unaccent($2))) desc, full_name limit 50`, [pgArray(reach), q])
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data))
}
