/**
 * Runs executions with `aws-local-stepfunctions` and makes them durable by
 * deterministic replay.
 *
 * Every Task (and every Wait, rewritten as a Task, see definition.ts) goes
 * through a local handler of ours. Each handler call is one "occurrence",
 * keyed by (state name, hash of its effective input, n-th time that pair was
 * seen in this run) and journaled in DynamoDB:
 *
 * - completed occurrence in the journal → its result (or error) is replayed,
 *   the function is NOT invoked again;
 * - pending occurrence (a callback waiting for SendTaskSuccess, a Wait) → the
 *   same token and the same persisted deadline are reused;
 * - new occurrence → the function runs and its outcome is journaled.
 *
 * Because every other state (Pass, Choice, Map, Parallel, paths…) is a pure
 * function of the execution input and the task results, re-running an
 * execution from its start with the journal replays it to exactly where it
 * was. That is all a restart does: every RUNNING execution is simply run again.
 * The input hash makes the key independent of the order in which concurrent
 * Map iterations or Parallel branches reach their tasks.
 */
import './polyfill.js'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { ExecutionError, type RunOptions } from 'aws-local-stepfunctions'
import {
  functionNameOf, PERSISTED_START_TIME, TOKEN_PLACEHOLDER,
  type LoadedWorkflow, type TaskHandlerInput, type TaskPlan, type WaitHandlerInput,
} from './definition.js'
import {
  AbandonedRun, EngineFault, isRunControlError, SfnApiError, StatesRuntimeError, taskError,
} from './errors.js'
import type { ExecutionRecord, ExecutionStatus, ExecutionStore, JournalEntry, TaskOutcome } from './store.js'

type Overrides = NonNullable<RunOptions['overrides']>
type LocalHandler = NonNullable<Overrides['taskResourceLocalHandlers']>[string]
type JSONValue = Parameters<LocalHandler>[0]

export interface EngineOptions {
  store: ExecutionStore
  region: string
  accountId: string
  invokeFunction: (moduleId: string, payload: unknown) => Promise<unknown>
  log: (msg: string) => void
  /**
   * A task waiting longer than this re-runs its execution from the journal,
   * which re-arms the library's per-Task timer (capped below 24.8 days, see
   * LIBRARY_TASK_TIMEOUT_SECONDS). Our own deadlines are unaffected.
   */
  rerunPendingAfterMs: number
}

/** 48 random bytes: unguessable, and a fixed shape so malformed tokens are told apart. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/
const MAX_PAYLOAD = 256 * 1024
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:[^:]+$/
const EXECUTION_ARN = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:execution:[^:]+:[^:]+$/
// Characters AWS refuses in execution names.
const BAD_NAME_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/

export class Engine {
  private readonly workflows = new Map<string, LoadedWorkflow>()
  /** The live run of each execution handled by this process. */
  private readonly runs = new Map<string, Run>()
  private readonly faults = new Map<string, number>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(private readonly o: EngineOptions) {}

  register(wf: LoadedWorkflow): void { this.workflows.set(wf.arn, wf) }

  listStateMachines(): LoadedWorkflow[] { return [...this.workflows.values()] }

  stateMachine(arn: unknown): LoadedWorkflow {
    if (typeof arn !== 'string' || !STATE_MACHINE_ARN.test(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`)
    const wf = this.workflows.get(arn)
    if (!wf) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`)
    return wf
  }

  // ── executions ────────────────────────────────────────────────────────────

  async startExecution(req: { stateMachineArn?: unknown; name?: unknown; input?: unknown }): Promise<ExecutionRecord> {
    const wf = this.stateMachine(req.stateMachineArn)
    const name = req.name === undefined || req.name === null ? randomUUID() : req.name
    if (typeof name !== 'string' || name.length < 1 || name.length > 80 || BAD_NAME_CHARS.test(name)) {
      throw new SfnApiError('InvalidName', `Invalid Name: '${String(name)}'`)
    }
    const input = req.input === undefined || req.input === null ? '{}' : req.input
    if (typeof input !== 'string' || !isJson(input)) throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: input must be a JSON text')
    if (Buffer.byteLength(input) > MAX_PAYLOAD) throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: larger than 256 KiB')

    const exec: ExecutionRecord = {
      executionArn: `arn:aws:states:${this.o.region}:${this.o.accountId}:execution:${wf.name}:${name}`,
      stateMachineArn: wf.arn, name, input, status: 'RUNNING', startDate: Date.now(),
    }
    const existing = await this.o.store.createExecution(exec)
    if (existing) {
      // AWS: same name + same input while still running is an idempotent retry.
      if (existing.status === 'RUNNING' && existing.input === input) return existing
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${exec.executionArn}'`)
    }
    this.launch(exec)
    return exec
  }

  async describeExecution(arn: unknown): Promise<ExecutionRecord> {
    if (typeof arn !== 'string' || !EXECUTION_ARN.test(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`)
    const exec = await this.o.store.getExecution(arn)
    if (!exec) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`)
    return exec
  }

  async listExecutions(req: { stateMachineArn?: unknown; statusFilter?: unknown; maxResults?: unknown; nextToken?: unknown }) {
    const wf = this.stateMachine(req.stateMachineArn)
    const statuses: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']
    if (req.statusFilter !== undefined && !statuses.includes(req.statusFilter as ExecutionStatus)) {
      throw new SfnApiError('ValidationException', `Invalid statusFilter '${String(req.statusFilter)}'`)
    }
    const max = typeof req.maxResults === 'number' && req.maxResults > 0 ? Math.min(req.maxResults, 1000) : 100
    return this.o.store.listExecutions(wf.arn, {
      status: req.statusFilter as ExecutionStatus | undefined, limit: max,
      nextToken: typeof req.nextToken === 'string' ? req.nextToken : undefined,
    })
  }

  async stopExecution(req: { executionArn?: unknown; error?: unknown; cause?: unknown }): Promise<{ stopDate: number }> {
    const exec = await this.describeExecution(req.executionArn)
    if (exec.status === 'RUNNING') {
      await this.o.store.finishExecution(exec, {
        status: 'ABORTED',
        error: typeof req.error === 'string' ? req.error : undefined,
        cause: typeof req.cause === 'string' ? req.cause : undefined,
      })
      const run = this.runs.get(exec.executionArn)
      if (run) this.retire(run)
    }
    return { stopDate: (await this.o.store.getExecution(exec.executionArn))?.stopDate ?? Date.now() }
  }

  // ── task tokens ───────────────────────────────────────────────────────────

  async sendTaskSuccess(req: { taskToken?: unknown; output?: unknown }): Promise<void> {
    if (typeof req.output !== 'string' || !isJson(req.output)) throw new SfnApiError('InvalidOutput', 'Invalid Output: output must be a JSON text')
    if (Buffer.byteLength(req.output) > MAX_PAYLOAD) throw new SfnApiError('InvalidOutput', 'Invalid Output: larger than 256 KiB')
    const { exec, entry } = await this.liveTask(req.taskToken)
    await this.settleTask(exec, entry, { status: 'SUCCEEDED', output: req.output })
  }

  async sendTaskFailure(req: { taskToken?: unknown; error?: unknown; cause?: unknown }): Promise<void> {
    const error = typeof req.error === 'string' ? req.error : ''
    const cause = typeof req.cause === 'string' ? req.cause : ''
    if (error.length > 256) throw new SfnApiError('ValidationException', 'error: at most 256 characters')
    if (cause.length > 32768) throw new SfnApiError('ValidationException', 'cause: at most 32768 characters')
    const { exec, entry } = await this.liveTask(req.taskToken)
    await this.settleTask(exec, entry, { status: 'FAILED', error, cause })
  }

  async sendTaskHeartbeat(req: { taskToken?: unknown }): Promise<void> {
    const { exec, entry } = await this.liveTask(req.taskToken)
    if (!(await this.o.store.heartbeat(exec.executionArn, entry, Date.now()))) throw taskTimedOut()
    this.runs.get(exec.executionArn)?.wake(entry.sk) // re-arms its timer on the new heartbeat deadline
  }

  private async liveTask(token: unknown): Promise<{ exec: ExecutionRecord; entry: JournalEntry }> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) throw new SfnApiError('InvalidToken', 'Invalid Token: malformed task token')
    const where = await this.o.store.findToken(token)
    if (!where) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist: no task has this token')
    const [exec, entry] = await Promise.all([
      this.o.store.getExecution(where.executionArn), this.o.store.getJournal(where.executionArn, where.journalSk),
    ])
    if (!exec || !entry || exec.status !== 'RUNNING' || entry.status !== 'PENDING') throw taskTimedOut()
    return { exec, entry }
  }

  /**
   * The outcome goes to DynamoDB first, then wakes the waiting handler if this
   * process runs the execution. A run that is not (yet) resumed finds the
   * outcome in the journal when it gets there: nothing sent is ever lost.
   */
  private async settleTask(exec: ExecutionRecord, entry: JournalEntry, outcome: TaskOutcome): Promise<void> {
    if (!(await this.o.store.settlePending(exec.executionArn, entry.sk, outcome, { beforeDeadline: Date.now() }))) throw taskTimedOut()
    this.runs.get(exec.executionArn)?.wake(entry.sk)
  }

  // ── history ───────────────────────────────────────────────────────────────

  /**
   * A subset of the AWS history, rebuilt from the execution and its journal:
   * execution start/end, and per task occurrence its scheduling and outcome.
   */
  async getExecutionHistory(req: { executionArn?: unknown; reverseOrder?: unknown; maxResults?: unknown; nextToken?: unknown }) {
    const exec = await this.describeExecution(req.executionArn)
    const journal = (await this.o.store.listJournal(exec.executionArn))
      .sort((a, b) => a.startedAt - b.startedAt || a.sk.localeCompare(b.sk))
    const wf = this.workflows.get(exec.stateMachineArn)
    const raw: Array<{ timestamp: number; type: string; details?: Record<string, unknown> }> = []
    raw.push({ timestamp: exec.startDate, type: 'ExecutionStarted', details: { executionStartedEventDetails: { input: exec.input, inputDetails: { truncated: false }, roleArn: this.roleArn() } } })
    for (const j of journal) raw.push(...journalEvents(j, wf?.tasks.get(j.stateName), this.o.region))
    if (exec.status !== 'RUNNING') raw.push(endEvent(exec))

    const events = raw
      .map((e, i) => ({ ...e, i }))
      .sort((a, b) => a.timestamp - b.timestamp || a.i - b.i)
      .map((e, i) => ({ timestamp: new Date(e.timestamp), type: e.type, id: i + 1, previousEventId: i, ...e.details }))
    if (req.reverseOrder === true) events.reverse()
    const offset = typeof req.nextToken === 'string' ? Number.parseInt(req.nextToken, 10) || 0 : 0
    const max = typeof req.maxResults === 'number' && req.maxResults > 0 ? Math.min(req.maxResults, 1000) : 1000
    const page = events.slice(offset, offset + max)
    return { events: page, nextToken: offset + max < events.length ? String(offset + max) : undefined }
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  /** Re-runs (replays) every RUNNING execution of the registered state machines. */
  async resumeAll(): Promise<number> {
    let resumed = 0
    for (const wf of this.workflows.values()) {
      for (const s of await this.o.store.listRunning(wf.arn)) {
        if (this.runs.has(s.executionArn)) continue
        const exec = await this.o.store.getExecution(s.executionArn)
        if (exec?.status !== 'RUNNING') continue
        this.launch(exec)
        resumed++
      }
    }
    if (resumed) this.o.log(`[stepfunctions] resumed ${resumed} running execution(s) from the journal`)
    return resumed
  }

  /** Abandons every run in memory; nothing is marked failed, the next start resumes them. */
  close(): void {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const run of this.runs.values()) run.abandon()
    this.runs.clear()
  }

  private roleArn(): string { return `arn:aws:iam::${this.o.accountId}:role/local-stepfunctions` }

  private launch(exec: ExecutionRecord): void {
    if (this.closed) return
    const wf = this.workflows.get(exec.stateMachineArn)
    if (!wf) return
    this.runs.get(exec.executionArn)?.abandon()
    const run = new Run(exec, wf)
    this.runs.set(exec.executionArn, run)

    const handlers: Record<string, LocalHandler> = {}
    for (const plan of wf.tasks.values()) handlers[plan.stateName] = (input) => this.runTask(run, plan, input)
    // A failure replayed from the journal already waited its Retry interval
    // the first time round: retry it at once. The library reads this object
    // per state, when deciding to retry.
    const retryIntervalOverrides = new Proxy({}, {
      get: (_t, state) => (typeof state === 'string' && run.replayedAttempt.get(state) ? 0 : undefined),
    }) as Overrides['retryIntervalOverrides']

    const execution = wf.machine.run(JSON.parse(exec.input) as JSONValue, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
      context: {
        Execution: {
          Id: exec.executionArn, Name: exec.name, RoleArn: this.roleArn(), RedriveCount: 0,
          [PERSISTED_START_TIME]: new Date(exec.startDate).toISOString(),
        },
        StateMachine: { Id: wf.arn, Name: wf.name },
        // Resolved by the library for `$$.Task.Token`; each callback handler
        // replaces it with that occurrence's own token.
        Task: { Token: TOKEN_PLACEHOLDER },
      },
      noThrowOnAbort: true,
    })
    run.abort = execution.abort
    if (wf.timeoutSeconds !== undefined) {
      // From the persisted start date, so a restart does not extend the limit.
      run.at(exec.startDate + wf.timeoutSeconds * 1000, () => void this.timeOut(run))
    }
    execution.result.then(
      (output) => this.ended(run, { ok: true, output }),
      (err: unknown) => this.ended(run, { ok: false, err }),
    )
  }

  private async ended(run: Run, r: { ok: true; output: unknown } | { ok: false; err: unknown }): Promise<void> {
    if (run.abandoned) return
    try {
      if (r.ok) {
        await this.finish(run, { status: 'SUCCEEDED', output: JSON.stringify(r.output ?? null) })
        return
      }
      const cause = r.err instanceof ExecutionError ? r.err.cause : r.err
      if (cause instanceof EngineFault) {
        const n = (this.faults.get(run.arn) ?? 0) + 1
        this.faults.set(run.arn, n)
        this.o.log(`[stepfunctions] ${run.arn}: ${cause.message}; re-running from the journal (attempt ${n})`)
        this.rerunLater(run, Math.min(500 * 2 ** n, 30_000))
        return
      }
      const e = cause instanceof Error ? cause : new Error(String(cause))
      await this.finish(run, { status: 'FAILED', error: e.name, cause: e.message })
    } catch (err) {
      // Could not record the end (DynamoDB down?): a replay reaches the same end again.
      this.o.log(`[stepfunctions] ${run.arn}: could not record the end (${(err as Error).message}); retrying`)
      this.rerunLater(run, 2000)
    }
  }

  private async finish(run: Run, end: Parameters<ExecutionStore['finishExecution']>[1]): Promise<void> {
    await this.o.store.finishExecution(run.exec, end)
    this.faults.delete(run.arn)
    this.retire(run)
  }

  private async timeOut(run: Run): Promise<void> {
    if (run.abandoned) return
    try {
      await this.o.store.finishExecution(run.exec, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' })
      this.retire(run)
    } catch (err) {
      this.o.log(`[stepfunctions] ${run.arn}: could not record the timeout (${(err as Error).message}); retrying`)
      this.rerunLater(run, 2000)
    }
  }

  /** The run is over: release its waits (orphaned Map/Parallel branches included). */
  private retire(run: Run): void {
    run.abandon()
    if (this.runs.get(run.arn) === run) this.runs.delete(run.arn)
  }

  /** Abandons the run now and replays the execution from the journal later (if still RUNNING). */
  private rerunLater(run: Run, delayMs: number): void {
    run.abandon()
    if (this.closed) return
    const t = setTimeout(() => {
      this.timers.delete(t)
      if (this.closed || this.runs.get(run.arn) !== run) return
      this.o.store.getExecution(run.arn).then((exec) => {
        if (this.closed || this.runs.get(run.arn) !== run) return
        if (exec?.status === 'RUNNING') this.launch(exec)
        else this.runs.delete(run.arn)
      }, (err: unknown) => {
        this.o.log(`[stepfunctions] ${run.arn}: cannot reload the execution (${(err as Error).message}); retrying`)
        this.rerunLater(run, Math.min(delayMs * 2 + 1000, 30_000))
      })
    }, delayMs)
    this.timers.add(t)
  }

  // ── task handlers ─────────────────────────────────────────────────────────

  private async runTask(run: Run, plan: TaskPlan, input: JSONValue): Promise<JSONValue> {
    try {
      run.assertLive()
      const key = run.journalKey(plan.stateName, input)
      switch (plan.kind) {
        case 'lambda': return await this.lambdaTask(run, plan, key, input as TaskHandlerInput)
        case 'callback': return await this.callbackTask(run, plan, key, input as TaskHandlerInput)
        case 'wait': return await this.waitTask(run, plan, key, input as unknown as WaitHandlerInput)
      }
    } catch (e) {
      // After abandonment nothing may reach a Retry/Catch and start another state.
      if (run.abandoned) throw new AbandonedRun()
      if (isRunControlError(e)) throw e
      throw new EngineFault(e)
    }
  }

  private async lambdaTask(run: Run, plan: TaskPlan, key: string, input: TaskHandlerInput): Promise<JSONValue> {
    const done = await this.o.store.getJournal(run.arn, key)
    run.assertLive()
    if (done) return replay(run, plan, done)
    run.replayedAttempt.set(plan.stateName, false)

    const { moduleId, payload } = lambdaCall(plan, input.params)
    const timeoutSeconds = positiveInt(plan, 'TimeoutSeconds', input.timeoutSeconds ?? plan.timeoutSeconds)
    const startedAt = Date.now()
    const timer = timeoutSeconds === undefined ? undefined : run.delay(timeoutSeconds * 1000)
    let outcome: TaskOutcome
    try {
      const invocation = Promise.resolve().then(() => this.o.invokeFunction(moduleId, payload))
      invocation.catch(() => {}) // after a timeout, a late failure concerns nobody
      const result = await (timer
        ? Promise.race([invocation.then((v) => ({ v })), timer.promise.then((): typeof TIMED_OUT => TIMED_OUT)])
        : invocation.then((v) => ({ v })))
      outcome = result === TIMED_OUT
        ? { status: 'FAILED', error: 'States.Timeout', cause: `Task did not finish within ${timeoutSeconds} s` }
        : { status: 'SUCCEEDED', output: JSON.stringify(plan.directFunction ? toJson(result.v) : lambdaResult(result.v)) }
    } catch (e) {
      if (e instanceof AbandonedRun) throw e
      outcome = lambdaFailure(e)
    } finally {
      timer?.cancel()
    }
    // An abandoned run does not write: a newer run of this execution (after a
    // restart) may be replaying concurrently; it re-invokes (at least once).
    run.assertLive()
    const entry = await this.o.store.recordCompleted(run.arn, {
      sk: key, stateName: plan.stateName, kind: plan.kind, resource: plan.resource,
      startedAt, completedAt: Date.now(), parameters: JSON.stringify((plan.directFunction ? payload : input.params) ?? null), ...outcome,
    })
    return settle(entry)
  }

  private async callbackTask(run: Run, plan: TaskPlan, key: string, input: TaskHandlerInput): Promise<JSONValue> {
    let entry = await this.o.store.getJournal(run.arn, key)
    run.assertLive()
    if (entry && entry.status !== 'PENDING') return replay(run, plan, entry)
    run.replayedAttempt.set(plan.stateName, false)

    if (!entry) {
      // First time: a fresh token, persisted with its deadlines BEFORE the
      // function sees it, so an answer can never arrive for an unknown token.
      const now = Date.now()
      const timeoutSeconds = positiveInt(plan, 'TimeoutSeconds', input.timeoutSeconds ?? plan.timeoutSeconds)
      const heartbeatSeconds = positiveInt(plan, 'HeartbeatSeconds', input.heartbeatSeconds ?? plan.heartbeatSeconds)
      const token = randomBytes(48).toString('base64url')
      const params = withToken(input.params, token)
      lambdaCall(plan, params) // fail fast on a malformed Parameters, before persisting anything
      entry = await this.o.store.createPending(run.arn, {
        sk: key, stateName: plan.stateName, kind: plan.kind, resource: plan.resource, status: 'PENDING',
        startedAt: now, parameters: JSON.stringify(params ?? null), token, invoked: false,
        deadline: timeoutSeconds === undefined ? undefined : now + timeoutSeconds * 1000,
        heartbeatSeconds,
        heartbeatDeadline: heartbeatSeconds === undefined ? undefined : now + heartbeatSeconds * 1000,
      })
      run.assertLive()
    }

    if (entry.status === 'PENDING' && !entry.invoked) {
      const { moduleId, payload } = lambdaCall(plan, withToken(input.params, entry.token!))
      let failure: TaskOutcome | undefined
      try {
        await this.o.invokeFunction(moduleId, payload)
      } catch (e) {
        failure = lambdaFailure(e)
      }
      run.assertLive()
      // If the invocation failed the task fails with the Lambda error, unless
      // the function answered its token before failing (the write is conditional).
      if (failure) await this.o.store.settlePending(run.arn, key, failure)
      else await this.o.store.markInvoked(run.arn, key)
    }
    return settle(await this.awaitOutcome(run, plan, key))
  }

  private async waitTask(run: Run, plan: TaskPlan, key: string, input: WaitHandlerInput): Promise<JSONValue> {
    const entry = await this.o.store.getJournal(run.arn, key)
    run.assertLive()
    if (entry && entry.status !== 'PENDING') return replay(run, plan, entry)
    if (!entry) {
      const now = Date.now()
      await this.o.store.createPending(run.arn, {
        sk: key, stateName: plan.stateName, kind: plan.kind, resource: plan.resource, status: 'PENDING',
        startedAt: now, deadline: waitUntil(plan, input, now), output: JSON.stringify(input.input ?? null),
      })
      run.assertLive()
    }
    return settle(await this.awaitOutcome(run, plan, key))
  }

  /**
   * Waits until the journal entry leaves PENDING: woken by SendTask*, or by a
   * timer on the persisted deadline (callback → States.Timeout, Wait → done).
   * The DynamoDB conditional write decides races, the loop just re-reads.
   */
  private async awaitOutcome(run: Run, plan: TaskPlan, key: string): Promise<JournalEntry> {
    const rerunAt = Date.now() + this.o.rerunPendingAfterMs
    for (;;) {
      const seen = run.wakeCount(key) // taken before reading: a wake in between is not lost
      const entry = await this.o.store.getJournal(run.arn, key)
      run.assertLive()
      if (!entry) throw new Error(`journal entry ${key} of ${run.arn} disappeared`)
      if (entry.status !== 'PENDING') return entry

      const now = Date.now()
      const due = earliest(entry.deadline, entry.heartbeatDeadline)
      if (due !== undefined && now >= due) {
        if (plan.kind === 'wait') {
          await this.o.store.settlePending(run.arn, key, { status: 'SUCCEEDED', output: entry.output ?? 'null' })
        } else {
          const heartbeat = entry.heartbeatDeadline !== undefined && entry.heartbeatDeadline <= now
          await this.o.store.expirePending(run.arn, key, now,
            heartbeat ? 'No heartbeat within HeartbeatSeconds' : 'The task did not complete within its TimeoutSeconds')
        }
        continue
      }
      if (now >= rerunAt) {
        this.rerunLater(run, 0)
        throw new AbandonedRun()
      }
      await run.waitForChange(key, seen, Math.min(due ?? Infinity, rerunAt) - now)
    }
  }
}

// ── one run of an execution ─────────────────────────────────────────────────

interface Sleeper { key?: string; settle(r: 'wake' | 'timer'): void; fail(e: Error): void }

/**
 * One in-memory run of an execution. Abandoning it releases every wait with
 * `AbandonedRun`, so nothing of it survives to act after a close, a stop or a
 * re-run.
 */
class Run {
  abandoned = false
  abort: () => void = () => {}
  /** Per state: did its last attempt come from the journal? (Retry interval override) */
  readonly replayedAttempt = new Map<string, boolean>()
  private readonly occurrences = new Map<string, number>()
  private readonly wakes = new Map<string, number>()
  private readonly sleepers = new Set<Sleeper>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(readonly exec: ExecutionRecord, readonly wf: LoadedWorkflow) {}

  get arn(): string { return this.exec.executionArn }

  /** Journal key of the next occurrence of this state with this effective input. */
  journalKey(stateName: string, input: unknown): string {
    const hash = createHash('sha256').update(JSON.stringify(input) ?? 'null').digest('hex').slice(0, 16)
    const k = `${stateName}#${hash}`
    const n = this.occurrences.get(k) ?? 0
    this.occurrences.set(k, n + 1)
    return `J#${k}#${String(n).padStart(6, '0')}`
  }

  assertLive(): void { if (this.abandoned) throw new AbandonedRun() }

  wakeCount(key: string): number { return this.wakes.get(key) ?? 0 }

  wake(key: string): void {
    this.wakes.set(key, this.wakeCount(key) + 1)
    for (const s of this.sleepers) if (s.key === key) s.settle('wake')
  }

  /** Resolves on a wake of `key` after `seen`, or when `ms` elapse; rejects if abandoned. */
  waitForChange(key: string, seen: number, ms: number): Promise<'wake' | 'timer'> {
    if (this.abandoned) return Promise.reject(new AbandonedRun())
    if (this.wakeCount(key) !== seen) return Promise.resolve('wake')
    return this.sleep(key, ms).promise
  }

  /** A cancellable delay that rejects if the run is abandoned. */
  delay(ms: number): { promise: Promise<void>; cancel(): void } {
    const s = this.sleep(undefined, ms)
    return { promise: s.promise.then(() => undefined), cancel: s.cancel }
  }

  /** Calls `fn` at an absolute time (chunked: setTimeout cannot wait beyond 24.8 days). */
  at(when: number, fn: () => void): void {
    const step = () => {
      const left = when - Date.now()
      if (this.abandoned) return
      if (left <= 0) { fn(); return }
      const t = setTimeout(() => { this.timers.delete(t); step() }, Math.min(left, 2 ** 31 - 1))
      this.timers.add(t)
    }
    step()
  }

  abandon(): void {
    if (this.abandoned) return
    this.abandoned = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const s of [...this.sleepers]) s.fail(new AbandonedRun())
    this.abort()
  }

  private sleep(key: string | undefined, ms: number): { promise: Promise<'wake' | 'timer'>; cancel(): void } {
    let sleeper!: Sleeper
    let timer: NodeJS.Timeout | undefined
    const promise = new Promise<'wake' | 'timer'>((resolve, reject) => {
      const done = () => { if (timer) clearTimeout(timer); this.sleepers.delete(sleeper) }
      sleeper = { key, settle: (r) => { done(); resolve(r) }, fail: (e) => { done(); reject(e) } }
      this.sleepers.add(sleeper)
      timer = setTimeout(() => sleeper.settle('timer'), Math.max(0, Math.min(ms, 2 ** 31 - 1)))
    })
    promise.catch(() => {}) // a cancelled or abandoned delay may have no listener left
    return { promise, cancel: () => { if (timer) clearTimeout(timer); this.sleepers.delete(sleeper) } }
  }
}

// ── helpers ─────────────────────────────────────────────────────────────────

const TIMED_OUT: unique symbol = Symbol('timed out')

function replay(run: Run, plan: TaskPlan, entry: JournalEntry): JSONValue {
  run.replayedAttempt.set(plan.stateName, true)
  return settle(entry)
}

/** The task result of a finished journal entry, or the error it raised. */
function settle(entry: JournalEntry): JSONValue {
  if (entry.status === 'SUCCEEDED') return JSON.parse(entry.output ?? 'null') as JSONValue
  throw taskError(entry.error ?? '', entry.cause ?? '')
}

function lambdaCall(plan: TaskPlan, params: unknown): { moduleId: string; payload: unknown } {
  if (plan.directFunction) return { moduleId: plan.directFunction, payload: params }
  const p = params as { FunctionName?: unknown; Payload?: unknown } | null
  if (!p || typeof p.FunctionName !== 'string') throw new StatesRuntimeError(`${plan.stateName}: Parameters.FunctionName is required`)
  return { moduleId: functionNameOf(p.FunctionName), payload: p.Payload === undefined ? {} : p.Payload }
}

/** The shape `arn:aws:states:::lambda:invoke` returns on AWS. */
function lambdaResult(v: unknown): unknown {
  return { ExecutedVersion: '$LATEST', Payload: toJson(v), StatusCode: 200 }
}

/** A thrown function error as AWS reports a Lambda error: name = errorType, Cause = JSON. */
function lambdaFailure(e: unknown): TaskOutcome {
  const err = e instanceof Error ? e : new Error(String(e))
  const errorType = err.name || 'Error'
  return {
    status: 'FAILED', error: errorType,
    cause: JSON.stringify({ errorType, errorMessage: err.message, trace: (err.stack ?? '').split('\n') }),
  }
}

function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v) ?? 'null')
}

function withToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(TOKEN_PLACEHOLDER).join(token)
  if (Array.isArray(value)) return value.map((v) => withToken(v, token))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]))
  }
  return value
}

function positiveInt(plan: TaskPlan, field: string, v: unknown): number | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new StatesRuntimeError(`${plan.stateName}: ${field} must be a positive integer, got ${JSON.stringify(v)}`)
  }
  return v
}

function waitUntil(plan: TaskPlan, input: WaitHandlerInput, now: number): number {
  if (input.seconds !== undefined) {
    if (typeof input.seconds !== 'number' || !Number.isInteger(input.seconds) || input.seconds < 0) {
      throw new StatesRuntimeError(`${plan.stateName}: Seconds must be a non-negative integer, got ${JSON.stringify(input.seconds)}`)
    }
    return now + input.seconds * 1000
  }
  if (input.timestamp !== undefined) {
    const t = typeof input.timestamp === 'string' ? Date.parse(input.timestamp) : Number.NaN
    if (Number.isNaN(t)) throw new StatesRuntimeError(`${plan.stateName}: Timestamp must be an RFC 3339 timestamp, got ${JSON.stringify(input.timestamp)}`)
    return t
  }
  return now
}

function earliest(...xs: Array<number | undefined>): number | undefined {
  const defined = xs.filter((x): x is number => x !== undefined)
  return defined.length ? Math.min(...defined) : undefined
}

function isJson(text: string): boolean {
  try { JSON.parse(text); return true } catch { return false }
}

function taskTimedOut(): SfnApiError {
  return new SfnApiError('TaskTimedOut', 'Task Timed Out: the task is no longer waiting for an answer')
}

function journalEvents(j: JournalEntry, plan: TaskPlan | undefined, region: string) {
  const events: Array<{ timestamp: number; type: string; details?: Record<string, unknown> }> = []
  const end = j.completedAt ?? j.startedAt
  if (j.kind === 'wait') {
    events.push({ timestamp: j.startedAt, type: 'WaitStateEntered', details: { stateEnteredEventDetails: { name: j.stateName, input: j.output } } })
    if (j.status === 'SUCCEEDED') events.push({ timestamp: end, type: 'WaitStateExited', details: { stateExitedEventDetails: { name: j.stateName, output: j.output } } })
    return events
  }
  events.push({ timestamp: j.startedAt, type: 'TaskStateEntered', details: { stateEnteredEventDetails: { name: j.stateName } } })
  if (plan?.directFunction) {
    events.push({ timestamp: j.startedAt, type: 'LambdaFunctionScheduled', details: { lambdaFunctionScheduledEventDetails: { resource: j.resource, input: j.parameters } } })
    if (j.status === 'SUCCEEDED') events.push({ timestamp: end, type: 'LambdaFunctionSucceeded', details: { lambdaFunctionSucceededEventDetails: { output: j.output } } })
    else if (j.status === 'FAILED') {
      const type = j.error === 'States.Timeout' ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed'
      const key = j.error === 'States.Timeout' ? 'lambdaFunctionTimedOutEventDetails' : 'lambdaFunctionFailedEventDetails'
      events.push({ timestamp: end, type, details: { [key]: { error: j.error, cause: j.cause } } })
    }
    return events
  }
  const resource = j.resource.replace('arn:aws:states:::lambda:', '')
  const base = { resourceType: 'lambda', resource }
  events.push({ timestamp: j.startedAt, type: 'TaskScheduled', details: { taskScheduledEventDetails: { ...base, region, parameters: j.parameters ?? 'null' } } })
  if (j.status === 'SUCCEEDED') events.push({ timestamp: end, type: 'TaskSucceeded', details: { taskSucceededEventDetails: { ...base, output: j.output } } })
  else if (j.status === 'FAILED') {
    const timedOut = j.error === 'States.Timeout'
    events.push({
      timestamp: end, type: timedOut ? 'TaskTimedOut' : 'TaskFailed',
      details: { [timedOut ? 'taskTimedOutEventDetails' : 'taskFailedEventDetails']: { ...base, error: j.error, cause: j.cause } },
    })
  }
  return events
}

function endEvent(exec: ExecutionRecord) {
  const timestamp = exec.stopDate ?? exec.startDate
  switch (exec.status) {
    case 'SUCCEEDED': return { timestamp, type: 'ExecutionSucceeded', details: { executionSucceededEventDetails: { output: exec.output } } }
    case 'FAILED': return { timestamp, type: 'ExecutionFailed', details: { executionFailedEventDetails: { error: exec.error, cause: exec.cause } } }
    case 'TIMED_OUT': return { timestamp, type: 'ExecutionTimedOut', details: { executionTimedOutEventDetails: { error: exec.error, cause: exec.cause } } }
    default: return { timestamp, type: 'ExecutionAborted', details: { executionAbortedEventDetails: { error: exec.error, cause: exec.cause } } }
  }
}
