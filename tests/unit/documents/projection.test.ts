import { describe, expect, it } from 'vitest'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { documentRow, pgArray } from '../../../shared/documents/projection.js'
import { includesAscii, sniff, uploadKind } from '../../../shared/documents/files.js'

const incoming: OfficialDocument = {
  documentId: 'hn-tu.x1', ownerUnitId: 'hn-tu', flow: 'incoming', status: 'directed', symbol: '57-NQ/TW', symbolStyle: 'party', number: 57, type: 'NQ',
  issuer: { code: 'TW', name: 'Bộ Chính trị' }, documentDate: '2024-12-22', summary: 'về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  urgency: 'normal', confidentiality: 'none', arrival: { year: 2024, number: 12, receivedDate: '2024-12-24', by: { userId: 'a', fullName: 'A' }, at: '' },
  deadline: '2025-01-03', readerUnitIds: ['hn-vptu'], createdBy: { userId: 'a', fullName: 'A' }, version: 3, createdAt: '2024-12-24T00:00:00Z', updatedAt: '2024-12-25T00:00:00Z',
}

describe('read-model row of a document', () => {
  it('lets the owner and the units named by the direction read it, with the symbol key of every messy form', () => {
    const row = documentRow(incoming)

    expect(row).toMatchObject({ readerUnitIds: ['hn-tu', 'hn-vptu'], stage: 'register', symbolKey: '57nqtw', registerYear: 2024, registerNumber: 12, receivedDate: '2024-12-24', clearanceRank: 1 })
    expect(row.searchText).toContain('chuyển đổi số')
    expect(row.searchText).toContain('Nghị quyết')
  })

  it('keeps a draft in the draft stage, waiting for the roles of its current step', () => {
    const row = documentRow({
      ...incoming, flow: 'outgoing', status: 'in-review', symbol: undefined, readerUnitIds: [],
      review: { steps: [{ roles: ['office-chief', 'secretary'], scope: 'unit', unitId: 'hn-vptu' }], stepIndex: 0, round: 1, history: [] },
    })

    expect(row).toMatchObject({ stage: 'draft', symbolKey: null, reviewPairs: ['hn-vptu|office-chief', 'hn-vptu|secretary'], registerNumber: null })
  })

  it('ranks a MẬT entry above ordinary readers', () => {
    expect(documentRow({ ...incoming, confidentiality: 'mat' }).clearanceRank).toBe(2)
  })

  it('writes PostgreSQL array literals safely', () => {
    expect(pgArray([])).toBe('{}')
    expect(pgArray(['a', 'b"c', 'd\\e'])).toBe('{"a","b\\"c","d\\\\e"}')
  })
})

describe('document files', () => {
  it('accepts PDF and DOCX only, by name and declared type together', () => {
    expect(uploadKind('Nghi-quyet.PDF', 'application/pdf')).toBe('pdf')
    expect(uploadKind('du-thao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx')
    expect(uploadKind('du-thao.doc', 'application/msword')).toBeUndefined()
    expect(uploadKind('anh.pdf', 'image/png')).toBeUndefined()
    expect(uploadKind('virus.exe', 'application/pdf')).toBeUndefined()
  })

  it('tells a PDF, a DOCX and anything else apart by their bytes', () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(sniff(enc('%PDF-1.7\n...'))).toBe('pdf')
    expect(sniff(enc('\n\n  %PDF-1.4'))).toBe('pdf')
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('[Content_Types].xml word/document.xml')]))).toBe('docx')
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('xl/workbook.xml')]))).toBe('unknown')
    expect(sniff(enc('Đây không phải PDF'))).toBe('unknown')
    expect(includesAscii(enc('abc%PDF'), '%PDF', 5)).toBe(false)
  })
})
