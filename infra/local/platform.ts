/**
 * The embedded runtime: every AWS service the platform uses, played on
 * loopback by a real engine, wired to the same function code Lambda runs.
 *
 *   DynamoDB (+ Streams)   DynamoDB Local (bundled jar)       dynamodb.ts, streams.ts
 *   Aurora read model      PGlite, persisted                  postgres.ts
 *   S3                     s3rver (SigV4, presigned URLs)     s3.ts
 *   Step Functions         aws-local-stepfunctions + tokens   stepfunctions/
 *   HTTP API + Lambda      node:http gateway, same routes     gateway.ts
 *   Cognito                local RS256 issuer (jose)          identity.ts
 *   EventBridge Scheduler  croner, same schedules             scheduler.ts
 *   SES (send + receive)   smtp-server, Maildir of .eml       mail-server.ts (functions/lib/adapters/mail.ts)
 */
import { rmSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { MODULES } from '../definitions/modules.js'
import { WORKFLOWS } from '../definitions/workflows.js'
import { LOCAL_TABLES } from '../../shared/table/definition.js'
import { assertPortFree } from './ports.js'
import { ensureTables, localDynamoClient, mainTableInput, simpleTableInput, startDynamoLocal, type DynamoLocal } from './dynamodb.js'
import { startPostgres, type EmbeddedPostgres } from './postgres.js'
import { LOCAL_S3_CREDENTIALS, startS3Local, type S3Local } from './s3.js'
import { startStepFunctionsLocal, type StepFunctionsLocal } from './stepfunctions/index.js'
import { startGateway } from './gateway.js'
import { startMailServer } from './mail-server.js'
import { contentSecurityPolicy } from '../definitions/security-headers.js'
import { startStreamPoller, type StreamPoller } from './streams.js'
import { startScheduler } from './scheduler.js'
import { loadIssuerKey, LOCAL_AUDIENCE, LOCAL_ISSUER } from './identity.js'
import { ensureAuditKey } from './audit-key.js'
import { isEmpty, seedDemoData } from './seed.js'
import { seedDemoDocuments } from './demo-documents.js'
import { seedDemoMembers } from './demo-members.js'
import { seedDemoArchives } from './demo-archives.js'
import { seedDemoTasks } from './demo-tasks.js'
import { seedDemoSchedules } from './demo-schedules.js'
import { seedDemoCases } from './demo-cases.js'
import { seedDemoDataRequests } from './demo-datarequests.js'
import { startPortalSimulator } from './portal/simulator.js'
import { loadPortalSecret } from './portal/secret.js'
import { resetRuntimeCaches } from './reset.js'
import { functionEnvironment, type FunctionEnvName } from '../../functions/lib/env.js'


/** The local S3 stand-in's bucket of audit checkpoints (no Object Lock there: write-once by the adapter's condition). */
const LOCAL_CHECKPOINT_BUCKET = 'audit-checkpoints'
export interface PlatformOptions {
  dataDir: string
  port: number
  dynamoPort: number
  s3Port: number
  sfnPort: number
  /** The SMTP server (SES's stand-in; default: a free port). */
  smtpPort?: number
  /** The national portal simulator (default: a free port). */
  portalPort?: number
  reset?: boolean
  seed?: boolean
  schedules?: boolean
  /** Seconds a superior unit has to decide (default: the functions' default, 5 days). */
  approvalDeadlineSeconds?: number
  log?: (m: string) => void
}

export interface Platform {
  url: string
  dataDir: string
  seeded: boolean
  /** The national public service portal simulator (infra/local/portal). */
  portalUrl: string
  /** The local SMTP server's port (mail clients, smtplib). */
  smtpPort: number
  /** The Maildir every mail is delivered to. */
  maildir: string
  /** Waits until every table change so far reached the read model. */
  drain(): Promise<void>
  invoke(moduleId: string, payload: unknown): Promise<unknown>
  stop(): Promise<void>
}

/** A portal secret the developer set (read once: startPlatform sets the variable for the functions it hosts, per data directory). */
const PORTAL_SECRET_FROM_ENV = process.env.PORTAL_SHARED_SECRET

type AnyHandler = (event: unknown, context?: unknown) => Promise<unknown>

/** The embedded runtime's single table (operators' commands run against it with `--local`). */
export const LOCAL_TABLE_NAME = 'digital-office-local'

export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const log = opts.log ?? (() => {})
  // Lambda runs Node 22; the SDK's notice about Node 20 is noise on a developer machine.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const dataDir = resolve(opts.dataDir)
  for (const [port, what] of [[opts.port, 'web + API'], [opts.dynamoPort, 'DynamoDB Local'], [opts.s3Port, 'S3'], [opts.sfnPort, 'Step Functions'], ...(opts.portalPort ? [[opts.portalPort, 'portal simulator'] as const] : []), ...(opts.smtpPort ? [[opts.smtpPort, 'SMTP server'] as const] : [])] as const) {
    await assertPortFree(port, what)
  }
  if (opts.reset) rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })

  const stops: (() => Promise<void> | void)[] = []
  const stopAll = async () => { for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => undefined) }
  try {
    const tableName = LOCAL_TABLE_NAME
    log('starting DynamoDB Local and PostgreSQL (PGlite) …')
    const t0 = Date.now()
    // The two slowest engines start side by side (a JVM, and initdb on a first start).
    const [dynamo, pg] = await Promise.all([
      startDynamoLocal({ port: opts.dynamoPort, dataDir: join(dataDir, 'dynamodb') }).then((d) => { stops.push(() => d.stop()); return d }),
      startPostgres(join(dataDir, 'postgres')).then((p) => { stops.push(() => p.close()); return p }),
    ]) as [DynamoLocal, EmbeddedPostgres]
    log(`engines ready (${Date.now() - t0} ms)`)
    const ddb = localDynamoClient(dynamo.endpoint)
    await ensureTables(ddb, [mainTableInput(tableName), simpleTableInput(LOCAL_TABLES.identity), simpleTableInput(LOCAL_TABLES.stepFunctions)])

    const s3: S3Local = await startS3Local({ port: opts.s3Port, dataDir: join(dataDir, 's3'), buckets: ['uploads', LOCAL_CHECKPOINT_BUCKET] })
    stops.push(() => s3.stop())

    const issuer = await loadIssuerKey(join(dataDir, 'identity'))
    // The portal simulator listens first (port 0: the system picks a free one) so functions learn its URL with the rest of their settings.
    let gatewayUrl = ''
    const portalSecret = PORTAL_SECRET_FROM_ENV ?? loadPortalSecret(dataDir)
    const portal = await startPortalSimulator({ port: opts.portalPort ?? 0, platformUrl: () => gatewayUrl, secret: portalSecret })
    stops.push(() => portal.close())
    // SES: the SMTP server listens before the functions learn its port; it hands official mail to the mail function once handlers are loaded.
    let invokeMail: (event: unknown) => Promise<unknown> = async () => { throw new Error('the platform is still starting') }
    const inboundDomain = 'congvan.digital-office.local'
    const trustedAuthserv = 'mx.digital-office.local'
    const mailServer = await startMailServer({
      port: opts.smtpPort ?? 0, dataDir, inboundDomain, trustedAuthserv, log,
      storeInbound: async (messageId, raw) => {
        const { files } = await import('../../functions/lib/adapters/blobs.js')
        const { objectKeys } = await import('../../shared/table/objects.js')
        await files.put(objectKeys.inboundMail(messageId), raw, 'message/rfc822')
      },
      invokeMailFunction: (event) => invokeMail(event) as never,
    })
    stops.push(() => mailServer.close())
    const sfnArn = (id: string) => `arn:aws:states:ap-southeast-1:000000000000:stateMachine:${id}`
    // The AWS SDK's own variables (credentials, endpoints of the local engines)…
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${opts.sfnPort}`,
    })
    // …and the functions' settings, declared in functions/lib/env.ts as CDK sets them.
    Object.assign(process.env, functionEnvironment({
      APP_ENV: 'local', AWS_REGION: 'ap-southeast-1', AWS_ENDPOINT_URL_S3: s3.endpoint,
      TABLE_NAME: tableName, UPLOADS_BUCKET: 'uploads', READ_MODEL: 'embedded', IDENTITY: 'local', MAIL: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailServer.port), MAIL_INBOUND_DOMAIN: inboundDomain, MAIL_TRUSTED_AUTHSERV: trustedAuthserv,
      LOCAL_IDENTITY_TABLE: LOCAL_TABLES.identity, LOCAL_IDENTITY_KEY_FILE: issuer.privateKeyFile, LOCAL_ISSUER,
      AUDIT_MAC: 'local', AUDIT_KEY_FILE: ensureAuditKey(dataDir), AUDIT_CHECKPOINT_BUCKET: LOCAL_CHECKPOINT_BUCKET,
      OUTBOX_DIR: join(dataDir, 'outbox'), SIGNING: 'local', SIGNING_DIR: join(dataDir, 'signing'),
      PORTAL_URL: portal.url, PORTAL_SHARED_SECRET: portalSecret,
      // Powertools: logs as on AWS; no EMF metrics printed and no tracing off AWS.
      POWERTOOLS_SERVICE_NAME: 'digital-office', POWERTOOLS_METRICS_NAMESPACE: 'DigitalOffice', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_TRACE_ENABLED: 'false',
      ...Object.fromEntries(WORKFLOWS.map((w) => [w.arnEnvVar as FunctionEnvName, sfnArn(w.id)])),
      ...(opts.approvalDeadlineSeconds ? { APPROVAL_DEADLINE_SECONDS: String(opts.approvalDeadlineSeconds) } : {}),
    }))
    resetRuntimeCaches(pg.sql)

    // The same entries Lambda runs (infra/definitions/modules.ts), imported in-process.
    const handlers: Record<string, AnyHandler> = {}
    for (const m of MODULES) handlers[m.id] = (await import(resolve(m.entry))).handler as AnyHandler
    // The OCR engine's worker thread (tesseract.js) ends with the platform.
    stops.push(async () => (await import('../../functions/archives/ocr/index.js')).closeOcrEngine())
    const invoke = (moduleId: string, payload: unknown) => {
      const h = handlers[moduleId]
      if (!h) throw new Error(`No local function ${moduleId}`)
      return h(payload, { awsRequestId: `local-${Date.now()}`, functionName: moduleId })
    }
    invokeMail = (event) => invoke('mail', event)
    // The read model's migrations, as the deployment runs them on AWS (the `migrations` function).
    await invoke('migrations', {})

    const seeded = opts.seed !== false && (await isEmpty())
    if (seeded) {
      const t0 = Date.now()
      const counts = await seedDemoData()
      await seedDemoDocuments()
      await seedDemoMembers()
      const demoTasks = await seedDemoTasks()
      const demoSchedules = await seedDemoSchedules()
      const demoDataRequests = await seedDemoDataRequests()
      const t1 = Date.now()
      const archives = await seedDemoArchives()
      log(`demo data loaded: ${counts.units} units, ${counts.users} users, demo documents, ${demoTasks.tasks} tasks, ${demoSchedules.events} schedule events, ${demoDataRequests.requests} data request (${Date.now() - t0} ms; archives: ${archives.documents} digitised documents in ${archives.files} files, ${Date.now() - t1} ms)`)
    }

    // One poller per `stream` module, each with its own position, as each has its own event source mapping on AWS.
    const pollers: StreamPoller[] = []
    for (const m of MODULES.filter((x) => x.trigger === 'stream')) {
      const p = await startStreamPoller({
        dynamo: ddb, endpoint: dynamo.endpoint, tableName,
        checkpointFile: join(dataDir, m.id === 'readmodel' ? 'stream-checkpoints.json' : `stream-checkpoints-${m.id}.json`),
        handler: (e: DynamoDBStreamEvent) => invoke(m.id, e), log,
        // The live broadcast is waited for by people in a meeting: polled more often than the projector.
        ...(m.id === 'meetings-stream' ? { intervalMs: 50 } : {}),
      })
      pollers.push(p)
      stops.push(() => p.stop())
    }
    const poller: StreamPoller = { stop: async () => { await Promise.all(pollers.map((p) => p.stop())) }, drain: async () => { await Promise.all(pollers.map((p) => p.drain())) } }
    // A first KPI snapshot on a fresh start, so the dashboards have figures before the 00:30 job: over the read model, once the seed reached it.
    if (seeded) {
      await poller.drain()
      const snapshot = await invoke('ops', { job: 'kpi-snapshot' }) as { units?: { units: number; computeMs: number; writeMs: number } }
      log(`first KPI snapshot: ${snapshot.units?.units ?? 0} units (${(snapshot.units?.computeMs ?? 0) + (snapshot.units?.writeMs ?? 0)} ms)`)
    }

    const sfn: StepFunctionsLocal = await startStepFunctionsLocal({
      port: opts.sfnPort, dynamo: ddb, tableName: LOCAL_TABLES.stepFunctions,
      workflows: WORKFLOWS.map((w) => ({ id: w.id, file: resolve(w.file), functionSubstitutions: w.functionSubstitutions })),
      invokeFunction: invoke, log,
    })
    stops.push(() => sfn.close())
    // Demo cases start their time-limit workflows: seeded once the Step Functions endpoint runs.
    if (seeded) {
      const demoCases = await seedDemoCases()
      log(`demo cases: ${demoCases.cases} cases, ${demoCases.petitions} petitions`)
    }

    if (opts.schedules !== false) {
      const scheduler = startScheduler(invoke, log)
      stops.push(() => scheduler.stop())
    }

    const gateway = await startGateway({
      port: opts.port, handlers: handlers as never, verifyKey: issuer.publicKey, issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE,
      webDist: resolve('web/dist'), maildir: mailServer.maildir,
      // The SPA's presigned uploads, page images and PDFs come from s3rver; sign-in goes through the gateway itself.
      contentSecurityPolicy: contentSecurityPolicy({ uploads: s3.endpoint }),
    })
    stops.push(() => gateway.close())
    gatewayUrl = gateway.url
    log('national portal simulator ready (its address is printed below)')

    return { url: gateway.url, dataDir, seeded, portalUrl: portal.url, smtpPort: mailServer.port, maildir: mailServer.maildir, drain: () => poller.drain(), invoke, stop: stopAll }
  } catch (err) {
    await stopAll()
    throw err
  }
}
