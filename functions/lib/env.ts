/**
 * Function configuration: every environment variable a function reads is
 * declared here, once, typed and validated (a unit test fails on a
 * `process.env` read elsewhere under functions/ or shared/). CDK
 * (infra/constructs/app-function.ts, infra/stacks/) and the embedded runtime
 * (infra/local/platform.ts) set them through `functionEnvironment`, which
 * accepts only these names. `env()` is read once per cold start; `envNow()`
 * reads the variables as they are now (settings a test or the embedded
 * runtime may change while the process runs).
 */
import { z } from 'zod'

/** The Bedrock model that reads scans (archives' OCR): the default of the CDK config and of the function alike. */
export const DEFAULT_OCR_MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0'

const Env = z.object({
  APP_ENV: z.string().default('local'),
  /** Read by Node itself (CDK: source maps at run time). */
  NODE_OPTIONS: z.string().optional(),
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
  /**
   * The mail port (functions/lib/adapters/mail.ts): SES v2 on AWS, the embedded
   * runtime's SMTP server (`smtp`), or `.eml` files in OUTBOX_DIR for a process
   * that runs functions without the platform (scripts, a few tests).
   */
  MAIL: z.enum(['outbox', 'smtp', 'ses']).default('outbox'),
  MAIL_FROM: z.string().default('no-reply@digital-office.local'),
  OUTBOX_DIR: z.string().default('.data/outbox'),
  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().positive().default(2525),
  /** SES v2: the configuration set every mail is sent with (its event destination records bounces and complaints). */
  SES_CONFIGURATION_SET: z.string().optional(),
  /** The domain of units' official addresses (`<unitId>@<domain>`): SES receiving on AWS, the local SMTP server here. */
  MAIL_INBOUND_DOMAIN: z.string().default('congvan.digital-office.local'),
  /** Authentication-Results headers written by this host (the receiving MTA) are believed; any other is the sender's own claim. */
  MAIL_TRUSTED_AUTHSERV: z.string().default('mx.digital-office.local'),
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
  /** Archives: the largest scan accepted, and the digitisation workflow. */
  MAX_SCAN_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  DIGITISATION_STATE_MACHINE_ARN: z.string().optional(),
  CASE_DEADLINES_STATE_MACHINE_ARN: z.string().optional(),
  /** Archives' OCR engine: tesseract.js locally, Textract + Bedrock on AWS. */
  OCR: z.enum(['local', 'aws']).default('local'),
  OCR_BEDROCK_MODEL_ID: z.string().default(DEFAULT_OCR_MODEL_ID),
  /** The upload's mark check on a scanned first page (functions/lib/adapters/first-page-ocr.ts): tesseract.js locally, Textract on AWS. */
  MARK_OCR: z.enum(['local', 'textract']).default('local'),
  /** The assistant (functions/assistant/config.ts): which engine answers, and the Bedrock models. */
  ASSISTANT_ENGINE: z.enum(['embedded', 'bedrock', 'openai']).default('embedded'),
  /**
   * `openai`: a deployment's own model behind an OpenAI-compatible chat-completions endpoint (vLLM, Ollama,
   * llama.cpp server), e.g. http://gpu-1.internal:8000/v1 (adapters/openai.ts).
   */
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('qwen2.5-7b-instruct'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** `openai`: the endpoint's embeddings model for hybrid retrieval (POST /v1/embeddings); unset, the embedded vectors. */
  OPENAI_EMBEDDING_MODEL: z.string().optional(),
  BEDROCK_MODEL_ID: z.string().default('anthropic.claude-3-haiku-20240307-v1:0'),
  /** Multilingual (Vietnamese) embeddings. */
  BEDROCK_EMBEDDING_MODEL_ID: z.string().default('cohere.embed-multilingual-v3'),
  BEDROCK_GUARDRAIL_ID: z.string().optional(),
  BEDROCK_GUARDRAIL_VERSION: z.string().default('DRAFT'),
  /**
   * Live updates (WebSocket): the embedded gateway's own server, or API
   * Gateway's management API at the WebSocket stage's callback URL.
   */
  LIVE: z.enum(['local', 'apigateway']).default('local'),
  LIVE_CALLBACK_URL: z.string().optional(),
  /** The streaming ask behind a function URL verifies the Cognito token itself. */
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  /** The audit chain's keyed MAC: a local key file, or KMS GenerateMac. */
  AUDIT_MAC: z.enum(['local', 'kms']).default('local'),
  AUDIT_KEY_FILE: z.string().optional(),
  /** Audit checkpoints (functions/lib/adapters/audit-checkpoints.ts): the bucket, and its Object Lock on AWS (none locally). */
  AUDIT_CHECKPOINT_BUCKET: z.string().optional(),
  AUDIT_CHECKPOINT_LOCK_MODE: z.enum(['COMPLIANCE', 'GOVERNANCE']).optional(),
  AUDIT_CHECKPOINT_RETENTION_DAYS: z.coerce.number().int().positive().default(3650),
  AUDIT_KMS_KEY_ID: z.string().optional(),
  /** Document signing: the local development CA or KMS keys; fonts; extra trusted roots (PEM). */
  SIGNING: z.enum(['local', 'kms']).default('local'),
  SIGNING_DIR: z.string().optional(),
  SIGNING_KEY_ALIAS_PREFIX: z.string().default('digital-office'),
  SIGNING_CERTS_BUCKET: z.string().default(''),
  SIGNING_FONT_DIR: z.string().optional(),
  SIGNING_TRUST_ROOTS_PEM: z.string().default(''),
  /** The embedded runtime's S3 endpoint, and the address browsers reach it at (presigned URLs). */
  AWS_ENDPOINT_URL_S3: z.string().optional(),
  S3_PUBLIC_URL: z.string().optional(),
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
  /** Set by Lambda itself: the tracer is loaded only there (observability.ts). */
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  /**
   * On AWS: the value CloudFront adds as `x-origin-verify` to every `/api/*` request (a Secrets Manager secret
   * the stacks resolve at deploy). Set, a request without it (the API's execute-api endpoint reached around
   * the WAF) is refused; the embedded gateway sets none.
   */
  ORIGIN_VERIFY: z.string().min(32).optional(),
})
export type FunctionEnv = z.infer<typeof Env>
/** Every declared name. */
export type FunctionEnvName = keyof typeof Env.shape
export const FUNCTION_ENV_NAMES = Object.keys(Env.shape) as FunctionEnvName[]

/**
 * The variables CDK or the embedded runtime set on a function: only declared
 * names (checked by the type and at synth/start time); unset values dropped.
 */
export function functionEnvironment(values: Partial<Record<FunctionEnvName, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    if (!(FUNCTION_ENV_NAMES as string[]).includes(name)) throw new Error(`environment variable ${name} is not declared in functions/lib/env.ts`)
    if (value !== undefined) out[name] = value
  }
  return out
}

/** The variables as they are now (not cached). */
export const envNow = (): FunctionEnv => Env.parse(process.env)

let cached: FunctionEnv | undefined
export function env(): FunctionEnv {
  cached ??= Env.parse(process.env)
  return cached
}
/** The embedded runtime sets variables before the first call; tests with several platforms reset. */
export function resetEnvCache(): void { cached = undefined }
