/**
 * The demo archives a new user finds after `npm start`: the ward's fonds
 * with digitised documents in the register, one waiting for a clerk, and the
 * fonds of the merged ward committee ready for a handover.
 */
import { describe, expect, it } from 'vitest'
import { login } from '../../support/api.js'

describe('demo archives', () => {
  it('opens the ward fonds populated, with one document in the verification queue and the confirmed ones in the register', async () => {
    const clerk = await login('vanthu.hoankiem')
    const files = await clerk.get('/api/archives/files?unitId=p-hoankiem')
    expect(files.status).toBe(200)
    const demo = files.body.items.filter((f: any) => f.fileId.startsWith('p-hoankiem.fdemo'))
    expect(demo.map((f: any) => [f.code, f.documents])).toEqual([['HS-2025-01', 3], ['HS-2025-02', 1]])

    const queue = await clerk.get('/api/archives/verification?unitId=p-hoankiem')
    const waiting = queue.body.items.find((d: any) => d.scanDocumentId === 'p-hoankiem.bdemo1-p3')
    expect(waiting.toVerify).toEqual(['date', 'signer'])
    expect(waiting.fields.symbol.value).toBe('12-BC/ĐU')

    const file = await clerk.get(`/api/archives/files/${demo[0].fileId}`)
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
