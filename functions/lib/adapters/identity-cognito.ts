/**
 * Cognito adapter of the identity port. Its request mapping is unit-tested
 * (tests/unit/lib/identity-cognito.test.ts); real Cognito cannot run here.
 *
 * Sign-in is USER_PASSWORD_AUTH; a pool with MFA on, or an account created
 * with a temporary password, answers with a challenge (ChallengeName +
 * Session) rather than tokens, answered through RespondToAuthChallenge; MFA
 * setup goes through AssociateSoftwareToken and VerifySoftwareToken. These
 * four calls are unauthenticated Cognito APIs (no IAM permission needed).
 *
 * Sessions: the access token is short (infra: 15 minutes); REFRESH_TOKEN_AUTH
 * gives a new one from the refresh token (kept in an HttpOnly cookie), and
 * sign-out is RevokeToken (the refresh token and the access tokens it gave are
 * refused by Cognito afterwards). Forgotten password: ForgotPassword mails a
 * code, ConfirmForgotPassword sets the new password with it; ChangePassword
 * takes the caller's access token and old password. Unauthenticated calls
 * carry UserContextData (the person's address, and the browser's encoded
 * device data when the SPA gives it), so threat protection judges the person,
 * not the Lambda's address.
 */
import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand,
  AdminSetUserPasswordCommand, AssociateSoftwareTokenCommand, ChangePasswordCommand, CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand, ForgotPasswordCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, RevokeTokenCommand,
  VerifySoftwareTokenCommand, type AuthenticationResultType, type ChallengeNameType, type UserContextDataType,
} from '@aws-sdk/client-cognito-identity-provider'
import { PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'
import { ForbiddenError, RuleError, TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { env } from '../env.js'
import { CHALLENGES, type ChallengeName, type IdentityPort, type SignInResult, type UserContext } from './identity-port.js'

type Sender = Pick<CognitoIdentityProviderClient, 'send'>

/** How long a throttled caller is asked to wait (Cognito gives no Retry-After). */
export const COGNITO_RETRY_AFTER_SECONDS = 30

/** Which call failed: the same Cognito error means different things in each. */
type CognitoStage = 'password' | 'challenge' | 'refresh' | 'reset' | 'change'

/** Cognito's errors, by name, as the platform's: wrong answers 401, the password policy 422, throttling 429. */
export function mapCognitoError(err: unknown, stage: CognitoStage): unknown {
  const { name, message } = (err ?? {}) as { name?: string; message?: string }
  switch (name) {
    case 'NotAuthorizedException':
      if (/disabled/i.test(message ?? '')) return new UnauthenticatedError('auth.disabled')
      // Refresh: "Refresh Token has been revoked" / "Refresh Token has expired" / "Invalid Refresh Token": sign in again.
      if (stage === 'refresh') return new UnauthenticatedError('auth.sessionEnded')
      // ChangePassword: the old password is wrong (403, not 401: the session itself is fine).
      if (stage === 'change') return new ForbiddenError('auth.wrongOldPassword')
      // During a challenge it means the session is invalid, expired or used ("Invalid session for the user").
      return new UnauthenticatedError(stage === 'challenge' ? 'auth.challengeExpired' : 'auth.invalidCredentials')
    // ForgotPassword for an account without a verified address (or, without preventUserExistenceErrors, an unknown one).
    case 'InvalidParameterException': if (stage === 'reset') return new UnauthenticatedError('auth.resetUnavailable'); return err
    case 'UserNotFoundException': return new UnauthenticatedError('auth.invalidCredentials')
    case 'CodeMismatchException':
      if (stage === 'reset') return new UnauthenticatedError('auth.invalidResetCode')
      return new UnauthenticatedError('auth.invalidCode')
    case 'EnableSoftwareTokenMFAException': return new UnauthenticatedError('auth.invalidCode')
    case 'ExpiredCodeException': return new UnauthenticatedError(stage === 'reset' ? 'auth.resetCodeExpired' : 'auth.codeExpired')
    case 'InvalidPasswordException': return new RuleError('rule.passwordPolicy', { minLength: PASSWORD_POLICY.minLength })
    case 'PasswordResetRequiredException': return new UnauthenticatedError('auth.passwordResetRequired')
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException': return new TooManyRequestsError('auth.tooManyRequests', COGNITO_RETRY_AFTER_SECONDS)
    default: return err
  }
}

function result(res: { AuthenticationResult?: AuthenticationResultType; ChallengeName?: ChallengeNameType | string; Session?: string }): SignInResult {
  const r = res.AuthenticationResult
  if (r?.AccessToken) return { token: r.AccessToken, expiresIn: r.ExpiresIn ?? 3600, ...(r.RefreshToken ? { refreshToken: r.RefreshToken } : {}) }
  if (res.ChallengeName && res.Session && (CHALLENGES as readonly string[]).includes(res.ChallengeName)) {
    return { challenge: res.ChallengeName as ChallengeName, session: res.Session }
  }
  // SMS or e-mail MFA, device or custom challenges: the pool is not configured for them.
  throw new Error(`Cognito asked for an unsupported challenge: ${res.ChallengeName ?? 'none'}`)
}

/** Cognito's UserContextData: the person's address, and the encoded device data when the browser gave it. */
export const userContextData = (c?: UserContext): { UserContextData?: UserContextDataType } =>
  c ? { UserContextData: { IpAddress: c.ipAddress, ...(c.encodedData ? { EncodedData: c.encodedData } : {}) } } : {}

/** The `username` claim of a Cognito access token just received from Cognito (over TLS: read, not verified). */
export function usernameOf(accessToken: string): string {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { username?: unknown }
    if (typeof claims.username === 'string' && claims.username) return claims.username
  } catch { /* below */ }
  throw new Error('Cognito gave an access token without a username claim')
}

export function cognitoIdentity(client: Sender = new CognitoIdentityProviderClient({}), cfg = { userPoolId: env().USER_POOL_ID!, clientId: env().USER_POOL_CLIENT_ID! }): IdentityPort {
  const call = async <T>(stage: CognitoStage, f: () => Promise<T>): Promise<T> => {
    try {
      return await f()
    } catch (err) {
      throw mapCognitoError(err, stage)
    }
  }
  return {
    signIn: (username, password, context) => call('password', async () => result(await client.send(new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: username, PASSWORD: password }, ...userContextData(context),
    })))),
    refresh: (refreshToken, context) => call('refresh', async () => {
      const res = await client.send(new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: cfg.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken }, ...userContextData(context),
      }))
      const r = res.AuthenticationResult
      if (!r?.AccessToken) throw new UnauthenticatedError('auth.sessionEnded')
      // Without refresh-token rotation Cognito gives no new refresh token: the cookie keeps the one it has.
      return { token: r.AccessToken, expiresIn: r.ExpiresIn ?? 3600, username: usernameOf(r.AccessToken), ...(r.RefreshToken ? { refreshToken: r.RefreshToken } : {}) }
    }),
    async revoke(refreshToken) {
      try {
        await client.send(new RevokeTokenCommand({ ClientId: cfg.clientId, Token: refreshToken }))
      } catch (err) {
        // A token that is already invalid, expired or revoked: signed out all the same.
        const name = (err as { name?: string })?.name
        if (name === 'UnsupportedTokenTypeException' || name === 'NotAuthorizedException' || name === 'InvalidParameterException') return
        throw mapCognitoError(err, 'refresh')
      }
    },
    forgotPassword: (username, context) => call('reset', async () => {
      await client.send(new ForgotPasswordCommand({ ClientId: cfg.clientId, Username: username, ...userContextData(context) }))
    }),
    confirmForgotPassword: (username, code, newPassword, context) => call('reset', async () => {
      await client.send(new ConfirmForgotPasswordCommand({
        ClientId: cfg.clientId, Username: username, ConfirmationCode: code, Password: newPassword, ...userContextData(context),
      }))
    }),
    changePassword: ({ accessToken, oldPassword, newPassword }) => call('change', async () => {
      await client.send(new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: oldPassword, ProposedPassword: newPassword }))
    }),
    respond: (username, challenge, session, answer, context) => call('challenge', async () => {
      const responses: Record<string, string> = { USERNAME: username }
      if (challenge === 'NEW_PASSWORD_REQUIRED') responses.NEW_PASSWORD = answer.newPassword ?? ''
      if (challenge === 'SOFTWARE_TOKEN_MFA') responses.SOFTWARE_TOKEN_MFA_CODE = answer.code ?? ''
      return result(await client.send(new RespondToAuthChallengeCommand({
        ClientId: cfg.clientId, ChallengeName: challenge, Session: session, ChallengeResponses: responses, ...userContextData(context),
      })))
    }),
    associateTotp: (session) => call('challenge', async () => {
      const res = await client.send(new AssociateSoftwareTokenCommand({ Session: session }))
      if (!res.SecretCode || !res.Session) throw new Error('Cognito gave no secret code or session')
      return { secretCode: res.SecretCode, session: res.Session }
    }),
    verifyTotp: (session, code) => call('challenge', async () => {
      const res = await client.send(new VerifySoftwareTokenCommand({ Session: session, UserCode: code, FriendlyDeviceName: 'Digital Office' }))
      if (res.Status !== 'SUCCESS' || !res.Session) throw new UnauthenticatedError('auth.invalidCode')
      return { session: res.Session }
    }),
    async createAccount({ username, email, password, temporary = true }) {
      // `mfa` is not per account here: the pool's MFA setting (required outside dev) applies to everyone.
      await client.send(new AdminCreateUserCommand({
        UserPoolId: cfg.userPoolId, Username: username, MessageAction: 'SUPPRESS',
        UserAttributes: email ? [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] : [],
      }))
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId: cfg.userPoolId, Username: username, Password: password, Permanent: !temporary }))
    },
    async deleteAccount(username) {
      await client.send(new AdminDeleteUserCommand({ UserPoolId: cfg.userPoolId, Username: username }))
    },
    async setMfa() {
      // The pool requires MFA outside dev (infra/config), for every account: no per-account switch to set.
    },
    async setEnabled(username, enabled) {
      await client.send(enabled
        ? new AdminEnableUserCommand({ UserPoolId: cfg.userPoolId, Username: username })
        : new AdminDisableUserCommand({ UserPoolId: cfg.userPoolId, Username: username }))
    },
  }
}
