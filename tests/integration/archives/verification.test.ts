/**
 * The verification queue: a born-digital PDF is read from its text layer
 * (no OCR), fields it does not carry wait for a clerk, who sees the page
 * image and confirms or corrects; corrections are kept, and the document
 * enters the register and the search read model with a link to the scan.
 */
import { describe, expect, it } from 'vitest'
import { renderDocumentPdf } from '../../../infra/local/demo-documents.js'
import { eventually, login, uniq } from '../../support/api.js'
import { finished, newFile, uploadScan } from './support.js'

describe('verification of extracted fields', () => {
  it('queues low-confidence fields, keeps the corrections and registers the confirmed document for search', async () => {
    // Prepare: a born-digital letter without number, date or signature block
    const clerk = await login('vanthu.hoankiem')
    const file = await newFile(clerk, 'p-hoankiem')
    const word = `luutru${uniq()}`
    const pdf = await renderDocumentPdf({
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'ĐẢNG ỦY PHƯỜNG HOÀN KIẾM', typeName: 'KẾ HOẠCH',
      summary: `số hóa tài liệu lưu trữ ${word}`, body: ['Văn bản dùng trong kiểm thử tự động của hệ thống Văn phòng số.'],
    })
    const upload = await uploadScan(clerk, pdf, 'ke-hoach.pdf', 'application/pdf')
    const started = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [upload] })
    expect(started.status, JSON.stringify(started.body)).toBe(202)
    const view = await finished(clerk, started.body.batchId)
    expect(view.pages).toEqual([expect.objectContaining({ pageNo: 1, status: 'done', method: 'text-layer' })])

    // The queue holds it, with the fields the page does not show first
    const queue = await clerk.get('/api/archives/verification?unitId=p-hoankiem')
    const item = queue.body.items.find((d: any) => d.batchId === started.body.batchId)
    expect(item.status, JSON.stringify(item)).toBe('verifying')
    expect(item.toVerify).toEqual(expect.arrayContaining(['symbol', 'date', 'signer']))
    expect(item.fields.type, JSON.stringify(item.fields)).toEqual({ value: 'KH', confidence: 1 })
    expect(item.fields.summary.value).toBe(`số hóa tài liệu lưu trữ ${word}`)
    const shown = await clerk.get(`/api/archives/documents/${item.scanDocumentId}`)
    expect((await fetch(shown.body.images[0].url)).status).toBe(200)

    // A malformed correction changes nothing
    const fields = { ...Object.fromEntries(Object.entries(item.fields).map(([k, v]: [string, any]) => [k, v.value])) }
    const bad = await clerk.post(`/api/archives/documents/${item.scanDocumentId}/verify`, { fields: { ...fields, symbol: 'không phải ký hiệu' }, version: item.version }, 'en')
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'fields.symbol', message: 'The number and symbol are not well formed (e.g. 42-CT/TU).' })
    expect((await clerk.get(`/api/archives/documents/${item.scanDocumentId}`)).body.document.status).toBe('verifying')

    // Act: the clerk types the number in a messy form, the date and the signer
    const res = await clerk.post(`/api/archives/documents/${item.scanDocumentId}/verify`, {
      fields: { ...fields, symbol: 'Số 7 KH/ĐU', date: '2024-05-06', signer: 'Đỗ Minh Hoàng' }, version: item.version,
    })

    // Assess: confirmed, canonical, corrections kept, gone from the queue, in the register and found by search
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.status).toBe('confirmed')
    expect(res.body.fields.symbol.value).toBe('07-KH/ĐU')
    expect(res.body.corrections.map((c: any) => [c.field, c.extracted, c.corrected])).toEqual(expect.arrayContaining([
      ['symbol', null, '07-KH/ĐU'], ['date', null, '2024-05-06'], ['signer', null, 'Đỗ Minh Hoàng'],
    ]))
    expect((await clerk.get('/api/archives/verification?unitId=p-hoankiem')).body.items.some((d: any) => d.scanDocumentId === item.scanDocumentId)).toBe(false)
    const again = await clerk.post(`/api/archives/documents/${item.scanDocumentId}/verify`, { fields, version: res.body.version })
    expect(again.status).toBe(409)
    const found = await eventually(async () => {
      const s = await clerk.get(`/api/documents/search?q=${word}`)
      expect(s.body.items).toHaveLength(1)
      return s.body.items[0]
    })
    expect(found).toMatchObject({ symbol: '07-KH/ĐU', type: 'KH', documentDate: '2024-05-06', hasContent: true })
    const registered = await clerk.get(`/api/documents/${found.documentId}`)
    expect(registered.status).toBe(200)
    expect(registered.body.document?.source ?? registered.body.source).toMatchObject({ kind: 'digitised', documentId: item.scanDocumentId })
    const bySymbol = await clerk.get(`/api/documents/search?q=${encodeURIComponent('7/KH-ĐU')}`)
    expect(bySymbol.body.items.map((d: any) => d.documentId)).toContain(found.documentId)
  })

  it('refuses a clerk of another ward and a reader without the right to verify', async () => {
    const clerk = await login('vanthu.hoankiem')
    const specialist = await login('chuyenvien.badinh')
    expect((await specialist.get('/api/archives/verification?unitId=p-hoankiem')).status).toBe(403)
    expect((await clerk.get('/api/archives/verification?unitId=p-badinh')).status).toBe(403)
    const member = await login('dangvien.hangbac')
    expect((await member.post('/api/archives/files', { unitId: 'p-hoankiem', code: 'X1', title: 'Hồ sơ', startYear: 2024, retentionClass: '01.02' })).status).toBe(403)
  })
})
