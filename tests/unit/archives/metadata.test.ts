import { describe, expect, it } from 'vitest'
import { extractMetadata, fieldsToVerify, findConfidentiality, segmentPages, type OcrLine } from '../../../shared/archives/metadata.js'

const lines = (text: string, confidence = 0.95): OcrLine[] => text.split('\n').map((t) => ({ text: t, confidence }))

const chiThi = `ĐẢNG BỘ THÀNH PHỐ HÀ NỘI          ĐẢNG CỘNG SẢN VIỆT NAM
THÀNH ỦY
*
Số 42-CT/TU                      Hà Nội, ngày 12 tháng 3 năm 2024
CHỈ THỊ
về tăng cường công tác chuyển đổi số
Thực hiện chủ trương của Trung ương về chuyển đổi số trong các cơ quan
đảng, Ban Thường vụ yêu cầu các cấp ủy quán triệt.
Nơi nhận:                        T/M BAN THƯỜNG VỤ
- Như trên,                      BÍ THƯ
- Lưu Văn phòng.
Nguyễn Văn An`

describe('metadata of a scanned Party document', () => {
  it('reads issuer, canonical symbol, date, type, summary and signer from a chỉ thị', () => {
    const { fields, documentDate, typeCode } = extractMetadata(lines(chiThi))
    expect(fields.issuer.value).toBe('THÀNH ỦY') // the issuing body, line 2 of the block (line 1 is its superior)
    expect(fields.symbol.value).toBe('42-CT/TU')
    expect(fields.date.value).toBe('2024-03-12')
    expect(documentDate).toBe('2024-03-12')
    expect(fields.type.value).toBe('CT')
    expect(typeCode).toBe('CT')
    expect(fields.summary.value).toBe('về tăng cường công tác chuyển đổi số')
    expect(fields.signer.value).toBe('Nguyễn Văn An')
    expect(fields.confidentiality.value).toBe('none')
    expect(fieldsToVerify(fields)).toEqual([])
  })

  it('writes a messy number line canonically ("Số 09 KH/ĐU" → 09-KH/ĐU) and reads a công văn "V/v" summary', () => {
    const text = `ĐẢNG BỘ PHƯỜNG HOÀN KIẾM   ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY
Số 9 CV/ĐU   Hoàn Kiếm, ngày 05 tháng 01 năm 2026
V/v triển khai học tập nghị quyết
Thực hiện chủ trương của Trung ương về chuyển đổi số trong các cơ quan đảng và đoàn thể.
T/M ĐẢNG ỦY
BÍ THƯ
Trần Thị Bình`
    const { fields } = extractMetadata(lines(text))
    expect(fields.symbol.value).toBe('09-CV/ĐU')
    expect(fields.type.value).toBe('CV')
    expect(fields.summary.value).toBe('triển khai học tập nghị quyết')
    expect(fields.date.value).toBe('2026-01-05')
    expect(fields.signer.value).toBe('Trần Thị Bình')
  })

  it('reads a summary wrapped onto several lines whole, up to the body that starts with a capital', () => {
    const wrapped = chiThi.replace('về tăng cường công tác chuyển đổi số\n', 'về tăng cường công tác chuyển đổi số\ntrong các cơ quan đảng, Mặt trận Tổ quốc\nvà các đoàn thể chính trị - xã hội\n')
    const { fields } = extractMetadata(lines(wrapped))
    expect(fields.summary.value).toBe('về tăng cường công tác chuyển đổi số trong các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội')
    expect(fields.signer.value).toBe('Nguyễn Văn An')
  })

  it('tolerates the national header misread from a bold heading ("PANG CỘNG SAN")', () => {
    const { fields } = extractMetadata(lines(chiThi.replace('ĐẢNG CỘNG SẢN VIỆT NAM', 'PANG CỘNG SAN VIỆT NAM')))
    expect(fields.issuer.value).toBe('THÀNH ỦY') // the issuing body, line 2 of the block (line 1 is its superior)
  })

  it('gives low confidence to a field read from uncertain lines, and sends it to verification', () => {
    const ls = lines(chiThi)
    ls[3] = { ...ls[3], confidence: 0.55 }
    const { fields } = extractMetadata(ls)
    expect(fields.symbol.confidence).toBeLessThan(0.8)
    expect(fieldsToVerify(fields)).toEqual(expect.arrayContaining(['symbol', 'date']))
  })

  it('reports an impossible date and a missing number as not found (confidence 0)', () => {
    const text = chiThi.replace('Số 42-CT/TU', '').replace('ngày 12 tháng 3', 'ngày 31 tháng 2')
    const { fields } = extractMetadata(lines(text))
    expect(fields.symbol).toEqual({ value: null, confidence: 0 })
    expect(fields.date).toEqual({ value: null, confidence: 0 })
    expect(fieldsToVerify(fields)).toEqual(expect.arrayContaining(['symbol', 'date']))
  })

  it('finds the confidentiality mark, whichever level, but not "bí mật" in body text', () => {
    expect(findConfidentiality(lines('Số 12-BC/TU\nMẬT\nBÁO CÁO')).value).toBe('mat')
    expect(findConfidentiality(lines('TỐI MẬT\nBÁO CÁO')).value).toBe('toi-mat')
    expect(findConfidentiality(lines('TUYỆT MẬT')).value).toBe('tuyet-mat')
    expect(findConfidentiality(lines('Giữ bí mật nhà nước theo quy định.\nBÍ MẬT')).value).toBe('none')
  })

  it('groups pages into documents at each first page, leaving blank pages out', () => {
    const first = lines(chiThi)
    const next = lines('quả thực hiện, định kỳ báo cáo tiến độ hằng quý.')
    const docs = segmentPages([
      { pageNo: 1, lines: first }, { pageNo: 2, lines: next }, { pageNo: 3, lines: [] }, { pageNo: 4, lines: first },
    ])
    expect(docs.map((d) => d.map((p) => p.pageNo))).toEqual([[1, 2], [4]])
  })
})

describe('issuing-body headings as OCR misreads them', () => {
  it('restores the marks of known heading words and Đ read as P, leaving other words alone', async () => {
    const { correctHeading } = await import('../../../shared/archives/metadata.js')
    expect(correctHeading('PANG BỘ THÀNH PHO HÀ NỘI')).toBe('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI')
    expect(correctHeading('THANH ỦY')).toBe('THÀNH ỦY')
    expect(correctHeading('ĐẢNG ỦY PHƯỜNG BẾN THÀNH')).toBe('ĐẢNG ỦY PHƯỜNG BẾN THÀNH')
    expect(correctHeading('Chi bộ 3')).toBe('Chi bộ 3')
  })
})
