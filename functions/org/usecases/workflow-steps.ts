/**
 * The steps the reorganisation workflow calls (Step Functions tasks). Each is
 * idempotent: Step Functions may retry a task, and the embedded runtime
 * replays after a restart.
 */
import { orgPolicy } from '../../../shared/auth/policy.js'
import { holderIds } from './holders.js'
import type { Reorganisation } from '../../../shared/org/contracts.js'
import { applyReorganisation } from '../../../shared/org/reorganisation.js'
import { parentOn, today } from '../../../shared/org/tree.js'
import { ConflictError, NotFoundError } from '../../../shared/errors/index.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { notify } from '../../notifications/usecases/notify.js'
import { orgStore, reorganisationItem, unitItem } from '../adapters/store.js'
import { releaseAndClose } from './reorganisations.js'

const SYSTEM = { userId: 'system', name: 'Digital Office' }
type Stored = Reorganisation & { taskToken?: string; applied?: boolean }

async function load(requestId: string): Promise<Stored> {
  const r = await orgStore.getReorganisation(requestId)
  if (!r) throw new NotFoundError('request', requestId)
  return r as Stored
}

/** Writes a change to the request, re-reading and retrying if a decision landed meanwhile. */
async function update(requestId: string, change: (r: Stored) => Stored | undefined): Promise<Stored> {
  for (let i = 0; ; i++) {
    const current = await load(requestId)
    const next = change(current)
    if (!next) return current
    try {
      await new Transaction().put(reorganisationItem({ ...next, version: current.version + 1 }), { expectVersion: current.version }).commit(SYSTEM)
      return { ...next, version: current.version + 1 }
    } catch (err) {
      if (!(err instanceof ConflictError) || i >= 5) throw err
    }
  }
}

async function notifyDeciders(unitId: string, r: Reorganisation): Promise<void> {
  await notify({
    kind: 'reorganisation.awaiting', userIds: await holderIds(orgPolicy, 'reorganisation.decide', unitId), link: '/approvals',
    title: 'Đề nghị sắp xếp đơn vị chờ phê duyệt / Reorganisation awaiting approval',
    text: `Đề nghị ${r.kind} các đơn vị ${r.sourceUnitIds.join(', ')} (hiệu lực ${r.effectiveDate}) của ${r.requestedBy.fullName} đang chờ phê duyệt.\n` +
      `Lý do: ${r.reason}\nHạn xử lý: ${r.deadlineAt ?? ''}\n\nRequest ${r.requestId} awaits your decision.`,
  })
}

export async function awaitDecision(p: { requestId: string; taskToken: string; stage: 'superior' | 'escalated' }) {
  const r = await update(p.requestId, (cur) => (cur.taskToken === p.taskToken ? undefined : {
    ...cur, taskToken: p.taskToken,
    deadlineAt: new Date(Date.now() + cur.deadlineSeconds * 1000).toISOString(),
  }))
  await notifyDeciders(r.approverUnitId, r)
  return { waitingFor: r.approverUnitId }
}

export async function escalate(p: { requestId: string }) {
  const index = await orgStore.tree()
  const r = await update(p.requestId, (cur) => {
    if (cur.status !== 'pending') return undefined
    const approver = index.get(cur.approverUnitId)
    const above = approver ? parentOn(approver, today()) : null
    const at = new Date().toISOString()
    return {
      ...cur, status: 'escalated', approverUnitId: above ?? cur.approverUnitId, taskToken: undefined,
      history: [...cur.history, { at, status: 'escalated', by: SYSTEM.name, note: `deadline missed by ${cur.approverUnitId}` }],
    }
  })
  await new Transaction().audit({ unitId: r.approverUnitId, action: 'reorganisation.escalated', target: r.requestId, details: { from: r.history.at(-1)?.note } }).commit(SYSTEM)
  return { escalatedTo: r.approverUnitId }
}

export async function apply(p: { requestId: string }) {
  const r = await load(p.requestId)
  if (r.applied) return { status: r.status }
  const index = await orgStore.tree()
  const now = new Date()
  const changed = applyReorganisation(index, r, now.toISOString())
  const actor = r.decidedBy ? { userId: r.decidedBy.userId, name: r.decidedBy.fullName } : SYSTEM
  // Large subtrees are written in chunks; applyReorganisation skips what is already applied, so a retry completes the rest.
  for (let i = 0; i < changed.length; i += 40) {
    const tx = new Transaction()
    for (const u of changed.slice(i, i + 40)) {
      tx.put(unitItem(u), { expectVersion: u.version - 1 })
      const ended = r.sourceUnitIds.includes(u.unitId)
      tx.audit({ unitId: u.unitId, action: ended ? `unit.${r.kind}` : 'unit.reorganised', target: r.requestId, details: { effectiveDate: r.effectiveDate, successors: r.successors.map((s) => s.unitId) } })
    }
    await tx.commit(actor, now)
  }
  const closed = await releaseAndClose({ ...r }, 'approved', actor, now, 'applied')
  await update(closed.requestId, (cur) => ({ ...cur, applied: true }))
  return { status: 'approved' }
}

export async function reject(p: { requestId: string }) {
  const r = await load(p.requestId)
  await releaseAndClose(r, 'rejected', r.decidedBy ? { userId: r.decidedBy.userId, name: r.decidedBy.fullName } : SYSTEM, new Date(), r.decidedBy?.comment)
  return { status: 'rejected' }
}

export async function expire(p: { requestId: string }) {
  const r = await load(p.requestId)
  if (r.status === 'expired') return { status: 'expired' }
  await releaseAndClose(r, 'expired', SYSTEM, new Date(), 'no decision before the escalated deadline')
  return { status: 'expired' }
}
