import { describe, expect, it, vi } from 'vitest'
import { login, uniq, type Session } from '../../support/api.js'
import { person, pdfOf, upload, settled } from './support.js'

// The read model follows the table asynchronously; under a loaded suite the waits take longer than the default test time.
vi.setConfig({ testTimeout: 150_000 })

const search = async (s: Session, query: Record<string, string>) => {
  const res = await s.get(`/api/documents/search?${new URLSearchParams(query)}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
const ids = (body: any): string[] => body.items.map((i: any) => i.documentId)

describe('search: words without diacritics, messy symbols, filters, reach and clearance', () => {
  it('finds a document by its words with or without diacritics and by its symbol in any form; others outside the ward do not see it', async () => {
    // Prepare: a resolution in Hoàn Kiếm's register with a number no other test uses
    const clerk = await login('vanthu.hoankiem')
    const tag = uniq()
    const number = 4000 + Math.floor(Math.random() * 5000)
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: 'p-hoankiem', symbol: `${number}-NQ/TU`, issuerName: 'Thành ủy Hà Nội', documentDate: '2025-12-15', receivedDate: '2025-12-16',
      summary: `Nghị quyết về đẩy mạnh chuyển đổi số trong công tác Đảng, mã ${tag}`, file: await upload(clerk, await pdfOf('Nghị quyết chuyển đổi số')),
    })
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    const id = reg.body.document.documentId
    const secretary = await login('bithu.hoankiem')
    const city = await login('admin')
    const badinh = await login('chuyenvien.badinh')

    // Act / Assess: words, with and without diacritics (đ → d)
    const plain = await settled(async () => {
      const r = await search(secretary, { q: `chuyen doi so ${tag}` })
      expect(ids(r)).toEqual([id])
      return r
    })
    expect(plain.items[0]).toMatchObject({ symbol: `${number}-NQ/TU`, issuer: { name: 'Thành ủy Hà Nội' }, type: 'NQ', hasContent: true })
    expect(ids(await search(secretary, { q: `ĐẨY MẠNH Chuyển Đổi ${tag}` }))).toEqual([id])
    expect(ids(await search(secretary, { q: `day manh cong tac dang ${tag}` }))).toEqual([id])

    // Symbols in any messy form
    for (const form of [`${number}/NQ-TU`, `${number} NQ TU`, `Số ${number} nq/tu`, `${number}-NQ/TU`]) {
      const r = await search(secretary, { q: form })
      expect(ids(r), form).toContain(id)
      expect(r.interpretedAs, form).toEqual({ symbol: `${number}-NQ/TU` })
      expect(r.items.every((i: any) => i.symbol === `${number}-NQ/TU`), form).toBe(true)
    }

    // Filters: issuer, type, date range, status
    expect(ids(await search(secretary, { q: tag, issuer: 'thanh uy', type: 'NQ', from: '2025-12-01', to: '2025-12-31', status: 'received' }))).toEqual([id])
    expect(ids(await search(secretary, { q: tag, type: 'CT' }))).toEqual([])
    expect(ids(await search(secretary, { q: tag, from: '2026-01-01' }))).toEqual([])
    expect(ids(await search(secretary, { q: tag, status: 'done' }))).toEqual([])

    // Reach: the city sees its wards; Ba Đình does not see Hoàn Kiếm
    expect(ids(await search(city, { q: tag }))).toEqual([id])
    expect(ids(await search(badinh, { q: tag }))).toEqual([])
    expect((await badinh.get(`/api/documents/${id}`)).status).toBe(404)
    expect((await badinh.get('/api/documents/search?unitId=p-hoankiem')).status).toBe(403)
  })

  it('keeps a MẬT entry as metadata only, visible to cleared users, hidden from the others, its reads audited', async () => {
    // Prepare
    const admin = await login('admin')
    const chief = await login('chanhvp.tu') // office chief, cleared for MẬT
    const uncleared = await person(admin, 'hn-vptu', 'specialist', 'Chuyên viên chưa được tiếp cận mật')
    const clerk = await login('vanthu.hoankiem') // internal clearance only
    const tag = uniq()

    // Act
    const reg = await chief.post('/api/documents/incoming', {
      unitId: 'hn-vptu', symbol: '17-CV/BTCTW', issuerName: 'Ban Tổ chức Trung ương', documentDate: '2026-01-05', summary: `Công văn về công tác bảo vệ chính trị nội bộ ${tag}`,
      confidentiality: 'mat', urgency: 'thuong-khan',
    })

    // Assess
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    const id = reg.body.document.documentId
    expect(reg.body.document.file).toBeUndefined()
    const seen = await settled(async () => {
      const r = await search(chief, { q: tag })
      expect(ids(r)).toEqual([id])
      return r.items[0]
    })
    expect(seen).toMatchObject({ confidentiality: 'mat', hasContent: false, symbol: '17-CV/BTCTW' })
    const page = await chief.get(`/api/documents/${id}`)
    expect(page.status).toBe(200)
    expect(page.body.download).toBeUndefined()
    expect(ids(await search(uncleared, { q: tag }))).toEqual([])
    expect((await uncleared.get(`/api/documents/${id}`)).status).toBe(404)
    expect((await search(uncleared, { q: 'bao ve chinh tri noi bo' })).items.some((i: any) => i.confidentiality !== 'none')).toBe(false)
    const lists = await uncleared.get('/api/documents?box=inbox&unitId=hn-vptu')
    expect(ids(lists.body)).not.toContain(id)
    // A clerk without the clearance cannot even create such an entry.
    const denied = await clerk.post('/api/documents/incoming', {
      unitId: 'p-hoankiem', symbol: '18-CV/BTCTW', issuerName: 'Ban Tổ chức Trung ương', documentDate: '2026-01-05', summary: 'Công văn mật thử nghiệm', confidentiality: 'mat',
    }, 'en')
    expect(denied.status).toBe(403)
    expect(denied.body.error.message).toBe('Your clearance is too low for this document.')
    // Reading the classified entry left a trace in the unit's audit trail.
    const inspector = await login('kiemtra.tu')
    const trail = await inspector.get('/api/audit?unitId=hn-vptu&limit=50')
    expect(trail.body.entries.some((e: any) => e.action === 'document.read' && e.target === id && e.actor.name === 'Lê Văn Chánh')).toBe(true)
  })
})
