/**
 * The published contract over HTTP: anyone may read `GET /api/openapi.json`
 * (no token), it lists every route the gateway serves, and what it says of a
 * query holds: a GET whose contract declares a strict query refuses an
 * undeclared parameter with a 400 naming it, in Vietnamese.
 */
import { describe, expect, it } from 'vitest'
import { call, login } from '../../support/api.js'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'

describe('GET /api/openapi.json', () => {
  it('serves the OpenAPI 3.1 document without a token, with every route', async () => {
    const res = await call('GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(res.body.info.title).toBe('Digital Office API')
    const operations = Object.entries(res.body.paths as Record<string, object>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`))
    expect(operations.sort()).toEqual(ROUTES.map(routeKey).sort())
    expect(res.body.components.schemas.Error).toBeDefined()
  })

  it('tells the truth about queries: every strict query it documents refuses an undeclared parameter', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> }
    const admin = await login('admin')
    const checked: string[] = []
    for (const [path, item] of Object.entries(doc.paths)) {
      const get = item.get
      if (!get || path.includes('{') || !get.parameters?.some((p) => p.in === 'query')) continue
      const res = await call('GET', `${path}?khongCoTrongHopDong=1`, { token: admin.token })
      expect(res.status, path).toBe(400)
      expect(res.body.error.code, path).toBe('validation.failed')
      checked.push(path)
    }
    expect(checked.length).toBeGreaterThan(10)
  })
})
