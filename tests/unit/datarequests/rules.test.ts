import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors/index.js'
import { translate } from '../../../shared/i18n/messages.js'
import type { DataAnswer, Indicator } from '../../../shared/datarequests/contracts.js'
import { checkAnswer, checkForm, consolidate, matches, parseFigure } from '../../../shared/datarequests/rules.js'
import { readAnswerRows } from '../../../functions/datarequests/usecases/files.js'

const ind = (code: string, type: Indicator['type'], extra: Partial<Indicator> = {}): Indicator => ({ code, name: `Chỉ tiêu ${code}`, unit: type === 'percent' ? '%' : 'người', type, optional: false, ...extra })
const FORM = [ind('1', 'integer', { totalOf: ['1.1', '1.2'] }), ind('1.1', 'integer'), ind('1.2', 'integer'), ind('2', 'percent'), ind('3', 'text', { optional: true })]
const codes = (fn: () => unknown) => { try { fn(); return [] } catch (e) { return (e as ValidationError).issues.map((i) => i.code) } }

describe('the form', () => {
  it('refuses a total of itself, of an unknown code, over text, and a circle of totals', () => {
    expect(codes(() => checkForm([ind('A', 'integer', { totalOf: ['A'] })], '2026-01-01', '2026-03-31'))).toEqual(['datarequest.totalOfItself'])
    expect(codes(() => checkForm([ind('A', 'integer', { totalOf: ['Z'] })], '2026-01-01', '2026-03-31'))).toEqual(['datarequest.totalUnknownPart'])
    expect(codes(() => checkForm([ind('A', 'integer', { totalOf: ['B'] }), ind('B', 'text')], '2026-01-01', '2026-03-31'))).toEqual(['datarequest.totalNotNumeric'])
    expect(codes(() => checkForm([ind('A', 'integer', { totalOf: ['B'] }), ind('B', 'integer', { totalOf: ['A'] })], '2026-01-01', '2026-03-31'))).toEqual(['datarequest.totalCycle'])
    expect(codes(() => checkForm([ind('A', 'integer'), ind('A', 'number')], '2026-04-01', '2026-03-31'))).toEqual(['datarequest.periodReversed', 'datarequest.duplicateCode'])
    expect(codes(() => checkForm(FORM, '2026-01-01', '2026-03-31'))).toEqual([])
  })
})

describe('an answer', () => {
  it('keeps a complete, consistent answer (optional text may be missing)', () => {
    expect(checkAnswer(FORM, { '1': 10, '1.1': 6, '1.2': 4, '2': 99.5 })).toEqual({ '1': 10, '1.1': 6, '1.2': 4, '2': 99.5, '3': null })
  })
  it('names every wrong value: missing, not a number, not whole, a percentage over 100, an unknown code', () => {
    expect(codes(() => checkAnswer(FORM, { '1': 10, '1.1': '6', '1.2': 4.5, '2': 100.1, X: 1 }))).toEqual([
      'datarequest.unknownIndicator', 'datarequest.valueNotNumber', 'datarequest.valueNotInteger', 'datarequest.valueOutOfRange',
    ])
    expect(codes(() => checkAnswer(FORM, { '1.1': 6, '1.2': 4, '2': 1 }))).toEqual(['datarequest.valueMissing'])
  })
  it('refuses totals that do not add up, with both figures in the message', () => {
    try { checkAnswer(FORM, { '1': 11, '1.1': 6, '1.2': 4, '2': 1 }); expect.unreachable() } catch (e) {
      const issue = (e as ValidationError).issues[0]
      expect(translate(issue.code, 'vi', issue.params)).toBe('Chỉ tiêu "Chỉ tiêu 1" = 11 nhưng tổng Chỉ tiêu 1.1 + Chỉ tiêu 1.2 = 10: số liệu không khớp.')
    }
    expect(codes(() => checkAnswer([ind('T', 'number', { totalOf: ['a', 'b'] }), ind('a', 'number'), ind('b', 'number')], { T: 0.3, a: 0.1, b: 0.2 }))).toEqual([])
  })
})

describe('figures as spreadsheets write them', () => {
  it('reads Vietnamese and English number formats, refuses words', () => {
    expect([1234.5, '1.234,5', '1 234,5', '12,5%', '1,234.5', '-3', '1.234.567'].map(parseFigure)).toEqual([1234.5, 1234.5, 1234.5, 12.5, 1234.5, -3, 1234567])
    expect(['abc', '', '1,2,3'].map(parseFigure)).toEqual([undefined, undefined, undefined])
  })
})

describe('an uploaded answer, row by row', () => {
  const header = ['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Kiểu', 'Giá trị']
  it('reports each bad row with its number and what is wrong; a missing row is named', () => {
    const rows = [['Tiêu đề'], [], header, ['1', 'x', 'người', '', 10], ['1.1', 'x', 'hộ', '', 6], ['2', 'x', '%', '', 'nhiều'], ['9', 'x', '', '', 1]]
    const { report } = readAnswerRows(FORM, rows, 'vi')
    expect(report.rows.filter((r) => !r.ok).map((r) => [r.row, r.code, r.errors.map((e) => e.code)])).toEqual([
      [5, '1.1', ['datarequest.unitMismatch']], [6, '2', ['datarequest.valueNotNumber']], [7, '9', ['datarequest.unknownIndicator']], [0, '1.2', ['datarequest.missingRow']],
    ])
  })
  it('puts a total that does not add up on the total\'s row', () => {
    const rows = [header, ['1', 'x', 'người', '', 11], ['1.1', 'x', 'người', '', 6], ['1.2', 'x', 'người', '', '4'], ['2', 'x', '%', '', '50%']]
    const { report, values } = readAnswerRows(FORM, rows, 'en')
    expect(values).toEqual({ '1': 11, '1.1': 6, '1.2': 4, '2': 50 })
    expect(report.rows.filter((r) => !r.ok).map((r) => [r.row, r.errors[0].code])).toEqual([[2, 'datarequest.totalMismatch']])
  })
})

describe('the consolidated table', () => {
  const answer = (unitId: string, values: DataAnswer['values'], answeredOn: string): DataAnswer => ({
    requestId: 'r', unitId, values, via: 'form', answeredBy: { userId: 'u', fullName: 'Người gửi' }, firstAnsweredAt: `${answeredOn}T01:00:00Z`, answeredAt: `${answeredOn}T01:00:00Z`, answeredOn, version: 1,
  })
  it('sums what adds up, averages percentages, tells on-time, late and pending apart', () => {
    const names: Record<string, string> = { a: 'Phường Ân', b: 'Phường Bình', c: 'Phường Cát', d: 'Phường Dương' }
    const r = { deadline: '2026-03-10', indicators: FORM, recipientUnitIds: ['d', 'c', 'b', 'a'] }
    const t = consolidate(r, [answer('a', { '1': 10, '1.1': 6, '1.2': 4, '2': 50, '3': null }, '2026-03-09'), answer('b', { '1': 5, '1.1': 5, '1.2': 0, '2': 100, '3': 'x' }, '2026-03-11')], (id) => names[id], '2026-03-12')
    expect(t.rows.map((x) => [x.unitName, x.status, x.onTime])).toEqual([['Phường Ân', 'answered', true], ['Phường Bình', 'answered', false], ['Phường Cát', 'late', undefined], ['Phường Dương', 'late', undefined]])
    expect(t.totals.map((x) => [x.code, x.kind, x.value])).toEqual([['1', 'sum', 15], ['1.1', 'sum', 11], ['1.2', 'sum', 4], ['2', 'average', 75]])
    expect(t.counts).toEqual({ recipients: 4, answered: 2, onTime: 1, late: 2, pending: 0 })
    expect(t.onTimeShare).toBe(0.25)
  })
})

describe('search', () => {
  it('matches title, description and indicator names without diacritics or case', () => {
    const r = { title: 'Số liệu chuyển đổi số', description: 'Phục vụ Nghị quyết 57', indicators: FORM }
    expect(['chuyen doi', 'NGHI QUYET 57', 'chi tieu 1.2', 'Số liệu'].map((q) => matches(r, q))).toEqual([true, true, true, true])
    expect(matches(r, 'dan so')).toBe(false)
  })
})
