/**
 * Idempotent mutating routes (Powertools idempotency, records in the single
 * table): a client that may retry a POST sends an `Idempotency-Key` header
 * (any printable string up to 255 characters, e.g. a UUID, new for each new
 * request). The first request with a key runs; a retry with the same key,
 * route, caller and body gets the first answer again without running twice;
 * the same key with a different body is a 422; a retry while the first is
 * still running is a 409. Without the header the route runs as before.
 *
 * Per route, around the route's handler (not around the whole Lambda): only
 * a successful answer is kept, so a request refused (4xx) or failed (5xx)
 * can be retried with the same key once the cause is fixed.
 */
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, IdempotencyValidationError, makeIdempotent } from '@aws-lambda-powertools/idempotency'
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { Context } from 'aws-lambda'
import { DomainError } from '../../shared/errors/index.js'
import { TABLE } from '../../shared/table/definition.js'
import { keys } from '../../shared/table/keys.js'
import { dynamoClient } from './clients.js'
import { env } from './env.js'
import type { HttpRequest, HttpResult, RouteHandler } from './http.js'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const MAX_IDEMPOTENCY_KEY = 255
/** How long an answer is replayed for a key (then DynamoDB's TTL removes the record). */
export const IDEMPOTENCY_SECONDS = 24 * 3600

interface Attempt { key: string; body: unknown }
type Runner = (attempt: Attempt, req: HttpRequest<unknown>, handler: RouteHandler<unknown>) => Promise<HttpResult>

/** Off Lambda (no remaining time to read), how long a request's record counts as in progress. */
const LOCAL_IN_PROGRESS_MS = 60_000
let invocation: Partial<Context> | undefined
/** The invocation under way (one at a time per Lambda instance): its remaining time bounds an in-progress record. */
export function registerInvocation(context: Partial<Context> | undefined): void { invocation = context }
const remainingTime = { getRemainingTimeInMillis: () => invocation?.getRemainingTimeInMillis?.() ?? LOCAL_IN_PROGRESS_MS } as Context

let runner: { client: DynamoDBClient; table: string; run: Runner } | undefined
function runnerFor(): Runner {
  const client = dynamoClient()
  const table = env().TABLE_NAME
  if (runner?.client !== client || runner.table !== table) {
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: table, keyAttr: TABLE.partitionKey, sortKeyAttr: TABLE.sortKey,
      staticPkValue: keys.idempotency('http', '').pk, expiryAttr: TABLE.ttlAttribute, awsSdkV3Client: client,
    })
    const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', payloadValidationJmesPath: 'body', expiresAfterSeconds: IDEMPOTENCY_SECONDS })
    config.registerLambdaContext(remainingTime)
    const run = makeIdempotent(
      // Kept as the client receives it (JSON): no undefined fields or dates the store cannot hold.
      async (_attempt: Attempt, req: HttpRequest<unknown>, handler: RouteHandler<unknown>) => JSON.parse(JSON.stringify(await handler(req))) as HttpResult, { persistenceStore, config, keyPrefix: 'route' })
    runner = { client, table, run }
  }
  return runner.run
}

const PRINTABLE = /^[\x21-\x7e]+$/

/** `handler` made idempotent for requests that carry the header; `caller` scopes a key to the one who sent it. */
export function idempotentRoute<A>(handler: RouteHandler<A>, caller: (actor: A) => string | undefined): RouteHandler<A> {
  return async (req) => {
    const header = req.headers[IDEMPOTENCY_HEADER]
    if (header === undefined) return handler(req)
    if (header.length > MAX_IDEMPOTENCY_KEY || !PRINTABLE.test(header)) throw new DomainError('request.idempotencyKeyInvalid', 400, { max: MAX_IDEMPOTENCY_KEY })
    const attempt: Attempt = { key: `${req.routeKey} ${caller(req.actor) ?? '-'} ${header}`, body: req.body ?? null }
    try {
      return await runnerFor()(attempt, req as HttpRequest<unknown>, handler as RouteHandler<unknown>)
    } catch (err) {
      if (err instanceof IdempotencyValidationError) throw new DomainError('request.idempotencyKeyReused', 422)
      if (err instanceof IdempotencyAlreadyInProgressError) throw new DomainError('request.idempotencyInProgress', 409)
      throw err
    }
  }
}
