/**
 * Function configuration from environment variables, read once per cold start.
 * CDK sets these on AWS; the embedded runtime sets the same names locally.
 */
import { z } from 'zod'

const Env = z.object({
  APP_ENV: z.string().default('local'),
  TABLE_NAME: z.string().default('digital-office'),
  UPLOADS_BUCKET: z.string().default('uploads'),
  READ_MODEL: z.enum(['embedded', 'data-api']).default('embedded'),
  DB_CLUSTER_ARN: z.string().optional(),
  DB_SECRET_ARN: z.string().optional(),
  DB_NAME: z.string().default('digital_office'),
  IDENTITY: z.enum(['local', 'cognito']).default('local'),
  USER_POOL_ID: z.string().optional(),
  USER_POOL_CLIENT_ID: z.string().optional(),
  LOCAL_IDENTITY_TABLE: z.string().default('local-identity'),
  LOCAL_IDENTITY_KEY_FILE: z.string().optional(),
  LOCAL_ISSUER: z.string().default('http://localhost/local-issuer'),
  MAIL: z.enum(['outbox', 'ses']).default('outbox'),
  MAIL_FROM: z.string().default('no-reply@digital-office.local'),
  OUTBOX_DIR: z.string().default('.data/outbox'),
  REORGANISATION_STATE_MACHINE_ARN: z.string().optional(),
  /** Default seconds a superior unit has to decide a reorganisation before escalation (5 working days). */
  APPROVAL_DEADLINE_SECONDS: z.coerce.number().int().positive().default(5 * 24 * 3600),
  /** Party members (issue 4): the transfer workflow, and the national public service portal (base URL and shared HMAC secret). */
  TRANSFER_STATE_MACHINE_ARN: z.string().optional(),
  COMMENT_STATE_MACHINE_ARN: z.string().optional(),
  PORTAL_URL: z.string().optional(),
  PORTAL_SHARED_SECRET: z.string().min(16).optional(),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  AWS_REGION: z.string().default('ap-southeast-1'),
  /** One info line per request (`false`: none; the test platforms and benches keep quiet). */
  LOG_REQUESTS: z.string().default('true').transform((v) => v !== 'false'),
  /** Powertools (observability.ts): the service in logs and metrics (HTTP modules name their own), the log level, the metrics namespace. */
  POWERTOOLS_SERVICE_NAME: z.string().default('digital-office'),
  POWERTOOLS_LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL']).default('INFO'),
  POWERTOOLS_METRICS_NAMESPACE: z.string().default('DigitalOffice'),
  /** `true` off AWS: metrics are not printed (Powertools reads it itself). */
  POWERTOOLS_METRICS_DISABLED: z.enum(['true', 'false']).optional(),
  /** `false` off AWS (the tracer also disables itself outside Lambda). */
  POWERTOOLS_TRACE_ENABLED: z.enum(['true', 'false']).optional(),
})
export type FunctionEnv = z.infer<typeof Env>

let cached: FunctionEnv | undefined
export function env(): FunctionEnv {
  cached ??= Env.parse(process.env)
  return cached
}
/** The embedded runtime sets variables before the first call; tests with several platforms reset. */
export function resetEnvCache(): void { cached = undefined }
