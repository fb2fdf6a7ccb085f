/**
 * The single table's items, read once here: an item without its key and
 * index attributes is the domain record (`stripKeys`, beside the keys in
 * shared/table/keys.ts); a get, a batch get and a query
 * (every page, following `LastEvaluatedKey`) return records. Module stores
 * build their keys with shared/table/keys.ts and read through these;
 * conditional writes go through `Transaction` (transaction.ts).
 */
import { BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import { stripKeys } from '../../../shared/table/keys.js'

/** One record by its key (strongly consistent unless told otherwise). */
export async function getRecord<T>(key: { pk: string; sk: string }, consistent = true): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: consistent }))
  return stripKeys<T>(res.Item)
}

/** The records of many keys, 100 to a request, retrying what DynamoDB left unprocessed (order not kept). */
export async function getRecords<T>(itemKeys: readonly { pk: string; sk: string }[], consistent = false): Promise<T[]> {
  const TableName = env().TABLE_NAME
  const out: T[] = []
  for (let i = 0; i < itemKeys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = itemKeys.slice(i, i + 100).map((k) => ({ pk: k.pk, sk: k.sk }))
    while (pending && pending.length) {
      const res = await documentClient().send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }))
      out.push(...(res.Responses?.[TableName] ?? []).map((x) => stripKeys<T>(x)))
      pending = res.UnprocessedKeys?.[TableName]?.Keys as Record<string, unknown>[] | undefined
    }
  }
  return out
}

export type RecordQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>
export interface QueryOptions {
  /** Page until this many items are in (the last page kept whole), even past a page cut short by `Limit` or size. */
  max?: number
}

/**
 * Every item a query matches, with its keys, page after page. A `Limit`
 * without `max` caps the first page only and stops there; with `max`,
 * paging goes on until `max` items are in.
 */
export async function queryItems(input: RecordQuery, opts: QueryOptions = {}): Promise<Record<string, unknown>[]> {
  const max = opts.max ?? Infinity
  const out: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: env().TABLE_NAME, ...input, ExclusiveStartKey }))
    out.push(...(res.Items ?? []))
    ExclusiveStartKey = input.Limit && opts.max === undefined ? undefined : res.LastEvaluatedKey
  } while (ExclusiveStartKey && out.length < max)
  return out
}

/** Every record a query matches, page after page (as `queryItems`, keys removed). */
export async function queryRecords<T>(input: RecordQuery, opts: QueryOptions = {}): Promise<T[]> {
  return (await queryItems(input, opts)).map((i) => stripKeys<T>(i))
}

/** The records under a partition whose sort key begins with a prefix (`keys.*Of`). */
export const queryPrefix = <T>(k: { pk: string; skPrefix: string }, opts: Pick<RecordQuery, 'ConsistentRead' | 'ScanIndexForward'> = {}) => queryRecords<T>({
  KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ...opts,
})

/** The records of one index partition (`TABLE.indexes.*`), in sort-key order unless `forward` is false. */
export const queryIndex = <T>(index: { name: string; partitionKey: string }, pkValue: string, opts: { forward?: boolean } & QueryOptions = {}) => queryRecords<T>({
  IndexName: index.name, KeyConditionExpression: '#p = :p', ExpressionAttributeNames: { '#p': index.partitionKey }, ExpressionAttributeValues: { ':p': pkValue },
  ...(opts.forward === undefined ? {} : { ScanIndexForward: opts.forward }),
}, { max: opts.max })

/** Writes an item whole, unconditionally (a result keyed so that a retry overwrites itself). */
export async function putItem(item: Record<string, unknown>): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: env().TABLE_NAME, Item: item }))
}

/**
 * Writes many items whole, unconditionally, 25 to a request and `parallel` requests at a time, retrying what
 * DynamoDB left unprocessed (results keyed by what they are of: a retry overwrites itself; no key twice in one call).
 */
export async function putItems(items: readonly Record<string, unknown>[], parallel = 4): Promise<void> {
  const TableName = env().TABLE_NAME
  const batch = async (from: number) => {
    let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = items.slice(from, from + 25).map((Item) => ({ PutRequest: { Item } }))
    for (let attempt = 0; pending && pending.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)))
      const res = await documentClient().send(new BatchWriteCommand({ RequestItems: { [TableName]: pending } }))
      pending = res.UnprocessedItems?.[TableName] as typeof pending
    }
  }
  for (let i = 0; i < items.length; i += 25 * parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, Math.ceil((items.length - i) / 25)) }, (_, k) => batch(i + k * 25)))
  }
}

/** Deletes an item, unconditionally (nothing there is no error). */
export async function deleteItem(key: { pk: string; sk: string }): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: env().TABLE_NAME, Key: key }))
}
