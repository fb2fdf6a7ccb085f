/**
 * The local identity issuer's signing key (Cognito stand-in): an RS256 key
 * pair created on first start and kept in the data directory, so tokens stay
 * valid across restarts. Functions sign with the private key
 * (functions/lib/adapters/identity-local.ts); the gateway verifies with the public one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose'
export { LOCAL_AUDIENCE } from '../../functions/lib/adapters/identity-local.js'

export const LOCAL_ISSUER = 'http://localhost/local-issuer'

export async function loadIssuerKey(dir: string): Promise<{ privateKeyFile: string; publicKey: CryptoKey }> {
  mkdirSync(dir, { recursive: true })
  const privateKeyFile = join(dir, 'signing-key.jwk.json')
  if (!existsSync(privateKeyFile)) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256' }
    writeFileSync(privateKeyFile, JSON.stringify(jwk), { mode: 0o600 })
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK
  return { privateKeyFile, publicKey: (await importJWK(publicJwk, 'RS256')) as CryptoKey }
}
