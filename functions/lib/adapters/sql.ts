/**
 * The read model's SQL port. The same PostgreSQL statements run on Aurora
 * Serverless v2 through the RDS Data API (AWS) and on PGlite in-process (the
 * embedded runtime registers its database here at start-up).
 */
import { ExecuteStatementCommand, RDSDataClient, type Field, type SqlParameter } from '@aws-sdk/client-rds-data'
import { env } from '../env.js'

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
}

let embedded: Sql | undefined
let port: Sql | undefined

/** Called by the embedded runtime with its PGlite database. */
export function registerEmbeddedSql(sql: Sql): void { embedded = sql; port = undefined }

export function sql(): Sql {
  if (port) return port
  if (env().READ_MODEL === 'data-api') port = dataApiSql(new RDSDataClient({}), { resourceArn: env().DB_CLUSTER_ARN!, secretArn: env().DB_SECRET_ARN!, database: env().DB_NAME })
  else if (embedded) port = embedded
  else throw new Error('No read model: READ_MODEL=embedded but the embedded runtime registered no database')
  return port
}

/** `$1, $2` → `:p1, :p2` with typed Data API parameters. Exported for its unit test. */
export function toDataApi(text: string, params: unknown[]): { sql: string; parameters: SqlParameter[] } {
  const sqlText = text.replace(/\$(\d+)/g, (_, n: string) => `:p${n}`)
  const parameters = params.map((v, i): SqlParameter => {
    const name = `p${i + 1}`
    if (v === null || v === undefined) return { name, value: { isNull: true } }
    if (typeof v === 'boolean') return { name, value: { booleanValue: v } }
    if (typeof v === 'number') return Number.isInteger(v) ? { name, value: { longValue: v } } : { name, value: { doubleValue: v } }
    if (v instanceof Date) return { name, value: { stringValue: v.toISOString().replace('T', ' ').replace('Z', '') }, typeHint: 'TIMESTAMP' }
    if (Array.isArray(v) || typeof v === 'object') return { name, value: { stringValue: JSON.stringify(v) }, typeHint: 'JSON' }
    return { name, value: { stringValue: String(v) } }
  })
  return { sql: sqlText, parameters }
}

/**
 * Data API errors worth another try: Aurora resuming from auto-pause or failing over, the service busy or
 * throttling. The statement did not run, so trying again is safe; anything else is thrown at once.
 */
export const TRANSIENT_DATA_API_ERRORS = new Set([
  'DatabaseResumingException', 'DatabaseUnavailableException', 'ServiceUnavailableError', 'ThrottlingException', 'TooManyRequestsException',
])
export const isTransientDataApiError = (err: unknown): boolean => TRANSIENT_DATA_API_ERRORS.has((err as { name?: string } | undefined)?.name ?? '')

export interface DataApiRetry {
  /** @default 8 (about 18 s of waiting at most: an auto-paused cluster resumes in about 15 s) */
  readonly maxAttempts?: number
  /** Waits before attempt n+1 (full jitter below a capped exponential). @default random below min(250·2ⁿ, 5000) ms */
  readonly delayMs?: (attempt: number) => number
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<unknown>
}

const defaultDelay = (n: number) => Math.random() * Math.min(250 * 2 ** n, 5000)
const defaultSleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function dataApiSql(client: Pick<RDSDataClient, 'send'>, cfg: { resourceArn: string; secretArn: string; database: string }, retry: DataApiRetry = {}): Sql {
  const maxAttempts = retry.maxAttempts ?? 8
  const delayMs = retry.delayMs ?? defaultDelay
  const sleep = retry.sleep ?? defaultSleep
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const { sql: s, parameters } = toDataApi(text, params)
      const command = new ExecuteStatementCommand({ ...cfg, sql: s, parameters, formatRecordsAs: 'JSON' })
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await client.send(command)
          if (res.formattedRecords) return JSON.parse(res.formattedRecords) as T[]
          return (res.records ?? []).map((r) => r.map(fieldValue)) as unknown as T[]
        } catch (err) {
          if (!isTransientDataApiError(err) || attempt >= maxAttempts) throw err
          await sleep(delayMs(attempt - 1))
        }
      }
    },
  }
}

function fieldValue(f: Field): unknown {
  if (f.isNull) return null
  return f.stringValue ?? f.longValue ?? f.doubleValue ?? f.booleanValue ?? null
}
