/**
 * The identity port: sign-in and account lifecycle. Its own file so the two
 * adapters (identity-cognito.ts, identity-local.ts) and the chooser
 * (identity.ts) depend on it without depending on each other.
 */

export interface SignInResult { token: string; expiresIn: number }
export interface IdentityPort {
  signIn(username: string, password: string): Promise<SignInResult>
  createAccount(a: { username: string; email?: string; password: string }): Promise<void>
  deleteAccount(username: string): Promise<void>
  setEnabled(username: string, enabled: boolean): Promise<void>
}
