/**
 * A handover of 5,000 files: a merged cell's permanent files go to the
 * historical archive (the City Committee's Office) by the rule, its files
 * of limited retention to the ward it merged into; the inventory is one
 * item per file under the handover's key, read a page at a time, and the
 * handover's own item stays small. The files are written straight into the
 * table (a paper fonds catalogued elsewhere, as a migration would load it).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { auditKeyFile } from '../../../infra/local/audit-key.js'
import type { ArchiveFile } from '../../../shared/archives/contracts.js'
import { fileRetention, retentionClassOn } from '../../../shared/archives/retention.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { eventually, login, uniq } from '../../support/api.js'

const PERMANENT = 5_000
const LIMITED = 3

describe('handover of 5,000 files', () => {
  it('sends a merged unit\'s permanent files to the historical archive, the rest to its successor, with a paged inventory', async () => {
    // Prepare: a cell with 5,003 catalogued files, merged into Hoàn Kiếm ward
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')), OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'large-outbox-')),
      AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
    })
    const { putItems, getRecord } = await import('../../../functions/lib/adapters/items.js')
    const { fileItem } = await import('../../../functions/archives/adapters/store.js')
    const { keys } = await import('../../../shared/table/keys.js')
    const tag = uniq()
    const unitId = `cb-hx-${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: `Chi bộ phông lớn ${tag}`, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    const at = new Date().toISOString()
    const file = (i: number, cls: string): ArchiveFile => ({
      fileId: `${unitId}.f${String(i).padStart(5, '0')}${tag.replace(/[^a-z0-9]/g, '')}`, unitId, code: `HS-${String(i).padStart(5, '0')}`, title: `Hồ sơ số ${i} của chi bộ`,
      startYear: 2020, endYear: 2024, retention: fileRetention(retentionClassOn(cls, '2025-07-01')!), custodianUnitId: unitId, custody: [], status: 'closed', closedYear: 2024,
      pages: 0, documents: 0, verifiedDocuments: 0, createdBy: { userId: 'seed', fullName: 'Nạp dữ liệu' }, createdAt: at, version: 1,
    })
    const files = [...Array.from({ length: PERMANENT }, (_, i) => file(i + 1, '01.02')), ...Array.from({ length: LIMITED }, (_, i) => file(PERMANENT + i + 1, '03.01'))]
    await putItems(files.map(fileItem), 8)
    const request = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [unitId], successors: [{ unitId: 'p-hoankiem' }], effectiveDate: vietnamDate(), reason: 'Sáp nhập chi bộ để thử giao nộp phông lớn' })
    expect(request.status, JSON.stringify(request.body)).toBe(202)
    const secretary = await login('bithu.hoankiem')
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${request.body.request.requestId}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await admin.get(`/api/units/${unitId}`)).body.unit.validTo).toBeDefined())

    // The rule's receivers, named: the historical archive for the permanent files, the ward for the rest
    const receivers = (await secretary.get(`/api/archives/handover-receivers?fromUnitId=${unitId}`)).body
    expect(receivers.routes.map((r: any) => [r.toUnitId, r.name, r.scope, r.files])).toEqual([
      ['hn-vptu', 'Văn phòng Thành ủy', 'permanent', PERMANENT], ['p-hoankiem', 'Đảng ủy phường Hoàn Kiếm', 'limited', LIMITED],
    ])
    // The ward's secretary cannot take the permanent files; another receiver is refused
    const office = await login('chanhvp.tu')
    const wrong = await office.post('/api/archives/handovers', { fromUnitId: unitId, toUnitId: 'p-cuanam', date: vietnamDate() }, 'vi')
    expect(wrong.status).toBe(422)
    expect(wrong.body.error.message).toContain('Văn phòng Thành ủy, Đảng ủy phường Hoàn Kiếm')
    expect((await secretary.post('/api/archives/handovers', { fromUnitId: unitId, toUnitId: 'hn-vptu', date: vietnamDate() })).status).toBe(403)

    // Act: the office takes the permanent files, repeating the request until custody has moved
    const body = { fromUnitId: unitId, date: vietnamDate() }
    let res = await office.post('/api/archives/handovers', body)
    expect([201, 202]).toContain(res.status)
    expect(res.body).toMatchObject({ toUnitId: 'hn-vptu', scope: 'permanent', fileCount: PERMANENT, reason: 'merge' })
    for (let i = 0; i < 200 && res.body.status === 'transferring'; i++) {
      res = await office.post('/api/archives/handovers', body)
      expect([200, 202], JSON.stringify(res.body).slice(0, 300)).toContain(res.status)
    }

    // Assess: every permanent file moved once, the inventory read a page at a time, the handover item small
    expect(res.body).toMatchObject({ status: 'transferred', movedFiles: PERMANENT })
    const seen = new Set<string>()
    let after: string | null = null
    let pages = 0
    do {
      const page: any = (await office.get(`/api/archives/handovers/${unitId}/${res.body.handoverId}/files?limit=500${after ? `&after=${after}` : ''}`)).body
      for (const f of page.items) seen.add(f.fileId)
      expect(page.total).toBe(PERMANENT)
      after = page.next
      pages++
    } while (after && pages < 20)
    expect(seen.size).toBe(PERMANENT)
    expect([...seen].every((id) => Number(id.split('.f')[1].slice(0, 5)) <= PERMANENT)).toBe(true)
    const item = await getRecord<Record<string, unknown>>(keys.archiveHandover(unitId, res.body.handoverId))
    expect(item!.files).toBeUndefined()
    expect(JSON.stringify(item).length).toBeLessThan(4_000)
    const kept = (await office.get('/api/archives/files?unitId=hn-vptu')).body.items.filter((f: any) => f.unitId === unitId)
    expect(kept).toHaveLength(PERMANENT)
    const received = await office.post(`/api/archives/handovers/${unitId}/${res.body.handoverId}/receipt`)
    expect(received.status, JSON.stringify(received.body).slice(0, 300)).toBe(200)

    // The ward takes the limited files
    const rest = await secretary.post('/api/archives/handovers', { ...body, toUnitId: 'p-hoankiem' })
    expect(rest.status, JSON.stringify(rest.body).slice(0, 300)).toBe(201)
    expect(rest.body).toMatchObject({ scope: 'limited', fileCount: LIMITED, status: 'transferred' })
    expect((await secretary.get(`/api/archives/handover-receivers?fromUnitId=${unitId}`)).body.routes.map((r: any) => r.files)).toEqual([0, 0])
  }, 900_000)
})
