import { describe, expect, it } from 'vitest'
import { type Cell, UNIT_COLUMNS, USER_COLUMNS, columnHeader, mapHeader, mapUnitRow, mapUserRow, parseDate } from '../../../shared/org/import.js'

const UNIT_HEADER = ['Mã định danh', 'Mã ký hiệu', 'Tên đơn vị', 'Cấp', 'Loại', 'Đơn vị cấp trên', 'Ngày thành lập']
const USER_HEADER = ['STT', 'Họ và tên', 'Tên đăng nhập', 'Email', 'Điện thoại', 'Đơn vị', 'Chức vụ', 'Vai trò', 'Mức mật', 'Xác thực 2 lớp']

const unitRow = (cells: Cell[]) => mapUnitRow(cells, mapHeader(UNIT_HEADER, UNIT_COLUMNS).index, 2)
const userRow = (cells: Cell[]) => mapUserRow(cells, mapHeader(USER_HEADER, USER_COLUMNS).index, 2)
const columnsWithErrors = (r: { errors: { column?: string; code: string }[] }) => r.errors.map((e) => [e.column, e.code])

describe('mapHeader', () => {
  it('finds columns written in capitals, without accents, or with a "(*)" mark', () => {
    // Prepare
    const header = ['TÊN ĐƠN VỊ (*)', 'ma dinh danh', 'Mã Ký Hiệu', 'CẤP', 'loai', 'Đơn vị cấp trên']

    // Act
    const { index, missing } = mapHeader(header, UNIT_COLUMNS)

    // Assess
    expect(missing).toEqual([])
    expect(Object.fromEntries(index)).toEqual({ name: 0, unitId: 1, code: 2, level: 3, kind: 4, parentId: 5 })
  })

  it('ignores extra columns such as a row number and accepts known aliases', () => {
    const { index, missing } = mapHeader(['STT', 'Ghi chú', 'Mã đơn vị', 'Ký hiệu', 'Tên', 'Cấp', 'Loại hình', 'Mã đơn vị cấp trên', 'Từ ngày'], UNIT_COLUMNS)

    expect(missing).toEqual([])
    expect(Object.fromEntries(index)).toEqual({ unitId: 2, code: 3, name: 4, level: 5, kind: 6, parentId: 7, validFrom: 8 })
  })

  it('lists the missing required columns by their Vietnamese header, not the optional ones', () => {
    // Act
    const { missing } = mapHeader(['Mã định danh', 'Tên đơn vị', 'Cấp'], UNIT_COLUMNS)

    // Assess: "Ngày thành lập" is optional
    expect(missing).toEqual(['Mã ký hiệu', 'Loại', 'Đơn vị cấp trên'])
  })

  it('uses the first of two columns with the same meaning', () => {
    const { index } = mapHeader(['Họ và tên', 'Họ tên', 'Tài khoản', 'Đơn vị', 'Vai trò'], USER_COLUMNS)

    expect(index.get('fullName')).toBe(0)
  })

  it('copes with empty and non-text header cells', () => {
    const { index, missing } = mapHeader([null, undefined, 1, 'Họ và tên', 'Tên đăng nhập', 'Đơn vị', 'Vai trò'], USER_COLUMNS)

    expect(missing).toEqual([])
    expect(index.get('fullName')).toBe(3)
  })
})

describe('mapUnitRow', () => {
  it('turns Vietnamese level and kind names and a dd/mm/yyyy date into a request body', () => {
    // Act
    const result = unitRow(['P-HANGTRONG', 'ĐU', 'Đảng ủy phường Hàng Trống', 'Xã/Phường', 'Cấp ủy', 'hn-tu', '01/07/2025'])

    // Assess
    expect(result).toEqual({
      row: 2, errors: [],
      value: { unitId: 'p-hangtrong', code: 'ĐU', name: 'Đảng ủy phường Hàng Trống', level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2025-07-01' },
    })
  })

  it('reads "Chi bộ" as both the cell level and the cell kind, and accepts aliases like "Đảng ủy" or "Phường"', () => {
    const cell = unitRow(['cb-1', 'CB', 'Chi bộ tổ dân phố số 1', 'Chi bộ', 'Chi bộ', 'p-a', ''])
    const ward = unitRow(['p-b', 'ĐU', 'Đảng ủy phường B', 'Phường', 'ĐẢNG ỦY', 'hn-tu', ''])

    expect(cell.value).toMatchObject({ level: 'cell', kind: 'cell' })
    expect(cell.value?.validFrom).toBeUndefined()
    expect(ward.value).toMatchObject({ level: 'commune', kind: 'party-committee' })
  })

  it('reports each bad value under its column key', () => {
    // Act
    const result = unitRow(['cb-1', 'cb', 'X', 'Hành tinh', 'Câu lạc bộ', 'P A', '31/02/2026'])

    // Assess
    expect(result.value).toBeUndefined()
    expect(columnsWithErrors(result)).toEqual([
      ['code', 'field.invalidFormat'],
      ['name', 'field.tooShort'],
      ['level', 'field.invalidValue'],
      ['kind', 'field.invalidValue'],
      ['parentId', 'field.invalidFormat'],
      ['validFrom', 'field.invalidDate'],
    ])
  })

  it('gives the minimum length with a too-short name, so the message can say it', () => {
    const result = unitRow(['cb-1', 'CB', 'X', 'Chi bộ', 'Chi bộ', 'p-a', ''])

    expect(result.errors).toEqual([{ column: 'name', code: 'field.tooShort', params: { min: 2 } }])
  })

  it('reports an empty required cell as required', () => {
    const result = unitRow(['cb-1', 'CB', '', 'Chi bộ', 'Chi bộ', 'p-a', ''])

    expect(result.errors).toEqual([{ column: 'name', code: 'field.required' }])
  })
})

describe('mapUserRow', () => {
  it('reads Vietnamese role, clearance and "Có" for two-factor sign-in', () => {
    // Act
    const result = userRow([1, 'Trịnh Văn Đức', 'Duc.Tv', 'duc@hoankiem.vn', '0912 345 678', 'P-HOANKIEM', 'Bí thư chi bộ', 'Bí thư', 'Nội bộ', 'Có'])

    // Assess
    expect(result.errors).toEqual([])
    expect(result.value).toEqual({
      fullName: 'Trịnh Văn Đức', username: 'duc.tv', email: 'duc@hoankiem.vn', phone: '0912 345 678',
      clearance: 'internal', mfa: true,
      assignments: [{ unitId: 'p-hoankiem', role: 'secretary', position: 'Bí thư chi bộ' }],
    })
  })

  it('tells "Phó Bí thư" from "Bí thư" and reads "Kiểm tra viên" and "Mật"', () => {
    const deputy = userRow([1, 'Lê Văn B', 'le.b', '', '', 'p-a', '', 'Phó Bí thư', 'Mật', 'Không'])
    const inspector = userRow([2, 'Lê Văn C', 'le.c', '', '', 'p-a', '', 'Kiểm tra viên', '', ''])

    expect(deputy.value).toMatchObject({ clearance: 'confidential', mfa: false, assignments: [{ role: 'deputy-secretary' }] })
    expect(inspector.value).toMatchObject({ clearance: 'internal', mfa: false, assignments: [{ role: 'inspector' }] })
  })

  it('reads the titles of boards, the inspection commission and the Front as the head and deputy roles', () => {
    const role = (title: string) => userRow([1, 'Lê Văn B', 'le.b', '', '', 'hn-btctu', '', title, '', '']).value?.assignments[0].role
    expect(['Trưởng ban', 'Phó Trưởng ban', 'Chủ nhiệm', 'Phó Chủ nhiệm', 'Chủ tịch', 'Phó Chủ tịch', 'Phó Chánh Văn phòng'].map(role))
      .toEqual(['secretary', 'deputy-secretary', 'secretary', 'deputy-secretary', 'secretary', 'deputy-secretary', 'deputy-secretary'])
  })

  it('reports bad values under their column keys, unit and role together', () => {
    // Act
    const result = userRow([1, 'A', 'a b', 'not-an-email', '12', 'p-a', '', 'Thủ quỹ', 'Siêu mật', 'Không'])

    // Assess
    expect(result.value).toBeUndefined()
    expect(columnsWithErrors(result)).toEqual([
      ['username', 'field.invalidFormat'],
      ['fullName', 'field.tooShort'],
      ['email', 'field.invalidEmail'],
      ['phone', 'field.invalidFormat'],
      ['clearance', 'field.invalidValue'],
      ['unitId/role', 'field.invalidValue'],
    ])
  })

  it('reports a missing unit under the unit/role column', () => {
    const result = userRow([1, 'Lê Văn B', 'le.b', '', '', '', '', 'Bí thư', '', ''])

    expect(columnsWithErrors(result)).toEqual([['unitId/role', 'field.invalidFormat']])
    expect(columnHeader(USER_COLUMNS, 'unitId/role')).toBe('Đơn vị / Vai trò')
  })
})

describe('parseDate', () => {
  it.each<[Cell, string | undefined]>([
    ['05/01/2026', '2026-01-05'],
    ['5/1/2026', '2026-01-05'],
    ['5-1-2026', '2026-01-05'],
    ['05.01.2026', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    [' 2026-01-05 ', '2026-01-05'],
    [new Date('2026-01-05T00:00:00Z'), '2026-01-05'],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    [new Date('not a date'), undefined],
  ])('reads %j as %j', (cell, expected) => {
    expect(parseDate(cell)).toBe(expected)
  })

  it('reads the day first, as Vietnamese offices write dates', () => {
    expect(parseDate('02/03/2026')).toBe('2026-03-02')
  })

  it('passes text that is not a date through, so validation reports it', () => {
    expect(parseDate('hôm qua')).toBe('hôm qua')
  })
})
