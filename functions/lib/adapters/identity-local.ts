/**
 * The embedded runtime's identity issuer (the Cognito stand-in): accounts in a
 * DynamoDB Local table with scrypt password hashes, RS256 tokens signed with a
 * key kept in the data directory. The local gateway verifies them the way the
 * API Gateway JWT authorizer verifies Cognito's.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { SignJWT, importJWK, type JWK } from 'jose'
import { ConflictError, UnauthenticatedError } from '../../../shared/errors/index.js'
import { documentClient } from '../clients.js'
import { env } from '../env.js'
import type { IdentityPort } from './identity-port.js'

const scrypt = promisify(scryptCb) as (p: string, s: Buffer, n: number) => Promise<Buffer>
export const LOCAL_AUDIENCE = 'digital-office-spa'
const TOKEN_SECONDS = 8 * 3600

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

export function localIdentity(): IdentityPort {
  const table = () => env().LOCAL_IDENTITY_TABLE
  let signingKey: Promise<{ key: CryptoKey | Uint8Array; kid: string }> | undefined
  const getKey = () => (signingKey ??= (async () => {
    const jwk = JSON.parse(readFileSync(env().LOCAL_IDENTITY_KEY_FILE!, 'utf8')) as JWK
    return { key: await importJWK(jwk, 'RS256') as CryptoKey, kid: jwk.kid! }
  })())

  return {
    async signIn(username, password) {
      const res = await documentClient().send(new GetCommand({ TableName: table(), Key: key(username) }))
      const account = res.Item
      // Same work whether or not the account exists, so timing does not reveal user names.
      const ok = await checkPassword(password, (account?.passwordHash as string) ?? (await hashPassword('x')))
      if (!account || !ok) throw new UnauthenticatedError('auth.invalidCredentials')
      if (account.enabled === false) throw new UnauthenticatedError('auth.disabled')
      const { key: k, kid } = await getKey()
      const token = await new SignJWT({ username, token_use: 'access', client_id: LOCAL_AUDIENCE })
        .setProtectedHeader({ alg: 'RS256', kid }).setIssuer(env().LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)
        .setSubject(username).setIssuedAt().setExpirationTime(`${TOKEN_SECONDS}s`).sign(k)
      return { token, expiresIn: TOKEN_SECONDS }
    },
    async createAccount({ username, email, password }) {
      try {
        await documentClient().send(new PutCommand({
          TableName: table(), Item: { ...key(username), username, email, passwordHash: await hashPassword(password), enabled: true },
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
    async setEnabled(username, enabled) {
      await documentClient().send(new UpdateCommand({
        TableName: table(), Key: key(username), UpdateExpression: 'SET enabled = :e', ExpressionAttributeValues: { ':e': enabled },
        ConditionExpression: 'attribute_exists(pk)',
      }))
    },
  }
}
