import { describe, expect, it } from 'vitest'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { moduleById } from '../../../infra/definitions/modules.js'
import { ASSISTANT_ROUTES } from '../../../functions/assistant/index.js'
import { READ_MODEL_DDL } from '../../../functions/readmodel/schema.js'

describe('assistant module in the definitions', () => {
  it('has a handler for every assistant route in the table, and a route for every handler', () => {
    expect(Object.keys(ASSISTANT_ROUTES).sort()).toEqual(ROUTES.filter((r) => r.module === 'assistant').map(routeKey).sort())
  })
  it('declares the access it needs; the projector that cuts passages may read the uploaded files', () => {
    expect(moduleById('assistant').access).toEqual({ table: 'readwrite', uploads: 'read', readModel: true, bedrock: true, markOcr: true })
    expect(moduleById('readmodel').access).toEqual({ readModel: true, uploads: 'read', bedrock: true })
  })
  it('creates its passages table with the read model', () => {
    expect(READ_MODEL_DDL.some((s) => s.includes('create table if not exists passages'))).toBe(true)
  })
})
