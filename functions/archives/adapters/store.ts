/**
 * DynamoDB items of the archives module: files of a fonds, batches, pages,
 * documents found in scans, handovers. Keys come from shared/table/keys.ts;
 * items carry their entity name and schema version.
 */
import { getRecord, getRecords, putItem, putItems, queryIndex, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { ownerOf, type ArchiveFile, type ArchiveHold, type Batch, type Disposition, type Handover, type HandoverFile, type ScanDocument, type ScanPage } from '../../../shared/archives/contracts.js'
import { migrateRetention } from '../../../shared/archives/retention.js'

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

export const handoverFileItem = (handoverId: string, f: HandoverFile) => ({ ...keys.archiveHandoverFile(handoverId, f.fileId), entity: ENTITY.archiveHandoverFile, schemaVersion: SCHEMA_VERSION, handoverId, ...f })
export const holdItem = (h: ArchiveHold) => ({ ...keys.archiveHold(h.unitId, h.holdId), entity: ENTITY.archiveHold, schemaVersion: SCHEMA_VERSION, ...h })
export const dispositionItem = (d: Disposition) => ({ ...keys.archiveDisposition(d.unitId, d.dispositionId), entity: ENTITY.archiveDisposition, schemaVersion: SCHEMA_VERSION, ...d })

/** Files written before the file plan carry a permanent/limited flag: read as a class (retention.ts), rewritten on their next change. */
const migrated = (f: ArchiveFile | undefined): ArchiveFile | undefined => (f ? { ...f, retention: migrateRetention(f.retention) } : f)
const allMigrated = (fs: ArchiveFile[]): ArchiveFile[] => fs.map((f) => migrated(f)!)

const byPrefix = <T>(k: { pk: string; skPrefix: string }) => queryPrefix<T>(k, { ConsistentRead: true })
const byIndex = <T>(index: { name: string; partitionKey: string }, pkValue: string, forward = true) => queryIndex<T>(index, pkValue, { forward })

export const archiveStore = {
  getFile: (fileId: string) => getRecord<ArchiveFile>(keys.archiveFile(ownerOf(fileId), fileId)).then(migrated),
  filesOf: (unitId: string) => byPrefix<ArchiveFile>(keys.archiveFilesOf(unitId)).then(allMigrated),
  filesInCustodyOf: (unitId: string) => byIndex<ArchiveFile>(TABLE.indexes.byCollection, keys.archiveCustody(unitId, '').gsi1pk).then(allMigrated),
  getBatch: (batchId: string) => getRecord<Batch>(keys.archiveBatch(ownerOf(batchId), batchId)),
  batchesOfFile: (fileId: string) => byIndex<Batch>(TABLE.indexes.byLookup, keys.archiveBatchesOfFile(fileId, '').gsi2pk, false),
  getPage: (batchId: string, pageNo: number) => getRecord<ScanPage>(keys.archivePage(ownerOf(batchId), batchId, pageNo)),
  pagesOf: (batchId: string) => byPrefix<ScanPage>(keys.archivePagesOf(ownerOf(batchId), batchId)),
  /** A page result, written whole: the key is the page number, so a retried or replayed page overwrites itself. */
  putPage: (p: ScanPage): Promise<void> => putItem(pageItem(ownerOf(p.batchId), p)),
  getDocument: (scanDocumentId: string) => getRecord<ScanDocument>(keys.archiveDocument(ownerOf(scanDocumentId), scanDocumentId)),
  documentsOfFile: (fileId: string) => byIndex<ScanDocument>(TABLE.indexes.byLookup, keys.archiveDocumentsOfFile(fileId, '').gsi2pk),
  verificationQueue: (unitId: string) => byIndex<ScanDocument>(TABLE.indexes.byInbox, keys.archiveVerification(unitId, '', '').gsi3pk),
  getHandover: (fromUnitId: string, handoverId: string) => getRecord<Handover>(keys.archiveHandover(fromUnitId, handoverId)),
  handoversTo: (unitId: string) => byIndex<Handover>(TABLE.indexes.byInbox, keys.archiveHandoverInbox(unitId, '').gsi3pk, false),
  handoversFrom: (unitId: string) => byPrefix<Handover>({ pk: keys.archiveHandover(unitId, '').pk, skPrefix: 'ARCHANDOVER#' }),
  /** A page of a handover's files in id order, after a file id (legacy handovers kept the list on their own item). */
  async handoverFiles(h: Handover, after: string | undefined, limit: number): Promise<HandoverFile[]> {
    if (h.files) return [...h.files].sort((a, b) => a.fileId.localeCompare(b.fileId)).filter((f) => !after || f.fileId > after).slice(0, limit)
    const k = keys.archiveHandoverFile(h.handoverId, after ?? '')
    const rows = await queryRecords<HandoverFile & { handoverId?: string }>({
      KeyConditionExpression: after ? 'pk = :pk and sk > :sk' : 'pk = :pk and begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': k.pk, ':sk': after ? k.sk : keys.archiveHandoverFilesOf(h.handoverId).skPrefix }, ConsistentRead: true, Limit: limit,
    }, { max: limit })
    return rows.slice(0, limit).map(({ handoverId: _h, ...f }) => f)
  },
  putHandoverFiles: (handoverId: string, entries: readonly HandoverFile[]) => putItems(entries.map((f) => handoverFileItem(handoverId, f))),
  getFiles: async (fileIds: readonly string[]) => (await getRecords<ArchiveFile>(fileIds.map((id) => keys.archiveFile(ownerOf(id), id)), true)).map((f) => migrated(f)!),
  getHold: (holdId: string) => getRecord<ArchiveHold>(keys.archiveHold(ownerOf(holdId), holdId)),
  holdsOf: (unitId: string) => byPrefix<ArchiveHold>(keys.archiveHoldsOf(unitId)),
  getDisposition: (dispositionId: string) => getRecord<Disposition>(keys.archiveDisposition(ownerOf(dispositionId), dispositionId)),
  dispositionsOf: (unitId: string) => byPrefix<Disposition>(keys.archiveDispositionsOf(unitId)),
}
