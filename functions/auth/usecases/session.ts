/**
 * After sign-in: a new access token from the refresh token (the HttpOnly
 * cookie), sign-out that revokes it, the forgotten password (a mailed code)
 * and changing one's own password. Wrong codes and wrong old passwords count
 * towards the same lockout as wrong passwords (sign-in.ts `limited`); a reset
 * that succeeds clears the account's count, as a finished sign-in does.
 */
import type { ChangePasswordBody, ConfirmForgotPasswordBody, SignInAnswer } from '../../../shared/org/contracts.js'
import { UnauthenticatedError } from '../../../shared/errors/index.js'
import { identity } from '../../lib/adapters/identity.js'
import { signInAttempts } from '../../lib/adapters/sign-in-attempts.js'
import { orgStore } from '../../org/adapters/store.js'
import { contextOf, limited, type Caller } from './sign-in.js'

/** A new access token for the refresh token's owner; no cookie, or a revoked or expired one: 401 `auth.sessionEnded`. */
export async function refresh(input: { refreshToken?: string; sourceIp: string; deviceData?: string }): Promise<SignInAnswer & { refreshToken?: string }> {
  if (!input.refreshToken) throw new UnauthenticatedError('auth.sessionEnded')
  const r = await identity().refresh(input.refreshToken, { ipAddress: input.sourceIp })
  const user = await orgStore.getUserByUsername(r.username)
  if (!user) throw new UnauthenticatedError('auth.unknownUser')
  return { token: r.token, expiresIn: r.expiresIn, refreshToken: r.refreshToken, user: { userId: user.userId, username: user.username, fullName: user.fullName } }
}

/** Sign-out: the refresh token is revoked (signing out twice, or without a cookie, is fine). */
export async function signOut(refreshToken: string | undefined): Promise<void> {
  if (refreshToken) await identity().revoke(refreshToken)
}

/** Mails a reset code; the same answer whether or not the account exists or has an address. */
export async function forgotPassword(input: Caller, now = new Date()): Promise<{ sent: true }> {
  await limited(input, now, () => identity().forgotPassword(input.username, contextOf(input)))
  return { sent: true }
}

export async function confirmForgotPassword(input: Caller & ConfirmForgotPasswordBody, now = new Date()): Promise<void> {
  await limited(input, now, () => identity().confirmForgotPassword(input.username, input.code, input.newPassword, contextOf(input)))
  await signInAttempts.clear('account', input.username)
}

/** The caller's own password; the old one must be right (a wrong one counts as a wrong password). */
export async function changePassword(input: { username: string; accessToken: string; sourceIp: string } & ChangePasswordBody, now = new Date()): Promise<void> {
  await limited(input, now, () => identity().changePassword(input))
}
