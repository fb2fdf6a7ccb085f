/**
 * Numbering inside the transaction that uses the number: the series (per
 * issuer × type × term) has neither gaps nor duplicates, however many
 * requests race for the next number.
 */
import type { Transaction } from '../../lib/adapters/transaction.js'
import { withSlot } from '../../lib/keyed-semaphore.js'
import { retryRaces } from '../../lib/retry.js'
import { counterItem, documentStore } from '../adapters/store.js'
import type { DocContext } from './context.js'
import { CounterRaceError } from './errors.js'
import { isRace, MAX_ATTEMPTS } from './retry.js'

/**
 * At most this many numbering attempts per series at once in one process.
 * The table's conditions alone guarantee the series; this only keeps a
 * burst of requests in one process (the embedded runtime serves every
 * request in one) from retrying in a herd: with dozens of transactions in
 * flight on one counter, DynamoDB answers most of them with a transaction
 * conflict and each retry costs more than the write it waits for.
 * A few at once still race, and the conditions settle who wins.
 */
export const SERIES_SLOTS = 3

/**
 * Takes the next number of a series and commits it with the change that
 * uses it, in one transaction: the counter moves only if the change is
 * written, and the change is written only with the counter's move — so the
 * series has neither gaps nor duplicates. A lost race leaves its slot,
 * backs off, re-reads and retries.
 */
export async function commitNumbered(
  ctx: Pick<DocContext, 'auditActor' | 'now'>,
  series: { unitId: string; scope: string; label: string },
  /** May be async: a paper that prints its number (a record, a report) is made inside the slot, with the number it gets. */
  build: (next: number) => Transaction | Promise<Transaction>,
): Promise<number> {
  return retryRaces(() => withSlot(`${series.unitId}|${series.scope}`, SERIES_SLOTS, async () => {
    const current = (await documentStore.counterValue(series.unitId, series.scope)) ?? 0
    const next = current + 1
    const tx = await build(next)
    tx.put(counterItem({ unitId: series.unitId, scope: series.scope, value: next }, series.label), { expectVersion: current === 0 ? 'new' : current, onConflict: new CounterRaceError() })
    await tx.commit(ctx.auditActor, ctx.now)
    return next
  }), isRace, MAX_ATTEMPTS)
}
