/**
 * At most `limit` calls at once per key in this process, the others queued in
 * arrival order. It guarantees nothing across processes (the table's
 * conditions do that); it keeps one process from sending a herd of writes at
 * one item, where each conflict costs more than the write it waits for.
 */

const slots = new Map<string, { active: number; waiting: (() => void)[] }>()

export async function withSlot<T>(key: string, limit: number, fn: () => Promise<T>): Promise<T> {
  let slot = slots.get(key)
  if (!slot) { slot = { active: 0, waiting: [] }; slots.set(key, slot) }
  const s = slot
  if (s.active >= limit) await new Promise<void>((resolve) => s.waiting.push(resolve))
  else s.active++
  try {
    return await fn()
  } finally {
    const next = s.waiting.shift()
    if (next) next()
    else if (--s.active === 0) slots.delete(key)
  }
}
