/**
 * The race "a decision saved just as its step times out": the decision and
 * the step's timer (reminder, escalation, expiry) write the transfer under
 * the same version condition, so exactly one wins. Both orders are forced
 * here: the decision's write (the use case the HTTP route runs) is called
 * directly against the platform's DynamoDB Local, while the step's timer is
 * the embedded Step Functions runtime's own.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { eventually, login, type Session } from '../../support/api.js'
import { HANGBAC, HANGDAO, newMember } from './support.js'

let memberStore: typeof import('../../../functions/members/adapters/store.js').memberStore
let recordDecision: typeof import('../../../functions/members/usecases/transfers.js').recordDecision
let ctx: import('../../../functions/members/usecases/members.js').MemberContext

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'race-outbox-')),
    AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  })
  ;({ memberStore } = await import('../../../functions/members/adapters/store.js'))
  ;({ recordDecision } = await import('../../../functions/members/usecases/transfers.js'))
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
