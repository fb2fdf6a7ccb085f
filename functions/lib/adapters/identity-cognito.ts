/**
 * Cognito adapter of the identity port. Its request mapping is unit-tested
 * (tests/unit/lib/identity-cognito.test.ts); real Cognito cannot run here.
 *
 * Sign-in is USER_PASSWORD_AUTH; a pool with MFA on, or an account created
 * with a temporary password, answers with a challenge (ChallengeName +
 * Session) rather than tokens, answered through RespondToAuthChallenge; MFA
 * setup goes through AssociateSoftwareToken and VerifySoftwareToken. These
 * four calls are unauthenticated Cognito APIs (no IAM permission needed).
 */
import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand,
  AdminSetUserPasswordCommand, AssociateSoftwareTokenCommand, CognitoIdentityProviderClient, InitiateAuthCommand,
  RespondToAuthChallengeCommand, VerifySoftwareTokenCommand, type AuthenticationResultType, type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider'
import { PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'
import { RuleError, TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { env } from '../env.js'
import { CHALLENGES, type ChallengeName, type IdentityPort, type SignInResult } from './identity-port.js'

type Sender = Pick<CognitoIdentityProviderClient, 'send'>

/** How long a throttled caller is asked to wait (Cognito gives no Retry-After). */
export const COGNITO_RETRY_AFTER_SECONDS = 30

/** Cognito's errors, by name, as the platform's: wrong answers 401, the password policy 422, throttling 429. */
export function mapCognitoError(err: unknown, stage: 'password' | 'challenge'): unknown {
  const { name, message } = (err ?? {}) as { name?: string; message?: string }
  switch (name) {
    case 'NotAuthorizedException':
      if (/disabled/i.test(message ?? '')) return new UnauthenticatedError('auth.disabled')
      // During a challenge it means the session is invalid, expired or used ("Invalid session for the user").
      return new UnauthenticatedError(stage === 'challenge' ? 'auth.challengeExpired' : 'auth.invalidCredentials')
    case 'UserNotFoundException': return new UnauthenticatedError('auth.invalidCredentials')
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException': return new UnauthenticatedError('auth.invalidCode')
    case 'ExpiredCodeException': return new UnauthenticatedError('auth.codeExpired')
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
  if (r?.AccessToken) return { token: r.AccessToken, expiresIn: r.ExpiresIn ?? 3600 }
  if (res.ChallengeName && res.Session && (CHALLENGES as readonly string[]).includes(res.ChallengeName)) {
    return { challenge: res.ChallengeName as ChallengeName, session: res.Session }
  }
  // SMS or e-mail MFA, device or custom challenges: the pool is not configured for them.
  throw new Error(`Cognito asked for an unsupported challenge: ${res.ChallengeName ?? 'none'}`)
}

export function cognitoIdentity(client: Sender = new CognitoIdentityProviderClient({}), cfg = { userPoolId: env().USER_POOL_ID!, clientId: env().USER_POOL_CLIENT_ID! }): IdentityPort {
  const call = async <T>(stage: 'password' | 'challenge', f: () => Promise<T>): Promise<T> => {
    try {
      return await f()
    } catch (err) {
      throw mapCognitoError(err, stage)
    }
  }
  return {
    signIn: (username, password) => call('password', async () => result(await client.send(new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: username, PASSWORD: password },
    })))),
    respond: (username, challenge, session, answer) => call('challenge', async () => {
      const responses: Record<string, string> = { USERNAME: username }
      if (challenge === 'NEW_PASSWORD_REQUIRED') responses.NEW_PASSWORD = answer.newPassword ?? ''
      if (challenge === 'SOFTWARE_TOKEN_MFA') responses.SOFTWARE_TOKEN_MFA_CODE = answer.code ?? ''
      return result(await client.send(new RespondToAuthChallengeCommand({
        ClientId: cfg.clientId, ChallengeName: challenge, Session: session, ChallengeResponses: responses,
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
