/**
 * The steps the transfer workflow calls (Step Functions tasks). Each is
 * idempotent: Step Functions may retry a task, and the embedded runtime
 * replays after a restart.
 */
import { createHash } from 'node:crypto'
import { ConflictError } from '../../../shared/errors/index.js'
import type { ApprovalStep, PartyMember, Transfer } from '../../../shared/members/contracts.js'
import type { User } from '../../../shared/org/contracts.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { holderIds } from '../../org/usecases/holders.js'
import { TRANSFER_RULES, assignmentsAfterTransfer, returnSeconds, secondsToMonthsLater, secondsToWorkingDay } from '../../../shared/members/transfer.js'
import { nameOn, parentOn, today, type UnitIndex } from '../../../shared/org/tree.js'
import { signingTitle } from '../../../shared/documents/authority.js'
import { vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { notify as notifyPeople } from '../../notifications/usecases/notify.js'
import { putObject } from '../../lib/adapters/blobs.js'
import { orgStore } from '../../org/adapters/store.js'
import { putUser } from '../../org/usecases/users.js'
import { memberItem, memberStore } from '../adapters/store.js'
import { renderLetter } from '../adapters/letter.js'
import { documentStore } from '../../documents/adapters/store.js'
import { saveTransfer, transferNotFound } from './transfers.js'
import type { DecisionOutput } from '../adapters/workflows.js'
import { feeSummary } from './fees.js'
import { objectKeys } from '../../../shared/table/objects.js'

const SYSTEM = { userId: 'system', name: 'Digital Office' }

async function load(transferId: string): Promise<Transfer> {
  const t = await memberStore.getTransfer(transferId)
  if (!t) throw transferNotFound(transferId)
  return t
}

/** Applies a change, re-reading and retrying if a decision landed meanwhile; `undefined` = nothing to do. */
async function update(transferId: string, change: (t: Transfer) => { next: Transfer; action: string; unitId: string; details?: Record<string, unknown> } | undefined, extra?: (t: Transfer, tx: Transaction) => void, retries = 5): Promise<Transfer> {
  for (let i = 0; ; i++) {
    const current = await load(transferId)
    const c = change(current)
    if (!c) return current
    try {
      return await saveTransfer(current, c.next, SYSTEM, new Date(), { unitId: c.unitId, action: c.action, details: c.details }, extra ? (tx) => extra(current, tx) : undefined)
    } catch (err) {
      if (!(err instanceof ConflictError) || i >= retries) throw err
    }
  }
}

async function notify(unitIds: string[], subject: string, text: string): Promise<void> {
  await notifyPeople({ kind: 'transfer.step', userIds: await holderIds(memberPolicy, 'transfer.approve', unitIds), title: subject, text, link: '/party/transfers' })
}

/**
 * The decision recorded on a step, as the workflow's decision output. A step's timer and its human
 * decision race: whichever write lands first wins (both are conditional on the transfer's version).
 * When the decision won but its answer found the task already timed out, the timeout branch's task
 * returns it here so the workflow proceeds exactly as decided — no reminder, escalation or expiry.
 */
export function recordedDecision(t: Transfer, step: number): DecisionOutput | undefined {
  const d = t.steps[step]?.decision
  if (!d) return undefined
  if (!d.approved) return { outcome: 'rejected' }
  return step === t.steps.length - 1 ? { outcome: 'approved' } : { outcome: 'next', nextStep: step + 1 }
}
const NONE = { outcome: 'none' } as const

export async function awaitDecision(p: { transferId: string; step: number; taskToken: string; escalated?: boolean }) {
  const t = await update(p.transferId, (cur) => {
    if (cur.status !== 'pending' || cur.currentStep !== p.step || cur.taskToken === p.taskToken) return undefined
    return {
      next: { ...cur, taskToken: p.taskToken, stageDeadlineAt: new Date(Date.now() + cur.deadlines.approvalSeconds * 1000).toISOString() },
      unitId: cur.steps[p.step].unitId, action: 'transfer.awaiting', details: { stage: cur.steps[p.step].stage, escalated: p.escalated },
    }
  })
  const step = t.steps[p.step]
  await notify([step.unitId, ...step.alsoUnitIds], `Chuyển sinh hoạt đảng chờ cho ý kiến / Transfer awaiting your decision`,
    `Đề nghị chuyển sinh hoạt đảng của đồng chí ${t.memberName} (${t.transferId}) chờ ý kiến của đơn vị ${step.unitId}. Hạn: ${t.stageDeadlineAt}.\n\nThe transfer of ${t.memberName} awaits your decision.`)
  return { waitingFor: step.unitId }
}

/** Half the step's time passed without a decision: the deciding unit is reminded. */
export async function remindDecision(p: { transferId: string; step: number }) {
  const t = await update(p.transferId, (cur) => {
    const stage = cur.steps[p.step]?.stage
    if (recordedDecision(cur, p.step) || cur.status !== 'pending' || cur.currentStep !== p.step || cur.history.some((h) => h.status === `reminded:${stage}`)) return undefined
    return {
      next: { ...cur, taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: `reminded:${stage}`, by: SYSTEM.name }] },
      unitId: cur.steps[p.step].unitId, action: 'transfer.reminded', details: { stage },
    }
  })
  const decided = recordedDecision(t, p.step)
  if (decided) return { decided: true, decision: decided }
  const step = t.steps[p.step]
  await notify([step.unitId, ...step.alsoUnitIds], 'Nhắc: chuyển sinh hoạt đảng chờ cho ý kiến / Reminder: transfer awaiting your decision',
    `Nhắc lần 1: đề nghị chuyển sinh hoạt đảng của đồng chí ${t.memberName} (${t.transferId}) sắp hết hạn cho ý kiến.\n\nReminder: the transfer of ${t.memberName} awaits your decision.`)
  return { decided: false, decision: NONE }
}

/** A missed step deadline: recorded on the step and escalated to the unit above it (reminder mail to both). */
export async function escalateDecision(p: { transferId: string; step: number }) {
  const index = await orgStore.tree()
  const cur = await load(p.transferId)
  const already = recordedDecision(cur, p.step)
  if (already) return { expired: false, decided: true, decision: already }
  if (cur.steps[p.step]?.escalatedAt && cur.taskToken === undefined && cur.currentStep === p.step) return { expired: false, decided: false, decision: NONE }
  const step = cur.steps[p.step]
  const above = index.get(step.unitId) ? parentOn(index.get(step.unitId)!, today()) : null
  const t = await update(p.transferId, (c) => {
    if (recordedDecision(c, p.step) || c.status !== 'pending' || c.steps[p.step].escalatedAt) return undefined
    const at = new Date().toISOString()
    return {
      next: { ...c, taskToken: undefined, steps: c.steps.map((s, i) => (i === p.step ? { ...s, escalatedAt: at } : s)), history: [...c.history, { at, status: `escalated:${step.stage}`, by: SYSTEM.name, note: `deadline missed by ${step.unitId}` }] },
      unitId: above ?? step.unitId, action: 'transfer.escalated', details: { stage: step.stage, missedBy: step.unitId },
    }
  })
  const decided = recordedDecision(t, p.step)
  if (decided) return { expired: false, decided: true, decision: decided }
  await notify([step.unitId, ...(above ? [above] : [])], 'Quá hạn cho ý kiến chuyển sinh hoạt đảng / Transfer decision overdue',
    `Đề nghị ${t.transferId} (${t.memberName}) đã quá hạn ở đơn vị ${step.unitId}; đã báo cáo cấp trên.\n\nThe decision is overdue and was escalated.`)
  return { expired: false, decided: false, decision: NONE }
}

/** The next register number of the issuer's introduction letters this year: a counter written under a version condition in the issuing transaction (gapless). */
async function nextRegisterNumber(issuerUnitId: string, issuerCode: string, year: number) {
  const scope = `GGT-${year}`
  const value = ((await documentStore.counterValue(issuerUnitId, scope)) ?? 0) + 1
  return {
    // The Party form (36-HD/VPTW): number (two digits at least), the type, the issuer's code — "Số 01-GGT/ĐU"; the counter restarts each year.
    registerNumber: `${String(value).padStart(2, '0')}-GGT/${issuerCode}`,
    write: (tx: Transaction) => tx.put({ ...keys.documentCounter(issuerUnitId, scope), entity: ENTITY.documentCounter, schemaVersion: SCHEMA_VERSION, unitId: issuerUnitId, scope, label: 'Giấy giới thiệu sinh hoạt đảng', value, version: value },
      { expectVersion: value === 1 ? 'new' : value - 1 }),
  }
}

/** The receiving side's timers, counted from the letter's issue on the working-day calendar (a drill keeps its own). */
function receivingTimers(t: Transfer, now: Date) {
  if (t.drill) return { acceptSeconds: t.deadlines.acceptSeconds, lateSeconds: t.deadlines.lateSeconds }
  const acceptSeconds = secondsToWorkingDay(now, TRANSFER_RULES.presentWithinWorkingDays)
  return { acceptSeconds, lateSeconds: Math.max(1, secondsToMonthsLater(now, TRANSFER_RULES.removalAfterMonths) - acceptSeconds) }
}

/**
 * Who signs the letter, as the format writes it: the authority lines of the
 * role the decider of the issuing step holds there (a committee's secretary:
 * "T/M BAN THƯỜNG VỤ / BÍ THƯ"; the Organisation Board's head deciding for the
 * committee: "TRƯỞNG BAN"), and their name.
 */
async function letterSigner(step: ApprovalStep, index: UnitIndex, date: string): Promise<{ lines: string[]; fullName: string }> {
  const by = step.decision?.by
  const fallback = { lines: ['T/M BAN THƯỜNG VỤ'], fullName: by?.fullName ?? '' }
  if (!by) return fallback
  const user = await orgStore.getUser(by.userId)
  const committee = index.get(step.unitId)
  const own = committee && user?.assignments.find((x) => x.unitId === step.unitId && signingTitle(committee.kind, x.role))
  if (committee && own) return { lines: signingTitle(committee.kind, own.role, 'party', nameOn(committee, date).name)!.split('\n'), fullName: by.fullName }
  // The Organisation Board decides for the committee whose letter this is (the header names the committee):
  // it signs by delegation, "T/L BAN THƯỜNG VỤ" over its own title and board ("PHÓ TRƯỞNG BAN TỔ CHỨC"). [R]
  for (const unitId of step.alsoUnitIds) {
    const board = index.get(unitId)
    const a = board && user?.assignments.find((x) => x.unitId === unitId && signingTitle(board.kind, x.role))
    if (!board || !a) continue
    const title = signingTitle(board.kind, a.role, 'party', nameOn(board, date).name)!.split('\n').at(-1)!
    const what = nameOn(board, date).name.replace(/^Ban\s+/i, '').replace(/\s+(Thành|Tỉnh)\s+ủy.*$/i, '')
    return { lines: ['T/L BAN THƯỜNG VỤ', `${title} ${what.toUpperCase()}`], fullName: by.fullName }
  }
  return fallback
}

/** Issues the signed introduction letter; within the city the dossier waits for the receiving cell, outside it is handed off. */
export async function issueLetter(p: { transferId: string }) {
  const t0 = await load(p.transferId)
  const handOff = t0.toUnitId ? 'within-city' : 'outside'
  if (t0.letter) return { handOff, ...receivingTimers(t0, new Date(t0.letter.issuedAt)) }
  const index = await orgStore.tree()
  const date = today()
  const issuerStep = t0.steps[t0.steps.length - 1]
  const issuer = index.get(issuerStep.unitId)!
  const issuerParent = parentOn(issuer, date)
  const member = (await memberStore.getMember(t0.memberId))!
  const fees = await feeSummary(member.memberId)
  const toName = t0.toUnitId ? nameOn(index.get(t0.toUnitId)!, date).name : `${t0.toOutside!.name} (${t0.toOutside!.province})`
  const outside = handOff === 'outside'
  let issuedAt = new Date()
  for (let attempt = 0; ; attempt++) {
    issuedAt = new Date()
    const { registerNumber, write } = await nextRegisterNumber(issuer.unitId, nameOn(issuer, date).code, Number(vietnamDay(issuedAt).slice(0, 4)))
    const pdf = await renderLetter({
      registerNumber, kind: t0.kind, reason: t0.reason, until: t0.until, issuedAt,
      issuer: { unitId: issuer.unitId, name: nameOn(issuer, date).name, parentName: issuerParent ? nameOn(index.get(issuerParent)!, date).name : 'Đảng Cộng sản Việt Nam' },
      member, fromCell: nameOn(index.get(t0.fromCellId)!, date).name, toName, feesPaidUpTo: fees.paidUpTo,
      arrears: { months: fees.months.filter((m) => m.owed > 0).length, amount: fees.arrears },
      signer: await letterSigner(issuerStep, index, date),
      presentWithinDays: TRANSFER_RULES.presentWithinWorkingDays,
      dossier: { member: { ...member, openTransferId: undefined }, fees: { paidUpTo: fees.paidUpTo, arrears: fees.arrears }, transfer: { transferId: t0.transferId, kind: t0.kind, steps: t0.steps } },
    })
    const objectKey = objectKeys.transferLetter(t0.transferId, registerNumber)
    await putObject(objectKey, Buffer.from(pdf), 'application/pdf')
    const sha256 = createHash('sha256').update(pdf).digest('hex')
    const at = issuedAt.toISOString()
    try {
      await update(p.transferId, (cur) => (cur.letter ? undefined : {
        next: {
          ...cur, status: outside ? 'handed-off' : 'issued', taskToken: undefined,
          letter: { registerNumber, objectKey, issuedAt: at, feesPaidUpTo: fees.paidUpTo, sha256 },
          acceptBy: outside ? undefined : new Date(issuedAt.getTime() + receivingTimers(cur, issuedAt).acceptSeconds * 1000).toISOString(),
          history: [...cur.history, { at, status: outside ? 'handed-off' : 'issued', by: nameOn(issuer, date).name, note: registerNumber }],
        },
        unitId: issuer.unitId, action: 'transfer.letterIssued', details: { registerNumber, sha256, toUnitId: cur.toUnitId, outside },
      }), (cur, tx) => {
        write(tx)
        if (outside) releaseMember(cur, tx, { status: 'transferred-out', cellId: cur.fromCellId, at, kind: cur.kind, toName }, member)
      }, 0)
      break
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 5) throw err
    }
  }
  await notify(t0.toUnitId ? [t0.toUnitId] : [t0.fromCellId], 'Giấy giới thiệu sinh hoạt đảng đã cấp / Introduction letter issued',
    `Đã cấp giấy giới thiệu cho đồng chí ${t0.memberName} đến ${toName}.\n\nThe introduction letter was issued.`)
  return { handOff, ...receivingTimers(t0, issuedAt) }
}

/** The member's record after the transfer ends: moved, away, or gone; the lock released. */
function releaseMember(t: Transfer, tx: Transaction, change: { status: PartyMember['status']; cellId: string; at: string; kind: Transfer['kind']; toName?: string }, member?: PartyMember) {
  // Away on a temporary transfer, the member keeps the lock: no other transfer until the return.
  if (change.status !== 'temporarily-away') tx.delete(keys.transferLock(t.memberId))
  if (member) {
    tx.put(memberItem({
      ...member, status: change.status, cellId: change.cellId, openTransferId: change.status === 'temporarily-away' ? member.openTransferId : undefined,
      history: change.cellId !== member.cellId || change.status !== member.status ? [...member.history, { at: change.at, kind: change.kind, fromUnitId: member.cellId, toUnitId: t.toUnitId, toName: change.toName, transferId: t.transferId }] : member.history,
      version: member.version + 1, updatedAt: change.at,
    }), { expectVersion: member.version })
  }
}

export async function awaitAcceptance(p: { transferId: string; taskToken: string; late: boolean }) {
  const t = await update(p.transferId, (cur) => (cur.taskToken === p.taskToken || !['issued', 'overdue'].includes(cur.status) ? undefined : {
    next: { ...cur, taskToken: p.taskToken }, unitId: cur.toUnitId!, action: 'transfer.awaitingReceipt', details: { late: p.late },
  }))
  return { waitingFor: t.toUnitId }
}

/**
 * The working-day limit passed without the letter presented. The acceptance races it (both write
 * under the transfer's version): if the acceptance was recorded first (its answer found the wait
 * timed out) this yields, `accepted: true`, and the workflow completes as accepted.
 */
export async function escalateAcceptance(p: { transferId: string }) {
  const index = await orgStore.tree()
  const t = await update(p.transferId, (cur) => (cur.status !== 'issued' || cur.acceptedBy ? undefined : {
    next: { ...cur, status: 'overdue', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'overdue', by: SYSTEM.name, note: `not presented within ${TRANSFER_RULES.presentWithinWorkingDays} working days` }] },
    unitId: cur.fromCellId, action: 'transfer.overdue',
  }))
  if (t.acceptedBy) return { accepted: true }
  const above = t.toUnitId && index.get(t.toUnitId) ? parentOn(index.get(t.toUnitId)!, today()) : null
  await notify([t.fromCellId, ...(t.toUnitId ? [t.toUnitId] : []), ...(above ? [above] : [])], 'Quá hạn xuất trình giấy giới thiệu / Introduction letter not presented',
    `Đồng chí ${t.memberName} chưa xuất trình giấy giới thiệu (${t.letter?.registerNumber}) trong ${TRANSFER_RULES.presentWithinWorkingDays} ngày làm việc: đề nghị báo cáo lý do.`)
  return { accepted: false }
}

/** More than 3 months without presenting the letter: the home cell considers removing the name. An acceptance recorded first wins (`accepted: true`, nothing flagged). */
export async function flagMember(p: { transferId: string }) {
  const member = await memberStore.getMember((await load(p.transferId)).memberId)
  const t = await update(p.transferId, (cur) => (cur.status === 'removal-proposed' || cur.acceptedBy ? undefined : {
    next: { ...cur, status: 'removal-proposed', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'removal-proposed', by: SYSTEM.name, note: `more than ${TRANSFER_RULES.removalAfterMonths} months without presenting the letter` }] },
    unitId: cur.fromCellId, action: 'transfer.removalProposed', details: { memberId: cur.memberId },
  }), (cur, tx) => releaseMember(cur, tx, { status: member!.status, cellId: member!.cellId, at: new Date().toISOString(), kind: cur.kind }, member))
  return { accepted: !!t.acceptedBy }
}

/** The receiving cell accepted: the member now belongs there (temporary: is away, home cell kept). */
export async function complete(p: { transferId: string }) {
  const member = await memberStore.getMember((await load(p.transferId)).memberId)
  const account = member?.userId ? await orgStore.getUser(member.userId) : undefined
  await update(p.transferId, (cur) => (cur.status === 'accepted' ? undefined : {
    next: { ...cur, status: 'accepted', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'accepted', by: cur.acceptedBy?.fullName ?? SYSTEM.name, note: cur.acceptedBy?.comment }] },
    unitId: cur.toUnitId!, action: cur.kind === 'official' ? 'member.transferredIn' : 'member.temporaryIn', details: { memberId: cur.memberId, fromCellId: cur.fromCellId },
  }), (cur, tx) => {
    const at = new Date().toISOString()
    if (cur.kind === 'official') releaseMember(cur, tx, { status: 'active', cellId: cur.toUnitId!, at, kind: cur.kind }, member)
    else releaseMember(cur, tx, { status: 'temporarily-away', cellId: cur.fromCellId, at, kind: cur.kind }, member)
    if (account) followMembership(tx, account, cur, 'accepted', at)
    tx.audit({ unitId: cur.fromCellId, action: cur.kind === 'official' ? 'member.transferredOut' : 'member.temporaryOut', target: cur.memberId, details: { toUnitId: cur.toUnitId, transferId: cur.transferId } })
  })
  const t = await load(p.transferId)
  return { returnSeconds: t.kind === 'temporary' ? returnSeconds(t) : 0 }
}

export async function awaitReturn(p: { transferId: string; taskToken: string; reminded: boolean }) {
  await update(p.transferId, (cur) => (cur.taskToken === p.taskToken || cur.status !== 'accepted' ? undefined : {
    next: { ...cur, taskToken: p.taskToken, returnAnswer: undefined }, unitId: cur.fromCellId, action: 'transfer.awaitingReturn', details: { until: cur.until, reminded: p.reminded },
  }))
  return {}
}

/**
 * A return or extension recorded on the transfer and not yet taken by the workflow, as the return
 * wait's output. The return timer races them (both write under the transfer's version): when the
 * human's write landed first and its answer found the wait timed out, the reminder yields to it.
 */
function recordedReturn(t: Transfer): { outcome: 'returned' } | { outcome: 'extended'; returnSeconds: number } | undefined {
  const a = t.returnAnswer
  if (!a || t.status !== 'accepted') return undefined
  return a.outcome === 'returned' ? { outcome: 'returned' } : { outcome: 'extended', returnSeconds: returnSeconds(t) }
}

/** The return date passed: the member, the home cell and the temporary cell are reminded (unless a return or extension was recorded first). */
export async function remindReturn(p: { transferId: string }) {
  const t = await update(p.transferId, (cur) => (recordedReturn(cur) || cur.history.some((h) => h.status === 'return-reminder' && h.note === cur.until) ? undefined : {
    next: { ...cur, taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'return-reminder', by: SYSTEM.name, note: cur.until }] },
    unitId: cur.fromCellId, action: 'transfer.returnReminder', details: { until: cur.until },
  }))
  const answered = recordedReturn(t)
  if (answered) return { answered: true, returned: answered }
  const member = await memberStore.getMember(t.memberId)
  const units = [t.fromCellId, ...(t.toUnitId ? [t.toUnitId] : [])]
  await notify(units, 'Hết thời hạn sinh hoạt đảng tạm thời / Temporary transfer ended',
    `Đồng chí ${t.memberName} hết thời hạn sinh hoạt tạm thời (${t.until}); đề nghị trở về sinh hoạt tại chi bộ nơi chính thức.\n\nThe temporary transfer ended: please return to the home cell.`)
  if (member?.email) await notifyPeople({ kind: 'transfer.step', userIds: member.userId ? [member.userId] : [], alsoMail: member.userId ? [] : [member.email], title: 'Nhắc trở về sinh hoạt đảng / Time to return', text: `Thời hạn sinh hoạt tạm thời của đồng chí đã hết (${t.until}).`, link: '/party/handbook' })
  return { answered: false, returned: { outcome: 'none' } }
}

/** Back from a temporary transfer: active in the home cell again, the lock released. */
export async function returned(p: { transferId: string }) {
  const member = await memberStore.getMember((await load(p.transferId)).memberId)
  const account = member?.userId ? await orgStore.getUser(member.userId) : undefined
  await update(p.transferId, (cur) => (cur.status === 'returned' ? undefined : {
    next: { ...cur, status: 'returned', taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: 'returned', by: SYSTEM.name }] },
    unitId: cur.fromCellId, action: 'member.returned', details: { memberId: cur.memberId, fromUnitId: cur.toUnitId },
  }), (cur, tx) => {
    const at = new Date().toISOString()
    releaseMember(cur, tx, { status: 'active', cellId: cur.fromCellId, at, kind: cur.kind, toName: undefined }, member)
    if (account) followMembership(tx, account, cur, 'returned', at)
  })
  return {}
}

/** The member's account in the same transaction as the record: its roles follow the move (assignmentsAfterTransfer), audited in each unit touched. */
function followMembership(tx: Transaction, account: User, t: Transfer, event: 'accepted' | 'returned', at: string) {
  const assignments = assignmentsAfterTransfer(account.assignments, t, event)
  if (JSON.stringify(assignments) === JSON.stringify(account.assignments)) return
  putUser(tx, { ...account, assignments, version: account.version + 1, updatedAt: at }, account.assignments, account.version)
  for (const unitId of new Set([...account.assignments, ...assignments].map((a) => a.unitId))) {
    tx.audit({ unitId, action: 'user.update', target: account.userId, details: { changed: ['assignments'], transferId: t.transferId, status: account.status, clearance: account.clearance } })
  }
}

/** Rejected in the chain or expired: closed, the member's lock released. */
export async function close(p: { transferId: string; status: 'rejected' | 'expired'; step?: number }) {
  const before = await load(p.transferId)
  // Expiry raced a decision of the last wait and lost: the workflow goes on as decided.
  const decidedIn = (t: Transfer) => (p.status === 'expired' && p.step !== undefined ? recordedDecision(t, p.step) : undefined)
  const member = await memberStore.getMember(before.memberId)
  const after = await update(p.transferId, (cur) => (cur.status === p.status || decidedIn(cur) ? undefined : {
    next: { ...cur, status: p.status, taskToken: undefined, history: [...cur.history, { at: new Date().toISOString(), status: p.status, by: SYSTEM.name }] },
    unitId: cur.fromCellId, action: `transfer.${p.status}`,
  }), (cur, tx) => releaseMember(cur, tx, { status: member!.status, cellId: member!.cellId, at: new Date().toISOString(), kind: cur.kind }, member))
  const decided = after.status !== p.status ? decidedIn(after) : undefined
  if (decided) return { status: after.status, decided: true, decision: decided }
  return { status: p.status, decided: false, decision: NONE }
}

