import { describe, expect, it } from 'vitest'
import { authorityLines, signingTitle } from '../../../shared/documents/authority.js'
import { bodyOf, bodyOfName } from '../../../shared/org/bodies.js'
import { roleTitle } from '../../../shared/org/roles.js'

describe('signing authority by the body that issues (DOMAIN.md §2, 36-HD/VPTW)', () => {
  it('has the inspection commission sign on behalf as a collective, its deputy chair K/T the chair', () => {
    expect(signingTitle('inspection-commission', 'secretary')).toBe('T/M ỦY BAN KIỂM TRA\nCHỦ NHIỆM')
    expect(signingTitle('inspection-commission', 'deputy-secretary')).toBe('K/T CHỦ NHIỆM\nPHÓ CHỦ NHIỆM')
  })

  it('has the head of a board or of the Office sign directly, a deputy K/T, and never writes BÍ THƯ for them', () => {
    expect(signingTitle('advisory-board', 'secretary')).toBe('TRƯỞNG BAN')
    expect(signingTitle('advisory-board', 'deputy-secretary')).toBe('K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN')
    expect(signingTitle('office', 'office-chief')).toBe('CHÁNH VĂN PHÒNG')
    expect(signingTitle('office', 'secretary')).toBe('CHÁNH VĂN PHÒNG')
    expect(signingTitle('office', 'deputy-secretary')).toBe('K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG')
  })

  it('gives the Front and the unions their chair, in the state style they number in; the Youth Union its Bí thư', () => {
    expect(signingTitle('front', 'secretary', 'state', 'Ủy ban MTTQ phường Hoàn Kiếm')).toBe('CHỦ TỊCH')
    expect(signingTitle('socio-political', 'deputy-secretary', 'state', 'Hội Liên hiệp Phụ nữ thành phố Hà Nội')).toBe('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH')
    for (const kind of ['front', 'socio-political'] as const) {
      for (const role of ['secretary', 'deputy-secretary'] as const) expect(signingTitle(kind, role, 'state', 'Hội Nông dân thành phố Hà Nội')).not.toMatch(/BÍ THƯ/)
    }
    expect(signingTitle('socio-political', 'secretary', 'state', 'Thành đoàn Hà Nội')).toBe('TM. BAN THƯỜNG VỤ\nBÍ THƯ')
  })

  it('has the office chief sign a committee\'s document by delegation (T/L)', () => {
    expect(signingTitle('party-committee', 'office-chief')).toBe('T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG')
    expect(authorityLines('committee', 'delegate')).toEqual(['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'])
  })

  it('tells the body from a unit\'s kind, or from the issuing body\'s name alone', () => {
    expect(bodyOf('socio-political', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Hoàn Kiếm')).toBe('youth')
    expect(bodyOf('socio-political', 'Liên đoàn Lao động thành phố Hà Nội')).toBe('front')
    expect(['BAN TỔ CHỨC', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'VĂN PHÒNG', 'ỦY BAN KIỂM TRA', 'THÀNH ỦY', 'BAN THƯỜNG VỤ', 'CHI BỘ KHU PHỐ HÀNG BẠC', 'ỦY BAN MẶT TRẬN TỔ QUỐC'].map(bodyOfName))
      .toEqual(['board', 'board', 'office', 'inspection', 'committee', 'committee', 'cell', 'front'])
  })
})

describe('titles of people follow their unit', () => {
  it('calls a board\'s deputy head "Phó Trưởng ban", never "Phó Bí thư"', () => {
    expect(roleTitle('deputy-secretary', 'advisory-board')).toEqual({ vi: 'Phó Trưởng ban', en: 'Deputy head of the board' })
    expect(roleTitle('secretary', 'advisory-board').vi).toBe('Trưởng ban')
    expect(roleTitle('deputy-secretary', 'office').vi).toBe('Phó Chánh Văn phòng')
    expect(roleTitle('secretary', 'inspection-commission').vi).toBe('Chủ nhiệm')
    expect(roleTitle('deputy-secretary', 'front').vi).toBe('Phó Chủ tịch')
    expect(roleTitle('deputy-secretary', 'party-committee').vi).toBe('Phó Bí thư')
    expect(roleTitle('clerk', 'advisory-board').vi).toBe('Văn thư')
    expect(roleTitle('deputy-secretary', undefined).vi).toBe('Phó Bí thư')
  })
})
