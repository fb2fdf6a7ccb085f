/**
 * The password policy of the user pool (infra/stacks/stateful-stack.ts) and
 * of the embedded issuer, in one place: at least 12 characters with upper-
 * and lower-case letters, a digit and a symbol.
 */
export const PASSWORD_POLICY = { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true } as const

export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= PASSWORD_POLICY.minLength && /[a-z]/.test(password) && /[A-Z]/.test(password)
    && /\d/.test(password) && /[^A-Za-z0-9\s]/.test(password)
}
