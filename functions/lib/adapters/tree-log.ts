/**
 * The unit tree's change log: every write of a unit appends an entry (the
 * unit ids it changed) under a head holding the last entry's number, in the
 * same transaction as the unit itself (`Transaction` adds it when it puts a
 * unit). Readers keep the tree in memory and ask the log, with one strongly
 * consistent Query, only for what changed since the number they hold
 * (functions/org/adapters/tree-cache.ts). Bulk loads written past the API (a
 * migration, the bench) append a `reload` entry instead.
 */
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

export interface TreeChange { seq: number; unitIds: string[]; reload?: boolean; at: string }

/** The head's number now (0 before the first change). */
export async function treeHeadSeq(): Promise<number> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.treeHead(), ConsistentRead: true }))
  return (res.Item?.seq as number | undefined) ?? 0
}

/** The two items that append a change after `seq`: the head moved on under a condition (a lost race retries), the entry. */
export function treeChangeItems(seq: number, change: { unitIds: string[]; reload?: boolean }, now = new Date()): TxItem[] {
  const TableName = env().TABLE_NAME
  const next = seq + 1
  return [
    {
      Put: {
        TableName, Item: { ...keys.treeHead(), entity: ENTITY.treeHead, schemaVersion: SCHEMA_VERSION, seq: next },
        ...(seq === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'seq = :s', ExpressionAttributeValues: { ':s': seq } }),
      },
    },
    {
      Put: {
        TableName, ConditionExpression: 'attribute_not_exists(pk)',
        Item: { ...keys.treeChange(next), entity: ENTITY.treeChange, schemaVersion: SCHEMA_VERSION, seq: next, unitIds: change.unitIds, ...(change.reload ? { reload: true } : {}), at: now.toISOString() },
      },
    },
  ]
}

/** Appends a change on its own (units written past the API: a bulk load, a migration). */
export async function appendTreeChange(change: { unitIds: string[]; reload?: boolean }): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: treeChangeItems(await treeHeadSeq(), change) }))
      return
    } catch (err) {
      if (!(err instanceof TransactionCanceledException) || attempt >= 8) throw err
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)))
    }
  }
}
