import { describe, expect, it, vi } from 'vitest'
import { call, login } from '../../support/api.js'
import { renderDocumentPdf } from '../../../infra/local/demo-documents.js'
import { upload } from '../documents/support.js'
import { docxOf } from './support.js'

vi.setConfig({ testTimeout: 120_000 })

const DRAFT = [
  'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'THÀNH ỦY', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 15-KH/TU', 'Hà Nội, ngày 05 tháng 3 năm 2025',
  'KẾ HOẠCH', 'thực hiện chuyển đổi số trong các cơ quan Đảng',
  'Thực hiện Nghị quyết số 57-NQ/TU ngày 22/12/2024 của Bộ Chính trị và Nghị quyết 18-NQ/TU ngày 30/12/2023 của Thành ủy.',
  '1. Các đơn vị hoàn thành số hóa hồ sơ trước ngày 30/4/2025.',
  'K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Nguyễn Văn A', 'Nơi nhận:', '- Quận ủy Hoàn Kiếm,', '- Lưu Văn phòng Thành ủy.',
]
const codes = (body: any) => body.findings.map((f: any) => f.code)

describe('appraisal: format, citations against the register, consistency', () => {
  it('reports each defect of a typed draft with its line and a fix, in the caller\'s language', async () => {
    const s = await login('chanhvp.tu')
    const res = await s.post('/api/assistant/appraisals', { text: DRAFT.join('\n') }, 'en')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const byCode = (c: string) => res.body.findings.find((f: any) => f.code === c)
    expect(byCode('appraisal.format.authorityKtOnCommittee')).toMatchObject({ location: { line: 11, excerpt: 'K/T BÍ THƯ' }, suggestion: 'Write: T/M BAN THƯỜNG VỤ' })
    expect(byCode('appraisal.citation.notFoundNear')).toMatchObject({ message: '57-NQ/TU does not exist in the register.', suggestion: 'Did you mean 57-NQ/TW of 22/12/2024?' })
    expect(byCode('appraisal.citation.dateMismatch')).toMatchObject({ message: '18-NQ/TU is dated 30/12/2022, not 30/12/2023.' })
    expect(byCode('appraisal.consistency.nonWorkingDay')).toMatchObject({ location: { line: 10 } })
    expect(byCode('appraisal.consistency.recipientLevelEnded') ?? byCode('appraisal.consistency.recipientEnded')).toBeTruthy()
    expect(res.body.counts).toMatchObject({ format: 1, citation: 2 })
  })

  it('suggests 57-NQ/TW for a citation of 75-NQ/TW, which the register does not hold', async () => {
    const s = await login('chanhvp.tu')
    const res = await s.post('/api/assistant/appraisals', { text: DRAFT.join('\n').replace('57-NQ/TU', '75-NQ/TW') }, 'en')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.findings.find((f: any) => f.code === 'appraisal.citation.notFoundNear')).toMatchObject({ message: '75-NQ/TW does not exist in the register.', suggestion: 'Did you mean 57-NQ/TW of 22/12/2024?' })
  })

  it('warns of a unit the text names that had ended by its date, naming the successors; checks a board\'s signature by its kind in the tree', async () => {
    const s = await login('chanhvp.tu')
    const board = ['THÀNH ỦY HÀ NỘI', 'BAN TỔ CHỨC', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 15-HD/BTCTU', 'Hà Nội, ngày 05 tháng 01 năm 2026',
      'HƯỚNG DẪN', 'tiếp nhận tổ chức đảng sau sắp xếp', 'Các chi bộ trực thuộc Quận ủy Hoàn Kiếm trước đây chuyển sinh hoạt theo hướng dẫn này.',
      'BÍ THƯ', 'Nguyễn Văn A', 'Nơi nhận:', '- Đảng ủy phường Hoàn Kiếm,', '- Lưu Văn phòng.']
    const res = await s.post('/api/assistant/appraisals', { text: board.join('\n') })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const byCode = (c: string) => res.body.findings.find((f: any) => f.code === c)
    expect(byCode('appraisal.consistency.unitEnded')).toMatchObject({ severity: 'warning', location: { line: 9 },
      message: 'Văn bản nhắc đến "Quận ủy Hoàn Kiếm", đơn vị đã kết thúc hoạt động ngày 30/06/2025.',
      suggestion: 'Nếu muốn nói đến đơn vị hiện nay, ghi tên đơn vị kế thừa: Đảng ủy phường Hoàn Kiếm, Đảng ủy phường Cửa Nam.' })
    expect(byCode('appraisal.format.authorityTitle')).toMatchObject({ location: { line: 10, excerpt: 'BÍ THƯ' }, suggestion: 'Sửa thành: TRƯỞNG BAN' })
    const deputy = await s.post('/api/assistant/appraisals', { text: board.join('\n').replace('BÍ THƯ', 'K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN') })
    expect(codes(deputy.body).filter((c: string) => c.startsWith('appraisal.format.authority'))).toEqual([])
  })

  it('reads DOCX and PDF drafts', async () => {
    const s = await login('chanhvp.tu')
    const docx = await s.post('/api/assistant/appraisals', { file: await upload(s, docxOf(DRAFT), 'du-thao.docx') })
    expect(docx.status, JSON.stringify(docx.body)).toBe(200)
    expect(docx.body.fileName).toBe('du-thao.docx')
    expect(codes(docx.body)).toContain('appraisal.format.authorityKtOnCommittee')
    const pdf = await renderDocumentPdf({
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'THÀNH ỦY', typeName: 'KẾ HOẠCH', summary: 'thực hiện chuyển đổi số',
      body: ['Thực hiện Nghị quyết số 57-NQ/TU ngày 22/12/2024 của Bộ Chính trị.'], signer: { title: 'K/T BÍ THƯ\nPHÓ BÍ THƯ', name: 'Nguyễn Văn A' },
    })
    const fromPdf = await s.post('/api/assistant/appraisals', { file: await upload(s, pdf, 'du-thao.pdf') })
    expect(fromPdf.status, JSON.stringify(fromPdf.body)).toBe(200)
    expect(codes(fromPdf.body)).toEqual(expect.arrayContaining(['appraisal.format.authorityKtOnCommittee', 'appraisal.citation.notFoundNear', 'appraisal.format.symbolMissing']))
  })

  it('refuses something that is not a document, and empty drafts, with a clear message', async () => {
    const s = await login('chanhvp.tu')
    const shopping = await s.post('/api/assistant/appraisals', { text: 'Danh sách đi chợ: rau, thịt, cá.\nGọi điện cho mẹ lúc 7 giờ.' })
    expect(shopping.status).toBe(422)
    expect(shopping.body.error.message).toMatch(/không phải là một văn bản/)
    expect((await s.post('/api/assistant/appraisals', { text: '' })).status).toBe(400)
    expect((await call('POST', '/api/assistant/appraisals', { body: { text: DRAFT.join('\n') } })).status).toBe(401)
  })
})
