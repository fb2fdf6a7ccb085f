/**
 * A client's mistake in the URL or in a local job's body is a 4xx with the
 * usual vi/en error body, never a 500: a malformed percent-encoding (API and
 * SPA paths), an over-long path id, a body to `/local/jobs/<id>` that is not
 * a JSON object.
 */
import { describe, expect, it } from 'vitest'
import { baseUrl, call, login } from '../../support/api.js'

const MALFORMED = '%E0%A4%A'

describe('client mistakes in the path', () => {
  it('a malformed percent-encoding in an API path is a 400 with a vi/en message', async () => {
    const s = await login('admin')
    for (const path of [`/api/units/${MALFORMED}`, `/api/users/${MALFORMED}`, `/api/documents/${MALFORMED}`]) {
      const vi = await s.get(path)
      expect(vi.status, path).toBe(400)
      expect(vi.body.error.code).toBe('request.malformedPath')
      expect(vi.body.error.message).toBe('Đường dẫn yêu cầu không hợp lệ.')
      const en = await s.get(path, 'en')
      expect(en.status).toBe(400)
      expect(en.body.error.message).toBe('The request path is not valid.')
    }
  })

  it('a malformed percent-encoding in an SPA path is a 400 with a vi/en message, not a 500', async () => {
    for (const path of [`/to-chuc/${MALFORMED}`, `/units/${MALFORMED}`, `/assets/${MALFORMED}.js`]) {
      const res = await call('GET', path, { lang: 'en' })
      expect(res.status, path).toBe(400)
      expect(res.body.error.message).toBe('The request path is not valid.')
    }
    const vi = await call('GET', `/to-chuc/${MALFORMED}`)
    expect(vi.body.error.message).toBe('Đường dẫn yêu cầu không hợp lệ.')
  })

  it('an over-long path id is a 400 with a vi/en message, not a 500', async () => {
    const s = await login('admin')
    const long = 'x'.repeat(5000)
    for (const path of [`/api/units/${long}`, `/api/users/${long}`, `/api/documents/${long}`, `/api/reorganisations/${long}`]) {
      const res = await s.get(path, 'en')
      expect(res.status, path.slice(0, 30)).toBe(400)
      expect(res.body.error.code).toBe('request.pathParameterTooLong')
      expect(res.body.error.message).toMatch(/at most \d+ characters/)
    }
    const vi = await s.patch(`/api/units/${long}`, { name: 'Tên mới' })
    expect(vi.status).toBe(400)
    expect(vi.body.error.message).toMatch(/tối đa \d+ ký tự/)
  })

  it('an encoded id still reaches the module decoded (a Vietnamese id is looked up as written)', async () => {
    const s = await login('admin')
    const res = await s.get(`/api/units/${encodeURIComponent('đơn-vị-không-có')}`, 'en')
    expect(res.status).toBe(404)
    expect(res.body.error.message).toContain('đơn-vị-không-có')
  })
})

describe('local jobs: a body that is not a JSON object', () => {
  const post = async (rawBody: string) => fetch(`${baseUrl()}/local/jobs/overdue-approvals`, { method: 'POST', body: rawBody, headers: { 'accept-language': 'en', authorization: `Bearer ${(await login('admin')).token}` } })

  it('malformed JSON is a 400 with a vi/en message', async () => {
    const res = await post('{"now": ')
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('The request body is not valid JSON.')
  })

  it('an array, a string, null or a number is a 400 with a vi/en message', async () => {
    for (const body of ['[]', '"2026-01-01T00:00:00Z"', 'null', '42']) {
      const res = await post(body)
      expect(res.status, body).toBe(400)
      expect((await res.json()).error.code, body).toBe('validation.failed')
    }
  })

  it('a `now` that is not a date-time is a 400, not a 500', async () => {
    const res = await post('{"now": "hôm qua"}')
    expect(res.status).toBe(400)
    expect((await res.json()).error.issues[0].path).toBe('now')
  })
})
