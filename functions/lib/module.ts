/**
 * The module kit, written once: a module's Lambda entry is its route table
 * and one call. Each route receives the request with the module's context
 * (`ctx`, built from the caller, the source address, now, and whatever
 * `prefetch` started), after its path parameters passed `validateParams`
 * (a malformed id is a 400 on every route).
 */
import type { z } from 'zod'
import { httpModule, type HttpModuleOptions, type HttpRequest, type HttpResult, type RouteHandler } from './http.js'
import { parse } from './validation.js'

/** A route of a module: the request with the module's context. */
export type ContextRoute<A, C> = (req: HttpRequest<A> & { ctx: C }) => Promise<HttpResult>

/** How a module (or a family of modules) resolves its caller and builds its context. */
export interface ModuleContext<A, C> {
  resolveActor: (claims: Record<string, unknown>) => Promise<A>
  /** A read every route needs, started while the caller is resolved; its promise is `req.prefetched`. */
  prefetch?: () => Promise<unknown>
  context: (req: HttpRequest<A>) => C
}

export interface ModuleEntryOptions<A, C> extends ModuleContext<A, C>, Pick<HttpModuleOptions<A>, 'publicRoutes' | 'service' | 'idempotentRoutes'> {
  routes: Record<string, ContextRoute<A, C>>
  /** Path parameters checked on every route that has them. */
  validateParams?: Record<string, z.ZodType>
}

/** Binds the context to every route; parameters are checked before the context is built. */
export function bindContext<A, C>(opts: Pick<ModuleEntryOptions<A, C>, 'routes' | 'context' | 'validateParams'>): Record<string, RouteHandler<A>> {
  const checks = Object.entries(opts.validateParams ?? {})
  const withContext = (route: ContextRoute<A, C>): RouteHandler<A> => (req) => {
    for (const [name, schema] of checks) if (req.params[name] !== undefined) parse(schema, req.params[name])
    return route({ ...req, ctx: opts.context(req) })
  }
  return Object.fromEntries(Object.entries(opts.routes).map(([key, route]) => [key, withContext(route)]))
}

/** A module's HTTP entry: `export const handler = httpModuleWithContext({ routes, ...context })`. */
export function httpModuleWithContext<A, C>(opts: ModuleEntryOptions<A, C>) {
  return httpModule<A>({
    routes: bindContext(opts),
    resolveActor: opts.resolveActor,
    prefetch: opts.prefetch,
    publicRoutes: opts.publicRoutes,
    service: opts.service,
    idempotentRoutes: opts.idempotentRoutes,
  })
}
