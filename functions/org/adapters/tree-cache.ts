/**
 * The unit tree, kept in memory per container and brought up to date on every
 * request with one strongly consistent Query of the tree's change log
 * (functions/lib/adapters/tree-log.ts) for what changed after the number it
 * holds: nothing, almost always (one empty page), or the few units a change
 * wrote (one consistent batch get). The whole tree is read once, when the
 * container starts (or after a bulk load's `reload` entry).
 *
 * Why not read only the caller's part of the tree: modules need units outside
 * the caller's reach too (the recipients and senders of documents, the
 * successors of an ended unit, the superior that approves), and the engine's
 * dated semantics (moves, ended units, successors) stay exactly as they are
 * over a whole index. See the README ("The unit tree at scale").
 *
 * Requests that arrive while a check is under way share the next one (never
 * one that started before them), so a change a caller has seen committed is
 * in the tree their next request gets.
 */
import { documentClient } from '../../lib/clients.js'
import { getRecords, queryItems } from '../../lib/adapters/items.js'
import { treeHeadSeq, type TreeChange } from '../../lib/adapters/tree-log.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys } from '../../../shared/table/keys.js'
import { frozenIndex, indexUnits, type UnitIndex } from '../../../shared/org/tree.js'
import { queryIndex } from '../../lib/adapters/items.js'
import type { Unit } from '../../../shared/org/contracts.js'

interface State { index: UnitIndex; seq: number; client: unknown }

let state: State | undefined
let inFlight: Promise<State> | undefined
let next: Promise<State> | undefined

/** Every unit of the city from the tree's index partition (what every request used to read). */
export const readWholeTree = (): Promise<Unit[]> => queryIndex<Unit>(TABLE.indexes.byCollection, keys.treeCollection().gsi1pk)

async function fullLoad(): Promise<State> {
  const client = documentClient()
  const seq = await treeHeadSeq()
  return { index: frozenIndex(indexUnits(await readWholeTree())), seq, client }
}

async function changesAfter(seq: number): Promise<TreeChange[]> {
  const k = keys.treeChangesAfter(seq)
  const items = await queryItems({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b', ConsistentRead: true,
    ExpressionAttributeValues: { ':pk': k.pk, ':a': k.skFrom, ':b': k.skEnd },
  })
  return (items as unknown as TreeChange[]).filter((c) => c.seq > seq)
}

async function refresh(): Promise<State> {
  const held = state
  if (!held || held.client !== documentClient()) return (state = await fullLoad())
  const changes = await changesAfter(held.seq)
  if (changes.length === 0) return held
  const seq = Math.max(...changes.map((c) => c.seq))
  if (changes.some((c) => c.reload)) return (state = { ...(await fullLoad()), seq: Math.max(seq, held.seq) })
  const ids = [...new Set(changes.flatMap((c) => c.unitIds))]
  const units = await getRecords<Unit>(ids.map((id) => keys.unit(id)), true)
  const index = new Map(held.index)
  for (const u of units) index.set(u.unitId, u)
  return (state = { index: frozenIndex(index), seq, client: held.client })
}

function check(): Promise<State> {
  if (!inFlight) {
    inFlight = refresh().finally(() => { inFlight = undefined })
    return inFlight
  }
  next ??= inFlight.catch(() => undefined).then(() => { next = undefined; return check() })
  return next
}

/** The whole tree as it is now (never to be changed: copy it with `indexUnits` to work on it). */
export async function currentTree(): Promise<UnitIndex> {
  return (await check()).index
}

/** Forgets the tree (tests that swap the table under a running process). */
export function forgetTree(): void { state = undefined }
