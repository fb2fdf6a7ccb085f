/**
 * The audit trail of a unit: read by auditors of its subtree, and verified
 * end to end (every hash recomputed, every link and sequence number checked).
 */
import { orgPolicy } from '../../../shared/auth/policy.js'
import { verifyChain } from '../../../shared/audit/chain.js'
import { auditMac } from '../../lib/adapters/audit-mac.js'
import { orgStore } from '../adapters/store.js'
import type { OrgContext } from './context.js'
import { requireUnit } from './units.js'
import type { AuditEntry } from '../../../shared/org/contracts.js'
import type { Clearance } from '../../../shared/org/roles.js'
import { CONFIDENTIALITY, isClassified, mayRead, type Confidentiality } from '../../../shared/documents/confidentiality.js'

export async function listAudit(ctx: OrgContext, q: { unitId: string; limit?: number }) {
  const index = await ctx.tree()
  requireUnit(index, q.unitId)
  orgPolicy.authorize(ctx.actor, 'audit.read', q.unitId, index, ctx.date)
  const entries = await orgStore.listAudit(q.unitId, { newestFirst: true, limit: q.limit ?? 50 })
  return { entries: entries.map((e) => withheldFor(ctx.actor.clearance, e)) }
}

/**
 * An entry about classified content (a register entry of a MẬT document, a
 * catalogued classified scan) shows a reader without that clearance only that
 * it exists: the action, who and when, the mark — not its symbol or summary.
 */
function withheldFor(clearance: Clearance, entry: AuditEntry): AuditEntry {
  const declared = entry.details?.confidentiality as Confidentiality | undefined
  // A catalogued scan is classified by definition (entries written before they carried the mark count as MẬT).
  const mark: Confidentiality | undefined = declared && CONFIDENTIALITY.includes(declared) ? declared : entry.action === 'archive.catalogue' ? 'mat' : undefined
  if (!mark || !isClassified(mark) || mayRead(clearance, mark)) return entry
  return { ...entry, details: { confidentiality: mark, withheld: true } }
}

export async function verifyAudit(ctx: OrgContext, unitId: string) {
  const index = await ctx.tree()
  requireUnit(index, unitId)
  orgPolicy.authorize(ctx.actor, 'audit.read', unitId, index, ctx.date)
  const [entries, head] = await Promise.all([orgStore.listAudit(unitId, { newestFirst: false }), orgStore.auditHead(unitId)])
  return verifyChain(entries, auditMac(), head)
}
