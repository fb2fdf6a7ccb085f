/**
 * One DynamoDB transaction for a mutation and its audit entries, so a change
 * and its audit trail are written together or not at all. Audit entries are
 * hash-chained per unit: the chain head is updated under a condition on its
 * sequence number, and a lost race is retried with fresh heads.
 */
import { TransactWriteCommand, GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { GENESIS_HASH, entryHash, headMac } from '../../../shared/audit/chain.js'
import { auditMac } from './audit-mac.js'
import { treeChangeItems, treeHeadSeq } from './tree-log.js'
import { ConflictError, type DomainError } from '../../../shared/errors/index.js'

type Item = Record<string, unknown> & { pk: string; sk: string }
type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

export interface AuditInput { unitId: string; action: string; target: string; details?: Record<string, unknown> }
export interface AuditActor { userId: string; name: string; sourceIp?: string }

interface Op { item: TxItem; onConflict: DomainError }

export class Transaction {
  private readonly ops: Op[] = []
  private readonly audits: AuditInput[] = []

  /** Put an item: `expectVersion: 'new'` requires it not to exist; a number requires that version. */
  put(item: Item, opts: { expectVersion?: number | 'new'; onConflict?: DomainError } = {}): this {
    const TableName = env().TABLE_NAME
    const Put: NonNullable<TxItem['Put']> = { TableName, Item: item }
    if (opts.expectVersion === 'new') Put.ConditionExpression = 'attribute_not_exists(pk)'
    else if (typeof opts.expectVersion === 'number') {
      Put.ConditionExpression = '#v = :v'
      Put.ExpressionAttributeNames = { '#v': 'version' }
      Put.ExpressionAttributeValues = { ':v': opts.expectVersion }
    }
    this.ops.push({ item: { Put }, onConflict: opts.onConflict ?? new ConflictError('conflict.version') })
    return this
  }

  /** Write nothing, but only if the item is still at this version (a ballot counts only while its vote is open). */
  check(key: { pk: string; sk: string }, expectVersion: number, onConflict: DomainError = new ConflictError('conflict.version')): this {
    this.ops.push({
      item: { ConditionCheck: { TableName: env().TABLE_NAME, Key: key, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectVersion } } },
      onConflict,
    })
    return this
  }

  delete(key: { pk: string; sk: string }): this {
    this.ops.push({ item: { Delete: { TableName: env().TABLE_NAME, Key: key } }, onConflict: new ConflictError('conflict.version') })
    return this
  }

  audit(entry: AuditInput): this {
    this.audits.push(entry)
    return this
  }

  get size(): number { return this.ops.length + this.audits.length * 2 + (this.ops.some((o) => o.item.Put?.Item?.entity === ENTITY.unit) ? 2 : 0) }

  async commit(actor: AuditActor, now = new Date()): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const auditItems = await this.buildAuditItems(actor, now)
      const TransactItems = [...this.ops.map((o) => o.item), ...auditItems, ...await this.buildTreeChange(now)]
      if (TransactItems.length === 0) return
      try {
        await documentClient().send(new TransactWriteCommand({ TransactItems }))
        return
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err
        const reasons = err.CancellationReasons ?? []
        const failedOp = reasons.findIndex((r, i) => i < this.ops.length && r.Code === 'ConditionalCheckFailed')
        if (failedOp >= 0) throw this.ops[failedOp].onConflict
        // Only audit heads or the tree log's head lost a race (another writer appended first) or a transaction conflict: retry.
        if (attempt >= 8) throw new ConflictError('conflict.version')
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)))
      }
    }
  }

  /** A unit written: the tree's change log moves on in the same transaction (tree-log.ts). */
  private async buildTreeChange(now: Date): Promise<TxItem[]> {
    const unitIds = this.ops.flatMap((o) => (o.item.Put?.Item?.entity === ENTITY.unit ? [String(o.item.Put.Item.unitId)] : []))
    if (unitIds.length === 0) return []
    return treeChangeItems(await treeHeadSeq(), { unitIds: [...new Set(unitIds)] }, now)
  }

  private async buildAuditItems(actor: AuditActor, now: Date): Promise<TxItem[]> {
    if (this.audits.length === 0) return []
    const TableName = env().TABLE_NAME
    const heads = new Map<string, { seq: number; hash: string; exists: boolean }>()
    for (const unitId of new Set(this.audits.map((a) => a.unitId))) {
      const res = await documentClient().send(new GetCommand({ TableName, Key: keys.auditHead(unitId), ConsistentRead: true }))
      heads.set(unitId, res.Item ? { seq: res.Item.seq as number, hash: res.Item.hash as string, exists: true } : { seq: 0, hash: GENESIS_HASH, exists: false })
    }
    const start = new Map([...heads].map(([k, v]) => [k, { ...v }]))
    const items: TxItem[] = []
    for (const a of this.audits) {
      const head = heads.get(a.unitId)!
      const content = {
        unitId: a.unitId, seq: head.seq + 1, at: now.toISOString(), actor: { userId: actor.userId, name: actor.name },
        action: a.action, target: a.target, details: compactDetails(a.details), sourceIp: actor.sourceIp, prevHash: head.hash,
      }
      const hash = await entryHash(content, auditMac())
      items.push({ Put: { TableName, Item: { ...keys.auditEntry(a.unitId, content.seq), entity: ENTITY.auditEntry, schemaVersion: SCHEMA_VERSION, ...stripUndefined(content), hash }, ConditionExpression: 'attribute_not_exists(pk)' } })
      head.seq = content.seq
      head.hash = hash
    }
    for (const [unitId, head] of heads) {
      const before = start.get(unitId)!
      items.push({
        Put: {
          TableName, Item: { ...keys.auditHead(unitId), entity: ENTITY.auditHead, schemaVersion: SCHEMA_VERSION, unitId, seq: head.seq, hash: head.hash, mac: await headMac({ unitId, seq: head.seq, hash: head.hash }, auditMac()) },
          ...(before.exists
            ? { ConditionExpression: 'seq = :s', ExpressionAttributeValues: { ':s': before.seq } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      })
    }
    return items
  }
}

/** Drops empty fields: an empty map would come back from the stream as an empty value and not hash the same. */
function compactDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return undefined
  const kept = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null))
  return Object.keys(kept).length ? kept : undefined
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
