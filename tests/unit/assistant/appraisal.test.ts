import { describe, expect, it } from 'vitest'
import { appraise, looksLikeDocument, draftLines, nearKeys, nearMisses, osaDistance, type AppraisalContext } from '../../../shared/assistant/appraisal.js'
import { parseSymbol } from '../../../shared/documents/symbols.js'

const GOOD = `ĐẢNG BỘ THÀNH PHỐ HÀ NỘI
THÀNH ỦY
*
ĐẢNG CỘNG SẢN VIỆT NAM
Số 12-KH/TU
Hà Nội, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
thực hiện Chỉ thị 42-CT/TU về chuyển đổi số
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Thành ủy ban hành kế hoạch như sau.
1. Các đơn vị hoàn thành số hóa hồ sơ trước ngày 29/4/2025.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A
Nơi nhận:
- Đảng ủy phường Hoàn Kiếm,
- Lưu Văn phòng Thành ủy.`

const CTX: AppraisalContext = {
  today: '2026-01-10',
  register: [
    { documentId: 'a', symbol: '57-NQ/TW', symbolKey: '57nqtw', documentDate: '2024-12-22', title: 'Nghị quyết 57', inForce: true },
    { documentId: 'b', symbol: '42-CT/TU', symbolKey: '42cttu', documentDate: '2025-01-23', title: 'Chỉ thị 42', inForce: true },
    { documentId: 'c', symbol: '02-HD/VPTW', symbolKey: '2hdvptw', documentDate: '2012-01-01', title: 'Hướng dẫn cũ', inForce: false, replacedBy: '36-HD/VPTW' },
  ],
  units: [
    { name: 'Đảng ủy phường Hoàn Kiếm', successorNames: [] },
    { name: 'Quận ủy Hoàn Kiếm', validTo: '2025-06-30', successorNames: ['Đảng ủy phường Hoàn Kiếm'] },
  ],
}

const codes = (text: string) => appraise([text], CTX).map((f) => f.code)

describe('appraisal', () => {
  it('finds nothing wrong in a well-formed plan', () => {
    expect(appraise([GOOD], CTX)).toEqual([])
  })
  it('pads days below 10 and only the months January and February (DOMAIN: "ngày 03 tháng 4", "tháng 01")', () => {
    const dated = (line: string) => appraise([GOOD.replace('Hà Nội, ngày 05 tháng 3 năm 2025', line)], CTX)
    expect(dated('Hà Nội, ngày 03 tháng 4 năm 2025')).toEqual([])
    expect(dated('Hà Nội, ngày 05 tháng 02 năm 2025')).toEqual([])
    expect(dated('Hà Nội, ngày 03 tháng 04 năm 2025')).toMatchObject([{ code: 'appraisal.format.datePadding', fix: { params: { text: 'Hà Nội, ngày 03 tháng 4 năm 2025' } } }])
    expect(dated('Hà Nội, ngày 5 tháng 2 năm 2025')).toMatchObject([{ code: 'appraisal.format.datePadding', fix: { params: { text: 'Hà Nội, ngày 05 tháng 02 năm 2025' } } }])
    expect(dated('Hà Nội, ngày 3 tháng 3 năm 2025')).toMatchObject([{ code: 'appraisal.format.datePadding', fix: { params: { text: 'Hà Nội, ngày 03 tháng 3 năm 2025' } } }])
  })
  it('knows the merged boards as issuers (26-HD/BTGDVTW, 05-HD/BTGDVTU) and the boards before the merger', () => {
    for (const cited of ['26-HD/BTGDVTW', '05-HD/BTGDVTU', '12-HD/BTGTW']) {
      const f = appraise([GOOD.replace('1. Các đơn vị', `Căn cứ Hướng dẫn ${cited} ngày 10/01/2025.\n1. Các đơn vị`)], CTX)
      expect(f.map((x) => x.code)).not.toContain('appraisal.citation.unknownIssuer')
    }
    const f = appraise([GOOD.replace('1. Các đơn vị', 'Căn cứ Hướng dẫn 26-HD/BTGXYZ ngày 10/01/2025.\n1. Các đơn vị')], CTX)
    expect(f.map((x) => x.code)).toContain('appraisal.citation.unknownIssuer')
  })
  it('names a K/T signature on a committee document as wrong, with the fix and its line', () => {
    const f = appraise([GOOD.replace('T/M BAN THƯỜNG VỤ\nBÍ THƯ', 'K/T BÍ THƯ\nPHÓ BÍ THƯ')], CTX)
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ code: 'appraisal.format.authorityKtOnCommittee', location: { line: 11 }, fix: { params: { text: 'T/M BAN THƯỜNG VỤ' } } })
  })
  describe('signing authority of each issuing body (DOMAIN.md §2, 36-HD/VPTW)', () => {
    const draft = (superior: string, issuer: string, code: string, block: string) => [superior, issuer, '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', `Số 12-HD/${code}`,
      'Hà Nội, ngày 05 tháng 01 năm 2026', 'HƯỚNG DẪN', 'về công tác tổ chức cơ sở đảng năm 2026',
      'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, hướng dẫn như sau.', block, 'Nguyễn Văn A',
      'Nơi nhận:', '- Đảng ủy phường Hoàn Kiếm,', '- Lưu Văn phòng.'].join('\n')
    const ctx: AppraisalContext = { ...CTX, units: [...CTX.units, { name: 'Ban Tổ chức Thành ủy', kind: 'advisory-board', successorNames: [] }] }
    const board = (block: string) => appraise([draft('THÀNH ỦY HÀ NỘI', 'BAN TỔ CHỨC', 'BTCTU', block)], ctx)
    const inspection = (block: string) => appraise([draft('THÀNH ỦY HÀ NỘI', 'ỦY BAN KIỂM TRA', 'UBKTTU', block)], ctx)
    const office = (block: string) => appraise([draft('THÀNH ỦY HÀ NỘI', 'VĂN PHÒNG', 'VPTU', block)], ctx)
    const committee = (block: string) => appraise([draft('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'THÀNH ỦY', 'TU', block)], ctx)

    it('accepts each correct form', () => {
      expect(board('TRƯỞNG BAN')).toEqual([])
      expect(board('K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN')).toEqual([])
      expect(board('T/L TRƯỞNG BAN\nCHÁNH VĂN PHÒNG')).toEqual([])
      expect(inspection('T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM')).toEqual([])
      expect(inspection('T/M ỦY BAN KIỂM TRA\nPHÓ CHỦ NHIỆM')).toEqual([])
      expect(inspection('K/T CHỦ NHIỆM\nPHÓ CHỦ NHIỆM')).toEqual([])
      expect(office('CHÁNH VĂN PHÒNG')).toEqual([])
      expect(office('K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG')).toEqual([])
      expect(committee('T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ')).toEqual([])
      expect(committee('T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG')).toEqual([])
    })

    it('flags a Bí thư under a board\'s name, with the board\'s own title as the fix', () => {
      expect(board('BÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityTitle', location: { line: 10, excerpt: 'BÍ THƯ' }, params: { issuer: 'BAN TỔ CHỨC', head: 'TRƯỞNG BAN' }, fix: { params: { text: 'TRƯỞNG BAN' } } }])
      expect(board('PHÓ BÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityTitle', fix: { params: { text: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN' } } }])
      expect(board('K/T BÍ THƯ\nPHÓ BÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityKtHead', fix: { params: { text: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN' } } }])
      expect(board('K/T TRƯỞNG BAN\nPHÓ BÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityTitle', location: { excerpt: 'PHÓ BÍ THƯ' } }])
    })

    it('flags a board or the Office signing on behalf (T/M), and a deputy signing without K/T', () => {
      expect(board('T/M BAN TỔ CHỨC\nTRƯỞNG BAN')).toMatchObject([{ code: 'appraisal.format.authorityOnBehalfOfAgency', fix: { params: { text: 'TRƯỞNG BAN' } } }])
      expect(office('T/M VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG')).toMatchObject([{ code: 'appraisal.format.authorityOnBehalfOfAgency', fix: { params: { text: 'K/T CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG' } } }])
      expect(board('PHÓ TRƯỞNG BAN')).toMatchObject([{ code: 'appraisal.format.authorityDeputyKt', fix: { params: { text: 'K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN' } } }])
      expect(office('K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN')).toMatchObject([{ code: 'appraisal.format.authorityKtHead', fix: { params: { text: 'K/T CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG' } } }])
    })

    it('flags the inspection commission signed as a Party committee is, or without T/M', () => {
      expect(inspection('K/T BÍ THƯ\nPHÓ BÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityKtHead', fix: { params: { text: 'K/T CHỦ NHIỆM / PHÓ CHỦ NHIỆM' } } }])
      expect(inspection('T/M ỦY BAN KIỂM TRA\nBÍ THƯ')).toMatchObject([{ code: 'appraisal.format.authorityTitle', fix: { params: { text: 'T/M ỦY BAN KIỂM TRA / CHỦ NHIỆM' } } }])
      expect(inspection('CHỦ NHIỆM')).toMatchObject([{ code: 'appraisal.format.authorityMissing', fix: { params: { text: 'T/M ỦY BAN KIỂM TRA' } } }])
    })

    it('takes the body from the unit\'s kind when the issuing body is a known unit: a union is led by a chair, not a Bí thư', () => {
      const union = (c: AppraisalContext) => appraise([draft('LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI', 'CÔNG ĐOÀN VIÊN CHỨC THÀNH PHỐ', 'CĐVC', 'BÍ THƯ')], c).map((x) => x.code)
      expect(union(ctx)).not.toContain('appraisal.format.authorityTitle')
      const known: AppraisalContext = { ...ctx, units: [...ctx.units, { name: 'Công đoàn Viên chức thành phố', kind: 'socio-political', successorNames: [] }] }
      expect(union(known)).toContain('appraisal.format.authorityTitle')
    })
  })

  it('checks every mandatory component', () => {
    const broken = GOOD.replace('ĐẢNG CỘNG SẢN VIỆT NAM\n', '').replace('*\n', '').replace('Số 12-KH/TU', 'Số: 12-KH/TU')
      .replace('ngày 05 tháng 3', 'ngày 5 tháng 3').replace(/Nơi nhận:[\s\S]*$/, '')
    expect(codes(broken)).toEqual(expect.arrayContaining(['appraisal.format.headerMissing', 'appraisal.format.issuerStarMissing',
      'appraisal.format.symbolColon', 'appraisal.format.datePadding', 'appraisal.format.recipientsMissing']))
  })
  it('checks citations against the register: unknown with a near miss, wrong date, not in force', () => {
    const f = appraise([GOOD.replace('57-NQ/TW ngày 22/12/2024', '57-NQ/TU ngày 22/12/2024').replace('của Bộ Chính trị', 'và Chỉ thị 42-CT/TU ngày 25/01/2025, Hướng dẫn 02-HD/VPTW')], CTX)
    const near = f.find((x) => x.code === 'appraisal.citation.notFoundNear')
    expect(near?.fix).toEqual({ code: 'appraisal.fix.didYouMean', params: { symbol: '57-NQ/TW', date: '22/12/2024' } })
    expect(f.find((x) => x.code === 'appraisal.citation.dateMismatch')?.params).toMatchObject({ written: '25/01/2025', actual: '23/01/2025' })
    expect(f.find((x) => x.code === 'appraisal.citation.notInForce')?.fix.params).toEqual({ symbol: '36-HD/VPTW' })
  })
  it('suggests the document a mistyped number meant: digits swapped or one digit off, same type and issuer', () => {
    const f = appraise([GOOD.replace('57-NQ/TW ngày 22/12/2024', '75-NQ/TW ngày 22/12/2024')], CTX)
    expect(f).toMatchObject([{ code: 'appraisal.citation.notFoundNear', params: { canonical: '75-NQ/TW' }, fix: { code: 'appraisal.fix.didYouMean', params: { symbol: '57-NQ/TW', date: '22/12/2024' } } }])
    const sym = (t: string) => { const p = parseSymbol(t); if (!p.ok) throw new Error(t); return p.symbol }
    const reg = CTX.register
    expect(nearMisses(sym('58-NQ/TW'), reg)?.symbol).toBe('57-NQ/TW')
    expect(nearMisses(sym('577-NQ/TW'), reg)?.symbol).toBe('57-NQ/TW')
    expect(nearMisses(sym('75-CT/TW'), reg)).toBeUndefined()
    expect(nearMisses(sym('75-NQ/TU'), reg)).toBeUndefined()
    expect(nearMisses(sym('68-NQ/TW'), reg)).toBeUndefined()
    // Swapped digits before another one-digit difference.
    const both = [...reg, { documentId: 'd', symbol: '74-NQ/TW', symbolKey: '74nqtw', documentDate: '2025-01-01', title: 'Nghị quyết 74', inForce: true }]
    expect(nearMisses(sym('75-NQ/TW'), both)?.symbol).toBe('57-NQ/TW')
    expect(osaDistance('75', '57')).toBe(1)
    expect(nearKeys(sym('75-NQ/TW'))).toEqual(expect.arrayContaining(['57nqtw', '74nqtw', '5nqtw', '175nqtw']))
    expect(nearKeys(sym('75-NQ/TW'))).not.toContain('75nqtw')
  })
  it('flags a deadline on a holiday and before the document date, a recipient that ended, one abbreviation for two things', () => {
    const text = GOOD.replace('trước ngày 29/4/2025', 'trước ngày 30/4/2025; báo cáo trước ngày 01/02/2025')
      .replace('- Đảng ủy phường Hoàn Kiếm,', '- Quận ủy Hoàn Kiếm,')
      .replace('như sau.', 'như sau. Ban Chỉ đạo chuyển đổi số (sau đây gọi tắt là Ban Chỉ đạo) và Tổ giúp việc của Thành ủy (sau đây gọi tắt là Ban Chỉ đạo) phối hợp.')
    const f = appraise([text], CTX)
    expect(f.map((x) => x.code)).toEqual(expect.arrayContaining(['appraisal.consistency.nonWorkingDay', 'appraisal.consistency.deadlineBeforeDate',
      'appraisal.consistency.recipientEnded', 'appraisal.consistency.termTwoMeanings']))
    expect(f.find((x) => x.code === 'appraisal.consistency.recipientEnded')?.fix.params.name).toBe('Đảng ủy phường Hoàn Kiếm')
  })
  it('warns of a unit the body names that had ended by the draft\'s date, naming its successors', () => {
    const units: AppraisalContext['units'] = [
      { name: 'Đảng ủy phường Hoàn Kiếm', successorNames: [] },
      { name: 'Đảng ủy phường Cửa Nam', successorNames: [] },
      { name: 'Quận ủy Hoàn Kiếm', validTo: '2025-06-30', successorNames: ['Đảng ủy phường Hoàn Kiếm', 'Đảng ủy phường Cửa Nam'] },
      { name: 'Chi bộ khu phố 1', validTo: '2025-06-30', successorNames: [] },
      { name: 'Chi bộ khu phố 10', successorNames: [] },
    ]
    const dated = GOOD.replace('ngày 05 tháng 3 năm 2025', 'ngày 05 tháng 01 năm 2026').replace('29/4/2025', '29/4/2026')
    const withBody = (sentence: string, text = dated) => appraise([text.replace('1. Các đơn vị', `${sentence}\n1. Các đơn vị`)], { ...CTX, units })
    const f = withBody('Giao Quận ủy Hoàn Kiếm chủ trì, phối hợp với Chi bộ khu phố 10.')
    expect(f).toMatchObject([{ category: 'consistency', code: 'appraisal.consistency.unitEnded', severity: 'warning', location: { line: 10 },
      params: { name: 'Quận ủy Hoàn Kiếm', date: '30/06/2025' }, fix: { code: 'appraisal.fix.successorMention', params: { name: 'Đảng ủy phường Hoàn Kiếm, Đảng ủy phường Cửa Nam' } } }])
    // An ended unit without successor; a district committee the tree does not know; and no warning for a draft dated while the unit lived.
    expect(withBody('Chi bộ khu phố 1 báo cáo kết quả.')).toMatchObject([{ code: 'appraisal.consistency.unitEnded', fix: { code: 'appraisal.fix.endedMention' } }])
    expect(withBody('Đề nghị Huyện ủy Gia Lâm phối hợp.')).toMatchObject([{ code: 'appraisal.consistency.levelEndedMention', params: { name: 'Huyện ủy Gia Lâm' } }])
    expect(withBody('Giao Quận ủy Hoàn Kiếm chủ trì.', GOOD)).toEqual([])
  })
  it('tells a document from text that is not one', () => {
    expect(looksLikeDocument(draftLines([GOOD]))).toBe(true)
    expect(looksLikeDocument(draftLines(['Danh sách đi chợ: rau, thịt, cá. Gọi điện cho mẹ.']))).toBe(false)
  })
})
