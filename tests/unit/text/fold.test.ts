import { describe, expect, it } from 'vitest'
import { fold, normaliseHeader } from '../../../shared/text/fold.js'

describe('fold', () => {
  it.each([
    ['Chuyển đổi số', 'chuyen doi so'],
    ['ĐẢNG ỦY', 'dang uy'],
    ['Đảng ủy phường Hàng Trống', 'dang uy phuong hang trong'],
    ['Nghị quyết 57-NQ/TW', 'nghi quyet 57-nq/tw'],
    ['  Thành ủy Hà Nội  ', 'thanh uy ha noi'],
    ['Ủy ban kiểm tra', 'uy ban kiem tra'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected)
  })

  it('folds precomposed (NFC) and decomposed (NFD) input the same way', () => {
    // Prepare: the same words as typed on different keyboards
    const nfc = 'Tiếng Việt'.normalize('NFC')
    const nfd = 'Tiếng Việt'.normalize('NFD')

    // Act / Assess
    expect(fold(nfc)).toBe('tieng viet')
    expect(fold(nfd)).toBe('tieng viet')
  })
})

describe('normaliseHeader', () => {
  it('drops marks in brackets and punctuation from spreadsheet headers', () => {
    expect(normaliseHeader('Tên đơn vị (*)')).toBe('ten don vi')
    expect(normaliseHeader('Mã  định-danh:')).toBe('ma dinh danh')
    expect(normaliseHeader('Xác thực 2 lớp')).toBe('xac thuc 2 lop')
  })
})
