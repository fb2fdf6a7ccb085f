/**
 * The identity adapter of this process, chosen by configuration: Cognito on
 * AWS; the embedded runtime's local issuer otherwise. Both give a JWT whose
 * claims carry `username`, verified by the API's JWT authorizer (or the local
 * gateway). The port itself is in identity-port.ts.
 */
import { env } from '../env.js'
import { cognitoIdentity } from './identity-cognito.js'
import { localIdentity } from './identity-local.js'
import type { IdentityPort } from './identity-port.js'

let port: IdentityPort | undefined
export function identity(): IdentityPort {
  port ??= env().IDENTITY === 'cognito' ? cognitoIdentity() : localIdentity()
  return port
}
export function resetIdentity(): void { port = undefined }

/** A readable initial password that satisfies the pool policy (upper, lower, digit, symbol, ≥ 12). */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  return `Do-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}#7`
}
