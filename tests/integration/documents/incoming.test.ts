import { describe, expect, it, vi } from 'vitest'
import { login } from '../../support/api.js'
import { download, listed, newWard, pdfOf, person, today, upload } from './support.js'
import { CALENDAR, addDays as shiftDays } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

// The read model follows the table asynchronously; under a loaded suite the waits take longer than the default test time.
vi.setConfig({ testTimeout: 150_000 })

describe('incoming documents: register, confirm, return, direct, complete', () => {
  it('a clerk registers a received PDF with its metadata; it gets the next arrival number and shows in the inbox and the register', async () => {
    // Prepare
    const clerk = await login('vanthu.hoankiem')
    const file = await upload(clerk, await pdfOf('Về việc tổ chức hội nghị chuyển đổi số năm 2026'))

    // Act
    const res = await clerk.post('/api/documents/incoming', {
      unitId: 'p-hoankiem', symbol: 'Số 09 kh/du', issuerName: 'Đảng ủy phường Cửa Nam', documentDate: '2026-01-05', receivedDate: '2026-01-06',
      summary: 'Kế hoạch tổ chức hội nghị chuyển đổi số năm 2026', urgency: 'khan', file,
    })

    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = res.body.document
    expect(doc).toMatchObject({ symbol: '09-KH/ĐU', type: 'KH', status: 'received', flow: 'incoming', ownerUnitId: 'p-hoankiem', pageCount: 1 })
    expect(doc.arrival).toMatchObject({ year: 2026, receivedDate: '2026-01-06' })
    // KHẨN: two working days after receipt on the working-day calendar.
    expect(doc.deadline).toBe(CALENDAR.addWorkingDays('2026-01-06', 2))
    const page = await clerk.get(`/api/documents/${doc.documentId}`)
    expect(page.status).toBe(200)
    expect(page.body.download.fileName).toBe('van-ban.pdf')
    const bytes = await download(page.body.download.url)
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    const register = await listed(clerk, '/api/documents?box=incoming-register&unitId=p-hoankiem&year=2026', doc.documentId)
    const numbers = register.map((r) => r.registerNumber)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(register.find((r) => r.documentId === doc.documentId).registerNumber).toBe(doc.arrival.number)
  })

  it('the same symbol and date cannot be registered twice in one unit', async () => {
    const clerk = await login('vanthu.hoankiem')
    const body = async () => ({
      unitId: 'p-hoankiem', symbol: '77-TB/TU', issuerName: 'Thành ủy Hà Nội', documentDate: '2026-01-07', summary: 'Thông báo kết luận của Thường trực Thành ủy',
      file: await upload(clerk, await pdfOf('Thông báo kết luận')),
    })
    const first = await clerk.post('/api/documents/incoming', await body())
    expect(first.status).toBe(201)
    const again = await clerk.post('/api/documents/incoming', { ...(await body()), symbol: '77 TB TU' }, 'en')
    expect(again.status).toBe(409)
    expect(again.body.error.message).toBe('Document 77-TB/TU of that date is already in the unit’s incoming register.')
  })

  it('a leader writes the direction (bút phê) with lead and coordinating units; the deadline follows the urgency; the lead unit then sees it', async () => {
    // Prepare
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Bút Phê')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Bút Phê')
    const leader = await person(admin, ward, 'secretary', 'Bí thư Bút Phê')
    const cell = `${ward}-cb`
    expect((await admin.post('/api/units', { unitId: cell, code: 'CB', name: 'Chi bộ khu phố Bút Phê', level: 'cell', kind: 'cell', parentId: ward, validFrom: '2025-07-02' })).status).toBe(201)
    const cellMember = await person(admin, cell, 'specialist', 'Chuyên viên chi bộ')
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol: '724/HD-TCQT', issuerName: 'Tổng cục Quản lý thị trường', documentDate: '2026-01-02', summary: 'Hướng dẫn phối hợp kiểm tra thị trường dịp cuối năm',
      file: await upload(clerk, await pdfOf('Hướng dẫn kiểm điểm')),
    })
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    // An old state-style symbol (issuer not a Party body) is kept in state style.
    expect(reg.body.document).toMatchObject({ symbol: '724/HD-TCQT', symbolStyle: 'state' })
    const id = reg.body.document.documentId
    // Not yet a reader: the same answer as for a document that does not exist.
    const hidden = await cellMember.get(`/api/documents/${id}`)
    const missing = await cellMember.get(`/api/documents/${id.replace(/\.[^.]+$/, '.khong-co')}`)
    expect([hidden.status, hidden.body.error.code]).toEqual([404, missing.body.error.code])
    expect(missing.status).toBe(404)

    // Act
    const directed = await leader.post(`/api/documents/${id}/direction`, { text: 'Giao Chi bộ chủ trì, báo cáo trước hạn.', leadUnitId: cell, coordinatingUnitIds: [], urgency: 'thuong-khan' })

    // Assess
    expect(directed.status, JSON.stringify(directed.body)).toBe(200)
    expect(directed.body.document.status).toBe('directed')
    expect(directed.body.document.direction).toMatchObject({ leadUnitId: cell, urgency: 'thuong-khan', by: { fullName: 'Bí thư Bút Phê' } })
    expect(directed.body.document.deadline).toBe(CALENDAR.addWorkingDays(today(), 1))
    expect((await cellMember.get(`/api/documents/${id}`)).status).toBe(200)
    await listed(cellMember, '/api/documents?box=inbox', id)
    // A clerk registers but does not direct.
    expect((await clerk.post(`/api/documents/${id}/direction`, { text: 'Tự giao việc' })).status).toBe(403)
    // The lead unit finishes it; it leaves the inbox.
    const done = await cellMember.post(`/api/documents/${id}/complete`, { note: 'Đã báo cáo' })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.document.status).toBe('done')
    await listed(leader, '/api/documents?box=inbox', id, false)
  })

  it('a document past its deadline is listed as overdue for the leader', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Quá Hạn Văn Bản')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Quá Hạn')
    const leader = await person(admin, ward, 'secretary', 'Bí thư Quá Hạn')
    // Received a month ago, normal urgency: its default deadline has passed.
    const received = shiftDays(vietnamDate(), -30)
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol: '3-CV/TU', issuerName: 'Thành ủy Hà Nội', documentDate: received, receivedDate: received, summary: 'Công văn đề nghị báo cáo số liệu đảng viên',
      file: await upload(clerk, await pdfOf('Đề nghị báo cáo')),
    })
    expect(reg.status).toBe(201)
    const overdue = await listed(leader, '/api/documents?box=overdue', reg.body.document.documentId)
    expect(overdue.find((d) => d.documentId === reg.body.document.documentId)).toMatchObject({ overdue: true, symbol: '03-CV/TU' })
  })

  it('a clerk returns a misdirected document with a reason; it cannot be directed afterwards', async () => {
    const clerk = await login('vanthu.hoankiem')
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: 'p-hoankiem', symbol: '31-CV/ĐU', issuerName: 'Đảng ủy phường Ngọc Hà', documentDate: '2026-01-08', summary: 'Công văn gửi nhầm đơn vị nhận',
      file: await upload(clerk, await pdfOf('Gửi nhầm')),
    })
    expect(reg.status).toBe(201)
    const id = reg.body.document.documentId
    expect((await clerk.post(`/api/documents/${id}/return`, { reason: 'x' })).status).toBe(400)

    const returned = await clerk.post(`/api/documents/${id}/return`, { reason: 'Gửi nhầm: văn bản dành cho phường Ngọc Hà' })

    expect(returned.status).toBe(200)
    expect(returned.body.document).toMatchObject({ status: 'returned', returned: { reason: 'Gửi nhầm: văn bản dành cho phường Ngọc Hà' } })
    const leader = await login('bithu.hoankiem')
    const late = await leader.post(`/api/documents/${id}/direction`, { text: 'Giao xử lý' }, 'en')
    expect(late.status).toBe(409)
    expect(late.body.error.message).toBe('The document is in state “returned”; this step is not possible now.')
  })
})
