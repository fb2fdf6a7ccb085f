import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { eventually, login } from '../../support/api.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-members-restart-'))
const ports = async () => ({ port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort() })
let running: Platform | undefined
afterAll(async () => { await running?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('a transfer procedure across a restart of the embedded runtime', () => {
  it('stops halfway through the approval chain and finishes after the restart with nothing lost or repeated', async () => {
    running = await startPlatform({ dataDir, ...(await ports()), schedules: false })
    const hang = await login('dangvien.hangbac', undefined, running.url)
    const filed = await hang.post('/api/members/transfers', { toUnitId: 'p-hoankiem-cb-hangdao', reason: 'Chuyển về khu phố Hàng Đào' })
    expect(filed.status).toBe(202)
    const id = filed.body.transfer.transferId
    const cell = await login('bithu.cb.hangbac', undefined, running.url)
    await eventually(async () => expect((await cell.post(`/api/members/transfers/${id}/decision`, { approved: true, comment: 'Chi bộ đồng ý' })).status).toBe(200))
    // The ward's step is reached (its task token stored) before the stop.
    const wardBefore = await login('bithu.hoankiem', undefined, running.url)
    await eventually(async () => expect((await wardBefore.get('/api/members/transfers')).body.transfers.map((t: any) => t.transferId)).toContain(id))
    await running.stop()

    running = await startPlatform({ dataDir, ...(await ports()), schedules: false })
    expect(running.seeded).toBe(false)
    const ward = await login('bithu.hoankiem', undefined, running.url)
    await eventually(async () => expect((await ward.post(`/api/members/transfers/${id}/decision`, { approved: true })).status).toBe(200))
    const city = await login('tochuc.tu', undefined, running.url)
    await eventually(async () => expect((await city.post(`/api/members/transfers/${id}/decision`, { approved: true })).status).toBe(200))
    const receiver = await login('bithu.cb.hangdao', undefined, running.url)
    await eventually(async () => expect((await receiver.post(`/api/members/transfers/${id}/accept`, {})).status).toBe(200), { timeoutMs: 30_000 })
    const done = await eventually(async () => {
      const t = (await receiver.get(`/api/members/transfers/${id}`)).body.transfer
      expect(t.status).toBe('accepted')
      return t
    })
    expect(done.history.map((h: any) => h.status)).toEqual(['pending', 'approved:cell', 'approved:grassroots', 'approved:issuer', 'issued', 'accepted'])
    expect(done.letter.registerNumber).toMatch(/^01-GGT\//)
    const me = (await login('dangvien.hangbac', undefined, running.url)).get('/api/me/handbook')
    expect((await me).body.member).toMatchObject({ cellId: 'p-hoankiem-cb-hangdao', status: 'active' })
  }, 240_000) // two full starts (a JVM, initdb, demo data) on a 2-core machine
})
