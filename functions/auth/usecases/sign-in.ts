/**
 * Sign-in: the identity provider checks the password; this use case slows
 * down and locks an account (and a source address) after repeated wrong
 * passwords, before the provider is even asked, and audits each lockout in
 * the account's unit. The same answer whether or not the account exists.
 */
import { TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { verdict, type AttemptScope } from '../../../shared/auth/sign-in-limits.js'
import { identity } from '../../lib/adapters/identity.js'
import { signInAttempts } from '../../lib/adapters/sign-in-attempts.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'

export async function signIn(input: { username: string; password: string; sourceIp: string }, now = new Date()) {
  const scopes: [AttemptScope, string][] = [['account', input.username], ['source', input.sourceIp]]
  for (const [scope, id] of scopes) {
    const v = verdict(await signInAttempts.get(scope, id), scope, now)
    if (!v.allowed) throw new TooManyRequestsError(v.code, v.retryAfterSeconds)
  }
  let session: Awaited<ReturnType<ReturnType<typeof identity>['signIn']>>
  try {
    session = await identity().signIn(input.username, input.password)
  } catch (err) {
    if (err instanceof UnauthenticatedError && err.code === 'auth.invalidCredentials') await countFailure(input, now)
    throw err
  }
  await signInAttempts.clear('account', input.username)
  const user = await orgStore.getUserByUsername(input.username)
  if (!user) throw new UnauthenticatedError('auth.unknownUser')
  return { ...session, user: { userId: user.userId, username: user.username, fullName: user.fullName } }
}

async function countFailure(input: { username: string; sourceIp: string }, now: Date): Promise<void> {
  const [account, source] = await Promise.all([
    signInAttempts.recordFailure('account', input.username, now),
    signInAttempts.recordFailure('source', input.sourceIp, now),
  ])
  if (account.lockedNow) {
    const user = await orgStore.getUserByUsername(input.username)
    const unitId = user?.assignments[0]?.unitId
    if (user && unitId) {
      await new Transaction()
        .audit({ unitId, action: 'auth.locked', target: user.userId, details: { username: user.username, failures: account.state.failures, until: account.state.lockedUntil!, sourceIp: input.sourceIp } })
        .commit({ userId: user.userId, name: user.fullName, sourceIp: input.sourceIp }, now)
    }
  }
  // The failure that reaches the limit already answers "locked".
  for (const [scope, { state }] of [['account', account], ['source', source]] as const) {
    const v = verdict(state, scope, now)
    if (!v.allowed && v.code === 'auth.locked') throw new TooManyRequestsError(v.code, v.retryAfterSeconds)
  }
}
