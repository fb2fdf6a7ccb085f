/**
 * A batch interrupted by a restart of the embedded runtime resumes where it
 * stopped: pages read before the restart are not read again (the workflow's
 * journal replays them), the rest are read, and every page and document
 * exists once.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { DEMO_ARCHIVE_FILES } from '../../../infra/local/demo-archives.js'
import { eventually, login } from '../../support/api.js'
import { corpusDocument, renderPage, scannedPdf } from '../../support/corpus/generator.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-archives-restart-'))
const ports = async () => ({ port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort() })
let running: Platform | undefined
afterAll(async () => { await running?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('a digitisation batch across a restart', () => {
  it('resumes without reading a page twice or duplicating pages and documents', async () => {
    // Prepare: a three-page scan (three documents) in a new file
    const bytes = await scannedPdf([0, 1, 2].map((n) => renderPage(corpusDocument(n), 'clean')))
    running = await startPlatform({ dataDir, ...(await ports()), schedules: false })
    let clerk = await login('vanthu.hoankiem', undefined, running.url)
    const file = await clerk.post('/api/archives/files', { unitId: 'p-hoankiem', code: 'HS-KHOI-DONG', title: 'Hồ sơ thử khởi động lại', startYear: 2024, retentionClass: '01.02' })
    expect(file.status).toBe(201)
    const slot = await clerk.post('/api/archives/uploads', { fileName: 'lo.pdf', contentType: 'application/pdf', size: bytes.length })
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(bytes) })).status).toBe(200)
    const started = await clerk.post('/api/archives/batches', { fileId: file.body.fileId, uploads: [{ objectKey: slot.body.objectKey, fileName: 'lo.pdf' }] })
    expect(started.status).toBe(202)
    const batchId = started.body.batchId

    // Act: stop as soon as the first page is read, then start again on the same data
    const before = await eventually(async () => {
      const v = await clerk.get(`/api/archives/batches/${batchId}`)
      expect(v.body.processed).toBeGreaterThan(0)
      return v.body
    }, { timeoutMs: 120_000, intervalMs: 100 })
    expect(before.batch.status).toBe('running')
    const firstRead = await clerk.get(`/api/archives/batches/${batchId}`)
    const readBefore = firstRead.body.pages.filter((p: any) => p.status === 'done').map((p: any) => [p.pageNo, p.at])
    const docBefore = (await clerk.get(`/api/archives/files/${file.body.fileId}`)).body
    expect(docBefore.documents).toEqual([])
    await running.stop()
    running = await startPlatform({ dataDir, ...(await ports()), schedules: false })
    clerk = await login('vanthu.hoankiem', undefined, running.url)

    // Assess: the batch ends with each page once, and each document once
    const after = await eventually(async () => {
      const v = await clerk.get(`/api/archives/batches/${batchId}`)
      expect(v.body.batch.status).toBe('done')
      return v.body
    }, { timeoutMs: 180_000, intervalMs: 500 })
    expect(after.pages.map((p: any) => [p.pageNo, p.status])).toEqual([[1, 'done'], [2, 'done'], [3, 'done']])
    expect(after.batch.documents).toBe(3)
    const shown = (await clerk.get(`/api/archives/files/${file.body.fileId}`)).body
    expect(shown.documents.map((d: any) => d.pageFrom).sort()).toEqual([1, 2, 3])
    expect(shown.file.pages).toBe(3)
    // Pages read before the restart were not read again: same result, same time
    expect(readBefore.length).toBeGreaterThan(0)
    for (const [pageNo, at] of readBefore) expect(after.pages.find((p: any) => p.pageNo === pageNo).at).toBe(at)

    // The daily KPI snapshot counts the digitised pages and documents of the ward's level
    await running.drain()
    const snapshot = await running.invoke('ops', { job: 'kpi-snapshot' }) as { digitisationByLevel: { level: string; pages: number; documents: number; verifiedShare: number }[] }
    // (the demo fonds are at the same level: one page, one document per demo scan)
    const demo = DEMO_ARCHIVE_FILES.reduce((n, f) => n + f.scans.length, 0)
    expect(snapshot.digitisationByLevel).toEqual([expect.objectContaining({ level: 'commune', pages: 3 + demo, documents: 3 + demo })])
  }, 420_000) // two full starts of the platform and three OCR pages on a 2-core machine
})
