import { describe, expect, it } from 'vitest'
import { counterScope, dateLine, issuedSymbol, numberLine, numberingStyle, placeOf, termOn, type IssuingUnit } from '../../../shared/documents/numbering.js'
import { canonical } from '../../../shared/documents/symbols.js'
import { signingTitle } from '../../../shared/documents/authority.js'

const cityCommittee: IssuingUnit = { unitId: 'hn-tu', code: 'TU', level: 'city', kind: 'party-committee', validFrom: '1946-01-01' }
const ward: IssuingUnit = { unitId: 'p-hoankiem', code: 'ĐU', level: 'commune', kind: 'party-committee', validFrom: '2025-07-01' }
const front: IssuingUnit = { unitId: 'hn-mttq', code: 'MTTQ', level: 'city', kind: 'front', validFrom: '1955-01-01' }

describe('numbering scopes', () => {
  it('numbers Party documents per issuer, type and Party committee term', () => {
    // Act
    const resolutionBefore = counterScope(cityCommittee, 'NQ', '2025-10-18')
    const resolutionAfter = counterScope(cityCommittee, 'NQ', '2025-10-19')
    const decision = counterScope(cityCommittee, 'QĐ', '2025-10-19')

    // Assess: the XVIII congress closed on 18 October 2025, the new series starts the day after
    expect(resolutionBefore.key).toBe('party|NQ|XVII (2020-2025)')
    expect(resolutionAfter.key).toBe('party|NQ|XVIII (2025-2030)')
    expect(decision.key).not.toBe(resolutionAfter.key)
    expect(resolutionAfter.label).toBe('NQ, nhiệm kỳ XVIII (2025-2030)')
  })

  it('takes a unit\'s term from its level when it has none of its own (new wards: 2025-2030 from 1 July 2025)', () => {
    expect(termOn(ward, '2026-01-05')).toBe('2025-2030')
    expect(counterScope(ward, 'CV', '2026-01-05').key).toBe('party|CV|2025-2030')
  })

  it('numbers state-style units (Fatherland Front, socio-political organisations) in one series per calendar year', () => {
    expect(numberingStyle('front')).toBe('state')
    expect(numberingStyle('socio-political')).toBe('state')
    expect(counterScope(front, 'KH', '2026-03-01').key).toBe('state|2026')
    expect(counterScope(front, 'TB', '2026-12-31').key).toBe('state|2026')
    expect(counterScope(front, 'TB', '2027-01-01').key).toBe('state|2027')
  })

  it('accepts terms as data: another table gives another series', () => {
    const terms = [{ appliesTo: { unitId: 'p-hoankiem' }, term: 'I (2025-2030)', from: '2025-08-20', certainty: 'V' as const }]

    expect(counterScope(ward, 'NQ', '2025-09-01', terms).key).toBe('party|NQ|I (2025-2030)')
  })
})

describe('the number and date lines', () => {
  it('writes the number line without a colon for Party documents, numbers with at least two digits', () => {
    expect(numberLine(issuedSymbol(cityCommittee, 'NQ', 5))).toBe('Số 05-NQ/TU')
    expect(numberLine(issuedSymbol(ward, 'CV', 141, 'vp'))).toBe('Số 141-CV/ĐU/vp')
    expect(canonical(issuedSymbol(cityCommittee, 'QĐ', 8258))).toBe('8258-QĐ/TU')
  })

  it('writes the state style with a colon and the type before the issuer', () => {
    expect(numberLine(issuedSymbol(front, 'KH', 7))).toBe('Số: 07/KH-MTTQ')
  })

  it('pads days below 10 and the months January and February, not the others', () => {
    expect(dateLine('Hà Nội', '2026-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2026')
    expect(dateLine('Hà Nội', '2018-04-03')).toBe('Hà Nội, ngày 03 tháng 4 năm 2018')
    expect(dateLine('Hà Nội', '2026-02-28')).toBe('Hà Nội, ngày 28 tháng 02 năm 2026')
    expect(dateLine('Hà Nội', '2026-12-10')).toBe('Hà Nội, ngày 10 tháng 12 năm 2026')
  })

  it('writes the ward as the place for ward-level units, the city otherwise', () => {
    expect(placeOf([{ name: 'Chi bộ khu phố Hàng Bạc', level: 'cell' }, { name: 'Đảng ủy phường Hoàn Kiếm', level: 'commune' }, { name: 'Thành ủy Hà Nội', level: 'city' }])).toBe('Hoàn Kiếm')
    expect(placeOf([{ name: 'Văn phòng Thành ủy', level: 'city' }, { name: 'Thành ủy Hà Nội', level: 'city' }])).toBe('Hà Nội')
  })
})

describe('signing authority', () => {
  it('has a Party committee sign "T/M BAN THƯỜNG VỤ" over the title, never "K/T BÍ THƯ"; an office head signs directly', () => {
    expect(signingTitle('party-committee', 'secretary')).toBe('T/M BAN THƯỜNG VỤ\nBÍ THƯ')
    expect(signingTitle('party-committee', 'deputy-secretary')).toBe('T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ')
    expect(signingTitle('office', 'office-chief')).toBe('CHÁNH VĂN PHÒNG')
    expect(signingTitle('cell', 'secretary')).toBe('T/M CHI BỘ\nBÍ THƯ')
    expect(signingTitle('party-committee', 'clerk')).toBeUndefined()
  })
})
