/**
 * Party members in the single table: items and their keys (from
 * shared/table/keys), and the reads the use cases need. A member's record,
 * fee assessments and payments share one partition (`PMEMBER#<id>`), so the
 * ledger is one consistent query; the cell is an index (byCollection).
 */
import { getRecord, getRecords, queryIndex, queryItems, queryRecords } from '../../lib/adapters/items.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION, stripKeys } from '../../../shared/table/keys.js'
import type { FeeEntry, PartyMember, PaymentEntry, Transfer } from '../../../shared/members/contracts.js'
import { fold } from '../../../shared/text/fold.js'

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
  getMember: (memberId: string) => getRecord<PartyMember>(keys.partyMember(memberId)),

  getMembers: (memberIds: string[]): Promise<PartyMember[]> => getRecords<PartyMember>([...new Set(memberIds)].map((id) => keys.partyMember(id)), true),

  async getMemberByUser(userId: string): Promise<PartyMember | undefined> {
    const m = (await queryIndex<PartyMember>(TABLE.indexes.byLookup, keys.partyMemberByUser(userId).gsi2pk))[0]
    // The index is eventually consistent: read the record itself.
    return m ? memberStore.getMember(m.memberId) : undefined
  },

  async cardOwner(cardNumber: string): Promise<string | undefined> {
    return (await getRecord<{ memberId: string }>(keys.partyCardClaim(cardNumber)))?.memberId
  },

  listCell: (cellId: string): Promise<PartyMember[]> => queryIndex<PartyMember>(TABLE.indexes.byCollection, keys.partyMembersOfCell(cellId).gsi1pk),

  /** The fee ledger of a member: assessments and payments, in one consistent query. */
  async ledgerOf(memberId: string): Promise<{ assessments: FeeEntry[]; payments: PaymentEntry[] }> {
    const items = await queryItems({
      KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.feeLedgerOf(memberId).pk }, ConsistentRead: true,
    })
    return {
      assessments: items.filter((i) => i.entity === ENTITY.feeAssessment).map((i) => stripKeys<FeeEntry>(i)),
      payments: items.filter((i) => i.entity === ENTITY.feePayment).map((i) => stripKeys<PaymentEntry>(i)),
    }
  },

  getAssessment: (memberId: string, month: string) => getRecord<FeeEntry>(keys.feeAssessment(memberId, month)),
  getRemittance: (cellId: string, month: string) => getRecord<Remittance>(keys.feeRemittance(cellId, month)),
  /** Every month's remittance of a cell, newest first. */
  remittancesOf: (cellId: string): Promise<Remittance[]> => queryRecords<Remittance>({
    KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ConsistentRead: true, ScanIndexForward: false,
    ExpressionAttributeValues: { ':pk': keys.feeRemittance(cellId, '').pk, ':sk': keys.feeRemittance(cellId, '').sk },
  }),

  getTransfer: (transferId: string) => getRecord<Transfer>(keys.transfer(cellOfTransfer(transferId), transferId)),

  transfersOfMember: (memberId: string): Promise<Transfer[]> =>
    queryIndex<Transfer>(TABLE.indexes.byCollection, keys.transfersOfMember(memberId, '').gsi1pk, { forward: false }),

  transferInbox: (unitId: string): Promise<Transfer[]> => queryIndex<Transfer>(TABLE.indexes.byInbox, keys.transferInbox(unitId, '').gsi3pk),

  async transferByPortalRef(portalRef: string): Promise<Transfer | undefined> {
    const t = (await queryIndex<Transfer>(TABLE.indexes.byLookup, keys.portalRef(portalRef).gsi2pk))[0]
    return t ? memberStore.getTransfer(t.transferId) : undefined
  },

  getPortalRequest: (requestId: string) => getRecord<{ requestId: string; bodyHash: string; response: { status: number; body: unknown } }>(keys.portalRequest(requestId)),
}
export type MemberStore = typeof memberStore
