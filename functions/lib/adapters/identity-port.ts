/**
 * The identity port: sign-in with its challenges, and account lifecycle. Its
 * own file so the two adapters (identity-cognito.ts, identity-local.ts) and
 * the chooser (identity.ts) depend on it without depending on each other.
 *
 * Sign-in follows Cognito's challenge flow: the password gives either a
 * session or a challenge with an opaque, short-lived, single-use `session`
 * string, answered by `respond` (a new password, a TOTP code). MFA setup is
 * `associateTotp` (the secret for the authenticator app) then `verifyTotp`
 * (its first code), then `respond` with MFA_SETUP.
 */
import { SIGN_IN_CHALLENGES, type SignInChallenge } from '../../../shared/org/contracts.js'

export interface SessionResult { token: string; expiresIn: number }
export type ChallengeName = SignInChallenge
export const CHALLENGES: readonly ChallengeName[] = SIGN_IN_CHALLENGES
export interface ChallengeResult { challenge: ChallengeName; session: string }
export type SignInResult = SessionResult | ChallengeResult
/** NEW_PASSWORD_REQUIRED: the new password; SOFTWARE_TOKEN_MFA: the code; MFA_SETUP: nothing (verifyTotp took the code). */
export interface ChallengeAnswer { newPassword?: string; code?: string }

export const isChallenge = (r: SignInResult): r is ChallengeResult => 'challenge' in r

export interface IdentityPort {
  signIn(username: string, password: string): Promise<SignInResult>
  respond(username: string, challenge: ChallengeName, session: string, answer: ChallengeAnswer): Promise<SignInResult>
  associateTotp(session: string): Promise<{ secretCode: string; session: string }>
  verifyTotp(session: string, code: string): Promise<{ session: string }>
  /**
   * `temporary` (default true): the password must be changed at the first sign-in (NEW_PASSWORD_REQUIRED).
   * `mfa`: the account must set up and use an authenticator app (Cognito: the pool's MFA setting decides).
   */
  createAccount(a: { username: string; email?: string; password: string; temporary?: boolean; mfa?: boolean }): Promise<void>
  deleteAccount(username: string): Promise<void>
  setEnabled(username: string, enabled: boolean): Promise<void>
  /** The person's MFA flag changed (Cognito: nothing to do, the pool's MFA setting applies to everyone). */
  setMfa(username: string, required: boolean): Promise<void>
}
