/**
 * Documents in the single table: items and their keys (from shared/table/keys),
 * and the reads the use cases need. Every item belongs to a unit; a
 * document's id begins with its owner, so reads are direct and consistent.
 */
import { getRecord } from '../../lib/adapters/items.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { ChainStep, OfficialDocument, PersonRef } from '../../../shared/documents/contracts.js'

/** The owning unit of a document id (`<unitId>.<random>`). */
export const ownerOf = (documentId: string): string => documentId.slice(0, documentId.indexOf('.'))

export const documentItem = (d: OfficialDocument) => ({ ...keys.document(d.ownerUnitId, d.documentId), entity: ENTITY.document, schemaVersion: SCHEMA_VERSION, ...d })

export interface Counter { unitId: string; scope: string; value: number }
/** The counter's value is also its `version`, so the transaction's version condition guards it. */
export const counterItem = (c: Counter, label: string) => ({
  ...keys.documentCounter(c.unitId, c.scope), entity: ENTITY.documentCounter, schemaVersion: SCHEMA_VERSION,
  unitId: c.unitId, scope: c.scope, label, value: c.value, version: c.value,
})

export const symbolClaimItem = (unitId: string, symbolKey: string, documentDate: string, documentId: string) => ({
  ...keys.documentSymbolClaim(unitId, symbolKey, documentDate), entity: ENTITY.documentSymbolClaim, schemaVersion: SCHEMA_VERSION, documentId,
})

export interface StoredChain { unitId: string; type: string; steps: ChainStep[]; version: number; updatedAt: string; updatedBy: PersonRef }
export const chainItem = (c: StoredChain) => ({ ...keys.reviewChain(c.unitId, c.type), entity: ENTITY.reviewChain, schemaVersion: SCHEMA_VERSION, ...c })

export const documentStore = {
  getDocument: (documentId: string) => getRecord<OfficialDocument>(keys.document(ownerOf(documentId), documentId)),
  /** The last number given in a series (0 when none yet), read consistently. */
  async counterValue(unitId: string, scope: string): Promise<number | undefined> {
    return (await getRecord<Counter>(keys.documentCounter(unitId, scope)))?.value
  },
  getChain: (unitId: string, type: string) => getRecord<StoredChain>(keys.reviewChain(unitId, type)),
}
export type DocumentStore = typeof documentStore
