/**
 * The member's handbook (sổ tay đảng viên điện tử): the record, the cell,
 * fees, transfers and the notices addressed to the member, gathered from the
 * other member use cases.
 */
import { DomainError } from '../../../shared/errors/index.js'
import type { Handbook, PartyMember } from '../../../shared/members/contracts.js'
import { nameOn } from '../../../shared/org/tree.js'
import { memberStore } from '../adapters/store.js'
import { feeSummary } from './fees.js'
import type { MemberContext } from './members.js'
import { noticesFor } from './notices.js'

/** The caller's own handbook (sổ tay đảng viên điện tử): record, fees, requests. */
export async function handbook(ctx: MemberContext): Promise<Handbook> {
  const member = await memberStore.getMemberByUser(ctx.actor.userId)
  if (!member) throw new DomainError('members.noRecord', 404)
  return handbookOf(ctx, member)
}

export async function handbookOf(ctx: MemberContext, member: PartyMember): Promise<Handbook> {
  const index = await ctx.tree()
  const cell = index.get(member.cellId)
  const [fees, all] = await Promise.all([feeSummary(member.memberId), memberStore.transfersOfMember(member.memberId)])
  const transfers = all.map(({ taskToken: _t, ...t }) => t)
  return {
    member, cell: { unitId: member.cellId, name: cell ? nameOn(cell, ctx.date).name : member.cellId },
    fees, transfers, notices: await noticesFor(ctx, member, transfers, fees.flaggedYears),
  }
}
