import { describe, expect, it } from 'vitest'
import { confidentialityMarkOf, markOfLine } from '../../../shared/documents/marks.js'

describe('the confidentiality mark on a document\'s face', () => {
  it('reads the stamp alone on its line, framed, letter-spaced, or after the number on its row', () => {
    expect(markOfLine('MẬT')).toBe('mat')
    expect(markOfLine('- MẬT -')).toBe('mat')
    expect(markOfLine('M Ậ T')).toBe('mat')
    expect(markOfLine('TỐI MẬT')).toBe('toi-mat')
    expect(markOfLine('TUYỆT MẬT')).toBe('tuyet-mat')
    expect(markOfLine('Số 12-CV/TU      MẬT')).toBe('mat')
    expect(markOfLine('KHẨN   TỐI MẬT')).toBe('toi-mat')
    expect(markOfLine('Độ mật: TUYỆT MẬT')).toBe('tuyet-mat')
  })

  it('does not take words that contain "mật" for a mark', () => {
    for (const line of ['bí mật', 'BÍ MẬT', 'BẢO VỆ BÍ MẬT NHÀ NƯỚC', 'Mật mã', 'Giữ bí mật nhà nước theo quy định.', 'mật', 'QUY CHẾ BẢO VỆ BÍ MẬT', 'Tối mật']) {
      expect(markOfLine(line), line).toBeNull()
    }
  })

  it('gives the most severe mark of the first page\'s top, or none', () => {
    expect(confidentialityMarkOf(['ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HÀ NỘI', 'Số 12-BC/TU', 'MẬT', 'BÁO CÁO'])).toBe('mat')
    expect(confidentialityMarkOf(['KHẨN', 'TỐI MẬT', 'MẬT'])).toBe('toi-mat')
    expect(confidentialityMarkOf(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 12-BC/TU', 'BÁO CÁO', 'công tác bảo vệ bí mật nhà nước'])).toBe('none')
  })
})
