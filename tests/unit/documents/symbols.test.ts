import { describe, expect, it } from 'vitest'
import { canonical, canonicalise, parseSymbol, symbolKey, textKey, SYMBOL_REASONS } from '../../../shared/documents/symbols.js'
import { MESSAGES, translate } from '../../../shared/i18n/messages.js'

describe('number and symbol: every example form reads to the canonical symbol', () => {
  it.each([
    // DOMAIN.md examples, already canonical
    ['57-NQ/TW', '57-NQ/TW'], ['204-QĐ/TW', '204-QĐ/TW'], ['42-CT/TU', '42-CT/TU'], ['8258-QĐ/TU', '8258-QĐ/TU'],
    ['18-NQ/TU', '18-NQ/TU'], ['36-HD/VPTW', '36-HD/VPTW'], ['06-CTr/TU', '06-CTr/TU'], ['219-CV/ĐU', '219-CV/ĐU'],
    ['09-QC/TW', '09-QC/TW'], ['141-CV/VPTW/nb', '141-CV/VPTW/nb'], ['19-QĐi/TU', '19-QĐi/TU'], ['01-QĐ/TW', '01-QĐ/TW'],
    // messy input from the issue and from registers kept by hand
    ['57/NQ-TW', '57-NQ/TW'], ['57 NQ TW', '57-NQ/TW'], ['57NQTW', '57-NQ/TW'], ['  57 - NQ / TW ', '57-NQ/TW'],
    ['Số 09 KH/ĐU', '09-KH/ĐU'], ['số: 09-KH/ĐU', '09-KH/ĐU'], ['SỐ 9 kh đu', '09-KH/ĐU'], ['9-KH/DU', '09-KH/ĐU'],
    ['6-Ctr/TU', '06-CTr/TU'], ['06-CTR/TU', '06-CTr/TU'], ['204-QD/TW', '204-QĐ/TW'], ['19-QDi/TU', '19-QĐi/TU'],
    ['141-CV/VPTW/NB', '141-CV/VPTW/nb'], ['1-QĐ/TW', '01-QĐ/TW'], ['57–NQ/TW', '57-NQ/TW'], ['12/QĐ-HU', '12-QĐ/HU'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalise(input)).toBe(expected)
  })

  it('recognises the old state style and keeps it: "724/HD-TCQT", "30/2020/NĐ-CP"', () => {
    // Act
    const old = parseSymbol('724/HD-TCQT')
    const decree = parseSymbol('Số: 30/2020/NĐ-CP')

    // Assess
    expect(old).toEqual({ ok: true, symbol: { style: 'state', number: 724, type: 'HD', issuer: 'TCQT' } })
    expect(decree.ok && canonical(decree.symbol)).toBe('30/2020/NĐ-CP')
    expect(decree.ok && decree.symbol).toMatchObject({ style: 'state', year: 2020, type: 'NĐ', issuer: 'CP' })
  })

  it('writes "/TYPE-ISSUER" of a known Party issuer the Party way (57/NQ-TW is 57-NQ/TW), of another issuer the state way', () => {
    expect(parseSymbol('57/NQ-TW')).toMatchObject({ ok: true, symbol: { style: 'party' } })
    expect(parseSymbol('5/KH-MTTQ')).toMatchObject({ ok: true, symbol: { style: 'state', issuer: 'MTTQ' } })
  })

  it('keeps historic district issuers (QU, HU) valid for look-ups', () => {
    expect(canonicalise('125-QĐ/QU')).toBe('125-QĐ/QU')
    expect(canonicalise('7 tb hu')).toBe('07-TB/HU')
  })

  it('accepts issuing bodies it does not know, in capitals (BTGDVTU)', () => {
    expect(canonicalise('12-KH/btgdvtu')).toBe('12-KH/BTGDVTU')
  })
})

describe('number and symbol: rejections say why', () => {
  it.each([
    ['', 'symbol.empty'],
    ['Số', 'symbol.empty'],
    ['NQ/TW', 'symbol.noNumber'],
    ['0-NQ/TW', 'symbol.badNumber'],
    ['12345678-NQ/TW', 'symbol.badNumber'],
    ['57', 'symbol.noType'],
    ['57-XYZ/TW', 'symbol.unknownType'],
    ['57-NQ', 'symbol.noIssuer'],
    ['57-NQ/T@W', 'symbol.unparseable'],
    ['57-NQ/TW/nb/x', 'symbol.unparseable'],
    ['57-NQ/TW/n-b', 'symbol.unparseable'],
    ['30/1850/NĐ-CP', 'symbol.badYear'],
    ['57-NQ/ABCDEFGHIJKLMN', 'symbol.badIssuer'],
  ])('%j → %s', (input, reason) => {
    const parsed = parseSymbol(input)

    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.reason).toBe(reason)
  })

  it('names the unknown type in the message, in both languages', () => {
    const parsed = parseSymbol('57-XYZ/TW')
    if (parsed.ok) throw new Error('expected a rejection')

    expect(translate(parsed.reason, 'vi', parsed.params)).toBe('Không có loại văn bản viết tắt “XYZ” trong danh mục.')
    expect(translate(parsed.reason, 'en', parsed.params)).toBe('“XYZ” is not a known document type code.')
  })

  it('has a Vietnamese and an English message for every rejection reason', () => {
    expect(SYMBOL_REASONS.filter((r) => !MESSAGES[r]?.vi || !MESSAGES[r]?.en)).toEqual([])
  })
})

describe('symbol keys: every form of one symbol searches the same', () => {
  it('gives one key to the messy forms and the canonical one', () => {
    const keys = ['57-NQ/TW', '57/NQ-TW', '57 NQ TW', 'Số 57 nq/tw'].map((s) => {
      const p = parseSymbol(s)
      return p.ok ? symbolKey(p.symbol) : s
    })

    expect(new Set(keys)).toEqual(new Set(['57nqtw']))
  })

  it('ignores leading zeros, and folds Đ in fragments', () => {
    const p = parseSymbol('09-KH/ĐU')

    expect(p.ok && symbolKey(p.symbol)).toBe('9khdu')
    expect(textKey('KH/ĐU')).toBe('khdu')
    expect(textKey('Số 09 KH')).toBe('9kh')
  })
})
