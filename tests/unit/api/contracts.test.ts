/**
 * One contract per route, published: every route of the table has its zod
 * schemas in shared/api/contracts.ts (path parameters, query, body), and
 * the OpenAPI 3.1 document made from them is valid and says what the
 * handlers accept.
 */
import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { CONTRACTS, PATH_PARAMETERS } from '../../../shared/api/contracts.js'
import { CreateUnitBody } from '../../../shared/org/contracts.js'
import { openApiDocument } from '../../../functions/lib/openapi.js'

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } }

describe('route contracts', () => {
  it('has a contract for every route of the table, and none for a route that does not exist', () => {
    const keys = ROUTES.map(routeKey)
    expect(keys.filter((k) => !CONTRACTS[k])).toEqual([])
    expect(Object.keys(CONTRACTS).filter((k) => !keys.includes(k))).toEqual([])
  })

  it('gives every path parameter a schema and every write a body schema (or says it takes none)', () => {
    const params = ROUTES.flatMap((r) => [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))
    expect(params.filter((p) => !PATH_PARAMETERS[p])).toEqual([])
    const writes = ROUTES.filter((r) => r.method !== 'GET' && r.method !== 'DELETE').map(routeKey)
    expect(writes.filter((k) => CONTRACTS[k]!.body === undefined)).toEqual([])
    expect(ROUTES.filter((r) => r.method === 'GET').map(routeKey).filter((k) => CONTRACTS[k]!.body !== undefined)).toEqual([])
  })

  it('renders a valid OpenAPI 3.1 document with every route, its parameters and its body', async () => {
    const doc = openApiDocument() as unknown as Doc
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy()
    expect((doc as { openapi?: string }).openapi).toBe('3.1.0')
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    expect(operations.sort()).toEqual(ROUTES.map(routeKey).sort())

    const create = doc.paths['/api/units']!.post
    expect(create.summary).toBe('Add a unit')
    expect(create.description).toBe('Thêm đơn vị')
    expect(create.responses['201']).toBeDefined()
    const schema = create.requestBody.content['application/json'].schema
    // The body schema is the handler's own: its required fields and its strictness.
    expect(schema.required.sort()).toEqual(Object.entries(CreateUnitBody.shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k).sort())
    expect(schema.additionalProperties).toBe(false)

    const show = doc.paths['/api/documents/{documentId}']!.get
    const pathParam = show.parameters.find((p: { in: string }) => p.in === 'path')
    expect(pathParam).toMatchObject({ name: 'documentId', required: true })
    expect(pathParam.schema.pattern).toBeTruthy()
    expect(show.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name)).toEqual(['version'])
  })

  it('marks public routes as needing no token and the others as needing the bearer token', () => {
    const doc = openApiDocument() as unknown as Doc
    expect(doc.paths['/api/auth/login']!.post.security).toEqual([])
    expect(doc.paths['/api/portal/requests']!.post.security).toEqual([])
    expect(doc.paths['/api/portal/requests']!.post.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['x-portal-request-id', 'x-portal-signature', 'x-portal-timestamp'])
    expect(doc.paths['/api/units']!.get.security).toBeUndefined()
    expect((doc as { security?: unknown }).security).toEqual([{ bearer: [] }])
    expect(Object.keys(doc.paths['/api/units']!.get.responses)).toContain('403')
    expect(Object.keys(doc.paths['/api/auth/login']!.post.responses)).not.toContain('403')
  })
})
