import { describe, expect, it } from 'vitest'
import { eventually, login, uniq } from '../../support/api.js'

describe('audit trail', () => {
  it('records every change, readable by an inspector of the subtree, and the chain verifies', async () => {
    const admin = await login('admin')
    const id = `cb-audit-${uniq()}`
    await admin.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ kiểm tra nhật ký', level: 'cell', kind: 'cell', parentId: 'x-socson', validFrom: '2026-01-01' })
    await admin.patch(`/api/units/${id}`, { name: 'Chi bộ kiểm tra nhật ký (đổi tên)', version: 1 })
    const inspector = await login('kiemtra.tu')
    const trail = await inspector.get(`/api/audit?unitId=${id}`)
    expect(trail.status).toBe(200)
    expect(trail.body.entries.map((e: any) => e.action)).toEqual(['unit.rename', 'unit.create'])
    expect(trail.body.entries[0].actor.name).toBe('Nguyễn Văn Quản')
    expect(trail.body.entries[0].prevHash).toBe(trail.body.entries[1].hash)
    const verify = await inspector.get(`/api/audit/verify?unitId=${id}`)
    expect(verify.body).toMatchObject({ valid: true, checked: 2 })
  })

  it('is closed to roles without audit rights and to other subtrees', async () => {
    const specialist = await login('chuyenvien.badinh')
    expect((await specialist.get('/api/audit?unitId=p-badinh')).status).toBe(403)
    const ward = await login('bithu.hoankiem')
    expect((await ward.get('/api/audit?unitId=p-hoankiem')).status).toBe(200)
    expect((await ward.get('/api/audit?unitId=p-badinh')).status).toBe(403)
  })

  it('names what each entry is about: the unit from the tree, the person from the read model, never an id', async () => {
    const admin = await login('admin')
    const id = `cb-ten-${uniq()}`
    await admin.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ tên trong nhật ký', level: 'cell', kind: 'cell', parentId: 'x-socson', validFrom: '2026-01-01' })
    const username = `nk.${uniq()}`
    await (admin.post('/api/users', { username, fullName: 'Lò Thị Nhật Ký', assignments: [{ unitId: id, role: 'clerk' }], password: 'Mat-khau-rat-dai-7' }))
    await eventually(async () => {
      const trail = await admin.get(`/api/audit?unitId=${id}`)
      const created = trail.body.entries.find((e: any) => e.action === 'user.create')
      expect(created).toBeDefined()
      expect(trail.body.names[created.target]).toBe('Lò Thị Nhật Ký')
      const unitEntry = trail.body.entries.find((e: any) => e.action === 'unit.create')
      expect(trail.body.names[unitEntry.target]).toBe('Chi bộ tên trong nhật ký')
    }, { timeoutMs: 20_000 })
  })
})
