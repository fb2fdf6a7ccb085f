/**
 * Lambda entry of the sign-in module: exchanges a user name and password for
 * a token at the identity provider (Cognito, or the local issuer), through
 * its challenges (new password, authenticator setup, TOTP code), and the
 * public health check and the API's OpenAPI document.
 */
import { ChallengeBody, LoginBody, MfaSetupBody } from '../../shared/org/contracts.js'
import { httpModule } from '../lib/http.js'
import { parse } from '../lib/validation.js'
import { answerChallenge, setUpMfa, signIn } from './usecases/sign-in.js'

export const AUTH_ROUTES = ['POST /api/auth/login', 'POST /api/auth/challenge', 'POST /api/auth/mfa/setup', 'GET /api/health', 'GET /api/openapi.json']

export const handler = httpModule<undefined>({
  publicRoutes: AUTH_ROUTES,
  routes: {
    'POST /api/auth/login': async ({ body, sourceIp }) => ({ body: await signIn({ ...parse(LoginBody, body), sourceIp }) }),
    'POST /api/auth/challenge': async ({ body, sourceIp }) => ({ body: await answerChallenge({ ...parse(ChallengeBody, body), sourceIp }) }),
    'POST /api/auth/mfa/setup': async ({ body, sourceIp }) => ({ body: await setUpMfa({ ...parse(MfaSetupBody, body), sourceIp }) }),
    'GET /api/health': async () => ({ body: { status: 'ok', time: new Date().toISOString() } }),
    // The published contract (the route table and its zod schemas), for client developers and the web app's developer page.
    // Loaded on first use: sign-in's cold start does not pay for every module's schemas.
    'GET /api/openapi.json': async () => ({ body: (await import('../lib/openapi.js')).openApiDocument() }),
  },
})
