/**
 * Digitisation progress comes from the read model in one query and gives the
 * numbers the table holds: files, pages, documents, the share verified, per
 * unit, per level and in total.
 */
import { describe, expect, it } from 'vitest'
import { demoScanPdf } from '../../../infra/local/demo-archives.js'
import { eventually, login, uniq, type Session } from '../../support/api.js'
import { finished, uploadScan } from './support.js'

/** The counts as the table holds them, through the file views. */
async function fromTable(s: Session, unitId: string) {
  const files = (await s.get(`/api/archives/files?unitId=${unitId}`)).body.items.filter((f: any) => f.unitId === unitId)
  let documents = 0
  let verified = 0
  for (const f of files) {
    const docs = (await s.get(`/api/archives/files/${f.fileId}`)).body.documents
    documents += docs.length
    verified += docs.filter((d: any) => d.status !== 'verifying').length
  }
  return { files: files.length, pages: files.reduce((n: number, f: any) => n + f.pages, 0), documents, verified }
}

describe('digitisation progress', () => {
  it('counts from the read model what the table holds, and follows a verification', async () => {
    // Prepare: a new cell with two files, one holding a batch of two born-digital scans (one to verify)
    const tag = uniq()
    const unitId = `cb-pg-${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: `Chi bộ tiến độ ${tag}`, level: 'cell', kind: 'cell', parentId: 'x-socson', validFrom: '2025-07-01' })).status).toBe(201)
    const fileA = await admin.post('/api/archives/files', { unitId, code: 'HS-01', title: 'Hồ sơ nghị quyết chi bộ', startYear: 2025, retentionClass: '01.02' })
    expect((await admin.post('/api/archives/files', { unitId, code: 'HS-02', title: 'Hồ sơ chưa số hóa', startYear: 2025, retentionClass: '01.02' })).status).toBe(201)
    const pdf = (n: number, dated: boolean) => demoScanPdf({
      symbol: `Số 0${n}-NQ/CB`, ...(dated ? { dateLine: 'Sóc Sơn, ngày 10 tháng 5 năm 2025' } : {}),
      pdf: { superior: 'ĐẢNG BỘ XÃ SÓC SƠN', issuer: `CHI BỘ ${tag.toUpperCase()}`, typeName: 'NGHỊ QUYẾT', summary: `về nhiệm vụ số ${n} của chi bộ`, body: ['Văn bản kiểm thử tiến độ số hóa.'], signer: { title: 'T/M CHI BỘ\nBÍ THƯ', name: 'Lê Văn Tâm' } },
    })
    const uploads = [await uploadScan(admin, await pdf(1, true), 'a.pdf', 'application/pdf'), await uploadScan(admin, await pdf(2, false), 'b.pdf', 'application/pdf')]
    const batch = await admin.post('/api/archives/batches', { fileId: fileA.body.fileId, uploads })
    expect(batch.status, JSON.stringify(batch.body)).toBe(202)
    const view = await finished(admin, batch.body.batchId)
    expect(view.documents.map((d: any) => d.status).sort()).toEqual(['confirmed', 'verifying'])

    // Act + Assess: the ward's progress row for the cell equals the table's counts
    const expected = await fromTable(admin, unitId)
    expect(expected).toEqual({ files: 2, pages: 2, documents: 2, verified: 1 })
    await eventually(async () => {
      const p = await admin.get(`/api/archives/progress?unitId=${unitId}`)
      expect(p.status).toBe(200)
      expect(p.body.units).toEqual([expect.objectContaining({ unitId, level: 'cell', ...expected, verifiedShare: 0.5 })])
      expect(p.body.levels).toEqual([{ level: 'cell', units: 1, pages: 2, documents: 2, verified: 1, verifiedShare: 0.5 }])
      expect(p.body.total).toEqual({ pages: 2, documents: 2, verified: 1, verifiedShare: 0.5 })
    })
    // The commune's view includes the cell with the same numbers
    const commune = await admin.get('/api/archives/progress?unitId=x-socson')
    expect(commune.body.units.find((u: any) => u.unitId === unitId)).toMatchObject(expected)

    // A verification moves the verified share once the read model has it
    const waiting = view.documents.find((d: any) => d.status === 'verifying')
    const fields = Object.fromEntries(Object.entries(waiting.fields).map(([k, v]: [string, any]) => [k, v.value]))
    expect((await admin.post(`/api/archives/documents/${waiting.scanDocumentId}/verify`, { fields: { ...fields, date: '2025-05-11' }, version: waiting.version })).status).toBe(200)
    expect(await fromTable(admin, unitId)).toEqual({ ...expected, verified: 2 })
    await eventually(async () => {
      const p = await admin.get(`/api/archives/progress?unitId=${unitId}`)
      expect(p.body.total).toEqual({ pages: 2, documents: 2, verified: 2, verifiedShare: 1 })
    })
  }, 120_000)
})
