/**
 * The Cognito adapter's sessions and passwords, against a client stand-in that
 * answers as Cognito does: REFRESH_TOKEN_AUTH, RevokeToken, ForgotPassword,
 * ConfirmForgotPassword, ChangePassword, UserContextData on the
 * unauthenticated calls, and Cognito's errors (revoked or expired refresh
 * token, wrong or expired code, wrong old password, throttling).
 */
import {
  ChangePasswordCommand, CodeMismatchException, ConfirmForgotPasswordCommand, ExpiredCodeException, ForgotPasswordCommand,
  InitiateAuthCommand, LimitExceededException, NotAuthorizedException, RespondToAuthChallengeCommand, RevokeTokenCommand,
  TooManyRequestsException, UnsupportedTokenTypeException,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { cognitoIdentity } from '../../../functions/lib/adapters/identity-cognito.js'
import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../../shared/errors/index.js'

const CFG = { userPoolId: 'ap-southeast-1_Pool', clientId: 'client-123' }
const CONTEXT = { ipAddress: '203.113.1.7', encodedData: 'eyJkZXZpY2UiOiJjaHJvbWl1bSJ9' }

function fakeClient(answer: (command: any) => unknown = () => ({})) {
  const sent: any[] = []
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
const identityWith = (client: ReturnType<typeof fakeClient>) => cognitoIdentity(client as any, CFG)
const meta = { $metadata: {} }
/** An access token as Cognito gives it: its payload carries `username`. */
const accessToken = (username: string) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ username, token_use: 'access', client_id: 'client-123' })).toString('base64url')}.sig`
async function errorOf(p: Promise<unknown>): Promise<any> {
  try { await p } catch (err) { return err }
  return undefined
}

describe('cognitoIdentity sessions', () => {
  it('gives the refresh token of a finished sign-in (for the cookie) and sends UserContextData with the address and device data', async () => {
    const client = fakeClient(() => ({ AuthenticationResult: { AccessToken: 'eyJ.access', RefreshToken: 'eyJ.refresh', ExpiresIn: 900 } }))
    expect(await identityWith(client).signIn('bithu.hoankiem', 'Mat-khau#2026', CONTEXT)).toEqual({ token: 'eyJ.access', expiresIn: 900, refreshToken: 'eyJ.refresh' })
    expect(client.sent[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-123', AuthParameters: { USERNAME: 'bithu.hoankiem', PASSWORD: 'Mat-khau#2026' },
      UserContextData: { IpAddress: '203.113.1.7', EncodedData: 'eyJkZXZpY2UiOiJjaHJvbWl1bSJ9' },
    })
  })

  it('passes UserContextData on challenge answers too, with the address alone when the browser gave no device data', async () => {
    const client = fakeClient(() => ({ AuthenticationResult: { AccessToken: 'eyJ.access', RefreshToken: 'r', ExpiresIn: 900 } }))
    await identityWith(client).respond('a.b', 'SOFTWARE_TOKEN_MFA', 'sess', { code: '123456' }, { ipAddress: '2001:db8::7' })
    expect(client.sent[0]).toBeInstanceOf(RespondToAuthChallengeCommand)
    expect(client.sent[0].input.UserContextData).toEqual({ IpAddress: '2001:db8::7' })
  })

  it('refreshes with REFRESH_TOKEN_AUTH and names the token\'s owner from its username claim', async () => {
    const client = fakeClient(() => ({ AuthenticationResult: { AccessToken: accessToken('vanthu.hoankiem'), ExpiresIn: 900, TokenType: 'Bearer' } }))
    const r = await identityWith(client).refresh('eyJ.refresh', CONTEXT)
    expect(r).toEqual({ token: accessToken('vanthu.hoankiem'), expiresIn: 900, username: 'vanthu.hoankiem' })
    expect(client.sent[0]).toBeInstanceOf(InitiateAuthCommand)
    expect(client.sent[0].input).toEqual({
      AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client-123', AuthParameters: { REFRESH_TOKEN: 'eyJ.refresh' },
      UserContextData: { IpAddress: '203.113.1.7', EncodedData: 'eyJkZXZpY2UiOiJjaHJvbWl1bSJ9' },
    })
  })

  it.each([
    ['revoked', 'Refresh Token has been revoked'],
    ['expired', 'Refresh Token has expired'],
    ['invalid', 'Invalid Refresh Token'],
  ])('refuses a %s refresh token as a session that ended (401), not as a wrong password', async (_c, message) => {
    const client = fakeClient(() => new NotAuthorizedException({ message, ...meta }))
    const err = await errorOf(identityWith(client).refresh('eyJ.refresh'))
    expect(err).toBeInstanceOf(UnauthenticatedError)
    expect(err).toMatchObject({ code: 'auth.sessionEnded', status: 401 })
  })

  it('answers 429 with a wait when Cognito throttles a refresh', async () => {
    const client = fakeClient(() => new TooManyRequestsException({ message: 'Rate exceeded', ...meta }))
    const err = await errorOf(identityWith(client).refresh('eyJ.refresh'))
    expect(err).toBeInstanceOf(TooManyRequestsError)
    expect(err.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('signs out with RevokeToken on the app client; a token Cognito no longer knows is signed out all the same', async () => {
    const client = fakeClient(() => ({}))
    await identityWith(client).revoke('eyJ.refresh')
    expect(client.sent[0]).toBeInstanceOf(RevokeTokenCommand)
    expect(client.sent[0].input).toEqual({ ClientId: 'client-123', Token: 'eyJ.refresh' })

    for (const e of [new UnsupportedTokenTypeException({ message: 'Unsupported token type', ...meta }), new NotAuthorizedException({ message: 'Invalid token', ...meta })]) {
      await expect(identityWith(fakeClient(() => e)).revoke('x')).resolves.toBeUndefined()
    }
    const throttled = await errorOf(identityWith(fakeClient(() => new TooManyRequestsException({ message: 'Rate exceeded', ...meta }))).revoke('x'))
    expect(throttled).toBeInstanceOf(TooManyRequestsError)
  })
})

describe('cognitoIdentity passwords', () => {
  it('asks ForgotPassword on the app client with UserContextData', async () => {
    const client = fakeClient(() => ({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'p***@h***', AttributeName: 'email' } }))
    await identityWith(client).forgotPassword('vanthu.hoankiem', CONTEXT)
    expect(client.sent[0]).toBeInstanceOf(ForgotPasswordCommand)
    expect(client.sent[0].input).toEqual({ ClientId: 'client-123', Username: 'vanthu.hoankiem', UserContextData: { IpAddress: '203.113.1.7', EncodedData: 'eyJkZXZpY2UiOiJjaHJvbWl1bSJ9' } })
  })

  it('maps ForgotPassword\'s throttling (LimitExceededException: too many codes asked for) to 429', async () => {
    const client = fakeClient(() => new LimitExceededException({ message: 'Attempt limit exceeded, please try after some time.', ...meta }))
    expect(await errorOf(identityWith(client).forgotPassword('a.b'))).toBeInstanceOf(TooManyRequestsError)
  })

  it('confirms with the code and the new password; a wrong code and an expired one are refused with reset messages', async () => {
    const ok = fakeClient(() => ({}))
    await identityWith(ok).confirmForgotPassword('a.b', '123456', 'Mat-khau-moi#2026', CONTEXT)
    expect(ok.sent[0]).toBeInstanceOf(ConfirmForgotPasswordCommand)
    expect(ok.sent[0].input).toEqual({
      ClientId: 'client-123', Username: 'a.b', ConfirmationCode: '123456', Password: 'Mat-khau-moi#2026',
      UserContextData: { IpAddress: '203.113.1.7', EncodedData: 'eyJkZXZpY2UiOiJjaHJvbWl1bSJ9' },
    })
    const wrong = await errorOf(identityWith(fakeClient(() => new CodeMismatchException({ message: 'Invalid verification code provided, please try again.', ...meta }))).confirmForgotPassword('a.b', '000000', 'Mat-khau-moi#2026'))
    expect(wrong).toMatchObject({ code: 'auth.invalidResetCode', status: 401 })
    const expired = await errorOf(identityWith(fakeClient(() => new ExpiredCodeException({ message: 'Invalid code provided, please request a code again.', ...meta }))).confirmForgotPassword('a.b', '000000', 'Mat-khau-moi#2026'))
    expect(expired).toMatchObject({ code: 'auth.resetCodeExpired', status: 401 })
  })

  it('changes a password with the caller\'s access token; a wrong old password is 403 (the session stays), not 401', async () => {
    const ok = fakeClient(() => ({}))
    await identityWith(ok).changePassword({ username: 'a.b', accessToken: 'eyJ.access', oldPassword: 'Cu#123456789', newPassword: 'Moi#123456789' })
    expect(ok.sent[0]).toBeInstanceOf(ChangePasswordCommand)
    expect(ok.sent[0].input).toEqual({ AccessToken: 'eyJ.access', PreviousPassword: 'Cu#123456789', ProposedPassword: 'Moi#123456789' })
    const wrong = await errorOf(identityWith(fakeClient(() => new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta })))
      .changePassword({ username: 'a.b', accessToken: 'eyJ.access', oldPassword: 'sai', newPassword: 'Moi#123456789' }))
    expect(wrong).toBeInstanceOf(ForbiddenError)
    expect(wrong).toMatchObject({ code: 'auth.wrongOldPassword', status: 403 })
  })
})
