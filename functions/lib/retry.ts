/**
 * Retrying a write that lost a race (a counter or a version moved under it,
 * an audit chain head was appended first): the table's conditions decide who
 * wins; the losers back off and try again from fresh state.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Jittered exponential backoff, capped: many writers on one item take turns. */
export const backoff = (attempt: number): Promise<unknown> => sleep(Math.random() * Math.min(400, 15 * 2 ** Math.min(attempt, 6)))

/**
 * Runs `attempt` again, after a backoff, each time it fails with an error
 * `isRace` accepts, at most `maxRetries` times; any other error, or the last
 * lost race, is thrown.
 */
export async function retryRaces<T>(attempt: () => Promise<T>, isRace: (err: unknown) => boolean, maxRetries: number): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (!isRace(err) || n >= maxRetries) throw err
      await backoff(n)
    }
  }
}
