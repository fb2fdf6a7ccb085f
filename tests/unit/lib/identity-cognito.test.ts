import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand,
  AdminSetUserPasswordCommand, InitiateAuthCommand, NotAuthorizedException, UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoIdentity } from '../../../functions/lib/adapters/identity-cognito.js'
import { UnauthenticatedError } from '../../../shared/errors/index.js'

const CFG = { userPoolId: 'ap-southeast-1_Pool', clientId: 'client-123' }

/** A Cognito client stand-in that records the commands it is sent and answers from a script. */
function fakeClient(answer: (command: unknown) => unknown = () => ({})) {
  const sent: unknown[] = []
  return {
    sent,
    send: async (command: unknown) => {
      sent.push(command)
      const result = answer(command)
      if (result instanceof Error) throw result
      return result
    },
  }
}

type Port = ReturnType<typeof cognitoIdentity>
const identityWith = (client: ReturnType<typeof fakeClient>): Port =>
  cognitoIdentity(client as unknown as Parameters<typeof cognitoIdentity>[0], CFG)

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (err) {
    return err
  }
  return undefined
}

describe('cognitoIdentity.signIn', () => {
  it('asks Cognito for USER_PASSWORD_AUTH with the app client and credentials, and returns the access token', async () => {
    // Prepare
    const client = fakeClient(() => ({ AuthenticationResult: { AccessToken: 'eyJ.access', IdToken: 'eyJ.id', ExpiresIn: 1800 } }))

    // Act
    const session = await identityWith(client).signIn('bithu.hoankiem', 'Mat-khau#2026')

    // Assess
    expect(session).toEqual({ token: 'eyJ.access', expiresIn: 1800 })
    expect(client.sent).toHaveLength(1)
    expect(client.sent[0]).toBeInstanceOf(InitiateAuthCommand)
    expect((client.sent[0] as InitiateAuthCommand).input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-123',
      AuthParameters: { USERNAME: 'bithu.hoankiem', PASSWORD: 'Mat-khau#2026' },
    })
  })

  it('defaults the lifetime to one hour when Cognito gives none', async () => {
    const client = fakeClient(() => ({ AuthenticationResult: { AccessToken: 'eyJ.access' } }))

    expect(await identityWith(client).signIn('a.b', 'x')).toEqual({ token: 'eyJ.access', expiresIn: 3600 })
  })

  it.each([
    ['a wrong password', () => new NotAuthorizedException({ message: 'Incorrect username or password.', $metadata: {} })],
    ['an unknown user', () => new UserNotFoundException({ message: 'User does not exist.', $metadata: {} })],
  ])('answers auth.invalidCredentials for %s, without Cognito\'s wording', async (_case, exception) => {
    // Prepare
    const client = fakeClient(() => exception())

    // Act
    const error = await errorOf(identityWith(client).signIn('a.b', 'wrong'))

    // Assess
    expect(error).toBeInstanceOf(UnauthenticatedError)
    expect(error).toMatchObject({ code: 'auth.invalidCredentials', status: 401 })
  })

  it('answers auth.invalidCredentials when Cognito asks for a challenge instead of giving a token', async () => {
    const client = fakeClient(() => ({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' }))

    expect(await errorOf(identityWith(client).signIn('a.b', 'x'))).toMatchObject({ code: 'auth.invalidCredentials' })
  })

  it('lets other failures through unchanged (they become a 500, not a wrong-password message)', async () => {
    // Prepare
    const outage = new Error('Service unavailable')
    const client = fakeClient(() => outage)

    // Act
    const error = await errorOf(identityWith(client).signIn('a.b', 'x'))

    // Assess
    expect(error).toBe(outage)
  })
})

describe('cognitoIdentity account lifecycle', () => {
  it('creates the account without Cognito\'s invitation mail, then sets a temporary password', async () => {
    // Prepare
    const client = fakeClient()

    // Act
    await identityWith(client).createAccount({ username: 'duc.tv', email: 'duc@hoankiem.vn', password: 'Do-Abcdefghijk#7' })

    // Assess
    expect(client.sent.map((c) => c?.constructor)).toEqual([AdminCreateUserCommand, AdminSetUserPasswordCommand])
    expect((client.sent[0] as AdminCreateUserCommand).input).toEqual({
      UserPoolId: CFG.userPoolId, Username: 'duc.tv', MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'duc@hoankiem.vn' }, { Name: 'email_verified', Value: 'true' }],
    })
    expect((client.sent[1] as AdminSetUserPasswordCommand).input).toEqual({
      UserPoolId: CFG.userPoolId, Username: 'duc.tv', Password: 'Do-Abcdefghijk#7', Permanent: false,
    })
  })

  it('creates an account without e-mail attributes when the person has no e-mail', async () => {
    const client = fakeClient()

    await identityWith(client).createAccount({ username: 'anh.ltn', password: 'Do-Abcdefghijk#7' })

    expect((client.sent[0] as AdminCreateUserCommand).input.UserAttributes).toEqual([])
  })

  it('does not set a password when creating the account failed', async () => {
    const client = fakeClient((c) => (c instanceof AdminCreateUserCommand ? new Error('UsernameExistsException') : {}))

    await errorOf(identityWith(client).createAccount({ username: 'duc.tv', password: 'Do-Abcdefghijk#7' }))

    expect(client.sent).toHaveLength(1)
  })

  it('enables and disables an account in the pool', async () => {
    // Prepare
    const client = fakeClient()
    const port = identityWith(client)

    // Act
    await port.setEnabled('duc.tv', false)
    await port.setEnabled('duc.tv', true)

    // Assess
    expect(client.sent[0]).toBeInstanceOf(AdminDisableUserCommand)
    expect(client.sent[1]).toBeInstanceOf(AdminEnableUserCommand)
    expect((client.sent[0] as AdminDisableUserCommand).input).toEqual({ UserPoolId: CFG.userPoolId, Username: 'duc.tv' })
    expect((client.sent[1] as AdminEnableUserCommand).input).toEqual({ UserPoolId: CFG.userPoolId, Username: 'duc.tv' })
  })

  it('deletes an account from the pool', async () => {
    const client = fakeClient()

    await identityWith(client).deleteAccount('duc.tv')

    expect(client.sent).toHaveLength(1)
    expect(client.sent[0]).toBeInstanceOf(AdminDeleteUserCommand)
    expect((client.sent[0] as AdminDeleteUserCommand).input).toEqual({ UserPoolId: CFG.userPoolId, Username: 'duc.tv' })
  })
})
