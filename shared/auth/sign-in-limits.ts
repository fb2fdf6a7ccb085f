/**
 * How sign-in slows down and locks after wrong passwords, per account and
 * per source address (OWASP's authentication guidance: throttle, then lock
 * for a while, never reveal whether the account exists). Pure: the auth
 * module keeps the counters (functions/lib/adapters/sign-in-attempts.ts).
 */

export const SIGN_IN_LIMITS = {
  /** Failures count within this window from the first one. */
  windowMinutes: 15,
  /** From this many failures, each new attempt waits 1, 2, 4 … seconds after the last failure. */
  slowAfter: 3,
  /** This many failures lock the account for `lockMinutes`. */
  lockAfter: 5,
  lockMinutes: 15,
  /**
   * A source address trying many accounts is locked after this many failures in the window. High, because a
   * whole office often signs in from behind one address: its clumsy users must not lock each other out.
   */
  sourceLockAfter: 200,
} as const

export type AttemptScope = 'account' | 'source'

/** The counters of one account or one source address. */
export interface AttemptState {
  failures: number
  windowStart: string
  lastFailureAt: string
  lockedUntil?: string
}

export type Verdict =
  | { allowed: true }
  | { allowed: false; code: 'auth.locked' | 'auth.slowDown'; retryAfterSeconds: number }

const lockAfter = (scope: AttemptScope): number => (scope === 'account' ? SIGN_IN_LIMITS.lockAfter : SIGN_IN_LIMITS.sourceLockAfter)
const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

/** Whether the counters still count at `now` (the window has not passed, or a lock still holds). */
export function isCurrent(state: AttemptState, now: Date): boolean {
  if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) return true
  return now.getTime() - Date.parse(state.windowStart) < SIGN_IN_LIMITS.windowMinutes * 60_000
}

/** May a sign-in be tried now? A locked or slowed-down account refuses even the right password. */
export function verdict(state: AttemptState | undefined, scope: AttemptScope, now: Date): Verdict {
  if (!state || !isCurrent(state, now)) return { allowed: true }
  if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) {
    return { allowed: false, code: 'auth.locked', retryAfterSeconds: seconds(Date.parse(state.lockedUntil) - now.getTime()) }
  }
  if (scope === 'account' && state.failures >= SIGN_IN_LIMITS.slowAfter) {
    const wait = 1000 * 2 ** (state.failures - SIGN_IN_LIMITS.slowAfter)
    const until = Date.parse(state.lastFailureAt) + wait
    if (until > now.getTime()) return { allowed: false, code: 'auth.slowDown', retryAfterSeconds: seconds(until - now.getTime()) }
  }
  return { allowed: true }
}

/** After a failure brought the count to `failures`: the lock it sets, if it reaches the limit. */
export function lockAfterFailure(failures: number, scope: AttemptScope, now: Date): string | undefined {
  return failures >= lockAfter(scope) ? new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000).toISOString() : undefined
}
