/**
 * The race "a decision saved just as its step times out": the decision and
 * the step's timer (reminder, escalation, expiry) write the transfer under
 * the same version condition, so exactly one wins. Both orders are forced
 * here: the decision's write (the use case the HTTP route runs) is called
 * directly against the platform's DynamoDB Local, while the step's timer is
 * the embedded Step Functions runtime's own.
 */
import { auditKeyFile } from '../../../infra/local/audit-key.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { eventually, login, type Session } from '../../support/api.js'
import { MEMBERS_MESSAGES } from '../../../shared/i18n/members.js'
import { HANGBAC, HANGDAO, newMember } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { addDays as shiftDays } from '../../../shared/calendar/working-days.js'

let memberStore: typeof import('../../../functions/members/adapters/store.js').memberStore
let recordDecision: typeof import('../../../functions/members/usecases/transfers.js').recordDecision
let recordAcceptance: typeof import('../../../functions/members/usecases/transfers.js').recordAcceptance
let recordReturn: typeof import('../../../functions/members/usecases/transfers.js').recordReturn
let recordExtension: typeof import('../../../functions/members/usecases/transfers.js').recordExtension
let ctx: import('../../../functions/members/usecases/members.js').MemberContext

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')), OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'race-outbox-')),
    AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  })
  ;({ memberStore } = await import('../../../functions/members/adapters/store.js'))
  ;({ recordDecision, recordAcceptance, recordReturn, recordExtension } = await import('../../../functions/members/usecases/transfers.js'))
  const { orgStore } = await import('../../../functions/org/adapters/store.js')
  const { orgContext } = await import('../../../functions/org/usecases/context.js')
  const user = (await orgStore.getUserByUsername('bithu.cb.hangbac'))!
  ctx = orgContext({ userId: user.userId, username: user.username, fullName: user.fullName, clearance: 'internal', mfa: false, assignments: [{ unitId: HANGBAC, role: 'secretary' }] } as never, '127.0.0.1')
})

/** Files a drill transfer for a new member of Hàng Bạc and waits until the cell's step holds its task token. */
async function fileAndWait(admin: Session, approvalSeconds: number) {
  const m = await newMember(admin, HANGBAC)
  const filed = await admin.post('/api/members/transfers', { memberId: m.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú', deadlines: { approvalSeconds, acceptSeconds: 600, lateSeconds: 600 } })
  expect(filed.status, JSON.stringify(filed.body)).toBe(202)
  const id = filed.body.transfer.transferId
  return eventually(async () => {
    const t = await memberStore.getTransfer(id)
    expect(t?.taskToken).toBeTruthy()
    return t!
  })
}

describe('a decision saved just as its step times out', () => {
  it('the decision lands first, its answer finds the task timed out: the timer yields and the workflow goes on as decided', async () => {
    const admin = await login('admin')
    // The reminder's timer fires 3 s after the step starts waiting.
    const t = await fileAndWait(admin, 6)
    // The decision is written, and its answer to Step Functions is "lost" (as when SendTaskSuccess arrives after the timeout).
    const { saved } = await recordDecision(ctx, t, { approved: true, comment: 'Đồng ý, ngay trước hạn' })
    expect(saved.steps[0].decision?.approved).toBe(true)
    // The timer fires, its task finds the decision: no reminder, the ward's step is reached.
    const ward = await login('bithu.hoankiem')
    await eventually(async () => expect((await ward.get(`/api/members/transfers/${t.transferId}`)).body.canDecide).toBe(true), { timeoutMs: 30_000 })
    const now = (await admin.get(`/api/members/transfers/${t.transferId}`)).body.transfer
    expect(now.history.map((h: any) => h.status)).toEqual(['pending', 'approved:cell'])
    expect(now.steps[0].escalatedAt).toBeUndefined()
    expect(now.currentStep).toBe(1)
  })

  it('the timer lands first: the decision read before it is refused with a clear 409, nothing recorded; a fresh decision then counts once', async () => {
    const admin = await login('admin')
    // The reminder's timer fires 2 s after the step starts waiting.
    const stale = await fileAndWait(admin, 4)
    await eventually(async () => expect((await memberStore.getTransfer(stale.transferId))!.history.map((h) => h.status)).toContain('reminded:cell'), { timeoutMs: 30_000 })
    const lost = await recordDecision(ctx, stale, { approved: true }).then(() => 'saved', (e: any) => e.code)
    expect(lost).toBe('members.stepTimedOut')
    const after = (await memberStore.getTransfer(stale.transferId))!
    expect(after.steps[0].decision).toBeUndefined()
    expect(after.history.map((h) => h.status)).not.toContain('approved:cell')

    // The same refusal through the API, in the user's language: the step is waiting again after the reminder, so a fresh decision counts.
    const cell = await login('bithu.cb.hangbac')
    await eventually(async () => expect((await cell.post(`/api/members/transfers/${stale.transferId}/decision`, { approved: true })).status).toBe(200), { timeoutMs: 30_000 })
    // Deciding again is refused: the step is now the ward's.
    expect((await cell.post(`/api/members/transfers/${stale.transferId}/decision`, { approved: true })).status).toBe(403)
    const done = (await admin.get(`/api/members/transfers/${stale.transferId}`)).body.transfer
    expect(done.history.filter((h: any) => h.status === 'approved:cell')).toHaveLength(1)
  })
})

describe('a residence comment saved just as its request times out', () => {
  it('the form lands first: the escalation yields, the ward is asked to confirm; a form read before an escalation is refused with nothing recorded', async () => {
    const { getComment, recordForm } = await import('../../../functions/members/usecases/comments.js')
    const { newCell } = await import('./support.js')
    const admin = await login('admin')
    const workplace = await newCell(admin)
    await newMember(admin, workplace, { residenceCellId: HANGBAC })
    await newMember(admin, workplace, { residenceCellId: HANGBAC })
    const criteria = { example: true, civicDuties: true, meetings: true, contact: true, residentsViews: true }
    const opened = await admin.post('/api/members/comments/campaigns', { cellId: workplace, year: 2024, deadlineSeconds: 3 })
    const [first, second] = opened.body.created.map((c: any) => c.commentId)
    const waiting = (id: string) => eventually(async () => { const c = await getComment(id); expect(c?.taskToken).toBeTruthy(); return c! })

    // Both requests as read while they wait for the residence cell (their timers fire 3 s later).
    const [a, b] = await Promise.all([waiting(first), waiting(second)])
    // First: the form is written and its answer "lost"; when the timer fires, the escalation finds it and the ward is asked.
    await recordForm(ctx, a, { criteria, conclusion: 'good' })
    const ward = await login('bithu.hoankiem')
    await eventually(async () => expect((await ward.get('/api/members/comments')).body.comments.map((c: any) => c.commentId)).toContain(first), { timeoutMs: 30_000 })
    await eventually(async () => expect((await getComment(first))?.taskToken).toBeTruthy())
    expect((await getComment(first))!.history.map((h) => h.status)).toEqual(['requested', 'filled'])

    // Second: read before the timer fires, written after its escalation: refused, nothing recorded.
    await eventually(async () => expect((await getComment(second))!.status).toBe('escalated'), { timeoutMs: 30_000 })
    expect(await recordForm(ctx, b, { criteria, conclusion: 'good' }).then(() => 'saved', (e: any) => e.code)).toBe('members.stepTimedOut')
    expect((await getComment(second))!.form).toBeUndefined()
  })
})

/** A member context of a demo officer (the use cases the HTTP routes run, called directly to force the order of the race). */
async function contextOf(username: string, unitId: string) {
  const { orgStore } = await import('../../../functions/org/adapters/store.js')
  const { orgContext } = await import('../../../functions/org/usecases/context.js')
  const user = (await orgStore.getUserByUsername(username))!
  return orgContext({ userId: user.userId, username: user.username, fullName: user.fullName, clearance: 'internal', mfa: false, assignments: [{ unitId, role: 'secretary' }] } as never, '127.0.0.1')
}

const decideWhenReady = (username: string, transferId: string) => eventually(async () => {
  const s = await login(username)
  const r = await s.post(`/api/members/transfers/${transferId}/decision`, { approved: true })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
}, { timeoutMs: 30_000 })

/** The transfer as stored once `check` holds. */
const storedWhen = (transferId: string, check: (t: import('../../../shared/members/contracts.js').Transfer) => void) => eventually(async () => {
  const t = (await memberStore.getTransfer(transferId))!
  check(t)
  return t
}, { timeoutMs: 30_000 })

describe('an acceptance saved just as the receiving timer fires', () => {
  /** An official transfer from Hàng Bạc to Hàng Đào approved through the chain, waiting for the receiving cell (drill timers). */
  async function issued(acceptSeconds: number, lateSeconds: number) {
    const admin = await login('admin')
    const m = await newMember(admin, HANGBAC)
    const filed = await admin.post('/api/members/transfers', { memberId: m.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú', deadlines: { approvalSeconds: 600, acceptSeconds, lateSeconds } })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const id = filed.body.transfer.transferId
    await decideWhenReady('bithu.cb.hangbac', id)
    await decideWhenReady('bithu.hoankiem', id)
    await decideWhenReady('bithu.tu', id)
    return { admin, member: m, id }
  }

  it('the acceptance lands first, its answer lost: the escalation yields, the transfer completes as accepted', async () => {
    const receiver = await contextOf('bithu.cb.hangdao', HANGDAO)
    const { admin, member, id } = await issued(4, 600)
    const t = await storedWhen(id, (t) => { expect(t.status).toBe('issued'); expect(t.taskToken).toBeTruthy() })
    // Written, its answer to Step Functions "lost" (as when SendTaskSuccess arrives after the timeout).
    const { saved } = await recordAcceptance(receiver, t, { comment: 'Đã nhận, ngay trước hạn' })
    expect(saved.acceptedBy?.fullName).toBeTruthy()
    const done = await storedWhen(id, (t) => expect(t.status).toBe('accepted'))
    expect(done.history.map((h) => h.status)).not.toContain('overdue')
    expect((await admin.get(`/api/members/${member.memberId}`)).body.member).toMatchObject({ status: 'active', cellId: HANGDAO })
  })

  it('the escalation lands first: an acceptance read before it is a 409 with nothing recorded; in the late wait an acceptance landing first wins over the flag', async () => {
    const receiver = await contextOf('bithu.cb.hangdao', HANGDAO)
    const { admin, member, id } = await issued(3, 4)
    const stale = await storedWhen(id, (t) => { expect(t.status).toBe('issued'); expect(t.taskToken).toBeTruthy() })
    await storedWhen(id, (t) => expect(t.status).toBe('overdue'))
    expect(await recordAcceptance(receiver, stale, {}).then(() => 'saved', (e: any) => e.code)).toBe('members.acceptanceTimedOut')
    expect((await memberStore.getTransfer(id))!.acceptedBy).toBeUndefined()
    expect(MEMBERS_MESSAGES['members.acceptanceTimedOut']).toMatchObject({ vi: expect.stringMatching(/không ghi gì/), en: expect.stringMatching(/nothing was recorded/) })

    // The late wait (the flag fires 4 s after it starts): the acceptance is written first, its answer lost; the flag yields.
    const late = await storedWhen(id, (t) => { expect(t.status).toBe('overdue'); expect(t.taskToken).toBeTruthy() })
    await recordAcceptance(receiver, late, {})
    const done = await storedWhen(id, (t) => expect(t.status).toBe('accepted'))
    expect(done.history.map((h) => h.status)).not.toContain('removal-proposed')
    expect((await admin.get(`/api/members/${member.memberId}`)).body.member).toMatchObject({ status: 'active', cellId: HANGDAO })
  })
})

describe('a return or extension saved just as the return timer fires', () => {
  const addDays = (days: number) => shiftDays(vietnamDate(), days)

  /** A temporary transfer accepted at Hàng Đào, waiting for the return (drill: the return timer is `seconds`). */
  async function away(seconds: number) {
    const admin = await login('admin')
    const m = await newMember(admin, HANGBAC)
    const filed = await admin.post('/api/members/transfers', {
      kind: 'temporary', memberId: m.memberId, toUnitId: HANGDAO, reason: 'Học lớp bồi dưỡng', from: addDays(0), until: addDays(120), purpose: 'study',
      deadlines: { approvalSeconds: 600, acceptSeconds: seconds, lateSeconds: 600 },
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(202)
    const id = filed.body.transfer.transferId
    await decideWhenReady('bithu.cb.hangbac', id)
    await decideWhenReady('bithu.hoankiem', id)
    const receiver = await login('bithu.cb.hangdao')
    await eventually(async () => expect((await receiver.post(`/api/members/transfers/${id}/accept`, {})).status).toBe(200), { timeoutMs: 30_000 })
    const t = await storedWhen(id, (t) => { expect(t.status).toBe('accepted'); expect(t.taskToken).toBeTruthy() })
    return { admin, member: m, id, t }
  }

  it('the return lands first, its answer lost: the reminder yields and the member is back', async () => {
    const home = await contextOf('bithu.cb.hangbac', HANGBAC)
    const { admin, member, id, t } = await away(4)
    await recordReturn(home, t)
    const done = await storedWhen(id, (t) => expect(t.status).toBe('returned'))
    expect(done.history.map((h) => h.status)).not.toContain('return-reminder')
    expect((await admin.get(`/api/members/${member.memberId}`)).body.member).toMatchObject({ status: 'active', cellId: HANGBAC })
  })

  it('the extension lands first, its answer lost: the reminder yields and the workflow waits for the new date', async () => {
    const temporary = await contextOf('bithu.cb.hangdao', HANGDAO)
    const { id, t } = await away(4)
    const oldUntil = t.until
    const newUntil = addDays(200)
    await recordExtension(temporary, t, { until: newUntil, reason: 'Lớp học kéo dài' })
    // The timer's task found the extension: a new wait (new token), then the reminder is for the new date only.
    const reminded = await storedWhen(id, (t) => expect(t.history.some((h) => h.status === 'return-reminder')).toBe(true))
    expect(reminded.history.filter((h) => h.status === 'return-reminder').map((h) => h.note)).toEqual([newUntil])
    expect(reminded.history.filter((h) => h.status === 'return-reminder').map((h) => h.note)).not.toContain(oldUntil)
    expect(reminded.until).toBe(newUntil)
    expect(reminded.status).toBe('accepted')
  })

  it('the reminder lands first: a return or extension read before it is a 409 with nothing recorded; a fresh return then counts', async () => {
    const home = await contextOf('bithu.cb.hangbac', HANGBAC)
    const temporary = await contextOf('bithu.cb.hangdao', HANGDAO)
    const { admin, member, id, t: stale } = await away(3)
    await storedWhen(id, (t) => expect(t.history.map((h) => h.status)).toContain('return-reminder'))
    expect(await recordReturn(home, stale).then(() => 'saved', (e: any) => e.code)).toBe('members.returnTimedOut')
    expect(await recordExtension(temporary, stale, { until: addDays(200), reason: 'Muộn' }).then(() => 'saved', (e: any) => e.code)).toBe('members.returnTimedOut')
    const after = (await memberStore.getTransfer(id))!
    expect(after.returnAnswer).toBeUndefined()
    expect(after.until).toBe(stale.until)
    expect(after.history.map((h) => h.status)).not.toContain('extended')
    expect(MEMBERS_MESSAGES['members.returnTimedOut']).toMatchObject({ vi: expect.stringMatching(/không ghi gì/), en: expect.stringMatching(/nothing was recorded/) })

    // Waiting again after the reminder: a fresh return through the API counts once.
    const cell = await login('bithu.cb.hangbac')
    await eventually(async () => expect((await cell.post(`/api/members/transfers/${id}/return`, {})).status).toBe(200), { timeoutMs: 30_000 })
    await storedWhen(id, (t) => expect(t.status).toBe('returned'))
    expect((await admin.get(`/api/members/${member.memberId}`)).body.member).toMatchObject({ status: 'active', cellId: HANGBAC })
  })
})
