import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { login } from '../../support/api.js'
import { settled } from './support.js'

const dataDir = mkdtempSync(join(tmpdir(), 'do-demo-docs-'))
let platform: Platform | undefined
afterAll(async () => { await platform?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('demo documents of the embedded runtime', () => {
  it('loads the demo registers: 57-NQ/TW found without diacritics, the MẬT entry without content, seen by the cleared Office, not by a cell member', async () => {
    // Prepare: a platform of its own with the organisation demo data
    platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })

    // Act: the first start loads the demo documents with the rest of the demo data
    expect(platform.seeded).toBe(true)
    await platform.drain()

    // Assess
    const secretary = await login('bithu.tu', undefined, platform.url)
    const found = await settled(async () => {
      const res = await secretary.get('/api/documents/search?q=chuyen%20doi%20so%20quoc%20gia')
      expect(res.body.items.map((i: any) => i.symbol)).toContain('57-NQ/TW')
      return res.body.items.find((i: any) => i.symbol === '57-NQ/TW')
    })
    expect(found).toMatchObject({ documentDate: '2024-12-22', status: 'done', issuer: { name: 'Bộ Chính trị' } })
    expect((await secretary.get('/api/documents/search?q=57%2FNQ-TW')).body.items.map((i: any) => i.symbol)).toEqual(['57-NQ/TW'])
    const ward = await login('bithu.hoankiem', undefined, platform.url)
    expect((await ward.get('/api/documents/search?q=42%20CT%20TU')).body.items).toMatchObject([{ symbol: '42-CT/TU', documentDate: '2025-01-23' }])
    expect((await secretary.get('/api/documents/search?q=18-NQ%2FTU')).body.items).toMatchObject([{ symbol: '18-NQ/TU', documentDate: '2022-12-30' }])
    const office = await login('chanhvp.tu', undefined, platform.url)
    const classified = (await office.get('/api/documents/search?q=05-CV%2FBTCTW')).body.items
    expect(classified).toMatchObject([{ confidentiality: 'mat', hasContent: false, ownerUnitId: 'hn-vptu' }])
    const member = await login('dangvien.hangbac', undefined, platform.url)
    expect((await member.get('/api/documents/search?q=05-CV%2FBTCTW')).body.items).toEqual([])
    // The demo PDFs are real: the resolution downloads and reads as a PDF.
    const page = await secretary.get(`/api/documents/${found.documentId}`)
    const bytes = new Uint8Array(await (await fetch(page.body.download.url)).arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  }, 120_000)
})
