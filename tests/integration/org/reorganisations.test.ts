import { describe, expect, it } from 'vitest'
import { eventually, flatten, login, uniq, type Session } from '../../support/api.js'

async function ward(admin: Session, name: string): Promise<string> {
  const id = `p-${uniq()}`
  const res = await admin.post('/api/units', { unitId: id, code: 'ĐU', name, level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2026-01-01' })
  expect(res.status).toBe(201)
  return id
}
async function cell(admin: Session, parentId: string, name: string): Promise<string> {
  const id = `${parentId}-cb-${uniq()}`
  const res = await admin.post('/api/units', { unitId: id, code: 'CB', name, level: 'cell', kind: 'cell', parentId, validFrom: '2026-01-02' })
  expect(res.status).toBe(201)
  return id
}
const statusOf = (s: Session, requestId: string, expected: string) => eventually(async () => {
  const r = await s.get(`/api/reorganisations/${requestId}`)
  expect(r.body.request.status).toBe(expected)
  return r.body.request
})

describe('reorganisation approved by the superior unit (Step Functions workflow)', () => {
  it('a merge waits for the city, is approved, and the tree changes on the effective date', async () => {
    const admin = await login('admin')
    const a = await ward(admin, 'Đảng ủy phường Thử Nghiệm A')
    const b = await ward(admin, 'Đảng ủy phường Thử Nghiệm B')
    const cellOfA = await cell(admin, a, 'Chi bộ số 1 phường A')

    const created = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [a], successors: [{ unitId: b }], effectiveDate: '2026-07-01', reason: 'Sáp nhập theo Nghị quyết của Thành ủy' })
    expect(created.status).toBe(202)
    const requestId = created.body.request.requestId
    expect(created.body.request).toMatchObject({ status: 'pending', approverUnitId: 'hn-tu' })

    const secretary = await login('bithu.tu')
    await eventually(async () => {
      const pending = await secretary.get('/api/reorganisations?scope=pending')
      expect(pending.body.requests.map((r: any) => r.requestId)).toContain(requestId)
    })
    // Only the approving unit decides; a second request for the same unit waits its turn.
    const outsider = await login('bithu.hoankiem')
    expect((await outsider.post(`/api/reorganisations/${requestId}/decision`, { approved: true })).status).toBe(403)
    // Nor does the requester decide their own request, though the administrator holds the approving role there.
    const own = await admin.post(`/api/reorganisations/${requestId}/decision`, { approved: true })
    expect(own.status).toBe(403)
    expect(own.body.error.code).toBe('auth.ownRequest')
    const twice = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: [a], successors: [{ unitId: b }], effectiveDate: '2026-08-01', reason: 'Đề nghị trùng lặp để thử' })
    expect(twice.status).toBe(409)

    await eventually(async () => {
      const r = await secretary.post(`/api/reorganisations/${requestId}/decision`, { approved: true, comment: 'Đồng ý' })
      expect(r.status).toBe(200)
    })
    await statusOf(secretary, requestId, 'approved')
    // The workflow's apply step ends the source and records it in the history.
    const done = await eventually(async () => {
      const r = (await secretary.get(`/api/reorganisations/${requestId}`)).body.request
      expect(r.history.map((h: any) => h.status)).toEqual(['requested', 'approved', 'approved'])
      return r
    })
    expect(done.history[2].note).toBe('applied')

    const unitA = (await admin.get(`/api/units/${a}`)).body.unit
    expect(unitA).toMatchObject({ validTo: '2026-06-30', endedBy: 'merge' })
    const before = flatten((await admin.get('/api/units?asOf=2026-06-30')).body.roots).map((u) => u.unitId)
    const after = flatten((await admin.get('/api/units?asOf=2026-07-01')).body.roots)
    expect(before).toContain(a)
    expect(after.map((u) => u.unitId)).not.toContain(a)
    // The cell of the merged ward continues under the receiving ward.
    expect(after.find((u) => u.unitId === cellOfA).parentId).toBe(b)
    expect((await admin.get(`/api/units/${b}`)).body.unit.predecessors).toContain(a)
    expect((await secretary.post(`/api/reorganisations/${requestId}/decision`, { approved: false })).status).toBe(409)
  })

  it('a decision without a comment is audited and the read model keeps up', async () => {
    const admin = await login('admin')
    const a = await ward(admin, 'Đảng ủy phường Không Ý Kiến')
    const created = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: [a], successors: [], effectiveDate: '2026-12-15', reason: 'Giải thể không kèm ý kiến' })
    const secretary = await login('bithu.tu')
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${created.body.request.requestId}/decision`, { approved: false })).status).toBe(200))
    await statusOf(secretary, created.body.request.requestId, 'rejected')
    const username = `sau.quyet.dinh.${uniq()}`
    await admin.post('/api/users', { username, fullName: 'Người Tạo Sau Quyết Định', assignments: [{ unitId: 'x-socson', role: 'clerk' }], password: 'Mat-khau-rat-dai-9' })
    await eventually(async () => expect((await admin.get(`/api/users?q=${username}`)).body.users.map((u: any) => u.username)).toContain(username))
    expect((await (await login('kiemtra.tu')).get('/api/audit/verify?unitId=hn-tu')).body.valid).toBe(true)
  })

  it('a rejection leaves the units as they were and frees them for a new request', async () => {
    const admin = await login('admin')
    const a = await ward(admin, 'Đảng ủy phường Bị Từ Chối')
    const created = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: [a], successors: [], effectiveDate: '2026-09-01', reason: 'Giải thể để thử từ chối' })
    expect(created.status).toBe(202)
    const secretary = await login('bithu.tu')
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${created.body.request.requestId}/decision`, { approved: false, comment: 'Chưa đủ điều kiện' })).status).toBe(200))
    await statusOf(secretary, created.body.request.requestId, 'rejected')
    expect((await admin.get(`/api/units/${a}`)).body.unit.validTo).toBeUndefined()
    await eventually(async () => {
      const again = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: [a], successors: [], effectiveDate: '2026-09-01', reason: 'Đề nghị lại sau khi bị từ chối' })
      expect(again.status).toBe(202)
    })
  })

  it('a missed deadline escalates to the unit above; a second miss expires the request', async () => {
    const admin = await login('admin')
    const w = await ward(admin, 'Đảng ủy phường Quá Hạn')
    const c1 = await cell(admin, w, 'Chi bộ quá hạn 1')
    const c2 = await cell(admin, w, 'Chi bộ quá hạn 2')
    const created = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [c1], successors: [{ unitId: c2 }], effectiveDate: '2026-10-01', reason: 'Thử hạn xử lý', deadlineSeconds: 1 })
    expect(created.body.request.approverUnitId).toBe(w)
    const escalated = await statusOf(admin, created.body.request.requestId, 'escalated')
    expect(escalated.approverUnitId).toBe('hn-tu')
    const expired = await statusOf(admin, created.body.request.requestId, 'expired')
    expect(expired.history.map((h: any) => h.status)).toEqual(['requested', 'escalated', 'expired'])
    expect((await admin.get(`/api/units/${c1}`)).body.unit.validTo).toBeUndefined()
  })

  it('refuses a merge into a dissolved unit, units of different superiors, and a split with one successor', async () => {
    const admin = await login('admin')
    const w = await ward(admin, 'Đảng ủy phường Kiểm Tra Quy Tắc')
    const intoEnded = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [w], successors: [{ unitId: 'hn-qu-badinh' }], effectiveDate: '2026-10-01', reason: 'Sáp nhập vào đơn vị đã giải thể' })
    expect(intoEnded.status).toBe(422)
    expect(intoEnded.body.error.code).toBe('rule.unitEnded')
    const mixed = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [w, 'p-badinh-cb-kimma'], successors: [{ unitId: 'p-ngocha' }], effectiveDate: '2026-10-01', reason: 'Khác cấp trên trực tiếp' })
    expect(mixed.status).toBe(422)
    expect(mixed.body.error.code).toBe('rule.differentSuperior')
    const split = await admin.post('/api/reorganisations', { kind: 'split', sourceUnitIds: [w], successors: [{ unitId: 'p-ngocha' }], effectiveDate: '2026-10-01', reason: 'Chia tách thiếu đơn vị' }, 'en')
    expect(split.status).toBe(422)
    expect(split.body.error.message).toBe('A split needs at least two successor units.')
    const mine = await admin.get('/api/reorganisations?scope=mine')
    expect(mine.body.requests.some((r: any) => r.sourceUnitIds.includes(w))).toBe(false)
  })
})
