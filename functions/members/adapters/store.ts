/**
 * Party members in the single table: items and their keys (from
 * shared/table/keys), and the reads the use cases need. A member's record,
 * fee assessments and payments share one partition (`PMEMBER#<id>`), so the
 * ledger is one consistent query; the cell is an index (byCollection).
 */
import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { FeeEntry, PartyMember, PaymentEntry, Transfer } from '../../../shared/members/contracts.js'
import { fold } from '../../../shared/text/fold.js'

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k))) as T
}

async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: env().TABLE_NAME, ...input, ExclusiveStartKey }))
    out.push(...(res.Items ?? []))
    ExclusiveStartKey = res.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return out
}

async function get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: key, ConsistentRead: true }))
  return strip<T>(res.Item)
}

const ACTIVE_IN_CELL = new Set(['active', 'temporarily-away', 'transferring'])

export const memberItem = (m: PartyMember) => ({
  ...keys.partyMember(m.memberId),
  // Members who left the cell stay readable by id but drop out of the cell's list.
  ...(ACTIVE_IN_CELL.has(m.status) ? keys.partyMembersOfCell(m.cellId, `${fold(m.fullName.split(' ').at(-1) ?? '')} ${fold(m.fullName)}#${m.memberId}`) : {}),
  ...(m.userId ? keys.partyMemberByUser(m.userId) : {}),
  entity: ENTITY.partyMember, schemaVersion: SCHEMA_VERSION, ...m,
})
export const cardClaimItem = (cardNumber: string, memberId: string) => ({ ...keys.partyCardClaim(cardNumber), entity: ENTITY.partyCardClaim, schemaVersion: SCHEMA_VERSION, memberId })
export const assessmentItem = (f: FeeEntry) => ({ ...keys.feeAssessment(f.memberId, f.month), entity: ENTITY.feeAssessment, schemaVersion: SCHEMA_VERSION, ...f })
export const paymentItem = (p: PaymentEntry) => ({ ...keys.feePayment(p.memberId, p.month, p.paymentId), entity: ENTITY.feePayment, schemaVersion: SCHEMA_VERSION, ...p })
export const transferItem = (t: Transfer) => {
  const waitingOn = t.status === 'pending' ? t.steps[t.currentStep]?.unitId : ['issued', 'overdue'].includes(t.status) ? t.toUnitId : undefined
  return {
    ...keys.transfer(t.fromCellId, t.transferId), ...keys.transfersOfMember(t.memberId, t.createdAt),
    ...(waitingOn ? keys.transferInbox(waitingOn, t.createdAt) : {}),
    ...(t.portalRef ? keys.portalRef(t.portalRef) : {}),
    entity: ENTITY.transfer, schemaVersion: SCHEMA_VERSION, ...t,
  }
}
export const transferLockItem = (memberId: string, transferId: string) => ({ ...keys.transferLock(memberId), entity: ENTITY.transferLock, schemaVersion: SCHEMA_VERSION, transferId })

/** The cell a transfer id belongs to (`<cellId>.tr-<random>`). */
export const cellOfTransfer = (transferId: string): string => transferId.slice(0, transferId.indexOf('.'))

export interface Remittance {
  cellId: string
  month: string
  collected: number
  allocations: { unitId: string; level: string; percent: number; amount: number }[]
  report: { memberId: string; fullName: string; due: number; paid: number; owed: number }[]
  totals: { due: number; paid: number; owed: number; members: number }
  ruleTable: string
  remittedAt: string
  remittedBy: { userId: string; fullName: string }
  version: number
}
export const remittanceItem = (r: Remittance) => ({ ...keys.feeRemittance(r.cellId, r.month), entity: ENTITY.feeRemittance, schemaVersion: SCHEMA_VERSION, ...r })

export const memberStore = {
  getMember: (memberId: string) => get<PartyMember>(keys.partyMember(memberId)),

  async getMembers(memberIds: string[]): Promise<PartyMember[]> {
    const out: PartyMember[] = []
    for (let i = 0; i < memberIds.length; i += 100) {
      const Keys = [...new Set(memberIds.slice(i, i + 100))].map((id) => keys.partyMember(id))
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = { [env().TABLE_NAME]: { Keys, ConsistentRead: true } }
      while (request && Object.keys(request).length) {
        const res = await documentClient().send(new BatchGetCommand({ RequestItems: request }))
        out.push(...(res.Responses?.[env().TABLE_NAME] ?? []).map((i) => strip<PartyMember>(i)!))
        request = res.UnprocessedKeys as typeof request
      }
    }
    return out
  },

  async getMemberByUser(userId: string): Promise<PartyMember | undefined> {
    const { name, partitionKey } = TABLE.indexes.byLookup
    const items = await queryAll({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.partyMemberByUser(userId).gsi2pk } })
    const m = strip<PartyMember>(items[0])
    // The index is eventually consistent: read the record itself.
    return m ? memberStore.getMember(m.memberId) : undefined
  },

  async cardOwner(cardNumber: string): Promise<string | undefined> {
    return (await get<{ memberId: string }>(keys.partyCardClaim(cardNumber)))?.memberId
  },

  async listCell(cellId: string): Promise<PartyMember[]> {
    const { name, partitionKey } = TABLE.indexes.byCollection
    const items = await queryAll({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.partyMembersOfCell(cellId).gsi1pk } })
    return items.map((i) => strip<PartyMember>(i)!)
  },

  /** The fee ledger of a member: assessments and payments, in one consistent query. */
  async ledgerOf(memberId: string): Promise<{ assessments: FeeEntry[]; payments: PaymentEntry[] }> {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.feeLedgerOf(memberId).pk }, ConsistentRead: true,
    })
    return {
      assessments: items.filter((i) => i.entity === ENTITY.feeAssessment).map((i) => strip<FeeEntry>(i)!),
      payments: items.filter((i) => i.entity === ENTITY.feePayment).map((i) => strip<PaymentEntry>(i)!),
    }
  },

  getAssessment: (memberId: string, month: string) => get<FeeEntry>(keys.feeAssessment(memberId, month)),
  getRemittance: (cellId: string, month: string) => get<Remittance>(keys.feeRemittance(cellId, month)),
  /** Every month's remittance of a cell, newest first. */
  async remittancesOf(cellId: string): Promise<Remittance[]> {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ConsistentRead: true, ScanIndexForward: false,
      ExpressionAttributeValues: { ':pk': keys.feeRemittance(cellId, '').pk, ':sk': keys.feeRemittance(cellId, '').sk },
    })
    return items.map((i) => strip<Remittance>(i)!)
  },

  getTransfer: (transferId: string) => get<Transfer>(keys.transfer(cellOfTransfer(transferId), transferId)),

  async transfersOfMember(memberId: string): Promise<Transfer[]> {
    const { name, partitionKey } = TABLE.indexes.byCollection
    const items = await queryAll({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.transfersOfMember(memberId, '').gsi1pk }, ScanIndexForward: false })
    return items.map((i) => strip<Transfer>(i)!)
  },

  async transferInbox(unitId: string): Promise<Transfer[]> {
    const { name, partitionKey } = TABLE.indexes.byInbox
    const items = await queryAll({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.transferInbox(unitId, '').gsi3pk } })
    return items.map((i) => strip<Transfer>(i)!)
  },

  async transferByPortalRef(portalRef: string): Promise<Transfer | undefined> {
    const { name, partitionKey } = TABLE.indexes.byLookup
    const items = await queryAll({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.portalRef(portalRef).gsi2pk } })
    const t = strip<Transfer>(items[0])
    return t ? memberStore.getTransfer(t.transferId) : undefined
  },

  getPortalRequest: (requestId: string) => get<{ requestId: string; bodyHash: string; response: { status: number; body: unknown } }>(keys.portalRequest(requestId)),
}
export type MemberStore = typeof memberStore
