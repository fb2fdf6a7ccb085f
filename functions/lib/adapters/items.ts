/**
 * The single table's items, read once here: an item without its key and
 * index attributes is the domain record; a get and a query (every page,
 * following `LastEvaluatedKey`) return records. Module stores build their
 * keys with shared/table/keys.ts and read through these.
 */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../clients.js'
import { env } from '../env.js'

/** Attributes that belong to the table, not to the record. */
export const KEY_ATTRS: readonly string[] = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']

/** The domain record of an item (key, index and entity attributes removed). */
export function stripKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k))) as T
}

/** One record by its key (strongly consistent unless told otherwise). */
export async function getRecord<T>(key: { pk: string; sk: string }, consistent = true): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: consistent }))
  return res.Item ? stripKeys<T>(res.Item) : undefined
}

export type RecordQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>

/** Every record a query matches, page after page (a `Limit` caps the first page only and stops there). */
export async function queryRecords<T>(input: RecordQuery): Promise<T[]> {
  const out: T[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: env().TABLE_NAME, ...input, ExclusiveStartKey }))
    out.push(...(res.Items ?? []).map((i) => stripKeys<T>(i)))
    ExclusiveStartKey = input.Limit ? undefined : res.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return out
}
