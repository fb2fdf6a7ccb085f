/**
 * The embedded runtime's identity issuer (the Cognito stand-in): accounts in a
 * DynamoDB Local table with scrypt password hashes, RS256 tokens signed with a
 * key kept in the data directory. The local gateway verifies them the way the
 * API Gateway JWT authorizer verifies Cognito's.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { SignJWT, importJWK, type JWK } from 'jose'
import { meetsPasswordPolicy, PASSWORD_POLICY } from '../../../shared/auth/password-policy.js'
import { ConflictError, ForbiddenError, RuleError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import { matchTotp, newTotpSecret } from '../totp.js'
import type { ChallengeName, IdentityPort, SignInResult } from './identity-port.js'

const scrypt = promisify(scryptCb) as (p: string, s: Buffer, n: number) => Promise<Buffer>
export const LOCAL_AUDIENCE = 'digital-office-spa'
/** Access tokens are short (the same 15 minutes as the user pool's client); the SPA refreshes them. */
export const ACCESS_TOKEN_SECONDS = 15 * 60
/** Refresh tokens, as the pool's client: 12 hours. */
export const REFRESH_TOKEN_SECONDS = 12 * 3600
/** A mailed reset code works for an hour, once (Cognito's codes: 1 hour). */
export const RESET_CODE_SECONDS = 3600
/** How long a challenge's session may be used (Cognito's are 3 minutes by default). */
export const CHALLENGE_SESSION_SECONDS = 180

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password, salt, 32)
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`
}
async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [, salt, hash] = stored.split('$')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), 32)
  return timingSafeEqual(actual, Buffer.from(hash, 'base64'))
}

const key = (username: string) => ({ pk: `ACCOUNT#${username}`, sk: 'CREDENTIALS' })
/** Sessions are kept under their hash: the table never holds a usable session string. */
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url')
const sessionKey = (session: string) => ({ pk: `CHALLENGE#${digest(session)}`, sk: 'SESSION' })
/** Refresh tokens likewise: under their hash, deleted on sign-out. */
const refreshKey = (token: string) => ({ pk: `REFRESH#${digest(token)}`, sk: 'TOKEN' })
/** The one outstanding reset code of an account (a new request replaces it). */
const resetKey = (username: string) => ({ pk: `ACCOUNT#${username}`, sk: 'RESET' })

interface Account {
  username: string
  email?: string
  passwordHash: string
  enabled?: boolean
  /** Created with a temporary password: must choose a new one at the first sign-in. */
  mustChangePassword?: boolean
  /** Must use an authenticator app. */
  mfa?: boolean
  /** Base32 TOTP secret, once set up. */
  totpSecret?: string
  /** The last time step whose code was accepted (a code works once). */
  totpStep?: number
}
interface SessionItem {
  username: string
  challenge: ChallengeName
  expiresAt: number
  /** MFA_SETUP after associateTotp: the secret being set up. */
  pendingSecret?: string
  /** MFA_SETUP after verifyTotp: the secret is confirmed and its code's step. */
  verifiedSecret?: string
  verifiedStep?: number
}

export function localIdentity(): IdentityPort {
  const table = () => env().LOCAL_IDENTITY_TABLE
  let signingKey: Promise<{ key: CryptoKey | Uint8Array; kid: string }> | undefined
  const getKey = () => (signingKey ??= (async () => {
    const jwk = JSON.parse(readFileSync(env().LOCAL_IDENTITY_KEY_FILE!, 'utf8')) as JWK
    return { key: await importJWK(jwk, 'RS256') as CryptoKey, kid: jwk.kid! }
  })())

  async function getAccount(username: string): Promise<Account | undefined> {
    return (await documentClient().send(new GetCommand({ TableName: table(), Key: key(username), ConsistentRead: true }))).Item as Account | undefined
  }
  async function update(username: string, expression: string, values: Record<string, unknown>): Promise<void> {
    await documentClient().send(new UpdateCommand({
      TableName: table(), Key: key(username), UpdateExpression: expression, ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}), ConditionExpression: 'attribute_exists(pk)',
    }))
  }
  async function accessToken(username: string): Promise<{ token: string; expiresIn: number }> {
    const { key: k, kid } = await getKey()
    const token = await new SignJWT({ username, token_use: 'access', client_id: LOCAL_AUDIENCE })
      .setProtectedHeader({ alg: 'RS256', kid }).setIssuer(env().LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)
      .setSubject(username).setIssuedAt().setJti(randomBytes(16).toString('base64url')).setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`).sign(k)
    return { token, expiresIn: ACCESS_TOKEN_SECONDS }
  }
  /** A finished sign-in: an access token and a refresh token (kept under its hash). */
  async function issueToken(username: string): Promise<SignInResult> {
    const refreshToken = randomBytes(32).toString('base64url')
    await documentClient().send(new PutCommand({
      TableName: table(), Item: { ...refreshKey(refreshToken), username, expiresAt: Date.now() + REFRESH_TOKEN_SECONDS * 1000 },
    }))
    return { ...(await accessToken(username)), refreshToken }
  }
  async function setPassword(username: string, password: string): Promise<void> {
    if (!meetsPasswordPolicy(password)) throw new RuleError('rule.passwordPolicy', { minLength: PASSWORD_POLICY.minLength })
    await update(username, 'SET passwordHash = :h REMOVE mustChangePassword', { ':h': await hashPassword(password) })
  }
  /** What an account whose password is right still has to do, in Cognito's order. */
  async function next(account: Account): Promise<SignInResult> {
    const challenge: ChallengeName | undefined = account.mustChangePassword ? 'NEW_PASSWORD_REQUIRED'
      : account.mfa ? (account.totpSecret ? 'SOFTWARE_TOKEN_MFA' : 'MFA_SETUP') : undefined
    if (!challenge) return issueToken(account.username)
    return { challenge, session: await newSession({ username: account.username, challenge }) }
  }
  async function newSession(item: Omit<SessionItem, 'expiresAt'>): Promise<string> {
    const session = randomBytes(32).toString('base64url')
    await documentClient().send(new PutCommand({
      TableName: table(), Item: { ...sessionKey(session), ...item, expiresAt: Date.now() + CHALLENGE_SESSION_SECONDS * 1000 },
    }))
    return session
  }
  function check(item: SessionItem | undefined, challenge: ChallengeName, username?: string): SessionItem {
    if (!item || item.challenge !== challenge || item.expiresAt <= Date.now() || (username !== undefined && item.username !== username)) {
      throw new UnauthenticatedError('auth.challengeExpired')
    }
    return item
  }
  async function peekSession(session: string, challenge: ChallengeName): Promise<SessionItem> {
    const res = await documentClient().send(new GetCommand({ TableName: table(), Key: sessionKey(session), ConsistentRead: true }))
    return check(res.Item as SessionItem | undefined, challenge)
  }
  /** Deletes the session and returns it: of two concurrent uses, one gets it. */
  async function takeSession(session: string, challenge: ChallengeName, username: string): Promise<SessionItem> {
    try {
      const res = await documentClient().send(new DeleteCommand({
        TableName: table(), Key: sessionKey(session), ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD',
      }))
      return check(res.Attributes as SessionItem | undefined, challenge, username)
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new UnauthenticatedError('auth.challengeExpired')
      throw err
    }
  }
  /** Accepts a code once: its time step must be later than the last accepted one. */
  async function useCode(account: Account, secret: string, code: string): Promise<void> {
    const step = matchTotp(secret, code)
    if (step === undefined) throw new UnauthenticatedError('auth.invalidCode')
    try {
      await documentClient().send(new UpdateCommand({
        TableName: table(), Key: key(account.username), UpdateExpression: 'SET totpStep = :t',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(totpStep) OR totpStep < :t)', ExpressionAttributeValues: { ':t': step },
      }))
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new UnauthenticatedError('auth.codeExpired')
      throw err
    }
  }

  return {
    async refresh(refreshToken) {
      const item = (await documentClient().send(new GetCommand({ TableName: table(), Key: refreshKey(refreshToken), ConsistentRead: true }))).Item as
        { username: string; expiresAt: number } | undefined
      if (!item || item.expiresAt <= Date.now()) throw new UnauthenticatedError('auth.sessionEnded')
      const account = await getAccount(item.username)
      if (!account) throw new UnauthenticatedError('auth.sessionEnded')
      if (account.enabled === false) throw new UnauthenticatedError('auth.disabled')
      return { ...(await accessToken(item.username)), username: item.username }
    },
    async revoke(refreshToken) {
      await documentClient().send(new DeleteCommand({ TableName: table(), Key: refreshKey(refreshToken) }))
    },
    async forgotPassword(username) {
      const account = await getAccount(username)
      // Nobody, no address, or disabled: the same silence as for a sent code (Cognito with preventUserExistenceErrors).
      if (!account?.email || account.enabled === false) return
      const code = String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0')
      await documentClient().send(new PutCommand({
        TableName: table(), Item: { ...resetKey(username), codeHash: digest(`${username}:${code}`), expiresAt: Date.now() + RESET_CODE_SECONDS * 1000 },
      }))
      // Loaded when needed: sign-in does not carry the mail composer.
      const { mail } = await import('./mail.js')
      const { resetCodeMail } = await import('../../../shared/auth/reset-mail.js')
      await mail().send({ to: [account.email], ...resetCodeMail(code, RESET_CODE_SECONDS / 60), tags: { kind: 'auth.resetCode' } })
    },
    async confirmForgotPassword(username, code, newPassword) {
      // The policy first, the code kept: the person can try another password with the same code.
      if (!meetsPasswordPolicy(newPassword)) throw new RuleError('rule.passwordPolicy', { minLength: PASSWORD_POLICY.minLength })
      const item = (await documentClient().send(new GetCommand({ TableName: table(), Key: resetKey(username), ConsistentRead: true }))).Item as
        { codeHash: string; expiresAt: number } | undefined
      if (!item) throw new UnauthenticatedError('auth.invalidResetCode')
      if (item.expiresAt <= Date.now()) throw new UnauthenticatedError('auth.resetCodeExpired')
      const given = Buffer.from(digest(`${username}:${code}`))
      if (given.length !== item.codeHash.length || !timingSafeEqual(given, Buffer.from(item.codeHash))) throw new UnauthenticatedError('auth.invalidResetCode')
      try {
        // Used once: of two concurrent confirmations, one takes the code.
        await documentClient().send(new DeleteCommand({
          TableName: table(), Key: resetKey(username), ConditionExpression: 'codeHash = :c', ExpressionAttributeValues: { ':c': item.codeHash },
        }))
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') throw new UnauthenticatedError('auth.resetCodeExpired')
        throw err
      }
      await setPassword(username, newPassword)
    },
    async changePassword({ username, oldPassword, newPassword }) {
      const account = await getAccount(username)
      if (!account || !(await checkPassword(oldPassword, account.passwordHash))) throw new ForbiddenError('auth.wrongOldPassword')
      await setPassword(username, newPassword)
    },
    async signIn(username, password) {
      const account = await getAccount(username)
      // Same work whether or not the account exists, so timing does not reveal user names.
      const ok = await checkPassword(password, account?.passwordHash ?? (await hashPassword('x')))
      if (!account || !ok) throw new UnauthenticatedError('auth.invalidCredentials')
      if (account.enabled === false) throw new UnauthenticatedError('auth.disabled')
      return next(account)
    },
    async respond(username, challenge, session, answer) {
      if (challenge === 'NEW_PASSWORD_REQUIRED' && !meetsPasswordPolicy(answer.newPassword ?? '')) {
        // Refused before the session is taken, so the person can try another password.
        throw new RuleError('rule.passwordPolicy', { minLength: PASSWORD_POLICY.minLength })
      }
      const s = await takeSession(session, challenge, username)
      const account = await getAccount(username)
      if (!account || account.enabled === false) throw new UnauthenticatedError('auth.challengeExpired')
      if (challenge === 'NEW_PASSWORD_REQUIRED') {
        await setPassword(username, answer.newPassword!)
        return next({ ...account, mustChangePassword: false })
      }
      if (challenge === 'MFA_SETUP') {
        if (!s.verifiedSecret) throw new UnauthenticatedError('auth.challengeExpired')
        await update(username, 'SET totpSecret = :s, totpStep = :t', { ':s': s.verifiedSecret, ':t': s.verifiedStep! })
        // The code that verified the app was just given: signed in.
        return issueToken(username)
      }
      if (!account.totpSecret) throw new UnauthenticatedError('auth.challengeExpired')
      await useCode(account, account.totpSecret, answer.code ?? '')
      return issueToken(username)
    },
    async associateTotp(session) {
      const s = await peekSession(session, 'MFA_SETUP')
      if (s.pendingSecret || s.verifiedSecret) throw new UnauthenticatedError('auth.challengeExpired')
      await takeSession(session, 'MFA_SETUP', s.username)
      const secretCode = newTotpSecret()
      return { secretCode, session: await newSession({ username: s.username, challenge: 'MFA_SETUP', pendingSecret: secretCode }) }
    },
    async verifyTotp(session, code) {
      const s = await peekSession(session, 'MFA_SETUP')
      await takeSession(session, 'MFA_SETUP', s.username)
      if (!s.pendingSecret) throw new UnauthenticatedError('auth.challengeExpired')
      const step = matchTotp(s.pendingSecret, code)
      if (step === undefined) throw new UnauthenticatedError('auth.invalidCode')
      return { session: await newSession({ username: s.username, challenge: 'MFA_SETUP', verifiedSecret: s.pendingSecret, verifiedStep: step }) }
    },
    async createAccount({ username, email, password, temporary = true, mfa = false }) {
      try {
        await documentClient().send(new PutCommand({
          TableName: table(),
          Item: {
            ...key(username), username, email, passwordHash: await hashPassword(password), enabled: true,
            ...(temporary ? { mustChangePassword: true } : {}), ...(mfa ? { mfa: true } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }))
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConflictError('conflict.usernameTaken', { username })
        throw err
      }
    },
    async deleteAccount(username) {
      await documentClient().send(new DeleteCommand({ TableName: table(), Key: key(username) }))
    },
    async setMfa(username, required) {
      // Turned off, the authenticator is forgotten: turned on again, it is set up afresh.
      await update(username, required ? 'SET mfa = :m' : 'REMOVE mfa, totpSecret, totpStep', required ? { ':m': true } : {})
    },
    async setEnabled(username, enabled) {
      await documentClient().send(new UpdateCommand({
        TableName: table(), Key: key(username), UpdateExpression: 'SET enabled = :e', ExpressionAttributeValues: { ':e': enabled },
        ConditionExpression: 'attribute_exists(pk)',
      }))
    },
  }
}
