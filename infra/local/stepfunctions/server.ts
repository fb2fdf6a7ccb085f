/**
 * The AWS Step Functions wire protocol (JSON 1.0 over HTTP POST, operation in
 * `X-Amz-Target: AWSStepFunctions.<Op>`), so `SFNClient` with `endpoint` set
 * talks to the local engine unchanged. Timestamps travel as epoch seconds,
 * errors as `{ "__type": "<Code>", "message": "…" }` with status 400, which the
 * SDK turns into its typed exceptions (`TaskDoesNotExist`, …).
 *
 * Requests are not signature-checked: the endpoint binds to the loopback
 * interface by default and serves the local development runtime only.
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Engine } from './engine.js'
import { SfnApiError } from './errors.js'
import type { ExecutionRecord, ExecutionSummary } from './store.js'

type Body = Record<string, unknown>
type Operation = (engine: Engine, body: Body) => Promise<unknown>

const at = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms))

function describe(e: ExecutionRecord) {
  return {
    executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status,
    startDate: at(e.startDate), stopDate: at(e.stopDate),
    input: e.input, inputDetails: { included: true },
    output: e.output, outputDetails: e.output === undefined ? undefined : { included: true },
    error: e.error, cause: e.cause,
  }
}

function listed(e: ExecutionSummary) {
  return {
    executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status,
    startDate: at(e.startDate), stopDate: at(e.stopDate),
  }
}

const OPERATIONS: Record<string, Operation> = {
  async StartExecution(engine, b) {
    const e = await engine.startExecution({ stateMachineArn: b.stateMachineArn, name: b.name, input: b.input })
    return { executionArn: e.executionArn, startDate: at(e.startDate) }
  },
  async DescribeExecution(engine, b) {
    return describe(await engine.describeExecution(b.executionArn))
  },
  async ListExecutions(engine, b) {
    const page = await engine.listExecutions(b)
    return { executions: page.items.map(listed), nextToken: page.nextToken }
  },
  async StopExecution(engine, b) {
    return { stopDate: at((await engine.stopExecution(b)).stopDate) }
  },
  async SendTaskSuccess(engine, b) { await engine.sendTaskSuccess(b); return {} },
  async SendTaskFailure(engine, b) { await engine.sendTaskFailure(b); return {} },
  async SendTaskHeartbeat(engine, b) { await engine.sendTaskHeartbeat(b); return {} },
  async GetExecutionHistory(engine, b) { return engine.getExecutionHistory(b) },
  async ListStateMachines(engine) {
    return {
      stateMachines: engine.listStateMachines().map((wf) => ({
        stateMachineArn: wf.arn, name: wf.name, type: 'STANDARD', creationDate: at(wf.createdAt),
      })),
    }
  },
  async DescribeStateMachine(engine, b) {
    const wf = engine.stateMachine(b.stateMachineArn)
    return {
      stateMachineArn: wf.arn, name: wf.name, status: 'ACTIVE', definition: wf.definition,
      roleArn: `arn:aws:iam::${wf.arn.split(':')[4]}:role/local-stepfunctions`, type: 'STANDARD', creationDate: at(wf.createdAt),
    }
  },
}

export interface SfnServer { url: string; close(): Promise<void> }

export async function serveStepFunctions(engine: Engine, opts: { port: number; host: string; log: (m: string) => void }): Promise<SfnServer> {
  const server = http.createServer((req, res) => {
    void handle(engine, req, opts.log).then(({ status, body, type }) => {
      const text = JSON.stringify(body, epochSeconds)
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(text),
        'x-amzn-requestid': randomUUID(),
        ...(type ? { 'x-amzn-errortype': type } : {}),
      })
      res.end(text)
    })
  })
  // SDK clients keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => { server.off('error', reject); resolve() })
  })
  const { port } = server.address() as AddressInfo
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}

async function handle(engine: Engine, req: http.IncomingMessage, log: (m: string) => void): Promise<{ status: number; body: unknown; type?: string }> {
  try {
    if (req.method !== 'POST') throw new SfnApiError('UnknownOperationException', 'Only POST is supported')
    const target = String(req.headers['x-amz-target'] ?? '')
    const [service, op] = target.split('.')
    const operation = service === 'AWSStepFunctions' && op ? OPERATIONS[op] : undefined
    if (!operation) throw new SfnApiError('UnknownOperationException', `Unsupported operation '${target}'`)
    const raw = await readBody(req)
    let body: Body
    try {
      body = raw.length ? (JSON.parse(raw) as Body) : {}
    } catch {
      throw new SfnApiError('SerializationException', 'Request body is not valid JSON')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SfnApiError('SerializationException', 'Request body must be a JSON object')
    return { status: 200, body: await operation(engine, body) }
  } catch (e) {
    if (e instanceof SfnApiError) return { status: e.status, body: { __type: e.type, message: e.message }, type: e.type }
    log(`[stepfunctions] internal error: ${(e as Error).stack ?? String(e)}`)
    return { status: 500, body: { __type: 'InternalFailure', message: (e as Error).message }, type: 'InternalFailure' }
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** JSON 1.0 timestamps are epoch seconds. `this[key]` is the value before Date#toJSON ran. */
function epochSeconds(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key]
  return original instanceof Date ? original.getTime() / 1000 : value
}
