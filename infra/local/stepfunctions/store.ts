/**
 * Persistence of executions, task journals and task tokens in one pk/sk table
 * (LOCAL_TABLES.stepFunctions). DynamoDB is the source of truth for anything a
 * restart must not lose; the engine's memory only holds the runs in progress.
 *
 *   pk = EXEC#<executionArn>  sk = META              the execution
 *   pk = EXEC#<executionArn>  sk = J#<state>#<h>#<n>  one task occurrence (journal)
 *   pk = SM#<stateMachineArn> sk = E#<start>#<name>   listing row (ListExecutions, resume)
 *   pk = TOKEN#<token>        sk = TOKEN             token → journal entry
 *
 * Every state change of a pending task is a conditional write on
 * `status = PENDING`, so a SendTaskSuccess racing a timeout (or two processes
 * racing each other) resolves to exactly one outcome.
 */
import {
  ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import {
  DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb'
import type { TaskKind } from './definition.js'
import { SfnApiError } from './errors.js'

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'

export interface ExecutionRecord {
  executionArn: string
  stateMachineArn: string
  name: string
  /** JSON text, as given to StartExecution. */
  input: string
  status: ExecutionStatus
  /** Epoch milliseconds. */
  startDate: number
  stopDate?: number
  output?: string
  error?: string
  cause?: string
}

export type JournalStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED'

export interface JournalEntry {
  /** Sort key: `J#<state name>#<input hash>#<occurrence>`. */
  sk: string
  stateName: string
  kind: TaskKind
  resource: string
  status: JournalStatus
  startedAt: number
  completedAt?: number
  /** JSON text of what the task was called with (history). */
  parameters?: string
  /** JSON text of the task result (or, for a pending Wait, of its pass-through output). */
  output?: string
  error?: string
  cause?: string
  /** Callback tasks only. */
  token?: string
  invoked?: boolean
  /** Epoch ms after which a pending task times out (Wait: when it ends). */
  deadline?: number
  heartbeatSeconds?: number
  heartbeatDeadline?: number
}

export type TaskOutcome =
  | { status: 'SUCCEEDED'; output: string }
  | { status: 'FAILED'; error: string; cause: string }

const META = 'META'
const execPk = (arn: string) => `EXEC#${arn}`
const listPk = (smArn: string) => `SM#${smArn}`
const listSk = (e: Pick<ExecutionRecord, 'startDate' | 'name'>) => `E#${String(e.startDate).padStart(15, '0')}#${e.name}`
const tokenPk = (token: string) => `TOKEN#${token}`

export class ExecutionStore {
  private readonly doc: DynamoDBDocumentClient

  constructor(client: DynamoDBClient, private readonly table: string) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })
  }

  // ── executions ────────────────────────────────────────────────────────────

  /** Creates the execution; if one with that ARN already exists, returns it instead. */
  async createExecution(e: ExecutionRecord): Promise<ExecutionRecord | undefined> {
    try {
      await this.doc.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: { pk: execPk(e.executionArn), sk: META, ...e }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.table, Item: { pk: listPk(e.stateMachineArn), sk: listSk(e), ...summary(e) } } },
        ],
      }))
      return undefined
    } catch (err) {
      if (!isConditionFailure(err)) throw err
      return this.getExecution(e.executionArn)
    }
  }

  async getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk: execPk(arn), sk: META }, ConsistentRead: true }))
    return r.Item ? strip<ExecutionRecord>(r.Item) : undefined
  }

  /** Closes a RUNNING execution; false if it was already closed (someone else won). */
  async finishExecution(e: ExecutionRecord, end: { status: Exclude<ExecutionStatus, 'RUNNING'>; output?: string; error?: string; cause?: string }): Promise<boolean> {
    const stopDate = Date.now()
    const sets = ['#status = :status', 'stopDate = :stop']
    const values: Record<string, unknown> = { ':status': end.status, ':stop': stopDate, ':running': 'RUNNING' }
    for (const f of ['output', 'error', 'cause'] as const) {
      if (end[f] !== undefined) { sets.push(`#${f} = :${f}`); values[`:${f}`] = end[f] }
    }
    const names: Record<string, string> = { '#status': 'status' }
    for (const f of ['output', 'error', 'cause'] as const) if (end[f] !== undefined) names[`#${f}`] = f
    try {
      await this.doc.send(new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table, Key: { pk: execPk(e.executionArn), sk: META },
              UpdateExpression: `SET ${sets.join(', ')}`, ConditionExpression: '#status = :running',
              ExpressionAttributeNames: names, ExpressionAttributeValues: values,
            },
          },
          {
            Update: {
              TableName: this.table, Key: { pk: listPk(e.stateMachineArn), sk: listSk(e) },
              UpdateExpression: 'SET #status = :status, stopDate = :stop',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': end.status, ':stop': stopDate },
            },
          },
        ],
      }))
      return true
    } catch (err) {
      if (isConditionFailure(err)) return false
      throw err
    }
  }

  /** Newest first, like AWS. `nextToken` is the opaque DynamoDB position. */
  async listExecutions(smArn: string, opts: { status?: ExecutionStatus; limit: number; nextToken?: string }): Promise<{ items: ExecutionSummary[]; nextToken?: string }> {
    const input: QueryCommandInput = {
      TableName: this.table, KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': listPk(smArn) }, ScanIndexForward: false, Limit: opts.limit,
    }
    if (opts.status) {
      input.FilterExpression = '#status = :status'
      input.ExpressionAttributeNames = { '#status': 'status' }
      input.ExpressionAttributeValues![':status'] = opts.status
    }
    if (opts.nextToken) input.ExclusiveStartKey = decodeToken(opts.nextToken)
    const r = await this.doc.send(new QueryCommand(input))
    return {
      items: (r.Items ?? []).map((i) => strip<ExecutionSummary>(i)),
      nextToken: r.LastEvaluatedKey ? Buffer.from(JSON.stringify(r.LastEvaluatedKey)).toString('base64url') : undefined,
    }
  }

  /** Every RUNNING execution of a state machine (resume after a restart). */
  async listRunning(smArn: string): Promise<ExecutionSummary[]> {
    const out: ExecutionSummary[] = []
    let nextToken: string | undefined
    do {
      const page = await this.listExecutions(smArn, { status: 'RUNNING', limit: 500, nextToken })
      out.push(...page.items)
      nextToken = page.nextToken
    } while (nextToken)
    return out
  }

  // ── journal ───────────────────────────────────────────────────────────────

  async getJournal(arn: string, sk: string): Promise<JournalEntry | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk: execPk(arn), sk }, ConsistentRead: true }))
    return r.Item ? strip<JournalEntry>(r.Item) : undefined
  }

  async listJournal(arn: string): Promise<JournalEntry[]> {
    const out: JournalEntry[] = []
    let start: Record<string, unknown> | undefined
    do {
      const r = await this.doc.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :j)',
        ExpressionAttributeValues: { ':pk': execPk(arn), ':j': 'J#' }, ExclusiveStartKey: start, ConsistentRead: true,
      }))
      out.push(...(r.Items ?? []).map((i) => strip<JournalEntry>(i)))
      start = r.LastEvaluatedKey
    } while (start)
    return out
  }

  /**
   * Records a finished task. First writer wins: if an entry is already there
   * (another run of the same execution got there first) it is returned and
   * must be used instead, so every replay sees one single history.
   */
  async recordCompleted(arn: string, entry: JournalEntry): Promise<JournalEntry> {
    try {
      await this.doc.send(new PutCommand({
        TableName: this.table, Item: { pk: execPk(arn), ...entry }, ConditionExpression: 'attribute_not_exists(pk)',
      }))
      return entry
    } catch (err) {
      if (!isConditionFailure(err)) throw err
      return (await this.getJournal(arn, entry.sk))!
    }
  }

  /** Creates a pending task (and its token); returns the existing entry if there is one. */
  async createPending(arn: string, entry: JournalEntry): Promise<JournalEntry> {
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      { Put: { TableName: this.table, Item: { pk: execPk(arn), ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ]
    if (entry.token) {
      items.push({ Put: { TableName: this.table, Item: { pk: tokenPk(entry.token), sk: 'TOKEN', executionArn: arn, journalSk: entry.sk } } })
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }))
      return entry
    } catch (err) {
      if (!isConditionFailure(err)) throw err
      return (await this.getJournal(arn, entry.sk))!
    }
  }

  async markInvoked(arn: string, sk: string): Promise<void> {
    await this.doc.send(new UpdateCommand({
      TableName: this.table, Key: { pk: execPk(arn), sk }, UpdateExpression: 'SET invoked = :t',
      ExpressionAttributeValues: { ':t': true },
    }))
  }

  /**
   * Settles a pending task. With `beforeDeadline`, refuses once its deadline
   * (or heartbeat deadline) has passed even if the timer has not fired yet, so
   * a late SendTaskSuccess cannot beat the timeout. False when not settled.
   */
  async settlePending(arn: string, sk: string, outcome: TaskOutcome, opts: { beforeDeadline?: number } = {}): Promise<boolean> {
    const values: Record<string, unknown> = { ':pending': 'PENDING', ':status': outcome.status, ':now': Date.now() }
    const names: Record<string, string> = { '#status': 'status' }
    let update = 'SET #status = :status, completedAt = :now'
    if (outcome.status === 'SUCCEEDED') {
      update += ', #output = :output'; names['#output'] = 'output'; values[':output'] = outcome.output
    } else {
      update += ', #error = :error, #cause = :cause'; names['#error'] = 'error'; names['#cause'] = 'cause'
      values[':error'] = outcome.error; values[':cause'] = outcome.cause
    }
    let condition = '#status = :pending'
    if (opts.beforeDeadline !== undefined) {
      condition += ' AND (attribute_not_exists(deadline) OR deadline > :t)' +
        ' AND (attribute_not_exists(heartbeatDeadline) OR heartbeatDeadline > :t)'
      values[':t'] = opts.beforeDeadline
    }
    return this.conditionalUpdate(arn, sk, update, condition, names, values)
  }

  /** Fails a pending callback with States.Timeout, only if a deadline has really passed. */
  async expirePending(arn: string, sk: string, now: number, cause: string): Promise<boolean> {
    return this.conditionalUpdate(arn, sk,
      'SET #status = :failed, completedAt = :now, #error = :error, #cause = :cause',
      '#status = :pending AND ((attribute_exists(deadline) AND deadline <= :now) OR ' +
      '(attribute_exists(heartbeatDeadline) AND heartbeatDeadline <= :now))',
      { '#status': 'status', '#error': 'error', '#cause': 'cause' },
      { ':failed': 'FAILED', ':pending': 'PENDING', ':now': now, ':error': 'States.Timeout', ':cause': cause })
  }

  /** Pushes the heartbeat deadline of a live pending task; false if it is no longer live. */
  async heartbeat(arn: string, entry: JournalEntry, now: number): Promise<boolean> {
    const values: Record<string, unknown> = { ':pending': 'PENDING', ':now': now }
    let update = 'SET lastHeartbeat = :now'
    if (entry.heartbeatSeconds !== undefined) {
      update += ', heartbeatDeadline = :hb'
      values[':hb'] = now + entry.heartbeatSeconds * 1000
    }
    return this.conditionalUpdate(arn, entry.sk, update,
      '#status = :pending AND (attribute_not_exists(deadline) OR deadline > :now) AND ' +
      '(attribute_not_exists(heartbeatDeadline) OR heartbeatDeadline > :now)',
      { '#status': 'status' }, values)
  }

  // ── tokens ────────────────────────────────────────────────────────────────

  async findToken(token: string): Promise<{ executionArn: string; journalSk: string } | undefined> {
    const r = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk: tokenPk(token), sk: 'TOKEN' }, ConsistentRead: true }))
    return r.Item ? { executionArn: String(r.Item.executionArn), journalSk: String(r.Item.journalSk) } : undefined
  }

  private async conditionalUpdate(arn: string, sk: string, update: string, condition: string,
    names: Record<string, string>, values: Record<string, unknown>): Promise<boolean> {
    try {
      await this.doc.send(new UpdateCommand({
        TableName: this.table, Key: { pk: execPk(arn), sk }, UpdateExpression: update, ConditionExpression: condition,
        ExpressionAttributeNames: names, ExpressionAttributeValues: values,
      }))
      return true
    } catch (err) {
      if (isConditionFailure(err)) return false
      throw err
    }
  }
}

export type ExecutionSummary = Pick<ExecutionRecord, 'executionArn' | 'stateMachineArn' | 'name' | 'status' | 'startDate' | 'stopDate'>

function summary(e: ExecutionRecord): ExecutionSummary {
  return { executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status, startDate: e.startDate, stopDate: e.stopDate }
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, ...rest } = item
  if (rest.sk === META || String(rest.sk).startsWith('E#')) delete rest.sk
  return rest as T
}

function decodeToken(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    throw new SfnApiError('InvalidToken', 'Invalid nextToken')
  }
}

function isConditionFailure(err: unknown): boolean {
  if (err instanceof ConditionalCheckFailedException) return true
  if (err instanceof TransactionCanceledException) {
    return (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
  }
  const name = (err as { name?: string } | undefined)?.name
  return name === 'ConditionalCheckFailedException'
}
