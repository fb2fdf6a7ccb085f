import { auditKeyFile } from '../../../infra/local/audit-key.js'
import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { login } from '../../support/api.js'
import { newWard, pdfOf, person, put, upload } from './support.js'

/**
 * How many approved drafts are issued at once. Measured on the embedded
 * runtime (2 CPUs; gateway, functions, S3 and PGlite share one process),
 * the burst alone: 200 in 52 s, 100 in 36 s. Inside the full suite on a
 * busy machine: 200 in 68–74 s, 100 in 83 s, 50 in 16–18 s — and the burst
 * slows the read model for the files running beside it. Signing (stamp +
 * two signatures, ~275 ms of CPU each) is the floor. The suite fires 50;
 * `NUMBERING_CONCURRENCY=200` runs the full burst.
 */
const CONCURRENT = Math.max(50, Number(process.env.NUMBERING_CONCURRENCY ?? 50))

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

describe('numbering under concurrency', () => {
  it(`${CONCURRENT} concurrent issues of ${CONCURRENT} approved drafts give the numbers 1..${CONCURRENT}, no gap, no duplicate`, async () => {
    // Prepare: a fresh ward (a fresh series), no review chain (the signature is the approval), CONCURRENT approved drafts
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Cấp Số Đồng Thời')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Đồng Thời')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Đồng Thời')
    expect((await put(secretary, '/api/documents/chains', { unitId: ward, type: 'CV', steps: [] })).status).toBe(200)
    const file = await upload(specialist, await pdfOf('Công văn cấp số đồng thời'))
    const ids = await inBatches([...Array(CONCURRENT).keys()], 20, async (i) => {
      const d = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'CV', summary: `Công văn thử cấp số số thứ tự ${i + 1}`, signer: secretary.username, file })
      expect(d.status, JSON.stringify(d.body)).toBe(201)
      const s = await specialist.post(`/api/documents/${d.body.document.documentId}/submit`, {})
      expect(s.body.document.status).toBe('approved')
      return d.body.document.documentId as string
    })

    // Act: every issue at once
    const started = Date.now()
    const results = await Promise.all(ids.map((id) => secretary.post(`/api/documents/${id}/issue`, {})))
    const seconds = (Date.now() - started) / 1000
    console.log(`[numbering] ${CONCURRENT} concurrent issues (number, stamp, two signatures, store, distribute) in ${seconds.toFixed(1)} s`)

    // Assess
    expect(results.filter((r) => r.status !== 201).map((r) => JSON.stringify(r.body))).toEqual([])
    const numbers = results.map((r) => r.body.document.number as number).sort((a, b) => a - b)
    expect(numbers).toEqual([...Array(CONCURRENT).keys()].map((i) => i + 1))
    expect(new Set(results.map((r) => r.body.document.symbol)).size).toBe(CONCURRENT)
    // One more issue continues the series: the counter stands exactly at the last number given.
    const next = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'CV', summary: 'Công văn sau loạt cấp số đồng thời', signer: secretary.username, file })
    await specialist.post(`/api/documents/${next.body.document.documentId}/submit`, {})
    const after = await secretary.post(`/api/documents/${next.body.document.documentId}/issue`, {})
    expect(after.body.document.symbol).toBe(`${CONCURRENT + 1}-CV/ĐU`)
  }, 300_000)

  it('200 concurrent callers taking numbers from one series on DynamoDB get 1..200, each written with its document, the counter at 200', async () => {
    // The numbering step the issue runs (counter condition + the document + the unit's audit chain in one
    // transaction), called directly against the platform's DynamoDB Local: 200 at once, without the signing work.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')),
      AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
    })
    const { commitNumbered } = await import('../../../functions/documents/usecases/commit-numbered.js')
    const { documentStore } = await import('../../../functions/documents/adapters/store.js')
    const { Transaction } = await import('../../../functions/lib/adapters/transaction.js')
    const { keys } = await import('../../../shared/table/keys.js')
    const unitId = `test-series-${randomUUID().slice(0, 8)}`
    const scope = 'CV|2026'
    const ctx = { auditActor: { userId: 'numbering-test', name: 'Kiểm thử cấp số' }, now: new Date() }
    const numbers = await Promise.all([...Array(200).keys()].map((i) => commitNumbered(ctx, { unitId, scope, label: 'Công văn 2026' }, (next) =>
      new Transaction()
        .put({ ...keys.document(unitId, `${unitId}.n${i}`), entity: 'numbering-test', number: next }, { expectVersion: 'new' })
        .audit({ unitId, action: 'document.number', target: `${unitId}.n${i}`, details: { number: String(next) } }))))
    expect([...numbers].sort((a, b) => a - b)).toEqual([...Array(200).keys()].map((i) => i + 1))
    expect(await documentStore.counterValue(unitId, scope)).toBe(200)
    const written = await Promise.all(numbers.map((_, i) => documentStore.getDocument(`${unitId}.n${i}`)))
    expect(written.map((d) => (d as unknown as { number: number }).number)).toEqual(numbers)
  }, 300_000)
})
