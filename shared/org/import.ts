/**
 * Reading units and users from an office spreadsheet: Vietnamese headers in
 * any case or accent ("Tên đơn vị", "TEN DON VI"), Vietnamese values for
 * levels, kinds, roles and clearances, dates as dd/mm/yyyy. Pure: turns rows
 * of cells into request bodies or row errors with message keys.
 */
import { fold, normaliseHeader } from '../text/fold.js'
import { LEVELS, UNIT_KINDS } from './levels.js'
import { CLEARANCE_NAMES, ROLES } from './roles.js'
import { CreateUnitBody, CreateUserBody, type CreateUserBody as UserBody } from './contracts.js'

export type Cell = string | number | boolean | Date | null | undefined
export interface RowError { column?: string; code: string; params?: Record<string, string | number> }
export interface MappedRow<T> { row: number; value?: T; errors: RowError[] }

interface Column { key: string; header: string; aliases: string[]; required: boolean }
const col = (key: string, header: string, required: boolean, ...aliases: string[]): Column =>
  ({ key, header, required, aliases: [normaliseHeader(header), ...aliases] })

export const UNIT_COLUMNS: Column[] = [
  col('unitId', 'Mã định danh', true, 'ma don vi', 'id'),
  col('code', 'Mã ký hiệu', true, 'ky hieu', 'ma viet tat'),
  col('name', 'Tên đơn vị', true, 'ten'),
  col('level', 'Cấp', true, 'cap hanh chinh'),
  col('kind', 'Loại', true, 'loai don vi', 'loai hinh'),
  col('parentId', 'Đơn vị cấp trên', true, 'ma don vi cap tren', 'cap tren'),
  col('validFrom', 'Ngày thành lập', false, 'ngay hieu luc', 'tu ngay'),
]
export const USER_COLUMNS: Column[] = [
  col('fullName', 'Họ và tên', true, 'ho ten'),
  col('username', 'Tên đăng nhập', true, 'tai khoan'),
  col('email', 'Email', false, 'thu dien tu'),
  col('phone', 'Điện thoại', false, 'so dien thoai', 'sdt'),
  col('unitId', 'Đơn vị', true, 'ma don vi', 'ma dinh danh don vi'),
  col('position', 'Chức vụ', false),
  col('role', 'Vai trò', true, 'quyen'),
  col('clearance', 'Mức mật', false, 'muc do mat'),
  col('mfa', 'Xác thực 2 lớp', false, 'xac thuc hai lop', 'mfa'),
]

/** Finds each column in the header row; reports the required ones that are missing. */
export function mapHeader(header: Cell[], columns: Column[]): { index: Map<string, number>; missing: string[] } {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const n = normaliseHeader(String(h ?? ''))
    const c = columns.find((c) => c.aliases.includes(n))
    if (c && !index.has(c.key)) index.set(c.key, i)
  })
  return { index, missing: columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header) }
}

const text = (v: Cell): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim())

/** "05/01/2026", "5-1-2026", "2026-01-05", or a spreadsheet date → "2026-01-05". */
export function parseDate(v: Cell): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10)
  const s = text(v)
  let m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/)
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`
  return s ? s : undefined
}

function lookup(v: Cell, table: Record<string, { vi: string; en: string }>, extra: Record<string, string> = {}): string {
  const f = fold(text(v))
  if (table[f as keyof typeof table]) return f
  for (const [id, names] of Object.entries(table)) if (fold(names.vi) === f || fold(names.en) === f) return id
  return extra[f] ?? text(v)
}

const LEVEL_NAMES = Object.fromEntries(LEVELS.map((l) => [l.id, l.name]))
const LEVEL_ALIASES: Record<string, string> = { tinh: 'city', 'thanh pho': 'city', quan: 'district', huyen: 'district', 'quan huyen': 'district', xa: 'commune', phuong: 'commune', 'xa phuong': 'commune', 'dac khu': 'commune', 'co so': 'grassroots' }
const KIND_ALIASES: Record<string, string> = { 'dang uy': 'party-committee', 'thanh uy': 'party-committee', 'tinh uy': 'party-committee', 'ban': 'advisory-board', 'mat tran': 'front', 'mttq': 'front', 'doan the': 'socio-political', 'to chuc co so dang': 'grassroots-organisation', 'dang bo co so': 'grassroots-organisation', 'chi bo': 'cell' }
// The head's and the deputy's titles in boards, the inspection commission, the Office and the Front are the generic head and deputy roles (shared/org/bodies.ts).
const ROLE_ALIASES: Record<string, string> = {
  'quan tri': 'admin', 'chanh vp': 'office-chief', 'kiem tra': 'inspector',
  'truong ban': 'secretary', 'pho truong ban': 'deputy-secretary', 'chu nhiem': 'secretary', 'pho chu nhiem': 'deputy-secretary',
  'chu tich': 'secretary', 'pho chu tich': 'deputy-secretary', 'pho chanh van phong': 'deputy-secretary', 'pho chanh vp': 'deputy-secretary',
}

type Issue = { path: PropertyKey[]; code: string; message: string; minimum?: unknown; maximum?: unknown }
function issuesOf(error: { issues: Issue[] }): RowError[] {
  return error.issues.map((i): RowError => {
    const column = String(i.path[0] ?? '')
    if (i.message.startsWith('field.')) return { column, code: i.message }
    // Every cell arrives as text or not at all, so a type mismatch means an empty required cell.
    if (i.code === 'invalid_type') return { column, code: 'field.required' }
    if (i.code === 'invalid_value') return { column, code: 'field.invalidValue' }
    if (i.code === 'too_small') return { column, code: 'field.tooShort', params: { min: Number(i.minimum) } }
    if (i.code === 'too_big') return { column, code: 'field.tooLong', params: { max: Number(i.maximum) } }
    return { column, code: 'field.invalidFormat' }
  })
}

export function mapUnitRow(cells: Cell[], index: Map<string, number>, row: number): MappedRow<CreateUnitBody> {
  const get = (k: string): Cell => (index.has(k) ? cells[index.get(k)!] : undefined)
  const raw = {
    unitId: text(get('unitId')).toLowerCase(), code: text(get('code')), name: text(get('name')),
    level: lookup(get('level'), LEVEL_NAMES, LEVEL_ALIASES), kind: lookup(get('kind'), UNIT_KINDS, KIND_ALIASES),
    parentId: text(get('parentId')).toLowerCase(), validFrom: parseDate(get('validFrom')),
  }
  const parsed = CreateUnitBody.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '')))
  return parsed.success ? { row, value: parsed.data, errors: [] } : { row, errors: issuesOf(parsed.error) }
}

export type ImportedUser = UserBody
export function mapUserRow(cells: Cell[], index: Map<string, number>, row: number): MappedRow<ImportedUser> {
  const get = (k: string): Cell => (index.has(k) ? cells[index.get(k)!] : undefined)
  const mfaText = fold(text(get('mfa')))
  const raw = {
    fullName: text(get('fullName')), username: text(get('username')).toLowerCase(),
    email: text(get('email')) || undefined, phone: text(get('phone')) || undefined,
    clearance: text(get('clearance')) ? lookup(get('clearance'), CLEARANCE_NAMES) : undefined,
    mfa: ['co', 'x', 'yes', 'true', '1'].includes(mfaText),
    assignments: [{ unitId: text(get('unitId')).toLowerCase(), role: lookup(get('role'), ROLES, ROLE_ALIASES), position: text(get('position')) || undefined }],
  }
  const parsed = CreateUserBody.safeParse(raw)
  if (parsed.success) return { row, value: parsed.data, errors: [] }
  return { row, errors: issuesOf(parsed.error).map((e) => ({ ...e, column: e.column === 'assignments' ? 'unitId/role' : e.column })) }
}

export function columnHeader(columns: Column[], key: string | undefined): string | undefined {
  if (!key) return undefined
  return columns.find((c) => c.key === key)?.header ?? (key === 'unitId/role' ? 'Đơn vị / Vai trò' : key)
}
