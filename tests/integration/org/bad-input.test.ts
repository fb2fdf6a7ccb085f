import { describe, expect, it } from 'vitest'
import { call, flatten, login } from '../../support/api.js'

/** Every client mistake: a 4xx with a clear message, and nothing changed. */
describe('bad input', () => {
  const units = async (s: Awaited<ReturnType<typeof login>>): Promise<{ unitId: string; name: string }[]> => flatten((await s.get('/api/units?includeEnded=true')).body.roots)

  it('malformed JSON, wrong types, unknown fields, missing fields, oversized bodies', async () => {
    const s = await login('admin')
    const before = new Set((await units(s)).map((u) => u.unitId))
    const malformed = await call('POST', '/api/units', { token: s.token, rawBody: '{"code": "CB",' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ.')

    const wrongType = await s.post('/api/units', { code: 42, name: ['x'], level: 'cell', kind: 'cell', parentId: 'hn-tu' }, 'en')
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.error.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['code', 'name']))
    expect(wrongType.body.error.issues[0].message).toMatch(/wrong type/)

    const unknown = await s.post('/api/units', { code: 'CB', name: 'Chi bộ', level: 'cell', kind: 'cell', parentId: 'p-hoankiem', color: 'red' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.issues[0].message).toContain('color')

    const missing = await s.post('/api/units', { code: 'CB' })
    expect(missing.status).toBe(400)
    expect(missing.body.error.issues.some((i: any) => i.code === 'field.required')).toBe(true)

    const badDate = await s.post('/api/units', { code: 'CB', name: 'Chi bộ ngày sai', level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2026-02-30' })
    expect(badDate.status).toBe(400)
    expect(badDate.body.error.issues[0].code).toBe('field.invalidDate')

    const huge = await s.post('/api/units', { code: 'CB', name: 'x'.repeat(400_000), level: 'cell', kind: 'cell', parentId: 'p-hoankiem' })
    expect(huge.status).toBe(413)

    const notJson = await call('POST', '/api/units', { token: s.token, rawBody: 'code=CB', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(notJson.status).toBe(415)

    const unknownParent = await s.post('/api/units', { code: 'CB', name: 'Chi bộ mồ côi', level: 'cell', kind: 'cell', parentId: 'khong-ton-tai' })
    expect(unknownParent.status).toBe(404)

    // Other test files add units meanwhile: none of the units added since is one of these requests'.
    const added = (await units(s)).filter((u) => !before.has(u.unitId))
    expect(added.map((u) => u.name).filter((n) => ['Chi bộ', 'Chi bộ ngày sai', 'Chi bộ mồ côi'].includes(n) || n.startsWith('xxxx'))).toEqual([])
  })

  it('unknown routes and query fields', async () => {
    const s = await login('admin')
    expect((await s.get('/api/nope')).status).toBe(404)
    const q = await s.get('/api/units?asOf=hôm-qua')
    expect(q.status).toBe(400)
    const extra = await s.get('/api/units?depth=3')
    expect(extra.status).toBe(400)
  })

  it('wrong password and unknown user both get the same 401 message', async () => {
    const wrong = await call('POST', '/api/auth/login', { body: { username: 'admin', password: 'sai-mat-khau' } })
    const unknown = await call('POST', '/api/auth/login', { body: { username: 'khong.co.ai', password: 'sai-mat-khau' } })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.error.message).toBe(unknown.body.error.message)
    expect(wrong.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.')
  })
})
