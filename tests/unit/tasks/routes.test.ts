import { describe, expect, it } from 'vitest'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { moduleById } from '../../../infra/definitions/modules.js'
import { TASK_ROUTES } from '../../../functions/tasks/index.js'

describe('tasks module in the definitions', () => {
  it('has a handler for every tasks route in the table, and a route for every handler', () => {
    expect(Object.keys(TASK_ROUTES).sort()).toEqual(ROUTES.filter((r) => r.module === 'tasks').map(routeKey).sort())
  })
  it('is an HTTP Lambda that reads and writes the table and nothing else', () => {
    expect(moduleById('tasks')).toMatchObject({ trigger: 'http', entry: 'functions/tasks/index.ts' })
    expect(moduleById('tasks').access).toEqual({ table: 'readwrite' })
  })
})
