/**
 * The steps of the `case-deadlines` workflow: at half the time, remind the
 * people who must act (the assigned inspector, else the commission's
 * intake); at the deadline, escalate to the commission's chair and deputies.
 * Each finds first whether the deadline it was started for still runs (the
 * same phase, the same due day, the case not sealed): a step taken
 * meanwhile, or an extension, makes it do nothing. Each mark is written
 * under the case's version with its audit entry; the notification names the
 * case's subject and register number, never who complained.
 */
import type { AuditActor } from '../../lib/adapters/transaction.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { ConflictError } from '../../../shared/errors/index.js'
import type { Case } from '../../../shared/cases/contracts.js'
import { COMPLAINT_KIND, runningDeadline } from '../../../shared/cases/complaints.js'
import { casePolicy } from '../../../shared/cases/policy.js'
import { notify } from '../../notifications/usecases/notify.js'
import { holderIds } from '../../org/usecases/holders.js'
import { caseItem, caseStore } from '../adapters/store.js'

const SYSTEM: AuditActor = { userId: 'system', name: 'Thời hạn vụ việc / Case time limits' }
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
type Phase = 'acceptance' | 'handling'

const phaseOf = (c: Case): Phase | undefined => (['received', 'registered', 'classified'].includes(c.state) ? 'acceptance' : ['assigned', 'verifying'].includes(c.state) ? 'handling' : undefined)
const stillRunning = (c: Case | undefined, phase: Phase, due: string): c is Case =>
  !!c && !COMPLAINT_KIND.sealed.includes(c.state) && phaseOf(c) === phase && runningDeadline(c) === due

async function mark(c: Case, patch: Partial<Case['acceptance']>, phase: Phase, action: string, now: Date): Promise<Case | undefined> {
  const key = phase === 'acceptance' ? 'acceptance' : 'handling'
  const next: Case = { ...c, [key]: { ...c[key]!, ...patch }, updatedAt: now.toISOString(), version: c.version + 1 }
  try {
    await new Transaction().put(caseItem(next), { expectVersion: c.version })
      .audit({ unitId: c.commissionId, action, target: c.caseId, details: { subject: c.subject, phase, due: runningDeadline(c) } }).commit(SYSTEM, now)
    return next
  } catch (err) {
    if (err instanceof ConflictError) return undefined // a person's step won: the next run of the workflow (if any) looks again
    throw err
  }
}

const label = (c: Case) => `${c.registerNo ? `${c.registerNo} — ` : ''}${c.subject}`

export async function remind(input: { caseId: string; phase: Phase; due: string }, now = new Date()): Promise<{ running: boolean }> {
  const c = await caseStore.get(input.caseId)
  if (!stillRunning(c, input.phase, input.due)) return { running: false }
  if (!(await mark(c, { remindedAt: now.toISOString() }, input.phase, 'case.remind', now))) return { running: true }
  const userIds = c.inspector && input.phase === 'handling' ? [c.inspector.userId] : await holderIds(casePolicy, 'case.intake', c.commissionId)
  await notify({
    kind: 'case.deadline', userIds,
    title: `Vụ việc sắp đến hạn ${dmy(input.due)} / Case due ${dmy(input.due)}: ${label(c)}`,
    text: `${input.phase === 'acceptance' ? 'Hạn thụ lý / acceptance' : 'Hạn giải quyết / handling'} ${dmy(input.due)} — ${label(c)}`,
    link: `/cases/${encodeURIComponent(c.caseId)}`,
  }, now)
  return { running: true }
}

export async function escalate(input: { caseId: string; phase: Phase; due: string }, now = new Date()): Promise<{ running: boolean }> {
  const c = await caseStore.get(input.caseId)
  if (!stillRunning(c, input.phase, input.due)) return { running: false }
  if (!(await mark(c, { escalatedAt: now.toISOString() }, input.phase, 'case.escalate', now))) return { running: true }
  const chair = await holderIds(casePolicy, 'case.decide', c.commissionId)
  await notify({
    kind: 'case.deadline', userIds: [...new Set([...chair, ...(c.inspector ? [c.inspector.userId] : [])])],
    title: `Vụ việc quá hạn / Case overdue (${dmy(input.due)}): ${label(c)}`,
    text: `${input.phase === 'acceptance' ? 'Quá hạn thụ lý / acceptance overdue' : 'Quá hạn giải quyết / handling overdue'} ${dmy(input.due)} — ${label(c)}`,
    link: `/cases/${encodeURIComponent(c.caseId)}`,
  }, now)
  return { running: true }
}
