import { describe, expect, it } from 'vitest'
import { lockAfterFailure, SIGN_IN_LIMITS, verdict, type AttemptState } from '../../../shared/auth/sign-in-limits.js'

const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 8, 0, s))
const state = (failures: number, lastSecond: number, extra: Partial<AttemptState> = {}): AttemptState =>
  ({ failures, windowStart: at(0).toISOString(), lastFailureAt: at(lastSecond).toISOString(), ...extra })

describe('sign-in limits', () => {
  it('lets an account try freely below three failures, then makes it wait 1, 2, 4 seconds after the last one', () => {
    expect(verdict(undefined, 'account', at(0))).toEqual({ allowed: true })
    expect(verdict(state(2, 10), 'account', at(10))).toEqual({ allowed: true })
    expect(verdict(state(3, 10), 'account', at(10))).toEqual({ allowed: false, code: 'auth.slowDown', retryAfterSeconds: 1 })
    expect(verdict(state(3, 10), 'account', at(11))).toEqual({ allowed: true })
    expect(verdict(state(4, 10), 'account', at(11))).toEqual({ allowed: false, code: 'auth.slowDown', retryAfterSeconds: 1 })
    expect(verdict(state(4, 10), 'account', at(12))).toEqual({ allowed: true })
  })

  it('locks an account at five failures for fifteen minutes, and a source address only at many more', () => {
    const lock = lockAfterFailure(SIGN_IN_LIMITS.lockAfter, 'account', at(30))!
    expect(Date.parse(lock) - at(30).getTime()).toBe(15 * 60_000)
    expect(lockAfterFailure(SIGN_IN_LIMITS.lockAfter - 1, 'account', at(30))).toBeUndefined()
    expect(lockAfterFailure(SIGN_IN_LIMITS.lockAfter, 'source', at(30))).toBeUndefined()
    expect(lockAfterFailure(SIGN_IN_LIMITS.sourceLockAfter, 'source', at(30))).toBeDefined()
    const locked = state(5, 30, { lockedUntil: lock })
    expect(verdict(locked, 'account', at(60))).toEqual({ allowed: false, code: 'auth.locked', retryAfterSeconds: 15 * 60 - 30 })
    // A source address is never slowed down, only locked.
    expect(verdict(state(40, 30), 'source', at(30))).toEqual({ allowed: true })
  })

  it('forgets failures once the window has passed and the lock has run out', () => {
    const lock = lockAfterFailure(5, 'account', at(30))!
    const after = new Date(Date.parse(lock) + 1000)
    expect(verdict(state(5, 30, { lockedUntil: lock }), 'account', after)).toEqual({ allowed: true })
    expect(verdict(state(4, 30), 'account', new Date(at(0).getTime() + 16 * 60_000))).toEqual({ allowed: true })
  })
})
