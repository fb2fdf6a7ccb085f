/**
 * A city's worth of units written straight into the table (for the bench and
 * the reach test): wards under a parent, each with cells, as a real city's
 * levels are, then one `reload` entry in the tree's change log so running
 * containers pick them up (as a migration would).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Unit } from '../../shared/org/contracts.js'
import { unitItem } from '../../functions/org/adapters/store.js'

const CELLS_PER_WARD = 24

/** `count` units below `parentId`: a ward (commune level) then its cells, ward after ward. */
export function syntheticUnits(count: number, parentId: string, prefix: string, validFrom = '2025-07-01'): Unit[] {
  const now = new Date().toISOString()
  const out: Unit[] = []
  let ward = ''
  for (let i = 0; out.length < count; i++) {
    const isWard = i % (CELLS_PER_WARD + 1) === 0
    const n = Math.floor(i / (CELLS_PER_WARD + 1)) + 1
    const unitId = isWard ? `${prefix}-p${n}` : `${prefix}-p${n}-cb${i % (CELLS_PER_WARD + 1)}`
    const name = isWard ? `Đảng ủy phường Thử nghiệm ${n}` : `Chi bộ khu dân cư số ${i % (CELLS_PER_WARD + 1)} phường Thử nghiệm ${n}`
    const parent = isWard ? parentId : ward
    if (isWard) ward = unitId
    out.push({
      unitId, code: isWard ? 'ĐU' : 'CB', name, level: isWard ? 'commune' : 'cell', kind: isWard ? 'party-committee' : 'cell', parentId: parent,
      validFrom, parents: [{ parentId: parent, from: validFrom }], names: [{ name, code: isWard ? 'ĐU' : 'CB', from: validFrom }],
      predecessors: [], successors: [], version: 1, createdAt: now, updatedAt: now,
    })
  }
  return out
}

/** Writes the units 25 at a time, as a bulk load past the API does. */
export async function writeUnits(client: DynamoDBDocumentClient, table: string, units: Unit[]): Promise<void> {
  for (let i = 0; i < units.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = units.slice(i, i + 25).map((u) => ({ PutRequest: { Item: unitItem(u) } }))
    while (pending && pending.length) {
      const res = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }))
      pending = res.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined
    }
  }
}
