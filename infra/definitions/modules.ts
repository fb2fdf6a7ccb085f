/**
 * The Lambda functions of the platform: one per module and trigger kind.
 * CDK provisions one function per entry (bundled by esbuild from `entry`);
 * the embedded runtime imports the same entry and calls its `handler`.
 */
export interface ModuleDefinition {
  /** Stable id: function name suffix, bundle folder, route target. */
  readonly id: string
  /** Source entry (exports `handler`), relative to the repository root. */
  readonly entry: string
  /**
   * What invokes it: the HTTP API, the WebSocket API, a Step Functions task, a DynamoDB stream, a schedule,
   * SES (receiving, and its events through SNS), or the deployment itself (a CDK Trigger; the embedded runtime at start-up).
   */
  readonly trigger: 'http' | 'websocket' | 'workflow-task' | 'stream' | 'schedule' | 'mail' | 'deploy'
  readonly description: string
  /** What it may touch; the CDK grants exactly this (least privilege). */
  readonly access: {
    readonly table?: 'read' | 'readwrite'
    readonly uploads?: 'read' | 'readwrite'
    readonly readModel?: boolean
    readonly identity?: boolean
    readonly mail?: boolean
    /** Signs documents with the organisation's and signers' keys (KMS on AWS). */
    readonly signing?: boolean
    /** Reads scans with Textract (layout) and a Bedrock multimodal model (Vietnamese text). */
    readonly ocr?: boolean
    /** Reads the first page of a scanned upload (no text layer) for its confidentiality mark: Textract `DetectDocumentText` on AWS. */
    readonly markOcr?: boolean
    /** The audit checkpoints' Object Lock bucket: `read` to verify against them, `write` to anchor new ones (the scheduled job). */
    readonly auditCheckpoints?: 'read' | 'write'
    /** Calls Bedrock (Converse, embeddings, guardrails) with the environment's models (the assistant). */
    readonly bedrock?: boolean
    /** Posts to WebSocket connections (`execute-api:ManageConnections` on the WebSocket API's stage; the embedded gateway's sender locally). */
    readonly live?: boolean
    /** The national public service portal: its URL and shared HMAC secret, from the environment's Secrets Manager secret (`do-<env>/portal`). */
    readonly portal?: boolean
    /** Workflows (by id from workflows.ts) it starts or answers task tokens of. */
    readonly workflows?: readonly string[]
  }
  readonly memoryMb?: number
  readonly timeoutSeconds?: number
  /**
   * Packages left out of the bundle: native or worker-based packages that
   * esbuild cannot inline (the Lambda gets them from a layer built for its
   * architecture; the embedded runtime from node_modules).
   */
  readonly external?: readonly string[]
  /**
   * npm packages shipped to the function in a Lambda layer built at synth
   * from node_modules with their dependencies (infra/constructs/native-layer.ts):
   * the externals and the data packages they read at run time. A function
   * with a layer runs on x86_64, the architecture of the native binaries.
   */
  readonly layer?: readonly string[]
  /**
   * Served from a Lambda function URL whose response streams as it is
   * written (`RESPONSE_STREAM`), behind CloudFront at `path`, rather than
   * through the HTTP API, which buffers responses. The handler verifies the
   * bearer token itself. The embedded gateway serves `method path` the same way.
   */
  readonly functionUrl?: { readonly method: 'POST'; readonly path: string }
  /**
   * `websocket` modules: the WebSocket API's routes (route selection by
   * `$request.body.action`) and the path the embedded gateway serves it at
   * (on AWS: the stage's name). The handler verifies the token at `$connect`.
   */
  readonly websocket?: { readonly path: string; readonly routes: readonly string[] }
}

/** What the archives functions load outside their bundle: canvas (native), pdf.js (worker), tesseract.js (wasm) and its models. */
const ARCHIVES_EXTERNAL = ['@napi-rs/canvas', 'pdfjs-dist', 'tesseract.js'] as const
const ARCHIVES_LAYER = [...ARCHIVES_EXTERNAL, '@tesseract.js-data/vie', '@tesseract.js-data/eng'] as const

export const MODULES = [
  {
    id: 'auth', entry: 'functions/auth/index.ts', trigger: 'http',
    description: 'Sign-in against the identity provider (Cognito on AWS, local issuer embedded), throttled and locked after wrong passwords',
    access: { table: 'readwrite', identity: true },
  },
  {
    id: 'org', entry: 'functions/org/index.ts', trigger: 'http',
    description: 'Organisation tree, people and roles, reorganisation requests, imports, audit trail',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, identity: true, workflows: ['reorganisation-approval'], auditCheckpoints: 'read' },
    timeoutSeconds: 29,
  },
  {
    id: 'org-tasks', entry: 'functions/org/tasks.ts', trigger: 'workflow-task',
    description: 'Steps of the reorganisation approval workflow (ask, escalate, apply, reject)',
    access: { table: 'readwrite', mail: true },
    timeoutSeconds: 60,
  },
  {
    id: 'documents', entry: 'functions/documents/index.ts', trigger: 'http',
    description: 'Official documents: incoming and outgoing registers, drafts and review chains, numbering, signing, distribution, search, verification',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true, mail: true, markOcr: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'members', entry: 'functions/members/index.ts', trigger: 'http',
    description: 'Party members: records and the electronic handbook, Party fees, transfers of Party activity, the national portal adapter',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true, workflows: ['party-transfer', 'residence-comment'], portal: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'assistant', entry: 'functions/assistant/index.ts', trigger: 'http',
    description: 'Assistant: document Q&A with citations over readable documents, conversations and ratings, appraisal of drafts',
    access: { table: 'readwrite', uploads: 'read', readModel: true, bedrock: true, markOcr: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'assistant-stream', entry: 'functions/assistant/stream.ts', trigger: 'http',
    description: 'Assistant, streamed: the answer to a question written as it is produced (function URL, response streaming)',
    access: { table: 'readwrite', readModel: true, bedrock: true },
    functionUrl: { method: 'POST', path: '/api/assistant/stream' },
    memoryMb: 1024,
    timeoutSeconds: 60,
  },
  {
    id: 'archives', entry: 'functions/archives/index.ts', trigger: 'http',
    description: 'Archives: files of a fonds, digitisation batches and their progress, verification queue, handover of a closed fonds',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true, workflows: ['digitisation'] },
    external: ARCHIVES_EXTERNAL,
    layer: ARCHIVES_LAYER,
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'tasks', entry: 'functions/tasks/index.ts', trigger: 'http',
    description: 'Tasks (nhiệm vụ): assignment, progress reports, evaluation, extensions, lists and KPIs per unit',
    access: { table: 'readwrite' },
    timeoutSeconds: 29,
  },
  {
    id: 'notifications', entry: 'functions/notifications/index.ts', trigger: 'http',
    description: 'Notification centre: each user\'s events from every module, read/unread, channel choice per kind',
    access: { table: 'readwrite' },
  },
  {
    id: 'dashboards', entry: 'functions/dashboards/index.ts', trigger: 'http',
    description: 'KPI dashboards (targets, trend, ranking, the items behind a number) and KPI reports (signed PDF, XLSX)',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'meetings', entry: 'functions/meetings/index.ts', trigger: 'http',
    description: 'Paperless meetings: agenda and documents, invitations, check-in, speakers, open and secret (blind-signature) votes, minutes, conclusions',
    access: { table: 'readwrite', uploads: 'readwrite', signing: true, mail: true, markOcr: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'meetings-live', entry: 'functions/meetings/live.ts', trigger: 'websocket',
    description: 'Live updates of meetings (WebSocket): connect with the token, follow a meeting one may see, its state on subscribing',
    access: { table: 'readwrite', live: true },
    websocket: { path: '/ws', routes: ['$connect', '$disconnect', 'subscribe'] },
    timeoutSeconds: 29,
  },
  {
    id: 'schedules', entry: 'functions/schedules/index.ts', trigger: 'http',
    description: 'Leader schedules (lịch công tác): events, conflicts, weekly publication, rooms, private iCalendar feeds',
    access: { table: 'readwrite', mail: true },
    timeoutSeconds: 29,
  },
  {
    id: 'datarequests', entry: 'functions/datarequests/index.ts', trigger: 'http',
    description: 'Data requests (yêu cầu số liệu): forms sent to many units, answers in the form or by XLSX, reminders, the consolidated table and its files',
    access: { table: 'readwrite', uploads: 'readwrite', mail: true, signing: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'members-tasks', entry: 'functions/members/tasks.ts', trigger: 'workflow-task',
    description: 'Steps of the Party transfer workflow (ask, escalate, issue the signed letter, complete, close)',
    access: { table: 'readwrite', uploads: 'readwrite', signing: true, mail: true },
    memoryMb: 1024,
    timeoutSeconds: 60,
  },
  {
    id: 'archives-tasks', entry: 'functions/archives/tasks.ts', trigger: 'workflow-task',
    description: 'Steps of the digitisation workflow: read a page (text layer or OCR), record a failed page, assemble documents, fail a batch',
    access: { table: 'readwrite', uploads: 'readwrite', ocr: true },
    external: ARCHIVES_EXTERNAL,
    layer: ARCHIVES_LAYER,
    memoryMb: 3008,
    timeoutSeconds: 300,
  },
  {
    id: 'mail', entry: 'functions/mail/index.ts', trigger: 'mail',
    description: 'Official mail: a mail to a unit\'s official address (SES receiving → S3 → here) becomes an incoming document or a recorded refusal; SES bounces and complaints (SNS) fill the suppression list',
    access: { table: 'readwrite', uploads: 'readwrite', signing: true, mail: true, markOcr: true },
    memoryMb: 1024,
    timeoutSeconds: 120,
  },
  {
    id: 'readmodel', entry: 'functions/readmodel/index.ts', trigger: 'stream',
    description: 'Projects the table stream into the PostgreSQL read model (search, lists, KPIs, the assistant\'s passages)',
    // uploads: read — the assistant's passages are cut from the documents' PDF text (issue 6).
    access: { readModel: true, uploads: 'read', bedrock: true },
    timeoutSeconds: 60,
  },
  {
    id: 'ops', entry: 'functions/ops/index.ts', trigger: 'schedule',
    description: 'Scheduled jobs: overdue-approval sweep, daily KPI snapshot per unit (written to the table), weekly and monthly KPI reports, task deadline reminders and escalation',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, mail: true, signing: true, auditCheckpoints: 'write' },
    timeoutSeconds: 300,
  },
  {
    id: 'cases', entry: 'functions/cases/index.ts', trigger: 'http',
    description: 'Cases of the inspection commissions (complaints, denunciations, signs of violation: intake to sealed file, the denouncer\'s identity apart) and voters\' petitions with resolution follow-up',
    access: { table: 'readwrite', mail: true, workflows: ['case-deadlines'] },
    timeoutSeconds: 29,
  },
  {
    id: 'cases-tasks', entry: 'functions/cases/tasks.ts', trigger: 'workflow-task',
    description: 'Steps of the case time-limit workflow: reminder at half the time, escalation at the legal deadline',
    access: { table: 'readwrite', mail: true },
    timeoutSeconds: 60,
  },
  {
    id: 'migrations', entry: 'functions/readmodel/migrate.ts', trigger: 'deploy',
    description: 'Read-model migrations (functions/readmodel/schema.ts), run at every deployment before the HTTP API goes live',
    access: { readModel: true },
    // Aurora may be resuming from auto-pause; the Data API adapter waits for it.
    timeoutSeconds: 300,
  },
  {
    id: 'meetings-stream', entry: 'functions/meetings/stream.ts', trigger: 'stream',
    description: 'Live broadcast of meetings: the table stream\'s meeting and vote changes to every follower\'s connection, off the changing request',
    access: { table: 'readwrite', live: true },
    timeoutSeconds: 60,
  },
] as const satisfies readonly ModuleDefinition[]

export type ModuleId = (typeof MODULES)[number]['id']

export function moduleById(id: string): ModuleDefinition {
  const m = MODULES.find((x) => x.id === id)
  if (!m) throw new Error(`Unknown module ${id}`)
  return m
}
