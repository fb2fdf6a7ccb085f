/**
 * Content marked MẬT or above never stays on the platform, whatever was
 * declared: every path that takes a file reads the mark on its first page.
 */
import { describe, expect, it, vi } from 'vitest'
import { login } from '../../support/api.js'
import { docxBytes, newWard, pdfOf, person, today, upload } from './support.js'
import { corpusDocument, renderPage, scannedPdf } from '../../support/corpus/generator.js'

vi.setConfig({ testTimeout: 120_000 })

describe('classified content is refused whatever was declared', () => {
  it('refuses an incoming PDF stamped MẬT registered as ordinary, deletes the upload, and registers nothing', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Bảo Mật')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Bảo Mật')
    const file = await upload(clerk, await pdfOf('Báo cáo tình hình an ninh nội bộ', { mark: 'MẬT' }))
    const body = {
      unitId: ward, symbol: '21-BC/TU', issuerName: 'Thành ủy Hà Nội', documentDate: today(), receivedDate: today(),
      summary: 'Báo cáo tình hình an ninh nội bộ', confidentiality: 'none', file,
    }
    const refused = await clerk.post('/api/documents/incoming', body)
    expect(refused.status, JSON.stringify(refused.body)).toBe(422)
    expect(refused.body.error.code).toBe('upload.classifiedContent')
    expect(refused.body.error.message).toContain('MẬT')
    const en = await clerk.post('/api/documents/incoming', body, 'en')
    // The upload is gone at the moment of the refusal: using it again finds nothing.
    expect(en.status).toBe(404)

    // The same document without a stamp, and one whose text only speaks of secrets, are taken.
    const speaks = await upload(clerk, await pdfOf('Kế hoạch tuyên truyền về bảo vệ bí mật nhà nước', { body: ['QUY CHẾ BẢO VỆ BÍ MẬT', 'Các chi bộ giữ bí mật nhà nước theo quy định.'] }))
    const taken = await clerk.post('/api/documents/incoming', { ...body, symbol: '22-KH/TU', summary: 'Kế hoạch tuyên truyền về bảo vệ bí mật nhà nước', file: speaks })
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)
    // The refused one took no place in the new ward's register.
    expect(taken.body.document.arrival.number).toBe(1)
  })

  it('reads a scanned PDF (no text layer) by OCR: stamped MẬT and registered as ordinary, it is refused and deleted; unstamped, it is taken', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Bản Quét Mật')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Bản Quét')
    const stamped = await scannedPdf([renderPage(corpusDocument(3, 'mat'), 'clean')])
    const file = await upload(clerk, stamped, 'ban-quet.pdf')
    const body = {
      unitId: ward, symbol: '41-KH/TU', issuerName: 'Thành ủy Hà Nội', documentDate: today(), receivedDate: today(),
      summary: 'Kế hoạch thực hiện số hóa hồ sơ lưu trữ', confidentiality: 'none', file,
    }
    const refused = await clerk.post('/api/documents/incoming', body)
    expect(refused.status, JSON.stringify(refused.body)).toBe(422)
    expect(refused.body.error.code).toBe('upload.classifiedContent')
    expect(refused.body.error.message).toContain('MẬT')
    // The scan is gone from the bucket at the moment of the refusal.
    expect((await clerk.post('/api/documents/incoming', body)).status).toBe(404)

    const plain = await upload(clerk, await scannedPdf([renderPage(corpusDocument(3), 'clean')]), 'ban-quet-2.pdf')
    const taken = await clerk.post('/api/documents/incoming', { ...body, symbol: '42-KH/TU', file: plain })
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)
    expect(taken.body.document.arrival.number).toBe(1)
  })

  it('refuses a draft, and a new version of a draft, whose first page is stamped TỐI MẬT or TUYỆT MẬT', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Dự Thảo Mật')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Dự Thảo')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Dự Thảo', 'Bí thư Đảng ủy phường')
    const draft = (file: { objectKey: string; fileName: string }) => specialist.post('/api/documents/drafts', {
      unitId: ward, type: 'cv', summary: 'V/v rà soát công tác bảo vệ chính trị nội bộ', recipients: [ward], signer: secretary.username, file,
    })
    const secretPdf = await draft(await upload(specialist, await pdfOf('V/v rà soát công tác bảo vệ chính trị nội bộ', { mark: 'TỐI MẬT' }), 'du-thao.pdf'))
    expect(secretPdf.status, JSON.stringify(secretPdf.body)).toBe(422)
    expect(secretPdf.body.error.code).toBe('upload.classifiedContent')
    const secretDocx = await draft(await upload(specialist, docxBytes(['ĐẢNG ỦY PHƯỜNG', 'Số      -CV/ĐU', 'TUYỆT MẬT', 'V/v rà soát công tác bảo vệ chính trị nội bộ']), 'du-thao.docx'))
    expect(secretDocx.body.error?.code, JSON.stringify(secretDocx.body)).toBe('upload.classifiedContent')

    const created = await draft(await upload(specialist, await pdfOf('V/v rà soát công tác bảo vệ chính trị nội bộ'), 'du-thao.pdf'))
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.document.documentId
    const v2 = await specialist.post(`/api/documents/${id}/versions`, { ...(await upload(specialist, await pdfOf('V/v rà soát', { mark: 'TỐI MẬT' }), 'du-thao-v2.pdf')), note: 'Bản sửa' })
    expect(v2.status, JSON.stringify(v2.body)).toBe(422)
    expect(v2.body.error.code).toBe('upload.classifiedContent')
    const kept = await specialist.get(`/api/documents/${id}`)
    expect(kept.body.document.versions).toHaveLength(1)
  })

  it('refuses to appraise a draft stamped MẬT', async () => {
    const s = await login('chanhvp.tu')
    const res = await s.post('/api/assistant/appraisals', { file: await upload(s, await pdfOf('Kế hoạch bảo vệ an ninh', { mark: 'MẬT' }), 'du-thao.pdf') })
    expect(res.status, JSON.stringify(res.body)).toBe(422)
    expect(res.body.error.code).toBe('upload.classifiedContent')
  })

  it('shows a reader of the audit trail without the clearance that a MẬT entry exists, not its symbol or summary', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Nhật Ký Mật')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Được Mật', undefined, 'confidential')
    const inspector = await person(admin, ward, 'inspector', 'Kiểm tra Chưa Được Mật')
    const registered = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol: '31-BC/TU', issuerName: 'Thành ủy Hà Nội', documentDate: today(), receivedDate: today(),
      summary: 'Báo cáo tình hình nội bộ', confidentiality: 'mat',
    })
    expect(registered.status, JSON.stringify(registered.body)).toBe(201)
    const entryOf = async (s: typeof admin) => {
      const trail = await s.get(`/api/audit?unitId=${ward}`)
      expect(trail.status).toBe(200)
      return trail.body.entries.find((e: any) => e.action === 'document.register')
    }
    const hidden = await entryOf(inspector)
    expect(hidden.details).toEqual({ confidentiality: 'mat', withheld: true })
    expect(JSON.stringify(hidden)).not.toContain('31-BC/TU')
    // Someone cleared for MẬT sees what was registered; the chain still verifies for both.
    expect((await entryOf(admin)).details).toMatchObject({ symbol: '31-BC/TU', confidentiality: 'mat' })
    expect((await inspector.get(`/api/audit/verify?unitId=${ward}`)).body.valid).toBe(true)
  })
})
