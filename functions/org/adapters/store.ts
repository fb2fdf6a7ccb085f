/**
 * Reads of the organisation module from the single table. Items carry their
 * entity name and schema version; they become domain types here.
 */
import { getRecord, getRecords, queryIndex, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { AuditEntry, Reorganisation, Unit, User } from '../../../shared/org/contracts.js'
import type { ChainHead } from '../../../shared/audit/chain.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import { currentTree, readWholeTree } from './tree-cache.js'

export const unitItem = (u: Unit) => ({ ...keys.unit(u.unitId), ...keys.unitCollection(u.unitId), entity: ENTITY.unit, schemaVersion: SCHEMA_VERSION, ...u })
export const userItem = (u: User) => ({ ...keys.user(u.userId), ...keys.userLookup(u.username), entity: ENTITY.user, schemaVersion: SCHEMA_VERSION, ...u })
export const memberItem = (unitId: string, u: User, a: { role: string; position?: string; votingRights?: false }) => ({
  ...keys.member(unitId, u.userId), entity: ENTITY.member, schemaVersion: SCHEMA_VERSION,
  unitId, userId: u.userId, fullName: u.fullName, username: u.username, role: a.role, position: a.position, ...(a.votingRights === false ? { votingRights: false } : {}),
})
export const reorganisationItem = (r: Reorganisation) => ({
  ...keys.reorganisation(r.ownerUnitId, r.requestId), ...keys.reorganisationLookup(r.requestId),
  ...keys.reorganisationByRequester(r.requestedBy.userId, r.createdAt),
  ...keys.approverInbox(r.approverUnitId, r.status, r.createdAt),
  entity: ENTITY.reorganisation, schemaVersion: SCHEMA_VERSION, ...r,
})

export interface Member { unitId: string; userId: string; fullName: string; username: string; role: string; position?: string; /** Only a temporary transfer's role here: attends, does not vote. */ votingRights?: false }

export const orgStore = {
  /** Every unit, read from the table (a bulk job that wants the table's own view; requests use `tree`). */
  listUnits: (): Promise<Unit[]> => readWholeTree(),
  /** The tree as it is now, from the container's copy checked against the change log (tree-cache.ts). */
  tree: (): Promise<UnitIndex> => currentTree(),

  getUnit: (unitId: string, consistent = false): Promise<Unit | undefined> => getRecord<Unit>(keys.unit(unitId), consistent),

  getUser: (userId: string): Promise<User | undefined> => getRecord<User>(keys.user(userId), false),

  getUsers: (userIds: string[]): Promise<User[]> => getRecords<User>(userIds.map((id) => keys.user(id))),

  async getUserByUsername(username: string): Promise<User | undefined> {
    return (await queryIndex<User>(TABLE.indexes.byLookup, keys.userLookup(username).gsi2pk, { max: 1 }))[0]
  },

  listMembers: (unitId: string): Promise<Member[]> => queryPrefix<Member>(keys.membersOf(unitId)),

  async getReorganisation(requestId: string): Promise<Reorganisation | undefined> {
    const found = (await queryIndex<Reorganisation>(TABLE.indexes.byLookup, keys.reorganisationLookup(requestId).gsi2pk, { max: 1 }))[0]
    if (!found) return undefined
    // The index is eventually consistent: read the item itself for the current version.
    return getRecord<Reorganisation>(keys.reorganisation(found.ownerUnitId, requestId))
  },

  listInbox(approverUnitId: string, status: string): Promise<Reorganisation[]> {
    const { name, partitionKey, sortKey } = TABLE.indexes.byInbox
    return queryRecords<Reorganisation>({
      IndexName: name, KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :s)', ScanIndexForward: false,
      ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
      ExpressionAttributeValues: { ':pk': keys.approverInbox(approverUnitId, '', '').gsi3pk, ':s': `${status}#` },
    })
  },

  listByRequester: (userId: string): Promise<Reorganisation[]> =>
    queryIndex<Reorganisation>(TABLE.indexes.byCollection, keys.reorganisationByRequester(userId, '').gsi1pk, { forward: false, max: 200 }),

  async listAudit(unitId: string, opts: { newestFirst: boolean; limit?: number }): Promise<AuditEntry[]> {
    const k = keys.auditEntries(unitId)
    const items = await queryRecords<AuditEntry>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix },
      ScanIndexForward: !opts.newestFirst, ...(opts.limit ? { Limit: opts.limit } : {}),
    }, { max: opts.limit ?? Infinity })
    return items.slice(0, opts.limit ?? items.length)
  },
  /** The head of a unit's chain (count, last MAC, its own MAC), or null before the first entry. */
  async auditHead(unitId: string): Promise<ChainHead | null> {
    const h = await getRecord<{ seq: number; hash: string; mac?: string }>(keys.auditHead(unitId))
    return h ? { unitId, seq: h.seq, hash: h.hash, mac: h.mac ?? '' } : null
  },
}
export type OrgStore = typeof orgStore
