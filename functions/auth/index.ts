/**
 * Lambda entry of the sign-in module: exchanges a user name and password for
 * a token at the identity provider (Cognito, or the local issuer), and the
 * public health check.
 */
import { LoginBody } from '../../shared/org/contracts.js'
import { httpModule } from '../lib/http.js'
import { parse } from '../lib/validation.js'
import { identity } from '../lib/adapters/identity.js'
import { orgStore } from '../org/adapters/store.js'
import { UnauthenticatedError } from '../../shared/errors/index.js'

export const AUTH_ROUTES = ['POST /api/auth/login', 'GET /api/health']

export const handler = httpModule<undefined>({
  publicRoutes: AUTH_ROUTES,
  routes: {
    'POST /api/auth/login': async ({ body }) => {
      const { username, password } = parse(LoginBody, body)
      const session = await identity().signIn(username, password)
      const user = await orgStore.getUserByUsername(username)
      if (!user) throw new UnauthenticatedError('auth.unknownUser')
      return { body: { ...session, user: { userId: user.userId, username: user.username, fullName: user.fullName } } }
    },
    'GET /api/health': async () => ({ body: { status: 'ok', time: new Date().toISOString() } }),
  },
})
