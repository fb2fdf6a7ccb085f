/**
 * Reads of the organisation module from the single table. Items carry their
 * entity name and schema version; they become domain types here.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { AuditEntry, Reorganisation, Unit, User } from '../../../shared/org/contracts.js'
import type { ChainHead } from '../../../shared/audit/chain.js'

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v
  return out as T
}

async function queryAll(input: Omit<QueryCommandInput, 'TableName'>, max = Infinity): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: env().TABLE_NAME, ...input, ExclusiveStartKey }))
    out.push(...(res.Items ?? []))
    ExclusiveStartKey = res.LastEvaluatedKey
  } while (ExclusiveStartKey && out.length < max)
  return out
}

export const unitItem = (u: Unit) => ({ ...keys.unit(u.unitId), ...keys.unitCollection(u.unitId), entity: ENTITY.unit, schemaVersion: SCHEMA_VERSION, ...u })
export const userItem = (u: User) => ({ ...keys.user(u.userId), ...keys.userLookup(u.username), entity: ENTITY.user, schemaVersion: SCHEMA_VERSION, ...u })
export const memberItem = (unitId: string, u: User, a: { role: string; position?: string }) => ({
  ...keys.member(unitId, u.userId), entity: ENTITY.member, schemaVersion: SCHEMA_VERSION,
  unitId, userId: u.userId, fullName: u.fullName, username: u.username, role: a.role, position: a.position,
})
export const reorganisationItem = (r: Reorganisation) => ({
  ...keys.reorganisation(r.ownerUnitId, r.requestId), ...keys.reorganisationLookup(r.requestId),
  ...keys.reorganisationByRequester(r.requestedBy.userId, r.createdAt),
  ...keys.approverInbox(r.approverUnitId, r.status, r.createdAt),
  entity: ENTITY.reorganisation, schemaVersion: SCHEMA_VERSION, ...r,
})

export interface Member { unitId: string; userId: string; fullName: string; username: string; role: string; position?: string }

export const orgStore = {
  async listUnits(): Promise<Unit[]> {
    const { name, partitionKey } = TABLE.indexes.byCollection
    const items = await queryAll({
      IndexName: name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.treeCollection().gsi1pk },
    })
    return items.map((i) => strip<Unit>(i)!)
  },

  async getUnit(unitId: string, consistent = false): Promise<Unit | undefined> {
    const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.unit(unitId), ConsistentRead: consistent }))
    return strip<Unit>(res.Item)
  },

  async getUser(userId: string): Promise<User | undefined> {
    const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.user(userId) }))
    return strip<User>(res.Item)
  },

  async getUsers(userIds: string[]): Promise<User[]> {
    const out: User[] = []
    for (let i = 0; i < userIds.length; i += 100) {
      const Keys = userIds.slice(i, i + 100).map((id) => keys.user(id))
      let pending: Record<string, unknown>[] | undefined = Keys
      while (pending && pending.length) {
        const res = await documentClient().send(new BatchGetCommand({ RequestItems: { [env().TABLE_NAME]: { Keys: pending } } }))
        out.push(...(res.Responses?.[env().TABLE_NAME] ?? []).map((x) => strip<User>(x)!))
        pending = res.UnprocessedKeys?.[env().TABLE_NAME]?.Keys as Record<string, unknown>[] | undefined
      }
    }
    return out
  },

  async getUserByUsername(username: string): Promise<User | undefined> {
    const { name, partitionKey } = TABLE.indexes.byLookup
    const items = await queryAll({
      IndexName: name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.userLookup(username).gsi2pk },
    }, 1)
    return strip<User>(items[0])
  },

  async listMembers(unitId: string): Promise<Member[]> {
    const k = keys.membersOf(unitId)
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix },
    })
    return items.map((i) => strip<Member>(i)!)
  },

  async getReorganisation(requestId: string): Promise<Reorganisation | undefined> {
    const { name, partitionKey } = TABLE.indexes.byLookup
    const items = await queryAll({
      IndexName: name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.reorganisationLookup(requestId).gsi2pk },
    }, 1)
    const found = strip<Reorganisation>(items[0])
    if (!found) return undefined
    // The index is eventually consistent: read the item itself for the current version.
    const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.reorganisation(found.ownerUnitId, requestId), ConsistentRead: true }))
    return strip<Reorganisation>(res.Item)
  },

  async listInbox(approverUnitId: string, status: string): Promise<Reorganisation[]> {
    const { name, partitionKey, sortKey } = TABLE.indexes.byInbox
    const items = await queryAll({
      IndexName: name, KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :s)', ScanIndexForward: false,
      ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
      ExpressionAttributeValues: { ':pk': keys.approverInbox(approverUnitId, '', '').gsi3pk, ':s': `${status}#` },
    })
    return items.map((i) => strip<Reorganisation>(i)!)
  },

  async listByRequester(userId: string): Promise<Reorganisation[]> {
    const { name, partitionKey } = TABLE.indexes.byCollection
    const items = await queryAll({
      IndexName: name, KeyConditionExpression: '#pk = :pk', ScanIndexForward: false,
      ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.reorganisationByRequester(userId, '').gsi1pk },
    }, 200)
    return items.map((i) => strip<Reorganisation>(i)!)
  },

  async listAudit(unitId: string, opts: { newestFirst: boolean; limit?: number }): Promise<AuditEntry[]> {
    const k = keys.auditEntries(unitId)
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix },
      ScanIndexForward: !opts.newestFirst, ...(opts.limit ? { Limit: opts.limit } : {}),
    }, opts.limit ?? Infinity)
    return items.slice(0, opts.limit ?? items.length).map((i) => strip<AuditEntry>(i)!)
  },
  /** The head of a unit's chain (count, last MAC, its own MAC), or null before the first entry. */
  async auditHead(unitId: string): Promise<ChainHead | null> {
    const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: keys.auditHead(unitId), ConsistentRead: true }))
    const h = res.Item
    return h ? { unitId, seq: h.seq as number, hash: h.hash as string, mac: (h.mac as string | undefined) ?? '' } : null
  },
}
export type OrgStore = typeof orgStore
