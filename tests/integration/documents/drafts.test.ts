import { describe, expect, it, vi } from 'vitest'
import { login } from '../../support/api.js'
import { docxBytes, download, listed, newWard, pdfOf, person, put, today, upload, settled } from './support.js'
import { dateLine } from '../../../shared/documents/numbering.js'

// The read model follows the table asynchronously; under a loaded suite the waits take longer than the default test time.
vi.setConfig({ testTimeout: 150_000 })

/** The text of a PDF's first page, as a reader would copy it. */
async function firstPageText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise
  const content = await (await doc.getPage(1)).getTextContent()
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ')
}

describe('outgoing documents: draft, review chain, issue with signatures, distribution', () => {
  it('goes from draft through review and return to a signed, numbered document that arrives at its recipients', async () => {
    // Prepare: a ward with a specialist, an office chief (first review step) and the secretary (second step, signer)
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Ban Hành')
    const receiver = await newWard(admin, 'Đảng ủy phường Nhận Văn Bản')
    const specialist = await person(admin, ward, 'specialist', 'Nguyễn Văn Soạn')
    const chief = await person(admin, ward, 'office-chief', 'Trần Thị Duyệt', 'Chánh Văn phòng')
    const secretary = await person(admin, ward, 'secretary', 'Lê Văn Ký', 'Bí thư Đảng ủy phường')
    const receiverClerk = await person(admin, receiver, 'clerk', 'Phạm Văn Thư')
    const chain = await put(secretary, '/api/documents/chains', { unitId: ward, type: 'CV', steps: [{ roles: ['office-chief'] }, { roles: ['secretary', 'deputy-secretary'], label: 'Thường trực Đảng ủy' }] })
    expect(chain.status, JSON.stringify(chain.body)).toBe(200)

    // Act 1: draft with a DOCX, then a PDF version, comments, submit
    const created = await specialist.post('/api/documents/drafts', {
      unitId: ward, type: 'cv', summary: 'V/v triển khai ứng dụng chữ ký số trong các chi bộ', recipients: [receiver, 'p-hoankiem'],
      signer: secretary.username, file: await upload(specialist, docxBytes(), 'du-thao.docx'),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.document.documentId
    expect(created.body.document).toMatchObject({ status: 'draft', type: 'CV', signer: { fullName: 'Lê Văn Ký', title: 'T/M BAN THƯỜNG VỤ\nBÍ THƯ' } })
    expect(created.body.document.versions[0]).toMatchObject({ version: 1, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
    const v2 = await specialist.post(`/api/documents/${id}/versions`, { ...(await upload(specialist, await pdfOf('V/v triển khai ứng dụng chữ ký số'), 'du-thao-v2.pdf')), note: 'Bản PDF' })
    expect(v2.status, JSON.stringify(v2.body)).toBe(201)
    expect(v2.body.document.versions.map((v: any) => v.version)).toEqual([1, 2])
    expect((await chief.post(`/api/documents/${id}/comments`, { text: 'Đề nghị bổ sung thời hạn triển khai.', version: 2 })).status).toBe(201)
    // Every version stays downloadable for the reviewers.
    const first = await chief.get(`/api/documents/${id}?version=1`)
    expect(first.body.download).toMatchObject({ fileName: 'du-thao.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
    expect((await chief.get(`/api/documents/${id}?version=9`)).status).toBe(422)
    const submitted = await specialist.post(`/api/documents/${id}/submit`, {})
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    expect(submitted.body.document).toMatchObject({ status: 'in-review', review: { stepIndex: 0, round: 1 } })
    await listed(chief, '/api/documents?box=to-review', id)

    // Only the person at the current step decides; never the drafter
    expect((await specialist.post(`/api/documents/${id}/review`, { decision: 'approve' })).body.error.code).toBe('document.selfReview')
    expect((await secretary.post(`/api/documents/${id}/review`, { decision: 'approve' })).body.error.code).toBe('document.notReviewer')
    expect((await chief.post(`/api/documents/${id}/review`, { decision: 'return' })).status).toBe(400) // a return needs its reason

    // Act 2: returned with comments, revised, resubmitted, approved at both steps
    const returned = await chief.post(`/api/documents/${id}/review`, { decision: 'return', comment: 'Chưa nêu thời hạn, đề nghị sửa.' })
    expect(returned.status).toBe(200)
    expect(returned.body.document.status).toBe('revising')
    expect(returned.body.document.comments.map((c: any) => c.text)).toContain('Chưa nêu thời hạn, đề nghị sửa.')
    expect((await secretary.post(`/api/documents/${id}/issue`, {})).body.error.code).toBe('document.notApproved')
    const finalPdf = await pdfOf('V/v triển khai ứng dụng chữ ký số trong các chi bộ, hoàn thành trước 30/6/2026', { signer: { title: 'T/M BAN THƯỜNG VỤ\nBÍ THƯ', name: 'Lê Văn Ký' } })
    expect((await specialist.post(`/api/documents/${id}/versions`, await upload(specialist, finalPdf, 'du-thao-v3.pdf'))).status).toBe(201)
    expect((await specialist.post(`/api/documents/${id}/submit`, {})).body.document.review.round).toBe(2)
    expect((await chief.post(`/api/documents/${id}/review`, { decision: 'approve', comment: 'Đồng ý trình ký.' })).body.document.review.stepIndex).toBe(1)
    const approved = await secretary.post(`/api/documents/${id}/review`, { decision: 'approve' })
    expect(approved.body.document.status).toBe('approved')

    // Act 3: someone else cannot sign it; the designated signer issues it
    expect((await chief.post(`/api/documents/${id}/issue`, {}, 'en')).body.error).toMatchObject({ code: 'document.notSigner', message: 'You are not the designated signer of this document.' })
    const issued = await secretary.post(`/api/documents/${id}/issue`, {})

    // Assess: number, stamped lines, signatures
    expect(issued.status, JSON.stringify(issued.body)).toBe(201)
    const doc = issued.body.document
    expect(doc).toMatchObject({ status: 'issued', symbol: '01-CV/ĐU', number: 1, documentDate: today() })
    expect(doc.issued).toMatchObject({ numberLine: 'Số 01-CV/ĐU', dateLine: dateLine('Ban Hành', today()), scope: 'party|CV|2025-2030', deliveredTo: [receiver, 'p-hoankiem'] })
    const page = await secretary.get(`/api/documents/${id}`)
    const signed = await download(page.body.download.url)
    const text = await firstPageText(signed)
    expect(text).toContain('Số 01-CV/ĐU')
    expect(text).toContain(doc.issued.dateLine)
    const verified = await secretary.post('/api/documents/verify', { documentId: id })
    expect(verified.status, JSON.stringify(verified.body)).toBe(200)
    expect(verified.body).toMatchObject({ intact: true, report: { valid: true } })
    expect(verified.body.report.signatures.map((s: any) => s.signerName)).toEqual(['Lê Văn Ký', 'Đảng ủy phường Ban Hành'])
    // Anyone can check the downloaded file: it verifies; the unsigned draft does not.
    const check = await receiverClerk.post('/api/documents/verify', { objectKey: (await upload(receiverClerk, signed, 'nhan-duoc.pdf')).objectKey })
    expect(check.body.report.valid).toBe(true)
    const unsigned = await receiverClerk.post('/api/documents/verify', { objectKey: (await upload(receiverClerk, finalPdf, 'chua-ky.pdf')).objectKey })
    expect(unsigned.body.report).toMatchObject({ valid: false, problems: ['signature.none'] })

    // Issuing twice returns the first result; the signed document no longer changes
    const again = await secretary.post(`/api/documents/${id}/issue`, {})
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ alreadyIssued: true, document: { symbol: '01-CV/ĐU', file: { sha256: doc.file.sha256 } } })
    const comment = await chief.post(`/api/documents/${id}/comments`, { text: 'Sửa sau khi ký?' }, 'en')
    expect(comment.status).toBe(409)
    expect(comment.body.error.message).toBe('Document 01-CV/ĐU is signed and issued and cannot change: issue a correcting document instead.')
    expect((await specialist.post(`/api/documents/${id}/versions`, await upload(specialist, finalPdf, 'sua.pdf'))).status).toBe(409)
    // A file signed already cannot become a draft: the platform could not stamp its number.
    const resigned = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'CV', summary: 'Dự thảo từ tệp đã ký', signer: secretary.username, file: await upload(specialist, signed, 'da-ky.pdf') })
    expect(resigned.status).toBe(422)
    expect(resigned.body.error.code).toBe('pdf.alreadySigned')

    // The recipients get it as incoming, to confirm; one confirms (signatures checked), one returns it
    const arrived = await settled(async () => {
      const box = await receiverClerk.get('/api/documents?box=to-confirm')
      const item = box.body.items.find((i: any) => i.symbol === '01-CV/ĐU' && i.issuer.name === 'Đảng ủy phường Ban Hành')
      expect(item).toBeDefined()
      return item
    })
    expect(arrived).toMatchObject({ flow: 'incoming', status: 'arrived', hasContent: true })
    const receipt = await receiverClerk.post(`/api/documents/${arrived.documentId}/receipt`, {})
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200)
    expect(receipt.body.document).toMatchObject({ status: 'received', arrival: { receivedDate: today(), verification: { valid: true, signatures: 2 } } })
    const hoanKiem = await login('vanthu.hoankiem')
    const atHoanKiem = await settled(async () => {
      const item = (await hoanKiem.get('/api/documents?box=to-confirm')).body.items.find((i: any) => i.symbol === '01-CV/ĐU' && i.issuer.name === 'Đảng ủy phường Ban Hành')
      expect(item).toBeDefined()
      return item
    })
    expect((await hoanKiem.post(`/api/documents/${atHoanKiem.documentId}/return`, { reason: 'Không thuộc phạm vi phường Hoàn Kiếm' })).status).toBe(200)
    await settled(async () => {
      const deliveries = (await secretary.get(`/api/documents/${id}`)).body.deliveries
      expect(deliveries.map((d: any) => [d.unitId, d.status])).toEqual([[receiver, 'received'], ['p-hoankiem', 'returned']].sort())
      expect(deliveries.find((d: any) => d.unitId === 'p-hoankiem').returnedReason).toBe('Không thuộc phạm vi phường Hoàn Kiếm')
    })
  })

  it('writes the signer\'s authority of the body that drafts: a board\'s deputy head K/T TRƯỞNG BAN, the inspection commission\'s chair T/M, the office chief T/L for the committee', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Thể Thức Ký')
    const title = async (unitId: string, signer: { username: string }, drafter: Awaited<ReturnType<typeof login>>) => {
      const res = await drafter.post('/api/documents/drafts', { unitId, type: 'hd', summary: 'Hướng dẫn công tác năm 2026', recipients: [ward], signer: signer.username })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.document.signer.title
    }
    const deputyHead = await person(admin, 'hn-btctu', 'deputy-secretary', 'Phó Trưởng Ban Ký', 'Phó Trưởng Ban Tổ chức Thành ủy')
    expect(await title('hn-btctu', deputyHead, deputyHead)).toBe('K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN')
    const chair = await person(admin, 'hn-ubkttu', 'secretary', 'Chủ Nhiệm Ký', 'Chủ nhiệm Ủy ban Kiểm tra Thành ủy')
    expect(await title('hn-ubkttu', chair, chair)).toBe('T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM')
    const officeChief = await person(admin, ward, 'office-chief', 'Chánh Văn Phòng Ký', 'Chánh Văn phòng Đảng ủy')
    expect(await title(ward, officeChief, officeChief)).toBe('T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG')
  })

  it('numbers the next document of the same type with the next number; a correction references the document it corrects', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Số Tiếp Theo')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Số')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Số')
    const issue = async (type: string, summary: string, correctionOf?: string) => {
      const d = await specialist.post('/api/documents/drafts', { unitId: ward, type, summary, signer: secretary.username, file: await upload(specialist, await pdfOf(summary)), ...(correctionOf ? { correctionOf } : {}) })
      expect(d.status, JSON.stringify(d.body)).toBe(201)
      const id = d.body.document.documentId
      expect((await specialist.post(`/api/documents/${id}/submit`, {})).status).toBe(200)
      // Default chain: one step by the unit's leadership.
      expect((await secretary.post(`/api/documents/${id}/review`, { decision: 'approve' })).status).toBe(200)
      const res = await secretary.post(`/api/documents/${id}/issue`, {})
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.document
    }
    const first = await issue('TB', 'Thông báo lịch sinh hoạt chi bộ tháng 1')
    const plan = await issue('KH', 'Kế hoạch kiểm tra, giám sát năm 2026')
    const second = await issue('TB', 'Thông báo đính chính lịch sinh hoạt chi bộ tháng 1', first.documentId)

    expect([first.symbol, plan.symbol, second.symbol]).toEqual(['01-TB/ĐU', '01-KH/ĐU', '02-TB/ĐU'])
    expect(second.correctionOf).toBe(first.documentId)
  })
})
