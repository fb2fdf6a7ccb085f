/**
 * Reading Party members from a cell's spreadsheet (the lists cells keep):
 * Vietnamese headers in any case or accent, dates as dd/mm/yyyy, fee
 * categories by their Vietnamese names, amounts in đồng ("12.000.000").
 * Pure: rows of cells → CreateMemberBody or row errors with message keys.
 */
import { fold, normaliseHeader } from '../text/fold.js'
import { mapHeader, parseDate, type Cell, type MappedRow, type RowError } from '../org/import.js'
import { CreateMemberBody } from './contracts.js'
import { FEE_CATEGORY_NAMES, type FeeCategory } from './fees.js'

const col = (key: string, header: string, required: boolean, ...aliases: string[]) => ({ key, header, required, aliases: [normaliseHeader(header), ...aliases] })

export const MEMBER_COLUMNS = [
  col('fullName', 'Họ và tên', true, 'ho ten'),
  col('cardNumber', 'Số thẻ đảng viên', true, 'so the', 'so the dang'),
  col('recordNumber', 'Số lý lịch', true, 'so ly lich dang vien', 'so ll'),
  col('admissionDate', 'Ngày vào Đảng', true, 'ngay vao dang', 'ngay ket nap'),
  col('officialDate', 'Ngày chính thức', false, 'ngay chinh thuc'),
  col('birthDate', 'Ngày sinh', false),
  col('cellId', 'Chi bộ', true, 'ma chi bo', 'ma don vi'),
  col('category', 'Đối tượng đóng đảng phí', true, 'doi tuong', 'doi tuong dang phi'),
  col('income', 'Mức lương tính đảng phí', false, 'muc luong', 'luong', 'luong huu', 'tien luong dong bhxh'),
  col('workplace', 'Nơi công tác', false),
  col('residence', 'Nơi cư trú', false, 'dia chi'),
  col('phone', 'Điện thoại', false, 'so dien thoai', 'sdt'),
  col('email', 'Email', false),
  col('username', 'Tên đăng nhập', false, 'tai khoan'),
]
export { mapHeader }

const CATEGORY_ALIASES: Record<string, FeeCategory> = {
  'huong luong': 'insured', 'can bo cong chuc': 'insured', 'bhxh': 'insured', 'nghi om': 'leave-benefit', 'thai san': 'leave-benefit',
  'huu tri': 'pensioner', 'luong huu': 'pensioner', 'sinh vien': 'student', 'hoc sinh': 'student', 'hoc sinh sinh vien': 'student', 'khac': 'other',
}
function category(v: Cell): string {
  const f = fold(String(v ?? ''))
  for (const [id, names] of Object.entries(FEE_CATEGORY_NAMES)) if (id === f || fold(names.vi) === f || fold(names.en) === f) return id
  return CATEGORY_ALIASES[f] ?? f
}
/** "12.000.000", "12 000 000 đ", 12000000 → 12000000; anything else stays as text (and fails validation). */
function amount(v: Cell): number | string | undefined {
  if (typeof v === 'number') return v
  const s = String(v ?? '').trim()
  if (!s) return undefined
  const digits = s.replace(/\s*(đ|d|vnd|đồng)$/i, '').replace(/[.\s]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : s
}
const text = (v: Cell): string | undefined => { const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').trim(); return s || undefined }

export function mapMemberRow(cells: Cell[], index: Map<string, number>, row: number, month: string): MappedRow<CreateMemberBody> {
  const get = (k: string): Cell => (index.has(k) ? cells[index.get(k)!] : undefined)
  const income = amount(get('income'))
  const raw = {
    fullName: text(get('fullName')), cardNumber: text(get('cardNumber'))?.replace(/\s/g, ''), recordNumber: text(get('recordNumber')),
    admissionDate: parseDate(get('admissionDate')), officialDate: parseDate(get('officialDate')), birthDate: parseDate(get('birthDate')),
    cellId: text(get('cellId'))?.toLowerCase(), workplace: text(get('workplace')), residence: text(get('residence')), phone: text(get('phone')),
    email: text(get('email')), username: text(get('username'))?.toLowerCase(),
    fee: { category: category(get('category')), incomes: income === undefined ? [] : [{ from: month, amount: income }] },
  }
  const parsed = CreateMemberBody.safeParse(JSON.parse(JSON.stringify(raw)))
  if (parsed.success) return { row, value: parsed.data, errors: [] }
  return {
    row,
    errors: parsed.error.issues.map((i): RowError => {
      const path = i.path.map(String)
      const column = path[0] === 'fee' ? (path[1] === 'incomes' ? 'income' : 'category') : path[0]
      if (typeof i.message === 'string' && i.message.startsWith('field.')) return { column, code: i.message }
      if (i.code === 'invalid_type') return { column, code: 'field.required' }
      if (i.code === 'invalid_value') return { column, code: 'field.invalidValue' }
      return { column, code: 'field.invalidFormat' }
    }),
  }
}
