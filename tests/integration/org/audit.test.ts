import { describe, expect, it } from 'vitest'
import { login, uniq } from '../../support/api.js'

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
})
