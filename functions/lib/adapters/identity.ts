/**
 * The identity port: sign-in and account lifecycle. Cognito on AWS; the
 * embedded runtime's local issuer otherwise. Both give a JWT whose claims
 * carry `username`, verified by the API's JWT authorizer (or the local gateway).
 */
import { env } from '../env.js'
import { cognitoIdentity } from './identity-cognito.js'
import { localIdentity } from './identity-local.js'

export interface SignInResult { token: string; expiresIn: number }
export interface IdentityPort {
  signIn(username: string, password: string): Promise<SignInResult>
  createAccount(a: { username: string; email?: string; password: string }): Promise<void>
  deleteAccount(username: string): Promise<void>
  setEnabled(username: string, enabled: boolean): Promise<void>
}

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
