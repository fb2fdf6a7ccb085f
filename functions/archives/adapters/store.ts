/**
 * DynamoDB items of the archives module: files of a fonds, batches, pages,
 * documents found in scans, handovers. Keys come from shared/table/keys.ts;
 * items carry their entity name and schema version.
 */
import { GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { ownerOf, type ArchiveFile, type Batch, type Handover, type ScanDocument, type ScanPage } from '../../../shared/archives/contracts.js'

const META = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined
  return Object.fromEntries(Object.entries(item).filter(([k]) => !META.includes(k))) as T
}

export const fileItem = (f: ArchiveFile) => ({
  ...keys.archiveFile(f.unitId, f.fileId), ...(f.custodianUnitId !== f.unitId ? keys.archiveCustody(f.custodianUnitId, f.fileId) : {}),
  entity: ENTITY.archiveFile, schemaVersion: SCHEMA_VERSION, ...f,
})
export const batchItem = (b: Batch) => ({ ...keys.archiveBatch(b.unitId, b.batchId), ...keys.archiveBatchesOfFile(b.fileId, b.createdAt), entity: ENTITY.archiveBatch, schemaVersion: SCHEMA_VERSION, ...b })
export const pageItem = (unitId: string, p: ScanPage) => ({ ...keys.archivePage(unitId, p.batchId, p.pageNo), entity: ENTITY.archivePage, schemaVersion: SCHEMA_VERSION, unitId, ...p })
export const scanDocumentItem = (d: ScanDocument) => ({
  ...keys.archiveDocument(d.unitId, d.scanDocumentId), ...keys.archiveDocumentsOfFile(d.fileId, d.scanDocumentId),
  ...(d.status === 'verifying' ? keys.archiveVerification(d.unitId, d.createdAt, d.scanDocumentId) : {}),
  entity: ENTITY.archiveDocument, schemaVersion: SCHEMA_VERSION, ...d,
})
export const handoverItem = (h: Handover) => ({
  ...keys.archiveHandover(h.fromUnitId, h.handoverId), ...keys.archiveHandoverInbox(h.toUnitId, h.createdAt),
  entity: ENTITY.archiveHandover, schemaVersion: SCHEMA_VERSION, ...h,
})

async function get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: key, ConsistentRead: true }))
  return strip<T>(res.Item)
}

async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const out: T[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: env().TABLE_NAME, ...input, ExclusiveStartKey }))
    for (const i of res.Items ?? []) out.push(strip<T>(i)!)
    ExclusiveStartKey = res.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return out
}

const byPrefix = <T>(k: { pk: string; skPrefix: string }) => queryAll<T>({
  KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ConsistentRead: true,
})
const byIndex = <T>(index: { name: string; partitionKey: string }, pkValue: string, forward = true) => queryAll<T>({
  IndexName: index.name, KeyConditionExpression: '#p = :p', ExpressionAttributeNames: { '#p': index.partitionKey }, ExpressionAttributeValues: { ':p': pkValue }, ScanIndexForward: forward,
})

export const archiveStore = {
  getFile: (fileId: string) => get<ArchiveFile>(keys.archiveFile(ownerOf(fileId), fileId)),
  filesOf: (unitId: string) => byPrefix<ArchiveFile>(keys.archiveFilesOf(unitId)),
  filesInCustodyOf: (unitId: string) => byIndex<ArchiveFile>(TABLE.indexes.byCollection, keys.archiveCustody(unitId, '').gsi1pk),
  getBatch: (batchId: string) => get<Batch>(keys.archiveBatch(ownerOf(batchId), batchId)),
  batchesOfFile: (fileId: string) => byIndex<Batch>(TABLE.indexes.byLookup, keys.archiveBatchesOfFile(fileId, '').gsi2pk, false),
  getPage: (batchId: string, pageNo: number) => get<ScanPage>(keys.archivePage(ownerOf(batchId), batchId, pageNo)),
  pagesOf: (batchId: string) => byPrefix<ScanPage>(keys.archivePagesOf(ownerOf(batchId), batchId)),
  /** A page result, written whole: the key is the page number, so a retried or replayed page overwrites itself. */
  async putPage(p: ScanPage): Promise<void> {
    await documentClient().send(new PutCommand({ TableName: env().TABLE_NAME, Item: pageItem(ownerOf(p.batchId), p) }))
  },
  getDocument: (scanDocumentId: string) => get<ScanDocument>(keys.archiveDocument(ownerOf(scanDocumentId), scanDocumentId)),
  documentsOfFile: (fileId: string) => byIndex<ScanDocument>(TABLE.indexes.byLookup, keys.archiveDocumentsOfFile(fileId, '').gsi2pk),
  verificationQueue: (unitId: string) => byIndex<ScanDocument>(TABLE.indexes.byInbox, keys.archiveVerification(unitId, '', '').gsi3pk),
  getHandover: (fromUnitId: string, handoverId: string) => get<Handover>(keys.archiveHandover(fromUnitId, handoverId)),
  handoversTo: (unitId: string) => byIndex<Handover>(TABLE.indexes.byInbox, keys.archiveHandoverInbox(unitId, '').gsi3pk, false),
  handoversFrom: (unitId: string) => byPrefix<Handover>({ pk: keys.archiveHandover(unitId, '').pk, skPrefix: 'ARCHANDOVER#' }),
}
