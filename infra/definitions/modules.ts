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
  /** What invokes it: the HTTP API, a Step Functions task, a DynamoDB stream, a schedule. */
  readonly trigger: 'http' | 'workflow-task' | 'stream' | 'schedule'
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
    /** Calls Bedrock (Converse, embeddings, guardrails) with the environment's models (the assistant). */
    readonly bedrock?: boolean
    /** Workflows (by id from workflows.ts) it starts or answers task tokens of. */
    readonly workflows?: readonly string[]
  }
  readonly memoryMb?: number
  readonly timeoutSeconds?: number
}

export const MODULES = [
  {
    id: 'auth', entry: 'functions/auth/index.ts', trigger: 'http',
    description: 'Sign-in against the identity provider (Cognito on AWS, local issuer embedded)',
    access: { table: 'read', identity: true },
  },
  {
    id: 'org', entry: 'functions/org/index.ts', trigger: 'http',
    description: 'Organisation tree, people and roles, reorganisation requests, imports, audit trail',
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, identity: true, workflows: ['reorganisation-approval'] },
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
    access: { table: 'readwrite', uploads: 'readwrite', readModel: true, signing: true, mail: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    id: 'assistant', entry: 'functions/assistant/index.ts', trigger: 'http',
    description: 'Assistant: document Q&A with citations over readable documents, conversations and ratings, appraisal of drafts',
    access: { table: 'readwrite', uploads: 'read', readModel: true, bedrock: true },
    memoryMb: 1024,
    timeoutSeconds: 29,
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
    description: 'Scheduled jobs: overdue-approval sweep, daily KPI snapshot',
    access: { table: 'read', readModel: true, mail: true },
    timeoutSeconds: 300,
  },
] as const satisfies readonly ModuleDefinition[]

export type ModuleId = (typeof MODULES)[number]['id']

export function moduleById(id: string): ModuleDefinition {
  const m = MODULES.find((x) => x.id === id)
  if (!m) throw new Error(`Unknown module ${id}`)
  return m
}
