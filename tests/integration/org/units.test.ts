import { describe, expect, it } from 'vitest'
import { call, flatten, login, uniq } from '../../support/api.js'

describe('organisation tree', () => {
  it('a ward secretary sees only their ward, with its cells and grassroots organisations', async () => {
    const s = await login('bithu.hoankiem')
    const res = await s.get('/api/units')
    expect(res.status).toBe(200)
    const ids = flatten(res.body.roots).map((u) => u.unitId)
    expect(res.body.roots.map((r: any) => r.unitId)).toEqual(['p-hoankiem'])
    expect(ids).toContain('p-hoankiem-cb-hangbac')
    expect(ids).toContain('p-hoankiem-db-tranphu-cb-gv')
    expect(ids).not.toContain('p-badinh')
    expect(ids).not.toContain('hn-tu')
  })

  it('the city shows its advisory boards, the Fatherland Front, its organisations and wards — and no district today', async () => {
    const s = await login('admin')
    const res = await s.get('/api/units')
    const all = flatten(res.body.roots)
    const byId = new Map(all.map((u) => [u.unitId, u]))
    expect(byId.get('hn-tu').name).toBe('Thành ủy Hà Nội')
    expect(byId.get('hn-btctu').kind).toBe('advisory-board')
    expect(byId.get('hn-mttq').kind).toBe('front')
    expect(byId.get('hn-thanhdoan').kind).toBe('socio-political')
    expect(byId.get('x-socson').level).toBe('commune')
    expect(all.some((u) => u.level === 'district')).toBe(false)
  })

  it('as of a date before 1 July 2025 the districts are there and the new wards are not', async () => {
    const s = await login('admin')
    const res = await s.get('/api/units?asOf=2025-06-15')
    const ids = flatten(res.body.roots).map((u) => u.unitId)
    expect(ids).toContain('hn-qu-hoankiem')
    expect(ids).toContain('hk-du-hangbac')
    expect(ids).not.toContain('p-hoankiem')
  })

  it('ended units can be shown with the date they ended and their successors', async () => {
    const s = await login('admin')
    const res = await s.get('/api/units?includeEnded=true')
    const district = flatten(res.body.roots).find((u) => u.unitId === 'hn-qu-hoankiem')
    expect(district.validTo).toBe('2025-06-30')
    expect(district.successors.map((x: any) => x.unitId)).toEqual(['p-hoankiem', 'p-cuanam'])
    const unit = await s.get('/api/units/p-hoankiem')
    expect(unit.body.unit.predecessors).toContain('hn-qu-hoankiem')
  })

  it('a unit outside the caller\'s subtree is refused with a clear message in their language', async () => {
    const s = await login('bithu.hoankiem')
    const vi = await s.get('/api/units/p-badinh')
    expect(vi.status).toBe(403)
    expect(vi.body.error.message).toContain('p-badinh')
    expect(vi.body.error.message).toMatch(/ngoài phạm vi/)
    const en = await s.get('/api/units/p-badinh', 'en')
    expect(en.body.error.message).toMatch(/outside/)
  })

  it('creates, renames (with history) and moves a unit within reach', async () => {
    const s = await login('bithu.hoankiem')
    const id = `cb-test-${uniq()}`
    const created = await s.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ khu phố Hàng Gai', level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2026-01-05' })
    expect(created.status).toBe(201)
    expect(created.body.unit).toMatchObject({ unitId: id, parentId: 'p-hoankiem', version: 1 })

    const renamed = await s.patch(`/api/units/${id}`, { name: 'Chi bộ khu phố Hàng Gai - Hàng Bông', effectiveDate: '2026-03-01', version: 1 })
    expect(renamed.status).toBe(200)
    const before = await s.get(`/api/units/${id}?asOf=2026-02-01`)
    const after = await s.get(`/api/units/${id}?asOf=2026-03-02`)
    expect(before.body.unit.name).toBe('Chi bộ khu phố Hàng Gai')
    expect(after.body.unit.name).toBe('Chi bộ khu phố Hàng Gai - Hàng Bông')

    const moved = await s.post(`/api/units/${id}/move`, { newParentId: 'p-hoankiem-db-tranphu', effectiveDate: '2026-04-01', version: 2 })
    expect(moved.status).toBe(200)
    const tree = flatten((await s.get('/api/units')).body.roots)
    expect(tree.find((u) => u.unitId === id).parentId).toBe('p-hoankiem-db-tranphu')
    const old = flatten((await s.get('/api/units?asOf=2026-03-15')).body.roots)
    expect(old.find((u) => u.unitId === id).parentId).toBe('p-hoankiem')
  })

  it('a stale version is a conflict and changes nothing', async () => {
    const s = await login('bithu.hoankiem')
    const id = `cb-ver-${uniq()}`
    await s.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ thử phiên bản', level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2026-01-05' })
    const res = await s.patch(`/api/units/${id}`, { name: 'Tên mới của chi bộ', version: 7 })
    expect(res.status).toBe(409)
    expect((await s.get(`/api/units/${id}`)).body.unit.name).toBe('Chi bộ thử phiên bản')
  })

  it('refuses a cyclic move, a move under an ended unit and a wrong level order', async () => {
    const s = await login('admin')
    const parent = `p-cyc-${uniq()}`
    const child = `${parent}-cb`
    expect((await s.post('/api/units', { unitId: parent, code: 'ĐU', name: 'Đảng ủy thử vòng lặp', level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2026-01-01' })).status).toBe(201)
    expect((await s.post('/api/units', { unitId: child, code: 'CB', name: 'Chi bộ thử vòng lặp', level: 'cell', kind: 'cell', parentId: parent, validFrom: '2026-01-02' })).status).toBe(201)

    const cyclic = await s.post(`/api/units/${parent}/move`, { newParentId: child, version: 1 })
    expect(cyclic.status).toBe(422)
    expect(cyclic.body.error.code).toBe('rule.cyclicMove')

    const intoEnded = await s.post(`/api/units/${child}/move`, { newParentId: 'hk-du-hangbac', version: 1 })
    expect(intoEnded.status).toBe(422)
    expect(intoEnded.body.error.code).toBe('rule.unitEnded')

    const levels = await s.post('/api/units', { code: 'TU', name: 'Cấp thành phố dưới chi bộ', level: 'city', kind: 'party-committee', parentId: child })
    expect(levels.status).toBe(422)
    expect(levels.body.error.code).toBe('rule.levelOrder')

    const district = await s.post('/api/units', { code: 'QU', name: 'Quận ủy mới', level: 'district', kind: 'party-committee', parentId: 'hn-tu' })
    expect(district.status).toBe(422)
    expect(district.body.error.code).toBe('rule.levelNotInForce')

    const tree = flatten((await s.get('/api/units')).body.roots)
    expect(tree.find((u) => u.unitId === parent).parentId).toBe('hn-tu')
    expect(tree.find((u) => u.unitId === child).parentId).toBe(parent)
  })

  it('a member may look at the tree but not change it', async () => {
    const s = await login('dangvien.hangbac')
    expect((await s.get('/api/units')).status).toBe(200)
    const res = await s.post('/api/units', { code: 'CB', name: 'Chi bộ không được phép', level: 'cell', kind: 'cell', parentId: 'p-hoankiem-cb-hangbac' })
    expect(res.status).toBe(403)
  })

  it('requires a valid token', async () => {
    expect((await call('GET', '/api/units')).status).toBe(401)
    expect((await call('GET', '/api/units', { token: 'not-a-jwt' })).status).toBe(401)
  })
})
