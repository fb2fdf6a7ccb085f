/**
 * The members' part of "my work today": transfer steps the caller decides
 * (and members their cell is to receive), residence comments to fill or
 * confirm, and — for the caller's own member record — fees owed and unread
 * notices. Built from the module's own lists, which already keep to what
 * the caller may act on (`mayDecide`, `mayReceive`, the comment's unit).
 */
import type { Transfer } from '../../../shared/members/contracts.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { nameOn } from '../../../shared/org/tree.js'
import { workSection, type WorkSection } from '../../../shared/org/work.js'
import { memberStore } from '../adapters/store.js'
import { commentsToDecide } from './comments.js'
import { handbookOf } from './handbook.js'
import type { MemberContext } from './members.js'
import { inbox } from './transfers.js'

export async function memberWork(ctx: MemberContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  const unitName = (id: string | undefined) => { const u = id ? index.get(id) : undefined; return u ? nameOn(u, ctx.date).name : '' }
  const sections: WorkSection[] = []
  const officer = memberPolicy.grantingUnits(ctx.actor, 'transfer.approve', index, ctx.date).length > 0
  const [transfers, comments, member] = await Promise.all([
    officer ? inbox(ctx) : Promise.resolve([]),
    officer ? commentsToDecide(ctx) : Promise.resolve([]),
    memberStore.getMemberByUser(ctx.actor.userId),
  ])
  if (officer) {
    const late = (at: string | undefined) => !!at && at < ctx.now.toISOString()
    sections.push(workSection('members.transfers', '/party/transfers', transfers
      .filter((t) => t.filedBy.userId !== ctx.actor.userId)
      .map((t: Omit<Transfer, 'taskToken'>) => {
        const due = t.status === 'pending' ? t.stageDeadlineAt : t.acceptBy
        const to = t.toUnitId ? unitName(t.toUnitId) : t.toOutside?.name ?? ''
        return { title: t.memberName, subtitle: `${unitName(t.fromCellId)} → ${to}`, href: '/party/transfers', ...(due ? { due, overdue: late(due) || t.status === 'overdue' } : {}) }
      })))
    sections.push(workSection('members.comments', '/party/comments', comments.map((c) => ({
      title: c.memberName, subtitle: `${unitName(c.residenceCellId)} · ${c.year}`, href: '/party/comments', due: c.deadlineAt, overdue: late(c.deadlineAt) || c.status === 'escalated',
    }))))
  }
  if (member) {
    const book = await handbookOf(ctx, member)
    const owed = book.fees.months.filter((m) => m.owed > 0)
    sections.push(workSection('members.fees', '/party/handbook', owed.map((m) => ({ title: m.month, subtitle: String(m.owed), href: '/party/handbook' }))))
    const unread = (book.notices ?? []).filter((n) => !n.read)
    sections.push(workSection('members.notices', '/party/handbook', unread.map((n) => ({
      title: n.title, ...(n.kind === 'system' ? { system: true, ...(n.body ? { subtitle: n.body } : {}) } : { subtitle: n.from ?? '' }), href: '/party/handbook', due: n.meeting?.at,
    }))))
  }
  return sections
}
