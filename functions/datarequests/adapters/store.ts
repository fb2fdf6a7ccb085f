/**
 * DynamoDB items of the data requests module: the request under the unit
 * that sent it (in the open index while sent and not closed), a pointer in
 * each recipient unit's partition, and each unit's answer beside the
 * request's other answers. Keys come from shared/table/keys.ts.
 */
import { getRecord, getRecords, putItems, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { dataRequestOwnerOf, type DataAnswer, type DataRequest } from '../../../shared/datarequests/contracts.js'

export const requestItem = (r: DataRequest) => ({
  ...keys.dataRequest(r.ownerUnitId, r.requestId),
  ...(r.status === 'sent' ? keys.dataRequestOpen(r.deadline, r.requestId) : {}),
  entity: ENTITY.dataRequest, schemaVersion: SCHEMA_VERSION, ...r,
})

/** What a recipient's list shows without reading the request. */
export interface RequestPointer { requestId: string; ownerUnitId: string; unitId: string; title: string; deadline: string; sentAt: string }
export const pointerItem = (p: RequestPointer) => ({ ...keys.dataRequestFor(p.unitId, p.requestId), entity: ENTITY.dataRequestPointer, schemaVersion: SCHEMA_VERSION, ...p })

export const answerItem = (a: DataAnswer) => ({ ...keys.dataAnswer(a.requestId, a.unitId), entity: ENTITY.dataAnswer, schemaVersion: SCHEMA_VERSION, ...a })

export const dataRequestStore = {
  get: (requestId: string) => getRecord<DataRequest>(keys.dataRequest(dataRequestOwnerOf(requestId), requestId)),
  getMany: (requestIds: readonly string[]) => getRecords<DataRequest>(requestIds.map((id) => keys.dataRequest(dataRequestOwnerOf(id), id))),
  /** The requests a unit sent (newest last by id's time part). */
  ofOwner: (ownerUnitId: string) => queryPrefix<DataRequest>(keys.dataRequestsOf(ownerUnitId)),
  /** The pointers of the requests a unit received. */
  forUnit: (unitId: string) => queryPrefix<RequestPointer>(keys.dataRequestsFor(unitId)),
  /** Sent, open requests whose deadline is on or before `to` (the reminder sweep). */
  openDueBy: (to: string) => queryRecords<DataRequest>({
    IndexName: TABLE.indexes.byInbox.name, KeyConditionExpression: '#p = :p and #s <= :hi',
    ExpressionAttributeNames: { '#p': TABLE.indexes.byInbox.partitionKey, '#s': TABLE.indexes.byInbox.sortKey },
    ExpressionAttributeValues: { ':p': keys.dataRequestOpen('', '').gsi3pk, ':hi': `${to}#~` },
  }),
  answer: (requestId: string, unitId: string) => getRecord<DataAnswer>(keys.dataAnswer(requestId, unitId)),
  /** Every answer of a request: one query of its partition (paged by the items adapter). */
  answers: (requestId: string) => queryPrefix<DataAnswer>(keys.dataAnswersOf(requestId), { ConsistentRead: true }),
  /** The answers of these units to these requests (one batch read). */
  answersOf: (pairs: readonly { requestId: string; unitId: string }[]) => getRecords<DataAnswer>(pairs.map((p) => keys.dataAnswer(p.requestId, p.unitId))),
  putPointers: (pointers: readonly RequestPointer[]) => putItems(pointers.map(pointerItem)),
}
