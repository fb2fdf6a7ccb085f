/**
 * Sign-in: the identity provider checks the password and asks for the next
 * step (a new password, setting up an authenticator app, its code); this use
 * case slows down and locks an account (and a source address) after repeated
 * wrong passwords or codes, before the provider is even asked, and audits
 * each lockout in the account's unit. The same answer whether or not the
 * account exists. A right password followed by a challenge does not reset the
 * count: only a completed sign-in does, so codes cannot be guessed by
 * signing in again between guesses.
 */
import type { ChallengeBody, MfaSetupBody, SignInAnswer } from '../../../shared/org/contracts.js'
import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { verdict, type AttemptScope } from '../../../shared/auth/sign-in-limits.js'
import { identity } from '../../lib/adapters/identity.js'
import { isChallenge, type SignInResult, type UserContext } from '../../lib/adapters/identity-port.js'
import { signInAttempts } from '../../lib/adapters/sign-in-attempts.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { otpauthUri } from '../../lib/totp.js'
import { orgStore } from '../../org/adapters/store.js'

/** The issuer name authenticator apps show beside the account. */
export const TOTP_ISSUER = 'Digital Office'
/** Wrong answers that count towards the lockout, as wrong passwords do. */
const FAILURES = new Set(['auth.invalidCredentials', 'auth.invalidCode', 'auth.codeExpired', 'auth.invalidResetCode', 'auth.wrongOldPassword'])
export const countsAsFailure = (err: unknown): boolean =>
  (err instanceof UnauthenticatedError || err instanceof ForbiddenError) && FAILURES.has(err.code)

/** `deviceData`: the browser's encoded device data for Cognito's threat protection, when the SPA has it. */
export interface Caller { username: string; sourceIp: string; deviceData?: string }
/** A finished sign-in carries the refresh token for the HttpOnly cookie (never in the body). */
export type SignInOutcome = SignInAnswer & { refreshToken?: string }

export const contextOf = (c: Caller): UserContext => ({ ipAddress: c.sourceIp, ...(c.deviceData ? { encodedData: c.deviceData } : {}) })

export async function signIn(input: Caller & { password: string }, now = new Date()): Promise<SignInOutcome> {
  return step(input, now, () => identity().signIn(input.username, input.password, contextOf(input)))
}

/** Answers a challenge; MFA_SETUP takes the first code of the new authenticator (verified, then the challenge answered). */
export async function answerChallenge(input: Caller & ChallengeBody, now = new Date()): Promise<SignInOutcome> {
  return step(input, now, async () => {
    if (input.challenge === 'MFA_SETUP') {
      const { session } = await identity().verifyTotp(input.session, input.code!)
      return identity().respond(input.username, 'MFA_SETUP', session, {}, contextOf(input))
    }
    return identity().respond(input.username, input.challenge, input.session, { newPassword: input.newPassword, code: input.code }, contextOf(input))
  })
}

/** The secret of a new authenticator, and the otpauth URI its QR code carries. */
export async function setUpMfa(input: Caller & MfaSetupBody, now = new Date()) {
  await checkLimits(input, now)
  const { secretCode, session } = await identity().associateTotp(input.session)
  return { secretCode, session, otpauthUri: otpauthUri(secretCode, input.username, TOTP_ISSUER) }
}

export async function checkLimits(input: Caller, now: Date): Promise<void> {
  const scopes: [AttemptScope, string][] = [['account', input.username], ['source', input.sourceIp]]
  for (const [scope, id] of scopes) {
    const v = verdict(await signInAttempts.get(scope, id), scope, now)
    if (!v.allowed) throw new TooManyRequestsError(v.code, v.retryAfterSeconds)
  }
}

/** Runs one call of the identity provider within the limits: a wrong answer counts towards the lockout. */
export async function limited<T>(input: Caller, now: Date, ask: () => Promise<T>): Promise<T> {
  await checkLimits(input, now)
  try {
    return await ask()
  } catch (err) {
    if (countsAsFailure(err)) await countFailure(input, now)
    throw err
  }
}

async function step(input: Caller, now: Date, ask: () => Promise<SignInResult>): Promise<SignInOutcome> {
  const result = await limited(input, now, ask)
  if (isChallenge(result)) return { challenge: result.challenge, session: result.session }
  await signInAttempts.clear('account', input.username)
  const user = await orgStore.getUserByUsername(input.username)
  if (!user) throw new UnauthenticatedError('auth.unknownUser')
  return { token: result.token, expiresIn: result.expiresIn, refreshToken: result.refreshToken, user: { userId: user.userId, username: user.username, fullName: user.fullName } }
}

async function countFailure(input: Caller, now: Date): Promise<void> {
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
