/**
 * Documents in the single table: items and their keys (from shared/table/keys),
 * and the reads the use cases need. Every item belongs to a unit; a
 * document's id begins with its owner, so reads are direct and consistent.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { documentClient } from '../../lib/clients.js'
import { env } from '../../lib/env.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import type { ChainStep, OfficialDocument, PersonRef } from '../../../shared/documents/contracts.js'

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity', 'schemaVersion']
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRS.includes(k))) as T
}

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

async function get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const res = await documentClient().send(new GetCommand({ TableName: env().TABLE_NAME, Key: key, ConsistentRead: true }))
  return strip<T>(res.Item)
}

export const documentStore = {
  getDocument: (documentId: string) => get<OfficialDocument>(keys.document(ownerOf(documentId), documentId)),
  /** The last number given in a series (0 when none yet), read consistently. */
  async counterValue(unitId: string, scope: string): Promise<number | undefined> {
    return (await get<Counter>(keys.documentCounter(unitId, scope)))?.value
  },
  getChain: (unitId: string, type: string) => get<StoredChain>(keys.reviewChain(unitId, type)),
}
export type DocumentStore = typeof documentStore
