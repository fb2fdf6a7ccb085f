/**
 * Lambda entry of the sign-in module: exchanges a user name and password for
 * a token at the identity provider (Cognito, or the local issuer), and the
 * public health check.
 */
import { LoginBody } from '../../shared/org/contracts.js'
import { httpModule } from '../lib/http.js'
import { parse } from '../lib/validation.js'
import { signIn } from './usecases/sign-in.js'

export const AUTH_ROUTES = ['POST /api/auth/login', 'GET /api/health']

export const handler = httpModule<undefined>({
  publicRoutes: AUTH_ROUTES,
  routes: {
    'POST /api/auth/login': async ({ body, sourceIp }) => ({ body: await signIn({ ...parse(LoginBody, body), sourceIp }) }),
    'GET /api/health': async () => ({ body: { status: 'ok', time: new Date().toISOString() } }),
  },
})
