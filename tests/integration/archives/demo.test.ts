/**
 * The demo archives a new user finds after `npm start`: the ward's fonds
 * with digitised documents in the register, one waiting for a clerk, and the
 * fonds of the merged ward committee ready for a handover.
 */
import { describe, expect, it } from 'vitest'
import { login } from '../../support/api.js'
import { locateField } from '../../../shared/archives/boxes.js'

describe('demo archives', () => {
  it('opens the ward fonds populated, with one document in the verification queue and the confirmed ones in the register', async () => {
    const clerk = await login('vanthu.hoankiem')
    const files = await clerk.get('/api/archives/files?unitId=p-hoankiem')
    expect(files.status).toBe(200)
    const demo = files.body.items.filter((f: any) => f.fileId.startsWith('p-hoankiem.fdemo'))
    expect(demo.map((f: any) => [f.code, f.documents])).toEqual([['HS-2019-04', 1], ['HS-2025-01', 3], ['HS-2025-02', 1]])

    const queue = await clerk.get('/api/archives/verification?unitId=p-hoankiem')
    const waiting = queue.body.items.find((d: any) => d.scanDocumentId === 'p-hoankiem.bdemo1-p3')
    expect(waiting.toVerify).toEqual(['date', 'signer'])
    expect(waiting.fields.symbol.value).toBe('12-BC/ĐU')
    // The born-digital page's words carry their boxes: the symbol sits in the header, left column
    const shown = await clerk.get(`/api/archives/documents/${waiting.scanDocumentId}`)
    const words = shown.body.images[0].words
    const at = locateField(words, 'symbol', '12-BC/ĐU').map((i) => words[i].box)
    expect(at.length).toBeGreaterThan(0)
    for (const [x0, y0, x1, y1] of at) { expect(x1).toBeLessThan(0.5); expect(y1).toBeLessThan(0.2); expect(x0).toBeLessThan(x1); expect(y0).toBeLessThan(y1) }

    const file = await clerk.get('/api/archives/files/p-hoankiem.fdemo1')
    const confirmed = file.body.documents.filter((d: any) => d.status === 'confirmed')
    expect(confirmed.map((d: any) => d.fields.symbol.value).sort()).toEqual(['03-NQ/ĐU', '05-CT/ĐU'])
    const entry = await clerk.get(`/api/documents/${confirmed[0].registeredDocumentId}`)
    expect(entry.status).toBe(200)
    expect(entry.body.document ?? entry.body).toMatchObject({ source: { kind: 'digitised' } })
  })

  it('keeps the fonds of the merged ward committee for the handover wizard', async () => {
    const admin = await login('admin')
    const files = await admin.get('/api/archives/files?unitId=hk-du-hangbac')
    expect(files.status).toBe(200)
    expect(files.body.items.filter((f: any) => f.fileId.startsWith('hk-du-hangbac.fdemo')).map((f: any) => f.code).sort()).toEqual(['HS-2024-07', 'HS-2025-01'])
  })
})
