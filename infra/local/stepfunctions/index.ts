/**
 * The embedded Step Functions endpoint: runs the same ASL files CDK deploys
 * (infra/definitions/workflows.ts) with `aws-local-stepfunctions`, behind the
 * AWS JSON protocol, with executions, task tokens and task results persisted
 * in DynamoDB so a pending human step survives a restart.
 *
 *   server.ts      wire protocol (SFNClient talks to it unchanged)
 *   engine.ts      runs, task handlers, deterministic replay
 *   store.ts       DynamoDB persistence
 *   definition.ts  ASL loading, substitutions, rewrite for the library
 *   errors.ts      API errors and errors thrown into the library
 */
import './polyfill.js'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { loadWorkflow, stateMachineArnFor, type WorkflowSource } from './definition.js'
import { Engine } from './engine.js'
import { loadLibraryErrorClasses } from './errors.js'
import { serveStepFunctions } from './server.js'
import { ExecutionStore } from './store.js'

export interface StepFunctionsLocalOptions {
  port: number
  /** Defaults to 127.0.0.1. */
  host?: string
  dynamo: DynamoDBClient
  /** A pk/sk table (`simpleTableInput`), created by the caller. */
  tableName: string
  region?: string
  accountId?: string
  workflows: WorkflowSource[]
  /** Invokes a platform function by module id (the local Lambda host). */
  invokeFunction: (moduleId: string, payload: unknown) => Promise<unknown>
  log?: (msg: string) => void
  /**
   * How long a task may wait in one run before the execution is re-run from
   * its journal (default 20 days; see LIBRARY_TASK_TIMEOUT_SECONDS). Only
   * tests need to change it.
   */
  rerunPendingAfterMs?: number
}

export interface StepFunctionsLocal {
  /** Endpoint for `new SFNClient({ endpoint: url })`. */
  url: string
  stateMachineArn(id: string): string
  /** Stops serving and abandons in-flight runs (not failed: the next start resumes them). */
  close(): Promise<void>
}

export async function startStepFunctionsLocal(opts: StepFunctionsLocalOptions): Promise<StepFunctionsLocal> {
  const region = opts.region ?? 'ap-southeast-1'
  const accountId = opts.accountId ?? '000000000000'
  const log = opts.log ?? (() => {})
  await loadLibraryErrorClasses()

  const engine = new Engine({
    store: new ExecutionStore(opts.dynamo, opts.tableName),
    region, accountId, invokeFunction: opts.invokeFunction, log,
    rerunPendingAfterMs: opts.rerunPendingAfterMs ?? 20 * 24 * 3600 * 1000,
  })
  for (const wf of opts.workflows) engine.register(loadWorkflow(wf, { region, accountId, log }))

  const server = await serveStepFunctions(engine, { port: opts.port, host: opts.host ?? '127.0.0.1', log })
  try {
    await engine.resumeAll()
  } catch (e) {
    engine.close()
    await server.close()
    throw e
  }
  return {
    url: server.url,
    stateMachineArn: (id) => stateMachineArnFor(region, accountId, id),
    close: async () => {
      engine.close()
      await server.close()
    },
  }
}
