/**
 * Bulk transfer of Party members between Party organisations when units
 * merge: every member of the ended cells moved to the successor cells in one
 * audited operation. The operation snapshots who is to move, then moves them
 * in chunks; each chunk's member records, its audit entries and the
 * operation's progress are one transaction, so an interrupted operation
 * (a timeout, a crash) resumes exactly where it stopped when called again
 * with the same id. When everyone is moved it writes a reconciliation
 * report: expected, moved, left behind, lost, duplicated.
 */
import { ConflictError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { BulkReport, BulkTransfer, BulkTransferBody, PartyMember } from '../../../shared/members/contracts.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { existsOn, nameOn } from '../../../shared/org/tree.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { getRecord } from '../../lib/adapters/items.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { memberItem, memberStore } from '../adapters/store.js'
import type { MemberContext } from './members.js'

const CHUNK = 40
const MAX_MEMBERS = 6000
const bulkItem = (b: BulkTransfer) => ({ ...keys.bulkTransfer(b.operationId), entity: ENTITY.bulkTransfer, schemaVersion: SCHEMA_VERSION, ...b })

const loadOperation = (operationId: string): Promise<BulkTransfer | undefined> => getRecord<BulkTransfer>(keys.bulkTransfer(operationId))

/** Starts (or resumes) a bulk transfer and moves up to `batch` members in this call. */
export async function bulkTransfer(ctx: MemberContext, body: BulkTransferBody): Promise<BulkTransfer> {
  const index = await ctx.tree()
  for (const [i, m] of body.moves.entries()) {
    const from = index.get(m.fromCellId)
    const to = index.get(m.toCellId)
    if (!from || from.level !== 'cell') throw new ValidationError([{ path: `moves.${i}.fromCellId`, code: 'members.notACell', params: { unit: from ? nameOn(from, ctx.date).name : m.fromCellId } }])
    if (!to || to.level !== 'cell') throw new ValidationError([{ path: `moves.${i}.toCellId`, code: 'members.notACell', params: { unit: to ? nameOn(to, ctx.date).name : m.toCellId } }])
    if (!existsOn(to, ctx.date)) throw new RuleError('members.destinationEnded', { unit: nameOn(to, to.validTo ?? ctx.date).name })
    if (m.fromCellId === m.toCellId) throw new RuleError('members.sameCell')
    memberPolicy.authorize(ctx.actor, 'member.manage', m.fromCellId, index, ctx.date)
    memberPolicy.authorize(ctx.actor, 'member.manage', m.toCellId, index, ctx.date)
  }
  let op = await loadOperation(body.operationId)
  if (op && JSON.stringify(op.moves.map(({ fromCellId, toCellId }) => ({ fromCellId, toCellId }))) !== JSON.stringify(body.moves)) throw new ConflictError('members.bulkMismatch', { operationId: body.operationId })
  if (!op) {
    const at = ctx.now.toISOString()
    const moves = await Promise.all(body.moves.map(async (m) => ({ ...m, memberIds: (await memberStore.listCell(m.fromCellId)).map((x) => x.memberId).sort() })))
    // The snapshot and progress live in one item (400 KB): larger mergers run as several operations.
    const total = moves.reduce((s, m) => s + m.memberIds.length, 0)
    if (total > MAX_MEMBERS) throw new RuleError('members.bulkTooLarge', { count: total, max: MAX_MEMBERS })
    op = { operationId: body.operationId, reason: body.reason, moves, moved: [], status: 'running', startedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, version: 1, createdAt: at, updatedAt: at }
    await new Transaction().put(bulkItem(op), { expectVersion: 'new', onConflict: new ConflictError('conflict.version') })
      .audit({ unitId: body.moves[0].toCellId, action: 'member.bulkTransfer.started', target: body.operationId, details: { moves: body.moves.length, members: moves.reduce((s, m) => s + m.memberIds.length, 0), reason: body.reason } })
      .commit(ctx.auditActor, ctx.now)
  }
  if (op.status === 'done') return op
  let budget = body.batch ?? Number.POSITIVE_INFINITY
  const moved = new Set(op.moved)
  for (const move of op.moves) {
    const pending = move.memberIds.filter((id) => !moved.has(id))
    for (let i = 0; i < pending.length && budget > 0; i += CHUNK) {
      const ids = pending.slice(i, i + Math.min(CHUNK, budget))
      const members = await memberStore.getMembers(ids)
      const at = new Date().toISOString()
      const tx = new Transaction()
      const movedNow: string[] = []
      for (const m of members) {
        movedNow.push(m.memberId)
        // Someone already elsewhere (moved by hand meanwhile) is counted, not moved again.
        if (m.cellId !== move.fromCellId) continue
        const next: PartyMember = { ...m, cellId: move.toCellId, history: [...m.history, { at, kind: 'bulk', fromUnitId: move.fromCellId, toUnitId: move.toCellId, transferId: op.operationId }], version: m.version + 1, updatedAt: at }
        tx.put(memberItem(next), { expectVersion: m.version })
      }
      const nextOp: BulkTransfer = { ...op, moved: [...op.moved, ...movedNow], version: op.version + 1, updatedAt: at }
      tx.put(bulkItem(nextOp), { expectVersion: op.version })
        .audit({ unitId: move.fromCellId, action: 'member.bulkTransfer.out', target: op.operationId, details: { toCellId: move.toCellId, members: movedNow.length } })
        .audit({ unitId: move.toCellId, action: 'member.bulkTransfer.in', target: op.operationId, details: { fromCellId: move.fromCellId, members: movedNow.length } })
      await tx.commit(ctx.auditActor)
      op = nextOp
      for (const id of movedNow) moved.add(id)
      budget -= ids.length
    }
    if (budget <= 0) break
  }
  if (op.moves.every((m) => m.memberIds.every((id) => moved.has(id)))) {
    const report = await reconcile(op)
    const done: BulkTransfer = { ...op, status: 'done', report, version: op.version + 1, updatedAt: new Date().toISOString() }
    await new Transaction().put(bulkItem(done), { expectVersion: op.version })
      .audit({ unitId: op.moves[0].toCellId, action: 'member.bulkTransfer.done', target: op.operationId, details: { expected: report.expected, moved: report.moved, lost: report.lost.length, duplicated: report.duplicated.length, balanced: report.balanced } })
      .commit(ctx.auditActor)
    op = done
  }
  return op
}

/** Reads every member of the snapshot back (consistently): each must be in its destination exactly once. */
export async function reconcile(op: BulkTransfer): Promise<BulkReport> {
  const all = op.moves.flatMap((m) => m.memberIds)
  const seen = new Set<string>()
  const duplicated = [...new Set(all.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))]
  const records = new Map((await memberStore.getMembers([...seen])).map((m) => [m.memberId, m]))
  const moves = op.moves.map((m) => {
    const at = m.memberIds.map((id) => records.get(id)?.cellId)
    return { fromCellId: m.fromCellId, toCellId: m.toCellId, expected: m.memberIds.length, inDestination: at.filter((c) => c === m.toCellId).length, leftInSource: at.filter((c) => c === m.fromCellId).length }
  })
  const destinationOf = new Map(op.moves.flatMap((m) => m.memberIds.map((id) => [id, m.toCellId] as const)))
  const lost = [...seen].filter((id) => records.get(id)?.cellId !== destinationOf.get(id))
  // Only when someone is missing (an empty map would reach the stream as a value the projector cannot read).
  const named = [...lost, ...duplicated]
  const names = named.length ? { names: Object.fromEntries(named.map((id) => [id, records.get(id)?.fullName ?? ''])) } : {}
  return { moves, expected: all.length, moved: new Set(op.moved).size, lost, duplicated, ...names, balanced: lost.length === 0 && duplicated.length === 0 && moves.every((m) => m.inDestination === m.expected) }
}
