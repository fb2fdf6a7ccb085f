/**
 * Loads an ASL file exactly as CDK deploys it (same `${Name}` substitutions,
 * local Lambda ARNs instead of real ones) and derives the definition that
 * `aws-local-stepfunctions` actually runs.
 *
 * Why a derived definition: the library runs Task states through local
 * handlers, but (a) evaluates `TimeoutSecondsPath` against the Parameters
 * output instead of the state input, (b) applies a 60 s default timeout to
 * every Task and restarts its timers on every run, and (c) sleeps Wait states
 * with a plain timer that a restart would re-arm from zero. Timeouts, waits and
 * callbacks must instead follow deadlines persisted in DynamoDB, so:
 *
 * - every Task gets `Parameters: { params: <original Parameters or "$">,
 *   "timeoutSeconds.$": <TimeoutSecondsPath>, ... }`: the library evaluates
 *   the paths against the state input (as AWS does) and our handler receives
 *   everything it needs; the library's own timeout is pushed out of the way;
 * - every Wait becomes a Task on a local resource whose handler sleeps until a
 *   persisted instant. Input/output processing stays identical: InputPath,
 *   then the handler returns its input unchanged, then OutputPath;
 * - `$$.Execution.StartTime` is redirected to a persisted start time, because
 *   the library overwrites `StartTime` with "now" on every (re)run, which would
 *   change task inputs and break replay.
 */
import './polyfill.js'
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions'

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke'
export const LAMBDA_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken'
const LOCAL_WAIT = 'arn:aws:states:::local:wait'

/** Put into `$$.Task.Token` through the run context; the handler swaps in the real token. */
export const TOKEN_PLACEHOLDER = '__LOCAL_SFN_TASK_TOKEN__'
/** Context field that replaces `$$.Execution.StartTime` (see the module comment). */
export const PERSISTED_START_TIME = 'PersistedStartTime'

/**
 * The library arms a `setTimeout` per Task; Node clamps delays above 2^31-1 ms
 * (24.8 days) to 1 ms, so its timer must stay below that. Our own deadlines
 * take over; a wait longer than this re-runs the execution from its journal
 * before the library timer could fire (see `Engine.rerunPendingAfterMs`).
 */
export const LIBRARY_TASK_TIMEOUT_SECONDS = 2_000_000

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const validated = new Set<string>()

export type TaskKind = 'lambda' | 'callback' | 'wait'

export interface TaskPlan {
  readonly stateName: string
  readonly kind: TaskKind
  /** The Resource as written in the ASL (for history events). */
  readonly resource: string
  /** Legacy `arn:aws:lambda:…:function:x` Resource: input goes straight in, raw result comes out. */
  readonly directFunction?: string
  readonly timeoutSeconds?: number
  readonly heartbeatSeconds?: number
}

/** What the handler of a rewritten Task state receives. */
export interface TaskHandlerInput {
  params?: unknown
  timeoutSeconds?: unknown
  heartbeatSeconds?: unknown
}
/** What the handler of a rewritten Wait state receives. */
export interface WaitHandlerInput {
  input: unknown
  seconds?: unknown
  timestamp?: unknown
}

export interface LoadedWorkflow {
  readonly id: string
  readonly name: string
  readonly arn: string
  /** The substituted ASL, as it would be deployed (DescribeStateMachine). */
  readonly definition: string
  readonly machine: StateMachine
  readonly tasks: ReadonlyMap<string, TaskPlan>
  /** Top-level TimeoutSeconds, enforced by the engine from the persisted start date. */
  readonly timeoutSeconds?: number
  readonly createdAt: number
}

export interface WorkflowSource {
  id: string
  file: string
  functionSubstitutions: Record<string, string>
}

export function localFunctionArn(region: string, accountId: string, moduleId: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${moduleId}`
}

export function stateMachineArnFor(region: string, accountId: string, id: string): string {
  return `arn:aws:states:${region}:${accountId}:stateMachine:${id}`
}

/** Function name (= module id locally) from a name, a partial ARN or a full ARN, qualifier dropped. */
export function functionNameOf(nameOrArn: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(nameOrArn)
  if (m) return m[1]
  return nameOrArn.split(':')[0]
}

export function loadWorkflow(src: WorkflowSource, env: { region: string; accountId: string; log: (m: string) => void }): LoadedWorkflow {
  const file = isAbsolute(src.file) ? src.file : resolve(REPO_ROOT, src.file)
  let text = readFileSync(file, 'utf8')
  // Same textual substitution as CDK's `definitionSubstitutions`.
  for (const [placeholder, moduleId] of Object.entries(src.functionSubstitutions)) {
    text = text.split('${' + placeholder + '}').join(localFunctionArn(env.region, env.accountId, moduleId))
  }
  const leftover = text.match(/\$\{[A-Za-z0-9_]+\}/g)
  if (leftover) env.log(`[stepfunctions] ${src.id}: no local substitution for ${[...new Set(leftover)].join(', ')}`)

  const original = JSON.parse(text) as StateMachineDefinition & { QueryLanguage?: string }
  if (original.QueryLanguage === 'JSONata') throw new Error(`${src.id}: JSONata is not supported by the local runtime; write JSONPath`)
  // Validate what the author wrote, with the library's ASL validator, so a
  // mistake fails here and not only at `cdk deploy`. (Slow-ish: ~0.2 s per
  // machine, so remembered per text for in-process restarts.)
  if (!validated.has(text)) {
    new StateMachine(original)
    validated.add(text)
  }

  const tasks = new Map<string, TaskPlan>()
  const runnable = JSON.parse(
    JSON.stringify(original).split('$$.Execution.StartTime').join(`$$.Execution.${PERSISTED_START_TIME}`),
  ) as StateMachineDefinition
  runnable.States = rewriteStates(src.id, runnable.States as Record<string, State>, tasks) as StateMachineDefinition['States']
  const timeoutSeconds = runnable.TimeoutSeconds
  delete runnable.TimeoutSeconds

  return {
    id: src.id,
    name: src.id,
    arn: stateMachineArnFor(env.region, env.accountId, src.id),
    definition: text,
    // Already validated above; the rewritten form uses a local resource and
    // wrapper fields the validator does not know.
    machine: new StateMachine(runnable, { validationOptions: { noValidate: true } }),
    tasks,
    timeoutSeconds,
    createdAt: Date.now(),
  }
}

type State = Record<string, unknown> & { Type: string }
type Branch = { States: Record<string, State> } & Record<string, unknown>

function rewriteStates(workflowId: string, states: Record<string, State>, tasks: Map<string, TaskPlan>): Record<string, State> {
  const out: Record<string, State> = {}
  for (const [name, state] of Object.entries(states)) {
    if (state.QueryLanguage === 'JSONata') throw new Error(`${workflowId}.${name}: JSONata is not supported locally`)
    // The library keys local handlers by state name across nested branches;
    // ASL requires names to be unique in the whole machine anyway.
    if (tasks.has(name) && (state.Type === 'Task' || state.Type === 'Wait')) throw new Error(`${workflowId}: duplicate state name ${name}`)
    switch (state.Type) {
      case 'Task': out[name] = rewriteTask(workflowId, name, state, tasks); break
      case 'Wait': out[name] = rewriteWait(name, state, tasks); break
      case 'Parallel':
        out[name] = { ...state, Branches: (state.Branches as Branch[]).map((b) => ({ ...b, States: rewriteStates(workflowId, b.States, tasks) })) }
        break
      case 'Map': {
        const copy: State = { ...state }
        for (const key of ['ItemProcessor', 'Iterator'] as const) {
          const inner = state[key] as Branch | undefined
          if (inner) copy[key] = { ...inner, States: rewriteStates(workflowId, inner.States, tasks) }
        }
        out[name] = copy
        break
      }
      default: out[name] = state
    }
  }
  return out
}

function rewriteTask(workflowId: string, name: string, state: State, tasks: Map<string, TaskPlan>): State {
  const resource = String(state.Resource)
  const direct = /^arn:aws[a-z-]*:lambda:[^:]+:[^:]+:function:[^:]+(:[^:]+)?$/.test(resource) ? functionNameOf(resource) : undefined
  let kind: TaskKind
  if (resource === LAMBDA_INVOKE || direct) kind = 'lambda'
  else if (resource === LAMBDA_CALLBACK) kind = 'callback'
  else throw new Error(`${workflowId}.${name}: Task resource ${resource} is not supported by the local runtime ` +
    `(supported: ${LAMBDA_INVOKE}, ${LAMBDA_CALLBACK}, Lambda function ARNs)`)

  const { TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, HeartbeatSecondsPath, Parameters, ...rest } = state
  tasks.set(name, {
    stateName: name, kind, resource, directFunction: direct,
    timeoutSeconds: typeof TimeoutSeconds === 'number' ? TimeoutSeconds : undefined,
    heartbeatSeconds: typeof HeartbeatSeconds === 'number' ? HeartbeatSeconds : undefined,
  })
  const wrapper: Record<string, unknown> = Parameters === undefined ? { 'params.$': '$' } : { params: Parameters }
  if (typeof TimeoutSecondsPath === 'string') wrapper['timeoutSeconds.$'] = TimeoutSecondsPath
  if (typeof HeartbeatSecondsPath === 'string') wrapper['heartbeatSeconds.$'] = HeartbeatSecondsPath
  return { ...rest, Parameters: wrapper, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS }
}

function rewriteWait(name: string, state: State, tasks: Map<string, TaskPlan>): State {
  const { Seconds, SecondsPath, Timestamp, TimestampPath, Type: _type, ...rest } = state
  tasks.set(name, { stateName: name, kind: 'wait', resource: LOCAL_WAIT })
  const params: Record<string, unknown> = { 'input.$': '$' }
  if (Seconds !== undefined) params.seconds = Seconds
  if (SecondsPath !== undefined) params['seconds.$'] = SecondsPath
  if (Timestamp !== undefined) params.timestamp = Timestamp
  if (TimestampPath !== undefined) params['timestamp.$'] = TimestampPath
  // No ResultPath: the handler's result (the input, unchanged) becomes the
  // output, then OutputPath applies, exactly like a Wait state.
  return { ...rest, Type: 'Task', Resource: LOCAL_WAIT, Parameters: params, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS }
}
