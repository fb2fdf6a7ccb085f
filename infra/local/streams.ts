/**
 * DynamoDB Streams delivery: polls DynamoDB Local's stream and hands batches
 * to the same stream handler Lambda runs on AWS (the read-model projector),
 * in order per shard. Positions are checkpointed under the data directory so
 * a restart continues where it stopped; the projector is idempotent anyway.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBStreamEvent } from 'aws-lambda'

export interface StreamPoller { stop(): Promise<void>; /** Resolves once everything written so far has been delivered. */ drain(): Promise<void> }

export async function startStreamPoller(opts: {
  dynamo: DynamoDBClient; endpoint: string; tableName: string; checkpointFile: string
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>; intervalMs?: number; log?: (m: string) => void
}): Promise<StreamPoller> {
  const streams = new DynamoDBStreamsClient({ endpoint: opts.endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
  const table = await opts.dynamo.send(new DescribeTableCommand({ TableName: opts.tableName }))
  const streamArn = table.Table?.LatestStreamArn
  if (!streamArn) throw new Error(`Table ${opts.tableName} has no stream`)
  const checkpoints: Record<string, string> = existsSync(opts.checkpointFile) ? JSON.parse(readFileSync(opts.checkpointFile, 'utf8')) : {}
  const iterators = new Map<string, string | undefined>()
  const closedShards = new Set<string>()
  const failures = new Map<string, number>()
  let stopped = false
  let idle = true
  let waiters: (() => void)[] = []

  async function refreshShards(): Promise<void> {
    const d = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))
    for (const shard of d.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!
      if (iterators.has(id) || closedShards.has(id)) continue
      const after = checkpoints[id]
      const it = await streams.send(new GetShardIteratorCommand({
        StreamArn: streamArn, ShardId: id,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }))
      iterators.set(id, it.ShardIterator)
    }
  }

  async function pollOnce(): Promise<number> {
    await refreshShards()
    let delivered = 0
    for (const [shardId, iterator] of iterators) {
      if (!iterator) { iterators.delete(shardId); closedShards.add(shardId); continue }
      const res = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }))
      const records = res.Records ?? []
      if (records.length) {
        try {
          const result = await opts.handler({ Records: records.map((r) => ({ ...r, eventSourceARN: streamArn })) } as unknown as DynamoDBStreamEvent)
          // A reported item failure (ReportBatchItemFailures on AWS) is retried like a failed batch (projections are idempotent).
          const failed = (result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined)?.batchItemFailures ?? []
          if (failed.length) throw new Error(`record ${failed[0].itemIdentifier} not projected`)
          failures.delete(shardId)
        } catch (err) {
          // As Lambda's retry limit + on-failure destination do on AWS: retry a few times, then set the batch aside.
          const n = (failures.get(shardId) ?? 0) + 1
          failures.set(shardId, n)
          if (n < 5) throw err
          opts.log?.(`stream batch skipped after ${n} failures (${records.length} records): ${(err as Error).message}`)
          failures.delete(shardId)
        }
        checkpoints[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!
        writeFileSync(opts.checkpointFile, JSON.stringify(checkpoints))
        delivered += records.length
      }
      iterators.set(shardId, res.NextShardIterator)
    }
    return delivered
  }

  const loop = (async () => {
    while (!stopped) {
      let delivered = 0
      try {
        idle = false
        delivered = await pollOnce()
      } catch (err) {
        opts.log?.(`stream delivery failed, retrying: ${(err as Error).message}`)
      } finally {
        if (delivered === 0) { idle = true; const w = waiters; waiters = []; w.forEach((f) => f()) }
      }
      if (delivered === 0) await new Promise((r) => setTimeout(r, opts.intervalMs ?? 150))
    }
  })()

  return {
    async stop() { stopped = true; await loop },
    drain: () => new Promise<void>((resolve) => { idle = false; waiters.push(resolve) }),
  }
}
