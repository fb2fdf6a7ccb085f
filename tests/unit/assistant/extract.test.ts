import { describe, expect, it } from 'vitest'
import { renderDocumentPdf } from '../../../infra/local/demo-documents.js'
import { docxPages, pdfPages } from '../../../functions/lib/adapters/extract.js'
import { documentPassages } from '../../../shared/assistant/passages.js'
import { docxOf } from '../../integration/assistant/support.js'

describe('text out of drafts and documents', () => {
  it('reads a PDF\'s text layer page by page, Vietnamese intact, and cuts it at its articles', async () => {
    const pdf = await renderDocumentPdf({ superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'THÀNH ỦY', typeName: 'CHỈ THỊ', summary: 'về chuyển đổi số',
      body: ['Điều 1. Sử dụng chữ ký số.', 'Điều 2. Hoàn thành số hóa trước ngày 30 tháng 4 năm 2025.'] })
    const pages = await pdfPages(pdf)
    expect(pages).toHaveLength(1)
    expect(pages[0]).toContain('Điều 2. Hoàn thành số hóa trước ngày 30 tháng 4 năm 2025.')
    const ps = documentPassages({ symbol: '42-CT/TU', type: 'CT', issuerName: 'Thành ủy Hà Nội', documentDate: '2025-01-23', summary: 'về chuyển đổi số' }, pages)
    expect(ps.find((p) => p.location.label === 'Điều 2')).toMatchObject({ location: { page: 1 }, text: expect.stringContaining('30 tháng 4 năm 2025') })
  })
  it('reads a DOCX one paragraph a line', async () => {
    expect(await docxPages(docxOf(['THÀNH ỦY', 'K/T BÍ THƯ']))).toEqual(['THÀNH ỦY\nK/T BÍ THƯ\n'])
  })
})
