import { describe, expect, it } from 'vitest'
import { login, uniq } from '../../support/api.js'
import { newCell, newMember } from './support.js'

describe('bulk transfer of members when cells merge', () => {
  it('moves every member of the ended cells to the successor in one audited operation, resumes after an interruption, and reconciles', async () => {
    const admin = await login('admin')
    const a = await newCell(admin)
    const b = await newCell(admin)
    const successor = await newCell(admin)
    const inA = await Promise.all([1, 2, 3].map(() => newMember(admin, a)))
    const inB = await Promise.all([1, 2].map(() => newMember(admin, b)))
    const operationId = `merge-${uniq()}-${uniq()}`
    const body = { operationId, reason: 'Hợp nhất chi bộ A và B', moves: [{ fromCellId: a, toCellId: successor }, { fromCellId: b, toCellId: successor }] }

    // A first call moves two members and stops (as a timeout would).
    const first = await admin.post('/api/members/bulk-transfers', { ...body, batch: 2 })
    expect(first.status, JSON.stringify(first.body)).toBe(202)
    expect(first.body.operation).toMatchObject({ status: 'running', moved: 2 })

    // Sending the same operation again resumes it; it finishes with a balanced report.
    const done = await admin.post('/api/members/bulk-transfers', body)
    expect(done.status).toBe(200)
    const report = done.body.operation.report
    expect(report).toMatchObject({ expected: 5, moved: 5, lost: [], duplicated: [], balanced: true })
    expect(report.moves).toEqual([
      { fromCellId: a, toCellId: successor, expected: 3, inDestination: 3, leftInSource: 0 },
      { fromCellId: b, toCellId: successor, expected: 2, inDestination: 2, leftInSource: 0 },
    ])
    for (const m of [...inA, ...inB]) {
      const r = (await admin.get(`/api/members/${m.memberId}`)).body.member
      expect(r.cellId).toBe(successor)
      expect(r.history.filter((h: any) => h.kind === 'bulk')).toHaveLength(1)
    }

    // Once done, the operation changes nothing more; the same id with other moves is refused.
    const again = await admin.post('/api/members/bulk-transfers', body)
    expect(again.status).toBe(200)
    expect((await admin.get(`/api/members/${inA[0].memberId}`)).body.member.version).toBe(2)
    const other = await admin.post('/api/members/bulk-transfers', { ...body, moves: [{ fromCellId: successor, toCellId: a }] })
    expect(other.status).toBe(409)
    const audit = JSON.stringify((await admin.get(`/api/audit?unitId=${successor}`)).body)
    expect(audit).toMatch(/member\.bulkTransfer\.in/)
    expect(audit).toMatch(/member\.bulkTransfer\.done/)
  })

  it('refuses a successor that was dissolved and an officer outside the units, moving nobody', async () => {
    const admin = await login('admin')
    const a = await newCell(admin)
    const m = await newMember(admin, a)
    const ended = await admin.post('/api/members/bulk-transfers', { operationId: `merge-${uniq()}-x`, reason: 'Sai nơi đến', moves: [{ fromCellId: a, toCellId: 'hk-du-hangbac' }] })
    expect(ended.status).toBe(400)
    const badinh = await login('chuyenvien.badinh')
    const outsider = await badinh.post('/api/members/bulk-transfers', { operationId: `merge-${uniq()}-y`, reason: 'Ngoài phạm vi', moves: [{ fromCellId: a, toCellId: 'p-hoankiem-cb-hangdao' }] })
    expect(outsider.status).toBe(403)
    expect((await admin.get(`/api/members/${m.memberId}`)).body.member.cellId).toBe(a)
  })
})
