/**
 * The bearer token check where no API Gateway JWT authorizer stands in
 * front — the assistant's streaming function URL, and the WebSocket API's
 * `$connect` (meetings' live updates): verified here
 * the way the HTTP API's JWT authorizer does it — RS256 signature against
 * the issuer's keys, `iss`, `exp`/`nbf`, and the audience in `aud` or, for
 * Cognito access tokens that have no `aud`, in `client_id`.
 *
 * AWS: the user pool's JWKS (`JWT_ISSUER`/.well-known/jwks.json, cached by
 * jose), `JWT_AUDIENCE` = the SPA's app client id. Embedded: the local
 * issuer's key file (the same key the gateway verifies with).
 */
import { readFileSync } from 'node:fs'
import { createRemoteJWKSet, importJWK, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from 'jose'
import { UnauthenticatedError } from '../../../shared/errors/index.js'
import { env, envNow } from '../env.js'
import { LOCAL_AUDIENCE } from './identity-local.js'

export interface JwtSettings { issuer: string; audience: string; key: CryptoKey | JWTVerifyGetKey }

export async function verifyBearer(token: string | undefined, s: JwtSettings): Promise<JWTPayload> {
  if (!token) throw new UnauthenticatedError()
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(token, s.key as CryptoKey, { issuer: s.issuer, algorithms: ['RS256'] }))
  } catch {
    throw new UnauthenticatedError()
  }
  const aud = payload.aud === undefined ? [] : [payload.aud].flat()
  const ok = aud.length ? aud.includes(s.audience) : payload.client_id === s.audience
  if (!ok) throw new UnauthenticatedError()
  return payload
}

/** The bearer token of a request: `Authorization: Bearer …`, or `X-Access-Token` when CloudFront signs the origin request (its SigV4 takes the Authorization header). */
export function bearerOf(headers: Record<string, string>): string | undefined {
  const auth = headers.authorization ?? ''
  const fromAuth = /^Bearer (.+)$/i.exec(auth)?.[1]
  return fromAuth ?? /^Bearer (.+)$/i.exec(headers['x-access-token'] ?? '')?.[1] ?? (headers['x-access-token'] || undefined)
}

let settings: Promise<JwtSettings> | undefined
/** The settings of this environment, read once per process. */
export function jwtSettings(): Promise<JwtSettings> {
  return (settings ??= (async () => {
    const e = env()
    if (e.IDENTITY === 'cognito') {
      const { JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = envNow()
      if (!issuer || !audience) throw new Error('JWT_ISSUER and JWT_AUDIENCE must be set on a function that verifies tokens itself')
      return { issuer, audience, key: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)) }
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = JSON.parse(readFileSync(e.LOCAL_IDENTITY_KEY_FILE!, 'utf8')) as JWK
    return { issuer: e.LOCAL_ISSUER, audience: LOCAL_AUDIENCE, key: (await importJWK(publicJwk, 'RS256')) as CryptoKey }
  })())
}

/** Forgets the settings (tests that restart the platform with a new key). */
export const resetJwtSettings = () => { settings = undefined }
