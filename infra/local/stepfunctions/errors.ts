/**
 * Two families of errors live here:
 *
 * - `SfnApiError`: what the HTTP endpoint answers, in the AWS JSON shape
 *   (`__type` + `message`, status 400), so `@aws-sdk/client-sfn` raises the
 *   same exception classes it raises against AWS.
 * - errors thrown from our Task handlers into `aws-local-stepfunctions`. The
 *   library matches `Retry`/`Catch` by `error.name` and reads the duck-typed
 *   `isRetryable` / `isCatchable` getters (default: both true); the Catch
 *   output is `{ Error: error.name, Cause: error.message }`.
 */
import './polyfill.js'
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions'

export class SfnApiError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message)
    this.name = type
  }
}

/** A task failure a state machine may Retry or Catch (a Lambda error, a SendTaskFailure). */
export class TaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause)
    this.name = name
  }
}

/**
 * The run was abandoned (endpoint closed, execution stopped, or re-run from the
 * journal). Neither retryable nor catchable, so the library unwinds the run
 * without executing any further state.
 */
export class AbandonedRun extends Error {
  constructor() { super('run abandoned'); this.name = 'LocalSfn.Abandoned' }
  get isRetryable(): boolean { return false }
  get isCatchable(): boolean { return false }
}

/**
 * The engine itself failed (DynamoDB unreachable, a bug). A state machine must
 * never Catch this as if the task had failed; the engine re-runs the execution
 * from its journal a little later instead of marking it FAILED.
 */
export class EngineFault extends Error {
  constructor(readonly original: unknown) {
    super(`local Step Functions engine fault: ${original instanceof Error ? original.message : String(original)}`)
    this.name = 'LocalSfn.EngineFault'
  }
  get isRetryable(): boolean { return false }
  get isCatchable(): boolean { return false }
}

/** Bad data met while running (e.g. a non-integer `TimeoutSecondsPath`): fails the execution like AWS. */
export class StatesRuntimeError extends Error {
  constructor(message: string) { super(message); this.name = 'States.Runtime' }
  get isRetryable(): boolean { return false }
  get isCatchable(): boolean { return false }
}

/**
 * The library's own `StatesTimeoutError` class, which it does not export. It
 * matters: `States.TaskFailed` in Retry/Catch matches every task error EXCEPT
 * an instance of that class (AWS semantics), so a look-alike named
 * 'States.Timeout' would wrongly be caught by a `States.TaskFailed` catcher.
 * We obtain the class once by letting a 1 ms task time out in a throwaway
 * machine.
 */
let StatesTimeoutClass: (new () => Error) | undefined

export async function loadLibraryErrorClasses(): Promise<void> {
  if (StatesTimeoutClass) return
  const probe = new StateMachine({
    StartAt: 'Probe',
    States: { Probe: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe', TimeoutSeconds: 0.001, End: true } },
  }, { validationOptions: { noValidate: true } })
  try {
    await probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } } }).result
  } catch (e) {
    const cause = e instanceof ExecutionError ? (e.cause as Error | undefined) : undefined
    if (cause?.name === 'States.Timeout') StatesTimeoutClass = cause.constructor as new () => Error
  }
}

export function statesTimeout(cause?: string): Error {
  // Fallback (probe failed, should not happen): still caught by `States.Timeout` catchers.
  const err = StatesTimeoutClass ? new StatesTimeoutClass() : Object.assign(new Error('States.Timeout'), { name: 'States.Timeout' })
  if (cause) err.message = cause
  return err
}

/** Rebuilds the error a journaled task failure raised the first time (deterministic replay). */
export function taskError(name: string, cause: string): Error {
  return name === 'States.Timeout' ? statesTimeout(cause) : new TaskFailure(name, cause)
}

/** Errors that a Task handler may let through to the library unchanged. */
export function isRunControlError(e: unknown): boolean {
  return e instanceof TaskFailure || e instanceof AbandonedRun || e instanceof EngineFault ||
    e instanceof StatesRuntimeError || (StatesTimeoutClass !== undefined && e instanceof StatesTimeoutClass)
}
