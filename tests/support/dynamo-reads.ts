/**
 * Counts the items DynamoDB returns to this process (Get, BatchGet, Query),
 * by entity, through a middleware on the shared document client: what a
 * request read, without timing it.
 */
import { documentClient } from '../../functions/lib/clients.js'

export interface Reads { requests: number; items: number; byEntity: Record<string, number> }

const reads: Reads = { requests: 0, items: 0, byEntity: {} }
let installed: unknown

export function countReads(): void {
  const client = documentClient()
  if (installed === client) return
  installed = client
  client.middlewareStack.add((next) => async (args) => {
    const out = await next(args)
    const o = out.output as { Item?: Record<string, unknown>; Items?: Record<string, unknown>[]; Responses?: Record<string, Record<string, unknown>[]> }
    const items = [...(o.Item ? [o.Item] : []), ...(o.Items ?? []), ...Object.values(o.Responses ?? {}).flat()]
    reads.requests++
    reads.items += items.length
    for (const i of items) { const e = String(i.entity ?? '?'); reads.byEntity[e] = (reads.byEntity[e] ?? 0) + 1 }
    return out
  }, { step: 'initialize', name: 'countReads' })
}

/** What `fn` read (the counter starts at zero for it). */
export async function readsOf<T>(fn: () => Promise<T>): Promise<{ result: T; reads: Reads }> {
  reads.requests = 0; reads.items = 0; reads.byEntity = {}
  const result = await fn()
  return { result, reads: { requests: reads.requests, items: reads.items, byEntity: { ...reads.byEntity } } }
}
