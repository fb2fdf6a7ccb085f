import { describe, expect, it } from 'vitest'
import { boxOf, locateField, type OcrWord } from '../../../shared/archives/boxes.js'

const line = (text: string, top: number): OcrWord[] => text.split(' ').map((t, i) => ({ text: t, box: [i / 20, top, (i + 1) / 20, top + 0.02] }))
const page = [
  ...line('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI ĐẢNG CỘNG SẢN VIỆT NAM', 0.05),
  ...line('THÀNH ỦY', 0.07),
  ...line('Số 42-CT/TU Hà Nội, ngày 23 tháng 1 năm 2025', 0.1),
  ...line('CHỈ THỊ', 0.2),
  ...line('về tăng cường chuyển đổi số', 0.22),
  ...line('Nguyễn Văn A', 0.8),
]
const texts = (idx: number[]) => idx.map((i) => page[i].text).join(' ')

describe('where a field sits on the page', () => {
  it('finds the words of a symbol, a summary and a signer, whatever the diacritics', () => {
    expect(texts(locateField(page, 'symbol', '42-CT/TU'))).toBe('42-CT/TU')
    expect(texts(locateField(page, 'summary', 'về tăng cường chuyển đổi số'))).toBe('về tăng cường chuyển đổi số')
    expect(texts(locateField(page, 'signer', 'Nguyen Van A'))).toBe('Nguyễn Văn A')
  })

  it('finds an ISO date as printed, a type code by its name, and each line of an issuer', () => {
    expect(texts(locateField(page, 'date', '2025-01-23'))).toBe('ngày 23 tháng 1 năm 2025')
    expect(texts(locateField(page, 'type', 'CT'))).toBe('CHỈ THỊ')
    expect(texts(locateField(page, 'issuer', 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI / THÀNH ỦY'))).toBe('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI THÀNH ỦY')
  })

  it('finds nothing for a value that is not on the page or is empty', () => {
    expect(locateField(page, 'signer', 'Trần Thị B')).toEqual([])
    expect(locateField(page, 'date', null)).toEqual([])
    expect(locateField(page, 'confidentiality', 'none')).toEqual([])
  })

  it('turns pixel boxes into fractions of the page', () => {
    expect(boxOf(100, 50, 300, 80, 1000, 500)).toEqual([0.1, 0.1, 0.3, 0.16])
  })
})
