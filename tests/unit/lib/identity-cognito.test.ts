import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminEnableUserCommand,
  AdminSetUserPasswordCommand, AssociateSoftwareTokenCommand, InitiateAuthCommand, NotAuthorizedException,
  RespondToAuthChallengeCommand, UserNotFoundException, VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoIdentity } from '../../../functions/lib/adapters/identity-cognito.js'
import { RuleError, TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'

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

/** An error as the SDK raises it for a service exception: known by its name. */
function cognitoError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } })
}

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

  it.each(['NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'SOFTWARE_TOKEN_MFA'])('returns the %s challenge and Cognito\'s session instead of failing', async (name) => {
    const client = fakeClient(() => ({ ChallengeName: name, Session: 'AYABe-session', ChallengeParameters: {} }))

    expect(await identityWith(client).signIn('a.b', 'x')).toEqual({ challenge: name, session: 'AYABe-session' })
  })

  it('fails loudly (a 500) on a challenge the pool is not configured for, rather than calling it a wrong password', async () => {
    const client = fakeClient(() => ({ ChallengeName: 'SMS_MFA', Session: 's' }))

    const error = await errorOf(identityWith(client).signIn('a.b', 'x'))

    expect(error).not.toBeInstanceOf(UnauthenticatedError)
    expect((error as Error).message).toContain('SMS_MFA')
  })

  it('answers auth.disabled for a disabled account and auth.passwordResetRequired when Cognito requires a reset', async () => {
    const disabled = fakeClient(() => cognitoError('NotAuthorizedException', 'User is disabled.'))
    const reset = fakeClient(() => cognitoError('PasswordResetRequiredException', 'Password reset required for the user'))

    expect(await errorOf(identityWith(disabled).signIn('a.b', 'x'))).toMatchObject({ code: 'auth.disabled', status: 401 })
    expect(await errorOf(identityWith(reset).signIn('a.b', 'x'))).toMatchObject({ code: 'auth.passwordResetRequired', status: 401 })
  })

  it.each(['TooManyRequestsException', 'LimitExceededException'])('answers 429 with a wait when Cognito throttles (%s)', async (name) => {
    const client = fakeClient(() => cognitoError(name, 'Rate exceeded'))

    const error = await errorOf(identityWith(client).signIn('a.b', 'x'))

    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error).toMatchObject({ code: 'auth.tooManyRequests', status: 429, retryAfterSeconds: 30 })
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

/**
 * A pool with MFA required and an account with a temporary password, as Cognito answers: each step a
 * ChallengeName and a new Session, wrong codes and expired sessions as named exceptions.
 */
function poolWithChallenges(opts: { code?: string; policy?: (p: string) => boolean } = {}) {
  const code = opts.code ?? '123456'
  const policy = opts.policy ?? ((p: string) => p.length >= 12)
  return fakeClient((c) => {
    if (c instanceof InitiateAuthCommand) return { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1', ChallengeParameters: { USER_ID_FOR_SRP: 'duc.tv' } }
    if (c instanceof RespondToAuthChallengeCommand) {
      const { ChallengeName, Session, ChallengeResponses } = c.input
      if (ChallengeName === 'NEW_PASSWORD_REQUIRED' && Session === 'session-1') {
        if (!policy(ChallengeResponses!.NEW_PASSWORD!)) return cognitoError('InvalidPasswordException', 'Password does not conform to policy: Password not long enough')
        return { ChallengeName: 'MFA_SETUP', Session: 'session-2', ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } }
      }
      if (ChallengeName === 'MFA_SETUP' && Session === 'session-4') return { AuthenticationResult: { AccessToken: 'eyJ.after-setup', ExpiresIn: 3600 } }
      if (ChallengeName === 'SOFTWARE_TOKEN_MFA' && Session === 'session-mfa') {
        return ChallengeResponses!.SOFTWARE_TOKEN_MFA_CODE === code
          ? { AuthenticationResult: { AccessToken: 'eyJ.after-code', ExpiresIn: 3600 } }
          : cognitoError('CodeMismatchException', 'Invalid code received for user')
      }
      return cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.')
    }
    if (c instanceof AssociateSoftwareTokenCommand) {
      return c.input.Session === 'session-2' ? { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'session-3' } : cognitoError('NotAuthorizedException', 'Invalid session for the user.')
    }
    if (c instanceof VerifySoftwareTokenCommand) {
      if (c.input.Session !== 'session-3') return cognitoError('NotAuthorizedException', 'Invalid session for the user.')
      return c.input.UserCode === code ? { Status: 'SUCCESS', Session: 'session-4' } : cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch')
    }
    return new Error(`unexpected ${String(c?.constructor?.name)}`)
  })
}

describe('cognitoIdentity challenges', () => {
  it('walks a new password, then MFA setup, to the access token, sending what Cognito expects at each step', async () => {
    // Prepare
    const client = poolWithChallenges()
    const port = identityWith(client)

    // Act
    const first = await port.signIn('duc.tv', 'Do-Temporary#7')
    const second = await port.respond('duc.tv', 'NEW_PASSWORD_REQUIRED', 'session-1', { newPassword: 'Mat-khau-moi#2026' })
    const associated = await port.associateTotp('session-2')
    const verified = await port.verifyTotp(associated.session, '123456')
    const done = await port.respond('duc.tv', 'MFA_SETUP', verified.session, {})

    // Assess
    expect(first).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'session-1' })
    expect(second).toEqual({ challenge: 'MFA_SETUP', session: 'session-2' })
    expect(associated).toEqual({ secretCode: 'JBSWY3DPEHPK3PXP', session: 'session-3' })
    expect(done).toEqual({ token: 'eyJ.after-setup', expiresIn: 3600 })
    expect((client.sent[1] as RespondToAuthChallengeCommand).input).toEqual({
      ClientId: 'client-123', ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1',
      ChallengeResponses: { USERNAME: 'duc.tv', NEW_PASSWORD: 'Mat-khau-moi#2026' },
    })
    expect((client.sent[2] as AssociateSoftwareTokenCommand).input).toEqual({ Session: 'session-2' })
    expect((client.sent[3] as VerifySoftwareTokenCommand).input).toMatchObject({ Session: 'session-3', UserCode: '123456' })
    expect((client.sent[4] as RespondToAuthChallengeCommand).input).toEqual({
      ClientId: 'client-123', ChallengeName: 'MFA_SETUP', Session: 'session-4', ChallengeResponses: { USERNAME: 'duc.tv' },
    })
  })

  it('answers a TOTP challenge with SOFTWARE_TOKEN_MFA_CODE', async () => {
    const client = poolWithChallenges({ code: '654321' })

    const done = await identityWith(client).respond('duc.tv', 'SOFTWARE_TOKEN_MFA', 'session-mfa', { code: '654321' })

    expect(done).toEqual({ token: 'eyJ.after-code', expiresIn: 3600 })
    expect((client.sent[0] as RespondToAuthChallengeCommand).input.ChallengeResponses).toEqual({ USERNAME: 'duc.tv', SOFTWARE_TOKEN_MFA_CODE: '654321' })
  })

  it('answers auth.invalidCode for a wrong TOTP code, at sign-in and at setup', async () => {
    const port = identityWith(poolWithChallenges())

    expect(await errorOf(port.respond('duc.tv', 'SOFTWARE_TOKEN_MFA', 'session-mfa', { code: '000000' }))).toMatchObject({ code: 'auth.invalidCode', status: 401 })
    expect(await errorOf(port.verifyTotp('session-3', '000000'))).toMatchObject({ code: 'auth.invalidCode', status: 401 })
  })

  it('answers auth.invalidCode when VerifySoftwareToken says ERROR without an exception', async () => {
    const client = fakeClient(() => ({ Status: 'ERROR' }))

    expect(await errorOf(identityWith(client).verifyTotp('s', '123456'))).toMatchObject({ code: 'auth.invalidCode' })
  })

  it('answers auth.codeExpired for a used or expired code', async () => {
    const client = fakeClient(() => cognitoError('ExpiredCodeException', 'Your software token has already been used once.'))

    expect(await errorOf(identityWith(client).respond('duc.tv', 'SOFTWARE_TOKEN_MFA', 's', { code: '123456' }))).toMatchObject({ code: 'auth.codeExpired', status: 401 })
  })

  it('answers auth.challengeExpired for an expired or reused session (NotAuthorizedException during a challenge)', async () => {
    const port = identityWith(poolWithChallenges())

    expect(await errorOf(port.respond('duc.tv', 'NEW_PASSWORD_REQUIRED', 'session-old', { newPassword: 'Mat-khau-moi#2026' }))).toMatchObject({ code: 'auth.challengeExpired', status: 401 })
    expect(await errorOf(port.associateTotp('session-old'))).toMatchObject({ code: 'auth.challengeExpired' })
  })

  it('answers 422 with the policy for a new password Cognito refuses', async () => {
    const port = identityWith(poolWithChallenges())

    const error = await errorOf(port.respond('duc.tv', 'NEW_PASSWORD_REQUIRED', 'session-1', { newPassword: 'ngan' }))

    expect(error).toBeInstanceOf(RuleError)
    expect(error).toMatchObject({ code: 'rule.passwordPolicy', status: 422, params: { minLength: 12 } })
  })

  it('answers 429 when Cognito throttles a challenge answer', async () => {
    const client = fakeClient(() => cognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'))

    expect(await errorOf(identityWith(client).respond('duc.tv', 'SOFTWARE_TOKEN_MFA', 's', { code: '123456' }))).toMatchObject({ code: 'auth.tooManyRequests', status: 429 })
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

  it('sets a permanent password when the account is not to change it (an administrator chose it)', async () => {
    const client = fakeClient()

    await identityWith(client).createAccount({ username: 'duc.tv', password: 'Chosen-by-admin#1', temporary: false })

    expect((client.sent[1] as AdminSetUserPasswordCommand).input.Permanent).toBe(true)
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

  it('sends nothing when a person\'s MFA flag changes: the pool\'s MFA setting applies to every account', async () => {
    const client = fakeClient()

    await identityWith(client).setMfa('duc.tv', true)

    expect(client.sent).toEqual([])
  })

  it('deletes an account from the pool', async () => {
    const client = fakeClient()

    await identityWith(client).deleteAccount('duc.tv')

    expect(client.sent).toHaveLength(1)
    expect(client.sent[0]).toBeInstanceOf(AdminDeleteUserCommand)
    expect((client.sent[0] as AdminDeleteUserCommand).input).toEqual({ UserPoolId: CFG.userPoolId, Username: 'duc.tv' })
  })
})
