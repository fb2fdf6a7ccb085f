import { describe, expect, it } from 'vitest'
import { MEMBER_COLUMNS, mapHeader, mapMemberRow } from '../../../shared/members/import.js'

const header = ['HỌ VÀ TÊN', 'Số thẻ đảng viên (*)', 'so ly lich', 'Ngày vào Đảng', 'Chi bộ', 'Đối tượng', 'Mức lương']

describe('reading a cell\'s member list', () => {
  it('finds the columns whatever the case or accents, and reports missing required ones', () => {
    expect(mapHeader(header, MEMBER_COLUMNS).missing).toEqual([])
    expect(mapHeader(['Họ và tên', 'Chi bộ'], MEMBER_COLUMNS).missing).toEqual(['Số thẻ đảng viên', 'Số lý lịch', 'Ngày vào Đảng', 'Đối tượng đóng đảng phí'])
  })

  it('reads dates dd/mm/yyyy, categories by Vietnamese name, amounts with thousands dots', () => {
    const { index } = mapHeader(header, MEMBER_COLUMNS)
    const r = mapMemberRow(['Nguyễn Văn An', '0102 0304 0506', 'HN-1', '19/05/2010', 'P-HOANKIEM-CB-HANGBAC', 'Hưu trí', '8.500.000 đ'], index, 2, '2026-05')
    expect(r.errors).toEqual([])
    expect(r.value).toMatchObject({ fullName: 'Nguyễn Văn An', cardNumber: '010203040506', admissionDate: '2010-05-19', cellId: 'p-hoankiem-cb-hangbac', fee: { category: 'pensioner', incomes: [{ from: '2026-05', amount: 8_500_000 }] } })
  })

  it('names the column of each problem: a card with letters, an unknown category, an amount in words', () => {
    const { index } = mapHeader(header, MEMBER_COLUMNS)
    const r = mapMemberRow(['Nguyễn Văn An', 'AB12', 'HN-1', '31/02/2010', 'p-x', 'Nông dân', 'tám triệu'], index, 3, '2026-05')
    expect(r.value).toBeUndefined()
    expect(r.errors.map((e) => e.column).sort()).toEqual(['admissionDate', 'cardNumber', 'category', 'income'])
  })
})
