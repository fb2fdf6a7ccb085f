/**
 * The members module's routes: route key (as in infra/definitions/routes.ts)
 * → handler. A test checks this map and the route table agree.
 */
import type { Actor } from '../../shared/auth/policy.js'
import type { HttpRequest, HttpResult } from '../lib/http.js'
import type { MemberContext } from './usecases/members.js'

export type MemberRoute = (req: HttpRequest<Actor> & { ctx: MemberContext }) => Promise<HttpResult>
