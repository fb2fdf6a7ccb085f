/**
 * The refresh token travels only in this cookie: HttpOnly (no script reads it),
 * Secure, SameSite=Strict (no other site's page sends it), and scoped to
 * /api/auth (the refresh and sign-out routes are the only ones that see it).
 * The SPA keeps the short-lived access token in memory.
 */
import type { HttpResult } from '../lib/http.js'

export const REFRESH_COOKIE = 'do_refresh'
const ATTRIBUTES = 'Path=/api/auth; HttpOnly; Secure; SameSite=Strict'
/** As long as the pool's refresh tokens live (infra/constructs/stateful/identity.ts: 12 hours). */
export const REFRESH_COOKIE_SECONDS = 12 * 3600

export const refreshCookie = (token: string): string => `${REFRESH_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${REFRESH_COOKIE_SECONDS}`
export const clearedCookie = (): string => `${REFRESH_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`

/** A finished sign-in's answer: the refresh token moved from the body into the cookie. */
export function withSession<T extends { refreshToken?: string }>(outcome: T): HttpResult {
  const { refreshToken, ...body } = outcome
  return { body, ...(refreshToken ? { cookies: [refreshCookie(refreshToken)] } : {}) }
}
