/** Helpers of the archives integration tests: upload slots, files of a fonds, batches waited to their end. */
import { expect } from 'vitest'
import { eventually, uniq, type Session } from '../../support/api.js'

export async function uploadScan(s: Session, bytes: Uint8Array, fileName: string, contentType: string): Promise<{ objectKey: string; fileName: string }> {
  const slot = await s.post('/api/archives/uploads', { fileName, contentType, size: bytes.length })
  expect(slot.status, JSON.stringify(slot.body)).toBe(201)
  const put = await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  return { objectKey: slot.body.objectKey, fileName }
}

/** A new file of a unit's fonds; its class permanent unless told (`retentionClass`, shared/archives/retention.ts). */
export async function newFile(s: Session, unitId: string, title = 'Hồ sơ lưu trữ kiểm thử số hóa', retentionClass = '01.02'): Promise<any> {
  const res = await s.post('/api/archives/files', { unitId, code: `HS-${uniq()}`, title, startYear: 2024, retentionClass })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

/** Waits for a batch's workflow to finish; returns its final view (batch, pages, documents). */
export async function finished(s: Session, batchId: string, timeoutMs = 240_000): Promise<any> {
  return eventually(async () => {
    const res = await s.get(`/api/archives/batches/${batchId}`)
    expect(res.status).toBe(200)
    expect(['done', 'failed']).toContain(res.body.batch.status)
    return res.body
  }, { timeoutMs, intervalMs: 500 })
}
