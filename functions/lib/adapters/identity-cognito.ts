/**
 * Cognito adapter of the identity port. Its request mapping is unit-tested
 * (tests/unit/lib/identity-cognito.test.ts); real Cognito cannot run here.
 */
import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand,
  AdminSetUserPasswordCommand, CognitoIdentityProviderClient, InitiateAuthCommand, NotAuthorizedException, UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { UnauthenticatedError } from '../../../shared/errors/index.js'
import { env } from '../env.js'
import type { IdentityPort } from './identity-port.js'

type Sender = Pick<CognitoIdentityProviderClient, 'send'>

export function cognitoIdentity(client: Sender = new CognitoIdentityProviderClient({}), cfg = { userPoolId: env().USER_POOL_ID!, clientId: env().USER_POOL_CLIENT_ID! }): IdentityPort {
  return {
    async signIn(username, password) {
      try {
        const res = await client.send(new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH', ClientId: cfg.clientId, AuthParameters: { USERNAME: username, PASSWORD: password },
        }))
        const r = res.AuthenticationResult
        if (!r?.AccessToken) throw new UnauthenticatedError('auth.invalidCredentials')
        return { token: r.AccessToken, expiresIn: r.ExpiresIn ?? 3600 }
      } catch (err) {
        if (err instanceof NotAuthorizedException || err instanceof UserNotFoundException) throw new UnauthenticatedError('auth.invalidCredentials')
        throw err
      }
    },
    async createAccount({ username, email, password }) {
      await client.send(new AdminCreateUserCommand({
        UserPoolId: cfg.userPoolId, Username: username, MessageAction: 'SUPPRESS',
        UserAttributes: email ? [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] : [],
      }))
      await client.send(new AdminSetUserPasswordCommand({ UserPoolId: cfg.userPoolId, Username: username, Password: password, Permanent: false }))
    },
    async deleteAccount(username) {
      await client.send(new AdminDeleteUserCommand({ UserPoolId: cfg.userPoolId, Username: username }))
    },
    async setEnabled(username, enabled) {
      await client.send(enabled
        ? new AdminEnableUserCommand({ UserPoolId: cfg.userPoolId, Username: username })
        : new AdminDisableUserCommand({ UserPoolId: cfg.userPoolId, Username: username }))
    },
  }
}
