import { describe, expect, it, vi } from 'vitest'
import { login } from '../../support/api.js'
import { newWard, pdfOf, person, put, settled, upload } from './support.js'

vi.setConfig({ testTimeout: 240_000 })

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

describe('distribution to many units', () => {
  it('a document for 60 units reaches each exactly once with the same signed file, though the signer pressed "issue" twice at once', async () => {
    // Prepare: an issuing committee and 60 recipient wards (more than one delivery transaction holds)
    const admin = await login('admin')
    const issuer = await newWard(admin, 'Đảng ủy Gửi Nhiều Nơi')
    const specialist = await person(admin, issuer, 'specialist', 'Chuyên viên Gửi Nhiều Nơi')
    const secretary = await person(admin, issuer, 'secretary', 'Bí thư Gửi Nhiều Nơi')
    expect((await put(secretary, '/api/documents/chains', { unitId: issuer, type: 'TB', steps: [] })).status).toBe(200)
    const recipients = await inBatches([...Array(60).keys()], 10, (i) => newWard(admin, `Đảng ủy phường Nhận Số ${i + 1}`))
    const draft = await specialist.post('/api/documents/drafts', {
      unitId: issuer, type: 'TB', summary: 'Thông báo gửi sáu mươi đảng ủy phường', signer: secretary.username, recipients,
      file: await upload(specialist, await pdfOf('Thông báo gửi sáu mươi đảng ủy phường')),
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const id = draft.body.document.documentId as string
    expect((await specialist.post(`/api/documents/${id}/submit`, {})).body.document.status).toBe('approved')

    // Act: two issue calls at the same moment
    const [a, b] = await Promise.all([secretary.post(`/api/documents/${id}/issue`, {}), secretary.post(`/api/documents/${id}/issue`, {})])

    // Assess: one issue, one number, one signed file; the other call answers with that result
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 201])
    expect(a.body.document.symbol).toBe('01-TB/ĐU')
    expect(b.body.document.file.sha256).toBe(a.body.document.file.sha256)
    expect(a.body.document.issued.deliveredTo).toHaveLength(60)
    const deliveries = await settled(async () => {
      const d = (await secretary.get(`/api/documents/${id}`)).body.deliveries as { unitId: string; status: string }[]
      expect(d).toHaveLength(60)
      return d
    })
    expect(deliveries.map((d) => d.unitId).sort()).toEqual([...recipients].sort())
    expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(['arrived']))
    // The first, a middle and the last recipient's clerk each find one copy, with the issued bytes
    for (const unitId of [recipients[0]!, recipients[30]!, recipients[59]!]) {
      const clerk = await person(admin, unitId, 'clerk', 'Văn thư Nhận Số')
      const items = await settled(async () => {
        const box = (await clerk.get('/api/documents?box=to-confirm')).body.items.filter((i: any) => i.symbol === '01-TB/ĐU')
        expect(box).toHaveLength(1)
        return box
      })
      const copy = (await clerk.get(`/api/documents/${items[0].documentId}`)).body.document
      expect(copy.file.sha256).toBe(a.body.document.file.sha256)
    }
  })
})
