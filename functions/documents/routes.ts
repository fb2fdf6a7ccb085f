/**
 * The documents module's routes: route key (as in infra/definitions/routes.ts)
 * → handler. A test checks this map and the route table agree.
 */
import type { Actor } from '../../shared/auth/policy.js'
import type { HttpRequest, HttpResult } from '../lib/http.js'
import type { DocContext } from './usecases/context.js'

export type DocRoute = (req: HttpRequest<Actor> & { ctx: DocContext }) => Promise<HttpResult>
