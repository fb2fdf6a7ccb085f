/**
 * The audit trail of a unit: read by auditors of its subtree, and verified
 * end to end (every hash recomputed, every link and sequence number checked).
 */
import { authorize } from '../../../shared/auth/policy.js'
import { verifyChain } from '../../../shared/audit/chain.js'
import { auditMac } from '../../lib/adapters/audit-mac.js'
import { orgStore } from '../adapters/store.js'
import type { OrgContext } from './context.js'
import { requireUnit } from './units.js'

export async function listAudit(ctx: OrgContext, q: { unitId: string; limit?: number }) {
  const index = await ctx.tree()
  requireUnit(index, q.unitId)
  authorize(ctx.actor, 'audit.read', q.unitId, index, ctx.date)
  return { entries: await orgStore.listAudit(q.unitId, { newestFirst: true, limit: q.limit ?? 50 }) }
}

export async function verifyAudit(ctx: OrgContext, unitId: string) {
  const index = await ctx.tree()
  requireUnit(index, unitId)
  authorize(ctx.actor, 'audit.read', unitId, index, ctx.date)
  const [entries, head] = await Promise.all([orgStore.listAudit(unitId, { newestFirst: false }), orgStore.auditHead(unitId)])
  return verifyChain(entries, auditMac(), head)
}
