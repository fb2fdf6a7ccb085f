import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { eventually, login } from '../../support/api.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-restart-'))
const ports = async () => ({ port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort() })
let running: Platform | undefined
afterAll(async () => { await running?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('the embedded runtime across a restart', () => {
  it('keeps units, users and a pending approval; the approval completes after the restart', async () => {
    const p = await ports()
    running = await startPlatform({ dataDir, ...p, schedules: false })
    expect(running.seeded).toBe(true)
    const admin = await login('admin', undefined, running.url)
    expect((await admin.post('/api/units', { unitId: 'p-ben-vung', code: 'ĐU', name: 'Đảng ủy phường Bền Vững', level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2026-01-01' })).status).toBe(201)
    const created = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: ['p-ben-vung'], successors: [], effectiveDate: '2026-12-01', reason: 'Giải thể để thử khởi động lại' })
    expect(created.status).toBe(202)
    const requestId = created.body.request.requestId
    const before = await login('bithu.tu', undefined, running.url)
    // The human step is reached (its task token stored) before the restart.
    await eventually(async () => expect((await before.get('/api/reorganisations?scope=pending')).body.requests.map((r: any) => r.requestId)).toContain(requestId))
    await running.stop()

    // Starting again on a port that is still in use fails with a clear message.
    running = await startPlatform({ dataDir, ...p, schedules: false })
    await expect(startPlatform({ dataDir, ...(await ports()), port: p.port, schedules: false })).rejects.toThrow(/already in use/)
    expect(running.seeded).toBe(false)
    const secretary = await login('bithu.tu', undefined, running.url)
    const unit = await secretary.get('/api/units/p-ben-vung')
    expect(unit.body.unit.name).toBe('Đảng ủy phường Bền Vững')
    expect((await secretary.get('/api/reorganisations?scope=pending')).body.requests.map((r: any) => r.requestId)).toContain(requestId)
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${requestId}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await secretary.get('/api/units/p-ben-vung')).body.unit.validTo).toBe('2026-11-30'))
  }, 240_000) // two full starts (a JVM, initdb, demo data) on a 2-core machine
})
