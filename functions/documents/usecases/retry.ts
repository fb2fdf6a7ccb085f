/**
 * Which lost races a document write retries, how many times, and the commit
 * that rebuilds its change from fresh state each time.
 */
import { ConflictError } from '../../../shared/errors/index.js'
import type { Transaction } from '../../lib/adapters/transaction.js'
import { retryRaces } from '../../lib/retry.js'
import type { DocContext } from './context.js'
import { CounterRaceError, DocumentChangedError } from './errors.js'

/** A lost race that a fresh attempt may win: the counter moved, or the audit chain head did. */
export function isRace(err: unknown): boolean {
  return err instanceof CounterRaceError || (err instanceof ConflictError && !(err instanceof DocumentChangedError) && err.code === 'conflict.version')
}

export const MAX_ATTEMPTS = 150

/** Commits a change built from the current state, rebuilding it when the audit chain head moved meanwhile. */
export async function commitWithRetry(ctx: Pick<DocContext, 'auditActor' | 'now'>, build: () => Transaction): Promise<void> {
  await retryRaces(() => build().commit(ctx.auditActor, ctx.now), isRace, MAX_ATTEMPTS)
}
