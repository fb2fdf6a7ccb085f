import { describe, expect, it } from 'vitest'
import { ROUTES, routeKey } from '../../../infra/definitions/routes.js'
import { moduleById } from '../../../infra/definitions/modules.js'
import { SCHEDULE_ROUTES } from '../../../functions/schedules/index.js'

describe('schedules module in the definitions', () => {
  it('has a handler for every schedules route in the table, and a route for every handler', () => {
    expect(Object.keys(SCHEDULE_ROUTES).sort()).toEqual(ROUTES.filter((r) => r.module === 'schedules').map(routeKey).sort())
  })
  it('is an HTTP Lambda that reads and writes the table and sends mail, and only its feed route is public', () => {
    expect(moduleById('schedules')).toMatchObject({ trigger: 'http', entry: 'functions/schedules/index.ts' })
    expect(moduleById('schedules').access).toEqual({ table: 'readwrite', mail: true })
    expect(ROUTES.filter((r) => r.module === 'schedules' && r.auth === 'none').map(routeKey)).toEqual(['GET /api/schedules/feeds/{token}'])
  })
})
