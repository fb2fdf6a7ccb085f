/**
 * Lambda entry of the sign-in module: exchanges a user name and password for
 * a token at the identity provider (Cognito, or the local issuer), through
 * its challenges (new password, authenticator setup, TOTP code); refresh and
 * sign-out through the HttpOnly cookie; forgotten and changed passwords; the
 * public health check and the API's OpenAPI document.
 */
import { ChallengeBody, ChangePasswordBody, ConfirmForgotPasswordBody, ForgotPasswordBody, LoginBody, MfaSetupBody } from '../../shared/org/contracts.js'
import { bearerOf } from '../lib/adapters/jwt.js'
import { httpModule } from '../lib/http.js'
import { parse } from '../lib/validation.js'
import { clearedCookie, REFRESH_COOKIE, withSession } from './session-cookie.js'
import { answerChallenge, setUpMfa, signIn } from './usecases/sign-in.js'
import { changePassword, confirmForgotPassword, forgotPassword, refresh, signOut } from './usecases/session.js'

/** Reachable without a token: refresh and sign-out carry the HttpOnly cookie, a reset its mailed code. */
export const PUBLIC_AUTH_ROUTES = [
  'POST /api/auth/login', 'POST /api/auth/challenge', 'POST /api/auth/mfa/setup', 'GET /api/health', 'GET /api/openapi.json',
  'POST /api/auth/refresh', 'POST /api/auth/logout', 'POST /api/auth/password/forgot', 'POST /api/auth/password/confirm',
]
export const AUTH_ROUTES = [...PUBLIC_AUTH_ROUTES, 'POST /api/auth/password/change']

export const handler = httpModule<{ username: string }>({
  publicRoutes: PUBLIC_AUTH_ROUTES,
  resolveActor: async (claims) => ({ username: String(claims.username ?? '') }),
  routes: {
    'POST /api/auth/login': async ({ body, sourceIp }) => withSession(await signIn({ ...parse(LoginBody, body), sourceIp })),
    'POST /api/auth/challenge': async ({ body, sourceIp }) => withSession(await answerChallenge({ ...parse(ChallengeBody, body), sourceIp })),
    'POST /api/auth/mfa/setup': async ({ body, sourceIp }) => ({ body: await setUpMfa({ ...parse(MfaSetupBody, body), sourceIp }) }),
    'POST /api/auth/refresh': async ({ cookies, sourceIp }) => withSession(await refresh({ refreshToken: cookies[REFRESH_COOKIE], sourceIp })),
    'POST /api/auth/logout': async ({ cookies }) => {
      await signOut(cookies[REFRESH_COOKIE])
      return { status: 204, cookies: [clearedCookie()] }
    },
    'POST /api/auth/password/forgot': async ({ body, sourceIp }) => ({ status: 202, body: await forgotPassword({ ...parse(ForgotPasswordBody, body), sourceIp }) }),
    'POST /api/auth/password/confirm': async ({ body, sourceIp }) => {
      await confirmForgotPassword({ ...parse(ConfirmForgotPasswordBody, body), sourceIp })
      return { status: 204 }
    },
    'POST /api/auth/password/change': async ({ body, sourceIp, actor, headers }) => {
      await changePassword({ ...parse(ChangePasswordBody, body), username: actor.username, accessToken: bearerOf(headers) ?? '', sourceIp })
      return { status: 204 }
    },
    'GET /api/health': async () => ({ body: { status: 'ok', time: new Date().toISOString() } }),
    // The published contract (the route table and its zod schemas), for client developers and the web app's developer page.
    // Loaded on first use: sign-in's cold start does not pay for every module's schemas.
    'GET /api/openapi.json': async () => ({ body: (await import('../lib/openapi.js')).openApiDocument() }),
  },
})
