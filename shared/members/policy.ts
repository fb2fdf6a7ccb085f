/**
 * Who may do what with Party member records, fees and transfers: role × unit
 * subtree, deny by default, from the one engine (shared/auth/engine.ts). A member
 * sees only themselves (the handbook); cell and committee officers see their
 * subtree. The actions have their own table (as documents do) so the
 * organisation roles' table stays exactly the organisation's actions.
 */
import { definePolicy, type Actor } from '../auth/engine.js'
import type { Role } from '../org/roles.js'
import { existsOn, parentOn, type UnitIndex } from '../org/tree.js'
import type { ApprovalStep } from './contracts.js'

export type MemberAction = 'member.read' | 'member.manage' | 'fee.collect' | 'transfer.file' | 'transfer.approve' | 'notice.post'

export const MEMBER_PERMISSIONS: Readonly<Record<Role, readonly MemberAction[]>> = {
  admin: ['member.read', 'member.manage', 'fee.collect', 'transfer.file', 'notice.post'],
  secretary: ['member.read', 'member.manage', 'fee.collect', 'transfer.file', 'transfer.approve', 'notice.post'],
  'deputy-secretary': ['member.read', 'member.manage', 'fee.collect', 'transfer.file', 'transfer.approve', 'notice.post'],
  'office-chief': ['member.read', 'member.manage', 'notice.post'],
  clerk: ['member.read', 'member.manage', 'fee.collect', 'notice.post'],
  specialist: ['member.read'],
  inspector: ['member.read'],
  member: [],
}

/** Members' policy; its reach leaves ended units out. */
export const memberPolicy = definePolicy(MEMBER_PERMISSIONS, { readAction: 'member.read', reachIncludesEnded: false })

/**
 * The approval chain of an official transfer (294-QĐ/TW): the member's cell,
 * the grassroots committee above it, then the issuing committee (the one
 * above the grassroots organisation) — or, when that is the city committee,
 * its Organisation Board may decide for it. A temporary transfer stops at
 * the grassroots committee, which issues its letter.
 */
export function approvalChain(index: UnitIndex, cellId: string, date: string, kind: 'official' | 'temporary' = 'official'): ApprovalStep[] {
  const cell = index.get(cellId)
  if (!cell) return []
  const grassroots = parentOn(cell, date)
  const issuer = grassroots ? parentOn(index.get(grassroots)!, date) : null
  const steps: ApprovalStep[] = [{ stage: 'cell', unitId: cellId, alsoUnitIds: [] }]
  if (grassroots) steps.push({ stage: 'grassroots', unitId: grassroots, alsoUnitIds: [] })
  // A temporary transfer's letter is issued by the grassroots committee itself.
  if (issuer && kind === 'official') {
    const board = [...index.values()].find((u) => u.kind === 'advisory-board' && parentOn(u, date) === issuer && existsOn(u, date) && /^BTC/.test(u.code))
    steps.push({ stage: 'issuer', unitId: issuer, alsoUnitIds: board ? [board.unitId] : [] })
  }
  return steps
}

/** May the actor decide this step? Only a role granting approval held in the step's own unit (or the board acting for it). */
export function mayDecide(actor: Actor, step: ApprovalStep): boolean {
  return memberPolicy.holdsIn(actor, 'transfer.approve', [step.unitId, ...step.alsoUnitIds])
}

/** May the actor accept an incoming member for the receiving cell (its officers, or the committees above it)? */
export function mayReceive(actor: Actor, toUnitId: string, index: UnitIndex, date: string): boolean {
  return memberPolicy.can(actor, 'transfer.approve', toUnitId, index, date)
}
