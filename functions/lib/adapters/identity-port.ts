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

/**
 * A signed-in session: the short-lived access token (kept in the SPA's memory) and
 * the refresh token (kept only in an HttpOnly cookie scoped to /api/auth, never in
 * a body the SPA reads).
 */
export interface SessionResult { token: string; expiresIn: number; refreshToken?: string }
/** What the user's browser tells the identity provider's threat protection (Cognito's UserContextData). */
export interface UserContext { ipAddress: string; encodedData?: string }
export type ChallengeName = SignInChallenge
export const CHALLENGES: readonly ChallengeName[] = SIGN_IN_CHALLENGES
export interface ChallengeResult { challenge: ChallengeName; session: string }
export type SignInResult = SessionResult | ChallengeResult
/** NEW_PASSWORD_REQUIRED: the new password; SOFTWARE_TOKEN_MFA: the code; MFA_SETUP: nothing (verifyTotp took the code). */
export interface ChallengeAnswer { newPassword?: string; code?: string }

export const isChallenge = (r: SignInResult): r is ChallengeResult => 'challenge' in r

export interface IdentityPort {
  signIn(username: string, password: string, context?: UserContext): Promise<SignInResult>
  respond(username: string, challenge: ChallengeName, session: string, answer: ChallengeAnswer, context?: UserContext): Promise<SignInResult>
  /** A new access token from a refresh token (Cognito REFRESH_TOKEN_AUTH); a revoked or expired one is refused (401). */
  refresh(refreshToken: string, context?: UserContext): Promise<SessionResult & { username: string }>
  /** Sign-out: the refresh token (and, on Cognito, the access tokens it gave) no longer works. */
  revoke(refreshToken: string): Promise<void>
  /** Sends a reset code to the account's address (Cognito ForgotPassword); the same answer for names nobody has. */
  forgotPassword(username: string, context?: UserContext): Promise<void>
  /** Sets a new password with the mailed code (Cognito ConfirmForgotPassword); a wrong or expired code is refused (401). */
  confirmForgotPassword(username: string, code: string, newPassword: string, context?: UserContext): Promise<void>
  /** The signed-in person changes their own password; the old one must be right (Cognito ChangePassword). */
  changePassword(a: { username: string; accessToken: string; oldPassword: string; newPassword: string }): Promise<void>
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
