/**
 * The embedded Step Functions endpoint, driven through the real AWS SDK client
 * against the real ASL of the reorganisation approval (plus small fixtures),
 * with DynamoDB Local as its store.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  SFNClient, StartExecutionCommand, DescribeExecutionCommand, ListExecutionsCommand, StopExecutionCommand,
  SendTaskSuccessCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand, GetExecutionHistoryCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn'
import { startDynamoLocal, localDynamoClient, ensureTables, simpleTableInput, type DynamoLocal } from '../../../infra/local/dynamodb.js'
import { freePort } from '../../../infra/local/ports.js'
import { startStepFunctionsLocal, type StepFunctionsLocal } from '../../../infra/local/stepfunctions/index.js'
import { WORKFLOWS } from '../../../infra/definitions/workflows.js'
import { LOCAL_TABLES } from '../../../shared/table/definition.js'

const REORG = WORKFLOWS.find((w) => w.id === 'reorganisation-approval')!
const FIXTURES = 'tests/integration/local/fixtures'
const fixture = (id: string, file: string) => ({ id, file: `${FIXTURES}/${file}`, functionSubstitutions: { TasksFunctionArn: 'test-tasks' } })
const ALL_WORKFLOWS = [
  { id: REORG.id, file: REORG.file, functionSubstitutions: { ...REORG.functionSubstitutions } },
  fixture('test-retry', 'retry.asl.json'),
  fixture('test-callback-catch', 'callback-catch.asl.json'),
  fixture('test-wait', 'wait.asl.json'),
  fixture('test-heartbeat', 'heartbeat.asl.json'),
  fixture('test-execution-timeout', 'execution-timeout.asl.json'),
]

interface Call { moduleId: string; payload: Record<string, unknown>; at: number }
const calls: Call[] = []
const flakyCounts = new Map<string, number>()

/** Plays the platform's functions: records every call, answers like the real modules would. */
async function invokeFunction(moduleId: string, payload: unknown): Promise<unknown> {
  const p = payload as Record<string, unknown>
  calls.push({ moduleId, payload: p, at: Date.now() })
  switch (p.task) {
    case 'awaitDecision': case 'await': return { notified: true }
    case 'escalate': return { escalatedTo: `parent-of-${String(p.ownerUnitId)}` }
    case 'apply': return { status: 'APPLIED' }
    case 'reject': return { status: 'REJECTED' }
    case 'expire': return { status: 'EXPIRED' }
    case 'after': return { startTime: p.startTime }
    case 'flaky': {
      const n = (flakyCounts.get(String(p.key)) ?? 0) + 1
      flakyCounts.set(String(p.key), n)
      if (n <= Number(p.failures)) throw Object.assign(new Error(`attempt ${n} failed`), { name: String(p.errorName) })
      return { attempt: n }
    }
    default: throw new Error(`unexpected task ${String(p.task)}`)
  }
}

const callsFor = (key: string, task?: string) =>
  calls.filter((c) => (c.payload.requestId === key || c.payload.key === key) && (!task || c.payload.task === task))

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v !== undefined && v !== false) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

let dynamoLocal: DynamoLocal
let dynamo: DynamoDBClient
let dataDir: string
let ep: StepFunctionsLocal
let sfn: SFNClient

function clientFor(url: string): SFNClient {
  return new SFNClient({ endpoint: url, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
}

async function startEndpoint(extra: { workflows?: typeof ALL_WORKFLOWS; tableName?: string; rerunPendingAfterMs?: number } = {}) {
  const endpoint = await startStepFunctionsLocal({
    port: await freePort(), dynamo, tableName: extra.tableName ?? LOCAL_TABLES.stepFunctions,
    workflows: extra.workflows ?? ALL_WORKFLOWS, invokeFunction, rerunPendingAfterMs: extra.rerunPendingAfterMs,
  })
  return { endpoint, client: clientFor(endpoint.url) }
}

/** Swaps the shared endpoint for a fresh one on the same DynamoDB (a process restart). */
async function restart(gapMs = 0, workflows = ALL_WORKFLOWS) {
  await ep.close()
  sfn.destroy()
  if (gapMs) await new Promise((r) => setTimeout(r, gapMs))
  ;({ endpoint: ep, client: sfn } = await startEndpoint({ workflows }))
  return Date.now() // the new process is up (and has resumed its executions)
}

async function start(workflowId: string, input: Record<string, unknown>, client = sfn, endpoint = ep): Promise<string> {
  const r = await client.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn(workflowId), input: JSON.stringify(input) }))
  return r.executionArn!
}

async function finished(executionArn: string, client = sfn, timeoutMs = 10_000): Promise<DescribeExecutionCommandOutput> {
  return waitFor(`${executionArn} to finish`, async () => {
    const d = await client.send(new DescribeExecutionCommand({ executionArn }))
    return d.status === 'RUNNING' ? undefined : d
  }, timeoutMs)
}

const tokenOf = (key: string, task = 'awaitDecision', stage?: string) => waitFor(`a ${task} call for ${key}`, () => {
  const c = callsFor(key, task).find((x) => !stage || x.payload.stage === stage)
  return c ? String(c.payload.taskToken ?? c.payload.token) : undefined
})

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sfn-local-'))
  dynamoLocal = await startDynamoLocal({ port: await freePort(), dataDir })
  dynamo = localDynamoClient(dynamoLocal.endpoint)
  await ensureTables(dynamo, [simpleTableInput(LOCAL_TABLES.stepFunctions), simpleTableInput(`${LOCAL_TABLES.stepFunctions}-rerun`)])
  ;({ endpoint: ep, client: sfn } = await startEndpoint())
})

afterAll(async () => {
  await ep?.close()
  sfn?.destroy()
  dynamo?.destroy()
  await dynamoLocal?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('embedded Step Functions: reorganisation approval (real ASL)', () => {
  it('approve: SendTaskSuccess resumes the callback, Apply runs, the execution succeeds', async () => {
    const input = { requestId: 'r-happy', ownerUnitId: 'u-1', deadlineSeconds: 60 }
    const arn = await start(REORG.id, input)
    expect(arn).toBe(`arn:aws:states:ap-southeast-1:000000000000:execution:${REORG.id}:${arn.split(':').pop()}`)

    const token = await tokenOf('r-happy')
    const ask = callsFor('r-happy', 'awaitDecision')[0]
    expect(ask.moduleId).toBe('org-tasks')
    expect(ask.payload).toMatchObject({ stage: 'superior', ownerUnitId: 'u-1' })
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/)
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status).toBe('RUNNING')

    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }))
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true, by: 'chairman' }) }))
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    expect(done.startDate).toBeInstanceOf(Date)
    expect(done.stopDate!.getTime()).toBeGreaterThanOrEqual(done.startDate!.getTime())
    const output = JSON.parse(done.output!)
    expect(output).toMatchObject({ ...input, decision: { approved: true, by: 'chairman' }, result: { status: 'APPLIED' } })
    expect(callsFor('r-happy').map((c) => c.payload.task)).toEqual(['awaitDecision', 'apply'])
    expect(callsFor('r-happy', 'apply')[0].payload.decision).toEqual({ approved: true, by: 'chairman' })

    // The token is spent: a second answer is refused like AWS does.
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' })

    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: ep.stateMachineArn(REORG.id), statusFilter: 'SUCCEEDED' }))
    expect(listed.executions!.map((e) => e.executionArn)).toContain(arn)
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }))
    const types = history.events!.map((e) => e.type)
    expect(types[0]).toBe('ExecutionStarted')
    expect(types.at(-1)).toBe('ExecutionSucceeded')
    expect(types.filter((t) => t === 'TaskScheduled')).toHaveLength(2)
    expect(history.events!.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!.resource).toBe('invoke.waitForTaskToken')
  })

  it('reject: approved:false goes to Reject', async () => {
    const arn = await start(REORG.id, { requestId: 'r-reject', ownerUnitId: 'u-2', deadlineSeconds: 60 })
    const token = await tokenOf('r-reject')
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: false, reason: 'not now' }) }))
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    expect(JSON.parse(done.output!).result).toEqual({ status: 'REJECTED' })
    expect(callsFor('r-reject').map((c) => c.payload.task)).toEqual(['awaitDecision', 'reject'])
  })

  it('deadline missed twice: Escalate, then Expire (States.Timeout caught both times)', async () => {
    const arn = await start(REORG.id, { requestId: 'r-late', ownerUnitId: 'u-3', deadlineSeconds: 1 })
    const first = await tokenOf('r-late', 'awaitDecision', 'superior')
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    const output = JSON.parse(done.output!)
    expect(output.timeout.Error).toBe('States.Timeout')
    expect(output.escalation).toEqual({ escalatedTo: 'parent-of-u-3' })
    expect(output.result).toEqual({ status: 'EXPIRED' })
    expect(callsFor('r-late').map((c) => `${String(c.payload.task)}${c.payload.stage ? `:${String(c.payload.stage)}` : ''}`))
      .toEqual(['awaitDecision:superior', 'escalate', 'awaitDecision:escalated', 'expire'])
    // Neither wait ended before its deadline: each task timed out no sooner
    // than 1 s after it was scheduled (the history's own timestamps; the
    // function may be invoked later than that under load).
    // An answer after the deadline is refused.
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: '{"approved":true}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' })
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }))
    expect(history.events!.filter((e) => e.type === 'TaskTimedOut')).toHaveLength(2)
    const waits: number[] = []
    let scheduledAt: number | undefined
    for (const e of history.events!) {
      if (e.type === 'TaskScheduled') scheduledAt = e.timestamp!.getTime()
      if (e.type === 'TaskTimedOut') waits.push(e.timestamp!.getTime() - scheduledAt!)
    }
    expect(waits).toHaveLength(2)
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(1000)
  })

  it('SendTaskFailure that no Catch matches fails the execution with that error', async () => {
    const arn = await start(REORG.id, { requestId: 'r-fail', ownerUnitId: 'u-4', deadlineSeconds: 60 })
    const token = await tokenOf('r-fail')
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Org.RequestWithdrawn', cause: 'the requesting unit withdrew it' }))
    const done = await finished(arn)
    expect(done.status).toBe('FAILED')
    expect(done.error).toBe('Org.RequestWithdrawn')
    expect(done.cause).toBe('the requesting unit withdrew it')
    expect(callsFor('r-fail').map((c) => c.payload.task)).toEqual(['awaitDecision'])
  })

  it('refuses unknown or malformed tokens and unknown executions, in the AWS error shape', async () => {
    const unknown = randomBytes(48).toString('base64url')
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' }))).rejects.toMatchObject({ name: 'TaskDoesNotExist', $metadata: { httpStatusCode: 400 } })
    await expect(sfn.send(new SendTaskFailureCommand({ taskToken: 'not-a-token' }))).rejects.toMatchObject({ name: 'InvalidToken' })
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: `arn:aws:states:ap-southeast-1:000000000000:execution:${REORG.id}:nope` })))
      .rejects.toMatchObject({ name: 'ExecutionDoesNotExist' })
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: ep.stateMachineArn('no-such-machine'), input: '{}' })))
      .rejects.toMatchObject({ name: 'StateMachineDoesNotExist' })
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: ep.stateMachineArn(REORG.id), input: '{not json' })))
      .rejects.toMatchObject({ name: 'InvalidExecutionInput' })
  })

  it('StartExecution is idempotent on name + input; StopExecution aborts and kills the token', async () => {
    const stateMachineArn = ep.stateMachineArn(REORG.id)
    const input = JSON.stringify({ requestId: 'r-stop', ownerUnitId: 'u-5', deadlineSeconds: 60 })
    const a = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'reorg-r-stop', input }))
    const b = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'reorg-r-stop', input }))
    expect(b.executionArn).toBe(a.executionArn)
    expect(b.startDate!.getTime()).toBe(a.startDate!.getTime())
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'reorg-r-stop', input: '{"other":1}' })))
      .rejects.toMatchObject({ name: 'ExecutionAlreadyExists' })
    const token = await tokenOf('r-stop')
    expect(callsFor('r-stop', 'awaitDecision')).toHaveLength(1)

    await sfn.send(new StopExecutionCommand({ executionArn: a.executionArn, error: 'Org.Cancelled', cause: 'by test' }))
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn: a.executionArn }))
    expect(d).toMatchObject({ status: 'ABORTED', error: 'Org.Cancelled' })
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' })
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }))
    expect(running.executions!.map((e) => e.executionArn)).not.toContain(a.executionArn)
  })
})

describe('embedded Step Functions: durability across restarts', () => {
  it('a pending approval survives a restart: same token, nothing completed runs twice', async () => {
    const arn = await start(REORG.id, { requestId: 'r-restart', ownerUnitId: 'u-6', deadlineSeconds: 60 })
    const token = await tokenOf('r-restart')

    await restart()
    // The replay reaches the pending task again without re-invoking its function.
    await new Promise((r) => setTimeout(r, 300))
    expect(callsFor('r-restart', 'awaitDecision')).toHaveLength(1)
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status).toBe('RUNNING')

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }))
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    expect(JSON.parse(done.output!).result).toEqual({ status: 'APPLIED' })
    expect(callsFor('r-restart').map((c) => c.payload.task)).toEqual(['awaitDecision', 'apply'])
  })

  it('an answer accepted while no process ran the execution is honoured on resume', async () => {
    const arn = await start(REORG.id, { requestId: 'r-offline', ownerUnitId: 'u-7', deadlineSeconds: 60 })
    const token = await tokenOf('r-offline')
    // A process that serves the API but runs no state machine accepts the answer…
    await restart(0, [])
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: false }) }))
    await new Promise((r) => setTimeout(r, 200))
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status).toBe('RUNNING')
    expect(callsFor('r-offline').map((c) => c.payload.task)).toEqual(['awaitDecision'])
    // …and the next full start consumes it from the journal.
    await restart()
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    expect(JSON.parse(done.output!).result).toEqual({ status: 'REJECTED' })
    expect(callsFor('r-offline').map((c) => c.payload.task)).toEqual(['awaitDecision', 'reject'])
  })

  it('a restart keeps the ORIGINAL deadline of the pending step, and does not re-run Escalate', async () => {
    const arn = await start(REORG.id, { requestId: 'r-deadline', ownerUnitId: 'u-8', deadlineSeconds: 2 })
    await tokenOf('r-deadline', 'awaitDecision', 'escalated') // first deadline missed, escalated
    const upAt = await restart(1000) // down for a second
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    expect(JSON.parse(done.output!).result).toEqual({ status: 'EXPIRED' })
    const seq = callsFor('r-deadline')
    expect(seq.map((c) => c.payload.task)).toEqual(['awaitDecision', 'escalate', 'awaitDecision', 'expire'])
    // Not before the original deadline (2 s after the escalated ask was
    // scheduled, by the history's own clock)…
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }))
    const scheduled = history.events!.filter((e) => e.type === 'TaskScheduled' &&
      JSON.parse(e.taskScheduledEventDetails!.parameters!).Payload?.stage === 'escalated')
    const timedOut = history.events!.filter((e) => e.type === 'TaskTimedOut')
    expect(scheduled).toHaveLength(1)
    expect(timedOut).toHaveLength(2)
    const escalatedEnd = timedOut.at(-1)!.timestamp!.getTime()
    expect(escalatedEnd - scheduled[0].timestamp!.getTime()).toBeGreaterThanOrEqual(2000)
    // …and not re-armed at the restart: a re-armed deadline could not end
    // sooner than 2 s after the new process was up.
    expect(escalatedEnd).toBeLessThan(upAt + 2000)
  })

  it('a Wait keeps its original end across a restart; $$.Execution.StartTime stays the original start', async () => {
    const arn = await start('test-wait', { key: 'w-1', seconds: 3 })
    const started = (await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).startDate!
    await new Promise((r) => setTimeout(r, 300))
    const upAt = await restart(500)
    const done = await finished(arn)
    expect(done.status).toBe('SUCCEEDED')
    const after = callsFor('w-1', 'after')
    expect(after).toHaveLength(1)
    expect(after[0].at - started.getTime()).toBeGreaterThanOrEqual(2950) // the wait was not cut short…
    expect(after[0].at).toBeLessThan(upAt + 3000) // …nor re-armed for 3 s at the restart
    expect(JSON.parse(done.output!).after.startTime).toBe(started.toISOString())
  })

  it('a very long wait re-runs its execution from the journal without invoking anything again', async () => {
    const { endpoint, client } = await startEndpoint({ tableName: `${LOCAL_TABLES.stepFunctions}-rerun`, rerunPendingAfterMs: 250 })
    try {
      const arn = await start(REORG.id, { requestId: 'r-rerun', ownerUnitId: 'u-9', deadlineSeconds: 60 }, client, endpoint)
      const token = await tokenOf('r-rerun')
      await new Promise((r) => setTimeout(r, 1000)) // ~4 re-runs
      await client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }))
      const done = await finished(arn, client)
      expect(done.status).toBe('SUCCEEDED')
      expect(callsFor('r-rerun').map((c) => c.payload.task)).toEqual(['awaitDecision', 'apply'])
    } finally {
      await endpoint.close()
      client.destroy()
    }
  })
})

describe('embedded Step Functions: errors, Retry and Catch (fixtures)', () => {
  it('Retry matches a named Lambda error; other errors and exhausted retries fail the execution', async () => {
    const [recovers, exhausted, other] = await Promise.all([
      start('test-retry', { key: 'f-recovers', failures: 2, errorName: 'Flaky.Transient' }),
      start('test-retry', { key: 'f-exhausted', failures: 5, errorName: 'Flaky.Transient' }),
      start('test-retry', { key: 'f-other', failures: 1, errorName: 'Flaky.Permanent' }),
    ])
    const [a, b, c] = await Promise.all([finished(recovers), finished(exhausted), finished(other)])

    expect(a.status).toBe('SUCCEEDED')
    expect(JSON.parse(a.output!).result).toEqual({ attempt: 3 })
    expect(callsFor('f-recovers')).toHaveLength(3)

    expect(b.status).toBe('FAILED')
    expect(b.error).toBe('Flaky.Transient')
    expect(callsFor('f-exhausted')).toHaveLength(3) // 1 + MaxAttempts 2

    expect(c.status).toBe('FAILED')
    expect(c.error).toBe('Flaky.Permanent')
    expect(JSON.parse(c.cause!)).toMatchObject({ errorType: 'Flaky.Permanent', errorMessage: 'attempt 1 failed' })
    expect(callsFor('f-other')).toHaveLength(1)
  })

  it('SendTaskFailure is caught by States.TaskFailed; a timeout is not, it goes to States.Timeout', async () => {
    const failing = await start('test-callback-catch', { key: 'c-fail' })
    const timingOut = await start('test-callback-catch', { key: 'c-timeout' })
    const token = await tokenOf('c-fail', 'await')
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Org.Refused', cause: 'no quorum' }))
    const [f, t] = await Promise.all([finished(failing), finished(timingOut)])
    expect(f.status).toBe('SUCCEEDED')
    expect(JSON.parse(f.output!)).toMatchObject({ caughtBy: 'failure', failure: { Error: 'Org.Refused', Cause: 'no quorum' } })
    expect(t.status).toBe('SUCCEEDED')
    expect(JSON.parse(t.output!)).toMatchObject({ caughtBy: 'timeout', failure: { Error: 'States.Timeout' } })
  })

  it('HeartbeatSeconds: heartbeats keep a callback alive, silence times it out; TimeoutSeconds of the whole execution', async () => {
    const [alive, silent, capped] = await Promise.all([
      start('test-heartbeat', { key: 'h-alive' }),
      start('test-heartbeat', { key: 'h-silent' }),
      start('test-execution-timeout', { key: 'x-capped' }),
    ])
    const token = await tokenOf('h-alive', 'await')
    for (let i = 0; i < 12; i++) { // 3 s in all, longer than HeartbeatSeconds (2 s)
      await new Promise((r) => setTimeout(r, 250))
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }))
    }
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '"done"' }))
    const [a, s, x] = await Promise.all([finished(alive), finished(silent), finished(capped)])
    expect(a.status).toBe('SUCCEEDED')
    expect(JSON.parse(a.output!).answer).toBe('done')
    expect(s).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
    expect(x).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' })
    // Its only task waits forever: the execution's own TimeoutSeconds (1 s) ended it, not earlier.
    expect(x.stopDate!.getTime() - x.startDate!.getTime()).toBeGreaterThanOrEqual(1000)
  })
})
