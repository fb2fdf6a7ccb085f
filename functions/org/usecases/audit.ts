/**
 * The audit trail of a unit: read by auditors of its subtree, and verified
 * end to end (every hash recomputed, every link and sequence number checked).
 */
import { orgPolicy } from '../../../shared/auth/policy.js'
import { nextCheckpoint, verifyAnchored, type ChainCheck } from '../../../shared/audit/chain.js'
import { auditMac } from '../../lib/adapters/audit-mac.js'
import { checkpointStore } from '../../lib/adapters/audit-checkpoints.js'
import { sha256 } from '../../lib/hash.js'
import { orgStore } from '../adapters/store.js'
import { namesFromReadModel } from '../adapters/names.js'
import { nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import type { OrgContext } from './context.js'
import { requireUnit } from './units.js'
import type { AuditEntry } from '../../../shared/org/contracts.js'
import type { Clearance } from '../../../shared/org/roles.js'
import { CONFIDENTIALITY, isClassified, mayRead, type Confidentiality } from '../../../shared/documents/confidentiality.js'

export async function listAudit(ctx: OrgContext, q: { unitId: string; limit?: number }) {
  const index = await ctx.tree()
  requireUnit(index, q.unitId)
  orgPolicy.authorize(ctx.actor, 'audit.read', q.unitId, index, ctx.date)
  const entries = (await orgStore.listAudit(q.unitId, { newestFirst: true, limit: q.limit ?? 50 })).map((e) => withheldFor(ctx.actor.clearance, e))
  return { entries, names: await namesOf(entries, index, ctx.date, ctx.actor.clearance) }
}

/** Ids an entry mentions: its target, and detail values under keys that hold ids (`unitId`, `memberIds`, `from`, `oldParent`…). */
function mentionedIds(e: AuditEntry): string[] {
  const ids = [e.target]
  for (const [k, v] of Object.entries(e.details ?? {})) {
    if (!/(Id|Ids|^from|^to|Parent|^signer|^lead|^recipients?)$/.test(k)) continue
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') ids.push(x)
  }
  return ids
}

/**
 * A name for every id the entries mention that the platform can name: units
 * (from the tree, as of today), people, documents (symbol, or the summary's
 * start — not for classified documents the reader may not read) and members.
 */
async function namesOf(entries: AuditEntry[], index: UnitIndex, date: string, clearance: Clearance): Promise<Record<string, string>> {
  const ids = [...new Set(entries.flatMap(mentionedIds))]
  const names: Record<string, string> = {}
  const rest: string[] = []
  for (const id of ids) {
    const unit = index.get(id)
    if (unit) names[id] = nameOn(unit, date).name
    else rest.push(id)
  }
  const found = await namesFromReadModel(rest)
  for (const id of rest) {
    const doc = found.documents.get(id)
    const label = found.users.get(id) ?? found.members.get(id)
      ?? (doc && mayRead(clearance, doc.confidentiality as Confidentiality) ? doc.symbol ?? shorten(doc.summary) : undefined)
    if (label) names[id] = label
  }
  return names
}

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

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
  const [entries, head, anchors] = await Promise.all([
    orgStore.listAudit(unitId, { newestFirst: false }), orgStore.auditHead(unitId), checkpointStore()?.list(unitId) ?? [],
  ])
  return verifyAnchored(entries, auditMac(), head, anchors, sha256)
}

/**
 * The scheduled job (and the operator's on-demand run) that anchors each
 * unit's chain where it cannot be rewritten: for every unit whose head moved
 * past its last checkpoint, the chain is verified first (only its tail is
 * re-MACed) and a new checkpoint written. A broken chain is reported, never
 * anchored.
 */
export async function anchorAuditCheckpoints(now: Date, unitIds?: readonly string[]) {
  const store = checkpointStore()
  if (!store) return { anchored: 0, unchanged: 0, broken: [] as (ChainCheck & { unitId: string })[] }
  await store.assertLocked()
  const ids = unitIds ?? (await orgStore.listUnits()).map((u) => u.unitId)
  let anchored = 0
  let unchanged = 0
  const broken: (ChainCheck & { unitId: string })[] = []
  for (const unitId of ids) {
    const head = await orgStore.auditHead(unitId)
    if (!head) continue
    const anchors = await store.list(unitId)
    const last = anchors[anchors.length - 1] ?? null
    if (last && last.seq >= head.seq) { unchanged++; continue }
    // Entries written after the head was read are left to the next run.
    const entries = (await orgStore.listAudit(unitId, { newestFirst: false })).filter((e) => e.seq <= head.seq)
    const check = await verifyAnchored(entries, auditMac(), head, anchors, sha256)
    if (!check.valid) { broken.push({ unitId, ...check }); continue }
    const next = nextCheckpoint(unitId, last, entries.filter((e) => e.seq > (last?.seq ?? 0)), sha256, now.toISOString())
    if (next && (await store.put(next, now)) === 'written') anchored++
  }
  return { anchored, unchanged, broken }
}
