import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MODULES } from '../../../infra/definitions/modules.js'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { SCHEDULES } from '../../../infra/definitions/schedules.js'
import { WORKFLOWS } from '../../../infra/definitions/workflows.js'
import { AUTH_ROUTES } from '../../../functions/auth/index.js'
import { ORG_ROUTES } from '../../../functions/org/index.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

describe('route table and module handlers agree', () => {
  it('every org route in the table has a handler, and every handler has a route', () => {
    // Prepare
    const tableKeys = ROUTES.filter((r) => r.module === 'org').map(routeKey).sort()

    // Act
    const handlerKeys = Object.keys(ORG_ROUTES).sort()

    // Assess
    expect(handlerKeys).toEqual(tableKeys)
  })

  it('every auth route in the table is served by the auth module, and nothing more', () => {
    expect([...AUTH_ROUTES].sort()).toEqual(ROUTES.filter((r) => r.module === 'auth').map(routeKey).sort())
  })

  it('only sign-in (with refresh and sign-out by the HttpOnly cookie, and the forgotten password by its mailed code), the health check, the national portal\'s signed requests (HMAC, checked by the members module), the secret ballot box (a blind-signed token, no identity) and calendar feeds (a secret token in the URL, checked by the schedules module) are reachable without a token', () => {
    expect(ROUTES.filter((r) => r.auth === 'none').map(routeKey).sort()).toEqual([
      'GET /api/health', 'GET /api/openapi.json', 'GET /api/schedules/feeds/{token}', 'POST /api/auth/challenge', 'POST /api/auth/login',
      'POST /api/auth/logout', 'POST /api/auth/mfa/setup', 'POST /api/auth/password/confirm', 'POST /api/auth/password/forgot', 'POST /api/auth/refresh',
      'POST /api/ballots/{meetingId}/{voteId}', 'POST /api/portal/requests',
    ])
  })

  it('has no route twice', () => {
    const keys = ROUTES.map(routeKey)

    expect(new Set(keys).size).toBe(keys.length)
  })

  it('sends routes only to HTTP modules', () => {
    const httpModules = MODULES.filter((m) => m.trigger === 'http').map((m) => m.id as string)

    expect(ROUTES.filter((r) => !httpModules.includes(r.module))).toEqual([])
  })
})

describe('modules', () => {
  it.each(MODULES.map((m) => [m.id, m.entry]))('%s has an entry file %s exporting handler', (_id, entry) => {
    // Prepare
    const path = join(ROOT, entry)

    // Act
    const exists = existsSync(path)

    // Assess
    expect(exists).toBe(true)
    expect(readFileSync(path, 'utf8')).toMatch(/export const handler\b/)
  })

  it('has unique ids', () => {
    expect(new Set(MODULES.map((m) => m.id)).size).toBe(MODULES.length)
  })

  it('lets modules start only workflows that exist', () => {
    const workflowIds = WORKFLOWS.map((w) => w.id as string)
    const used = MODULES.flatMap((m) => ('workflows' in m.access ? [...m.access.workflows] : []))

    expect(used.filter((w) => !workflowIds.includes(w))).toEqual([])
  })

  it('schedules only invoke schedule modules', () => {
    const scheduleModules = MODULES.filter((m) => m.trigger === 'schedule').map((m) => m.id as string)

    expect(SCHEDULES.filter((s) => !scheduleModules.includes(s.module))).toEqual([])
  })
})

describe('workflows', () => {
  it.each(WORKFLOWS.map((w) => [w.id, w]))('%s: the ASL file exists, is JSON, and its placeholders are exactly the substitutions', (_id, workflow) => {
    // Prepare
    const path = join(ROOT, workflow.file)
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')

    // Act
    const asl = JSON.parse(text) as { StartAt: string; States: Record<string, unknown> }
    const placeholders = [...new Set([...text.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]))].sort()

    // Assess
    expect(asl.States[asl.StartAt]).toBeDefined()
    expect(placeholders).toEqual(Object.keys(workflow.functionSubstitutions).sort())
  })

  it('substitutes only the ARNs of modules that are workflow tasks', () => {
    const taskModules = MODULES.filter((m) => m.trigger === 'workflow-task').map((m) => m.id as string)
    const targets = WORKFLOWS.flatMap((w) => Object.values(w.functionSubstitutions) as string[])

    expect(targets.filter((t) => !taskModules.includes(t))).toEqual([])
  })

  it('every Next of a state names a state of the same machine', () => {
    for (const w of WORKFLOWS) {
      // Prepare
      const asl = JSON.parse(readFileSync(join(ROOT, w.file), 'utf8')) as { States: Record<string, Record<string, unknown>> }
      const names = Object.keys(asl.States)

      // Act
      const targets = Object.values(asl.States).flatMap((s) => [
        s.Next, s.Default,
        ...((s.Choices as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
        ...((s.Catch as { Next: string }[] | undefined) ?? []).map((c) => c.Next),
      ]).filter((t): t is string => typeof t === 'string')

      // Assess
      expect(targets.filter((t) => !names.includes(t)), w.id).toEqual([])
    }
  })
})
