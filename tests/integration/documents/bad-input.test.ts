import { PDFDocument } from 'pdf-lib'
import { describe, expect, it, vi } from 'vitest'
import { login, type Session } from '../../support/api.js'
import { newWard, pdfOf, person, put, today, upload, settled } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { addDays as shiftDays } from '../../../shared/calendar/working-days.js'

// The read model follows the table asynchronously; under a loaded suite the waits take longer than the default test time.
vi.setConfig({ testTimeout: 150_000 })

/** A PDF whose trailer says it is encrypted. */
async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.addPage()
  const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1')
  return new Uint8Array(Buffer.from(text.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'), 'latin1'))
}

const register = (s: Session, unitId: string, extra: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') => s.post('/api/documents/incoming', {
  unitId, symbol: '21-CV/TU', issuerName: 'Thành ủy Hà Nội', documentDate: '2026-01-05', summary: 'Công văn kiểm thử dữ liệu sai', ...extra,
}, lang)

describe('bad input: a 4xx with a clear vi/en message, and nothing changes', () => {
  it('refuses wrong files, bad symbols, future dates and classified content; the register stays empty and its numbering untouched', async () => {
    // Prepare: a ward of its own, so its register and counters start empty
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Dữ Liệu Sai')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Dữ Liệu Sai', undefined, 'confidential')
    const good = await upload(clerk, await pdfOf('Công văn hợp lệ'))

    // Wrong file type or size, at the upload slot
    const png = await clerk.post('/api/documents/uploads', { fileName: 'anh.png', contentType: 'image/png', size: 100 }, 'en')
    expect(png.status).toBe(415)
    expect(png.body.error.message).toBe('Unsupported file type: image/png.')
    expect((await clerk.post('/api/documents/uploads', { fileName: 'van-ban.exe', contentType: 'application/pdf', size: 100 })).status).toBe(415)
    const big = await clerk.post('/api/documents/uploads', { fileName: 'lon.pdf', contentType: 'application/pdf', size: 50 * 1024 * 1024 })
    expect(big.status).toBe(413)
    expect(big.body.error.message).toBe('Tệp quá lớn (tối đa 10485760 byte).')

    // A file larger than declared is caught when it is used
    const lied = await clerk.post('/api/documents/uploads', { fileName: 'nho.pdf', contentType: 'application/pdf', size: 1000 })
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)])
    expect((await fetch(lied.body.uploadUrl, { method: 'PUT', headers: lied.body.headers, body: new Uint8Array(huge) })).status).toBe(200)
    expect((await register(clerk, ward, { file: { objectKey: lied.body.objectKey, fileName: 'nho.pdf' } })).status).toBe(413)

    // A "PDF" that is not one, and an encrypted one
    const fake = await register(clerk, ward, { file: await upload(clerk, new TextEncoder().encode('Đây không phải PDF'), 'gia.pdf') }, 'en')
    expect(fake.status).toBe(422)
    expect(fake.body.error.message).toBe('The file is not a valid PDF.')
    const locked = await register(clerk, ward, { file: await upload(clerk, await encryptedPdf(), 'khoa.pdf') })
    expect(locked.status).toBe(422)
    expect(locked.body.error.message).toBe('Tệp PDF được mã hóa hoặc đặt mật khẩu, không thể ký số hay lưu trữ.')

    // A symbol that cannot be read, with the reason
    const symbol = await register(clerk, ward, { symbol: '21-XYZ/TU', file: good }, 'en')
    expect(symbol.status).toBe(400)
    expect(symbol.body.error).toMatchObject({ code: 'document.symbolInvalid', issues: [{ path: 'symbol', code: 'symbol.unknownType', message: '“XYZ” is not a known document type code.' }] })
    const noNumber = await register(clerk, ward, { symbol: 'NQ/TU', file: good })
    expect(noNumber.body.error.issues[0].message).toBe('Số, ký hiệu “NQ/TU” không bắt đầu bằng số văn bản.')

    // A received document dated in the future
    const tomorrow = shiftDays(vietnamDate(), 2)
    const future = await register(clerk, ward, { documentDate: tomorrow, file: good }, 'en')
    expect(future.status).toBe(422)
    expect(future.body.error.message).toBe(`The date ${tomorrow} (documentDate) is in the future: a received document cannot be dated after today.`)
    expect((await register(clerk, ward, { receivedDate: tomorrow, file: good })).status).toBe(422)

    // Content for a classified document; someone else's upload; unknown fields
    const secret = await register(clerk, ward, { confidentiality: 'mat', file: good })
    expect(secret.status).toBe(422)
    expect(secret.body.error.code).toBe('document.secretNoContent')
    const other = await login('vanthu.hoankiem')
    expect((await register(other, 'p-hoankiem', { file: good })).status).toBe(400)
    expect((await register(clerk, ward, { file: good, colour: 'red' })).status).toBe(400)

    // A malformed document id, on any route
    expect((await clerk.get('/api/documents/khong-hop-le')).status).toBe(400)
    expect((await clerk.post('/api/documents/khong-hop-le/receipt', {})).status).toBe(400)
    expect((await clerk.get(`/api/documents/${ward}.khongtontai`)).status).toBe(404)

    // Assess: nothing was registered; the first good registration gets arrival number 1
    const ok = await register(clerk, ward, { file: good })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.document.arrival.number).toBe(1)
    await settled(async () => {
      const reg = await clerk.get(`/api/documents?box=incoming-register&unitId=${ward}`)
      expect(reg.body.items.map((i: any) => i.registerNumber)).toEqual([1])
    })
  })

  it('refuses a recipient that no longer exists — at drafting, and at issue before anything is written', async () => {
    // Prepare
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Gửi Nơi Đã Giải Thể')
    const doomed = await newWard(admin, 'Đảng ủy phường Sắp Giải Thể')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Gửi')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Gửi')
    const file = await upload(specialist, await pdfOf('Công văn gửi đơn vị sắp giải thể'))
    const draft = (recipients: string[]) => specialist.post('/api/documents/drafts', { unitId: ward, type: 'CV', summary: 'Công văn gửi các đơn vị', recipients, signer: secretary.username, file }, 'en')

    // Act / Assess: a historic district that ended on 2025-06-30
    const ended = await draft(['hn-qu-badinh'])
    expect(ended.status).toBe(422)
    expect(ended.body.error.message).toBe('Recipient unit hn-qu-badinh no longer exists (dissolved or merged).')
    expect((await draft(['khong-ton-tai'])).status).toBe(404)

    // A recipient that ends after the draft was approved: the issue is refused, no number is taken
    const d = await draft([doomed])
    expect(d.status).toBe(201)
    const id = d.body.document.documentId
    await specialist.post(`/api/documents/${id}/submit`, {})
    expect((await secretary.post(`/api/documents/${id}/review`, { decision: 'approve' })).body.document.status).toBe('approved')
    const dissolve = await admin.post('/api/reorganisations', { kind: 'dissolve', sourceUnitIds: [doomed], successors: [], effectiveDate: today(), reason: 'Giải thể để kiểm thử văn bản' })
    expect(dissolve.status, JSON.stringify(dissolve.body)).toBe(202)
    const approver = await login('bithu.tu')
    // With a comment: a decision without one writes an audit entry with empty details, which stalls the local read model (reported).
    await settled(async () => expect((await approver.post(`/api/reorganisations/${dissolve.body.request.requestId}/decision`, { approved: true, comment: 'Đồng ý giải thể' })).status).toBe(200))
    await settled(async () => expect((await admin.get(`/api/units/${doomed}`)).body.unit.validTo).toBeDefined())

    const refused = await secretary.post(`/api/documents/${id}/issue`, {}, 'en')
    expect(refused.status).toBe(422)
    expect(refused.body.error.message).toBe(`Recipient unit ${doomed} no longer exists (dissolved or merged).`)
    const after = (await secretary.get(`/api/documents/${id}`)).body.document
    expect(after.status).toBe('approved')
    expect(after.number).toBeUndefined()
    // The series did not move: the next CV of the ward is number 01.
    const next = await draft([])
    await specialist.post(`/api/documents/${next.body.document.documentId}/submit`, {})
    await secretary.post(`/api/documents/${next.body.document.documentId}/review`, { decision: 'approve' })
    expect((await secretary.post(`/api/documents/${next.body.document.documentId}/issue`, {})).body.document.symbol).toBe('01-CV/ĐU')
  })

  it('refuses signing someone else\'s draft and leaves it as it was', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Ký Thay')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Ký Thay')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Ký Thay')
    const deputy = await person(admin, ward, 'deputy-secretary', 'Phó Bí thư Ký Thay')
    const d = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'TB', summary: 'Thông báo phân công nhiệm vụ', signer: secretary.username, file: await upload(specialist, await pdfOf('Thông báo')) })
    await specialist.post(`/api/documents/${d.body.document.documentId}/submit`, {})
    await deputy.post(`/api/documents/${d.body.document.documentId}/review`, { decision: 'approve' })

    const res = await deputy.post(`/api/documents/${d.body.document.documentId}/issue`, {})

    expect(res.status).toBe(403)
    expect(res.body.error.message).toBe('Bạn không phải người ký được chỉ định của văn bản này.')
    const after = (await secretary.get(`/api/documents/${d.body.document.documentId}`)).body
    expect(after.document).toMatchObject({ status: 'approved' })
    expect(after.actions.issue).toBe(true)
    // A member may not draft at all; a signer must be able to sign for the unit.
    const member = await login('dangvien.hangbac')
    expect((await member.post('/api/documents/drafts', { unitId: 'p-hoankiem-cb-hangbac', type: 'TB', summary: 'Thông báo của đảng viên', signer: 'bithu.hoankiem' })).status).toBe(403)
    const notSigner = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'TB', summary: 'Thông báo ký sai người', signer: 'chuyenvien.badinh' }, 'en')
    expect(notSigner.status).toBe(422)
    expect(notSigner.body.error.message).toBe('User chuyenvien.badinh may not sign documents of this unit.')
    expect((await put(specialist, '/api/documents/chains', { unitId: ward, type: 'TB', steps: [] })).status).toBe(403)
  })
})
