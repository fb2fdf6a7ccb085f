/**
 * A fonds larger than one transaction (150 files of limited retention, which
 * by the rule go to the ward the unit merged into; a few register entries):
 * the handover builds its package once, moves custody in chunks, and the
 * same request resumes it until every file has moved, once; a repeated
 * request changes nothing; provenance stays and old symbols resolve.
 * Metadata-only files and born-digital scans: no OCR.
 */
import { describe, expect, it } from 'vitest'
import { demoScanPdf } from '../../../infra/local/demo-archives.js'
import { eventually, login, uniq } from '../../support/api.js'
import { finished, uploadScan } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const today = () => vietnamDate()
const FILES = 150

describe('handover of a large fonds', () => {
  it('moves 150 files in chunks, resumable and idempotent, with one package and provenance kept', async () => {
    // Prepare: a cell with 150 files, one of them holding two registered documents, then merged into the ward
    const tag = uniq()
    const unitId = `cb-hl-${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: `Chi bộ lớn ${tag}`, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    const fileIds: string[] = []
    for (let i = 0; i < FILES; i++) {
      const res = await clerk.post('/api/archives/files', { unitId, code: `HS-${String(i + 1).padStart(3, '0')}`, title: `Hồ sơ số ${i + 1} của chi bộ ${tag}`, startYear: 2020, retentionClass: '03.01' })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      fileIds.push(res.body.fileId)
    }
    const scans = await Promise.all([7, 8].map((n) => demoScanPdf({
      symbol: `Số 0${n}-NQ/CB`, dateLine: 'Hoàn Kiếm, ngày 10 tháng 5 năm 2025',
      pdf: { superior: 'ĐẢNG BỘ PHƯỜNG HOÀN KIẾM', issuer: `CHI BỘ ${tag.toUpperCase()}`, typeName: 'NGHỊ QUYẾT', summary: `về công tác năm của chi bộ số ${n}`, body: ['Văn bản kiểm thử giao nhận phông lớn.'], signer: { title: 'T/M CHI BỘ\nBÍ THƯ', name: 'Lê Văn Tâm' } },
    })))
    const uploads = [await uploadScan(clerk, scans[0], 'a.pdf', 'application/pdf'), await uploadScan(clerk, scans[1], 'b.pdf', 'application/pdf')]
    const batch = await clerk.post('/api/archives/batches', { fileId: fileIds[0], uploads })
    expect(batch.status, JSON.stringify(batch.body)).toBe(202)
    const view = await finished(clerk, batch.body.batchId)
    expect(view.documents.map((d: any) => d.status)).toEqual(['confirmed', 'confirmed'])
    const secretary = await login('bithu.hoankiem')
    const request = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [unitId], successors: [{ unitId: 'p-hoankiem' }], effectiveDate: today(), reason: 'Sáp nhập chi bộ để thử giao nhận phông lớn' })
    expect(request.status, JSON.stringify(request.body)).toBe(202)
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${request.body.request.requestId}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await admin.get(`/api/units/${unitId}`)).body.unit.validTo).toBeDefined())
    const body = { fromUnitId: unitId, toUnitId: 'p-hoankiem', reason: 'merge', date: today() }

    // Act 1: the first request builds the package and moves the first chunk only
    const first = await secretary.post('/api/archives/handovers', body)
    expect(first.status, JSON.stringify(first.body).slice(0, 400)).toBe(202)
    expect(first.body.status).toBe('transferring')
    expect(first.body.fileCount).toBe(FILES)
    expect(first.body.movedFiles).toBeGreaterThan(0)
    expect(first.body.movedFiles).toBeLessThan(FILES)
    const custodians = async () => {
      const kept = (await admin.get(`/api/archives/files?unitId=${unitId}`)).body.items.filter((f: any) => f.unitId === unitId)
      return { kept: kept.filter((f: any) => f.custodianUnitId === unitId).length, moved: kept.filter((f: any) => f.custodianUnitId === 'p-hoankiem').length }
    }
    expect(await custodians()).toEqual({ kept: FILES - first.body.movedFiles, moved: first.body.movedFiles })
    // While custody is moving, the receipt waits, and another receiver is refused
    expect((await secretary.post(`/api/archives/handovers/${unitId}/${first.body.handoverId}/receipt`, undefined, 'en')).status).toBe(409)
    const other = await admin.post('/api/archives/handovers', { ...body, toUnitId: 'p-cuanam' }, 'en')
    expect(other.status).toBe(422)
    expect(other.body.error.message).toContain('cannot go to another unit')
    const otherRoute = await admin.post('/api/archives/handovers', { ...body, toUnitId: 'hn-vptu' }, 'en')
    expect(otherRoute.status).toBe(409)
    expect(otherRoute.body.error.message).toContain('in progress')

    // Act 2: the same request resumes until every file has moved
    let last = first
    for (let i = 0; i < 5 && last.body.status === 'transferring'; i++) {
      last = await secretary.post('/api/archives/handovers', body)
      expect([200, 202]).toContain(last.status)
    }

    // Assess: one handover, one package, every file moved once with its provenance
    expect(last.body).toMatchObject({ handoverId: first.body.handoverId, status: 'transferred', movedFiles: FILES, packageSha256: first.body.packageSha256, recordSha256: first.body.recordSha256 })
    expect(await custodians()).toEqual({ kept: 0, moved: FILES })
    for (const fileId of [fileIds[0], fileIds[FILES - 1]]) {
      const f = (await clerk.get(`/api/archives/files/${fileId}`)).body.file
      expect(f).toMatchObject({ unitId, custodianUnitId: 'p-hoankiem', status: 'closed' })
      expect(f.custody).toEqual([expect.objectContaining({ fromUnitId: unitId, toUnitId: 'p-hoankiem', handoverId: first.body.handoverId })])
    }
    // A repeated request changes nothing and answers with the same handover
    const again = await secretary.post('/api/archives/handovers', body)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ handoverId: first.body.handoverId, version: last.body.version })
    const listed = (await secretary.get('/api/archives/handovers?unitId=p-hoankiem')).body.incoming.filter((h: any) => h.fromUnitId === unitId)
    expect(listed).toHaveLength(1)

    // Old symbols resolve for the receiving ward; the receipt verifies every checksum
    await eventually(async () => {
      const s = await secretary.get(`/api/documents/search?q=${encodeURIComponent('07-NQ/CB')}`)
      expect(s.body.items.map((d: any) => d.symbol)).toContain('07-NQ/CB')
    })
    const received = await secretary.post(`/api/archives/handovers/${unitId}/${first.body.handoverId}/receipt`)
    expect(received.status, JSON.stringify(received.body).slice(0, 400)).toBe(200)
    expect(received.body).toMatchObject({ status: 'received', checked: 2 })
  }, 240_000)
})
