/**
 * Data requests through the embedded platform: the City Committee's
 * secretary sends a form to three wards; a ward's secretary finds it in his
 * work of the day, is reminded, makes mistakes (a percentage over 100, totals
 * that do not add up, a unit not his, a unit not asked) that are refused in
 * vi/en and change nothing, then answers in the form; Ba Đình answers with
 * the XLSX template (a bad file first: the row-by-row report, nothing
 * written); the office searches without diacritics, consolidates, exports
 * XLSX and a sealed PDF (read back with pdftotext), closes the request, and
 * a late answer is refused.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { login, uniq, type Session } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const today = vietnamDate()
const deadline = CALENDAR.addWorkingDays(today, 3)
const INDICATORS = [
  { code: '1', name: 'Tổng số hộ dân trên địa bàn', unit: 'hộ', type: 'integer', totalOf: ['1.1', '1.2'] },
  { code: '1.1', name: 'Số hộ sử dụng Internet cáp quang', unit: 'hộ', type: 'integer' },
  { code: '1.2', name: 'Số hộ chưa có Internet cáp quang', unit: 'hộ', type: 'integer' },
  { code: '2', name: 'Tỷ lệ thanh toán không dùng tiền mặt', unit: '%', type: 'percent' },
  { code: '3', name: 'Giá trị đầu tư hạ tầng số', unit: 'tỷ đồng', type: 'number' },
]

let city: Session
let hoankiem: Session
let badinh: Session
let request: any
const title = `Điều tra hạ tầng số hộ gia đình ${uniq()}`

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

async function uploadXlsx(s: Session, wb: ExcelJS.Workbook): Promise<string> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  const slot = await s.post('/api/datarequests/uploads', { fileName: 'so-lieu.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: bytes.length })
  expect(slot.status).toBe(201)
  const put = await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  return slot.body.objectKey
}

beforeAll(async () => {
  ;[city, hoankiem, badinh] = await Promise.all([login('bithu.tu'), login('bithu.hoankiem'), login('chuyenvien.badinh')])
})

describe('a data request from sending to closing', () => {
  it('is sent to three wards, named by name, and waits in the ward\'s work of the day', async () => {
    // Act
    const sent = await city.post('/api/datarequests', { title, periodFrom: `${today.slice(0, 4)}-01-01`, periodTo: today, deadline, indicators: INDICATORS, recipientUnitIds: ['p-hoankiem', 'p-badinh', 'p-cuanam'], send: true })

    // Assess
    expect(sent.status).toBe(201)
    request = sent.body
    expect(request).toMatchObject({ status: 'sent', ownerUnitName: 'Thành ủy Hà Nội', deadline, counts: { recipients: 3, answered: 0 } })
    expect(request.recipients.map((r: any) => [r.name, r.status])).toEqual([
      ['Đảng ủy phường Ba Đình', 'pending'], ['Đảng ủy phường Cửa Nam', 'pending'], ['Đảng ủy phường Hoàn Kiếm', 'pending'],
    ])
    const work = (await hoankiem.get('/api/me/work')).body.sections.find((s: any) => s.id === 'datarequests.to-answer')
    expect(work.items.find((i: any) => i.title === title)).toMatchObject({
      subtitle: 'Thành ủy Hà Nội → Đảng ủy phường Hoàn Kiếm', href: `/datarequests/${request.requestId}/answers/p-hoankiem`, due: deadline, overdue: false,
    })
    // The ward sees its own unit only, not the others' states.
    const seen = await hoankiem.get(`/api/datarequests/${request.requestId}`)
    expect(seen.body.recipients.map((r: any) => r.name)).toEqual(['Đảng ủy phường Hoàn Kiếm'])
    expect(seen.body.can).toMatchObject({ answer: true, manage: false, consolidate: false })
    expect((await hoankiem.get(`/api/datarequests/${request.requestId}/consolidated`)).status).toBe(404)
  })

  it('reminds the ward that has not answered, in the app', async () => {
    const reminded = await city.post(`/api/datarequests/${request.requestId}/remind`, { unitIds: ['p-hoankiem'] })
    expect(reminded.status).toBe(200)
    expect(reminded.body.lastReminder).toMatchObject({ units: 1, by: { fullName: 'Trần Thị Bình' } })
    const inbox = await hoankiem.get('/api/notifications')
    expect(JSON.stringify(inbox.body)).toContain(`Nhắc gửi số liệu / Reminder: ${title}`)
  })

  it('refuses bad answers with a clear message and writes nothing', async () => {
    const path = `/api/datarequests/${request.requestId}/answers/p-hoankiem`
    const good = { '1': 12000, '1.1': 11000, '1.2': 1000, '2': 64.5, '3': 12.75 }

    const overHundred = await hoankiem.post(path, { values: { ...good, '2': 120 } })
    const notAdding = await hoankiem.post(path, { values: { ...good, '1.2': 900 } }, 'en')
    const fraction = await hoankiem.post(path, { values: { ...good, '1.1': 10999.5, '1.2': 1000.5 } })
    const notMine = await hoankiem.post(`/api/datarequests/${request.requestId}/answers/p-badinh`, { values: good })
    const notAsked = await hoankiem.post(`/api/datarequests/${request.requestId}/answers/p-hoankiem-cb-hangbac`, { values: good })

    expect(overHundred.status).toBe(400)
    expect(overHundred.body.error.issues[0].message).toBe('Chỉ tiêu "Tỷ lệ thanh toán không dùng tiền mặt": giá trị 120 nằm ngoài khoảng 0 – 100.')
    expect(notAdding.status).toBe(400)
    expect(notAdding.body.error.issues[0].message).toBe('Indicator "Tổng số hộ dân trên địa bàn" is 12.000 but Số hộ sử dụng Internet cáp quang + Số hộ chưa có Internet cáp quang add up to 11.900: the figures do not match.')
    expect(fraction.status).toBe(400)
    expect(fraction.body.error.issues.map((i: any) => i.code)).toEqual(['datarequest.valueNotInteger', 'datarequest.valueNotInteger'])
    expect(notMine.status).toBe(403)
    expect(notAsked.status).toBe(404)
    expect((await hoankiem.get(path)).body).toMatchObject({ answer: null, status: 'pending', unitName: 'Đảng ủy phường Hoàn Kiếm' })
    expect((await city.get(`/api/datarequests/${request.requestId}`)).body.counts.answered).toBe(0)

    const answered = await hoankiem.post(path, { values: good })
    expect(answered.status).toBe(200)
    expect(answered.body).toMatchObject({ via: 'form', answeredBy: { fullName: 'Đỗ Minh Hoàng' }, values: good })
    expect((await hoankiem.get('/api/me/work')).body.sections.find((s: any) => s.id === 'datarequests.to-answer')?.items.some((i: any) => i.title === title) ?? false).toBe(false)
  })

  it('takes an answer by XLSX: a file with bad rows is reported row by row and changes nothing; the fixed file is the answer', async () => {
    // Prepare: the ward's template, pre-filled with the form's rows
    const template = await badinh.get(`/api/datarequests/${request.requestId}/answers/p-badinh/template`)
    expect(template.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await download(template.body.url) as never)
    const ws = wb.worksheets[0]
    expect(ws.getCell('A2').value).toBe('Đơn vị gửi số liệu: Đảng ủy phường Ba Đình')
    expect([7, 8, 9, 10, 11].map((r) => ws.getCell(`A${r}`).value)).toEqual(['1', '1.1', '1.2', '2', '3'])
    // The ward fills it in, Vietnamese style, with two mistakes: the investment in "triệu đồng", a share written "abc".
    const fill = (values: unknown[]) => values.forEach((v, n) => { ws.getCell(`E${7 + n}`).value = v as never })
    fill([8000, 7500, 500, 'abc', '2.500,5'])
    ws.getCell('C11').value = 'triệu đồng'
    const bad = await badinh.post(`/api/datarequests/${request.requestId}/answers/p-badinh/import`, { objectKey: await uploadXlsx(badinh, wb) })

    expect(bad.status).toBe(422)
    expect(bad.body.report).toMatchObject({ total: 5, accepted: 0, rejected: 2 })
    expect(bad.body.report.rows.filter((r: any) => !r.ok).map((r: any) => [r.row, r.code, r.errors[0].message])).toEqual([
      [10, '2', 'Chỉ tiêu "Tỷ lệ thanh toán không dùng tiền mặt" cần một con số (nhận được "abc").'],
      [11, '3', 'Chỉ tiêu "Giá trị đầu tư hạ tầng số" tính bằng "tỷ đồng", tệp ghi "triệu đồng": hãy quy đổi về đúng đơn vị tính.'],
    ])
    expect((await badinh.get(`/api/datarequests/${request.requestId}/answers/p-badinh`)).body.answer).toBeNull()

    // Act: fixed
    fill([8000, 7500, 500, '72,5%', '2,5'])
    ws.getCell('C11').value = 'Tỷ đồng'
    const good = await badinh.post(`/api/datarequests/${request.requestId}/answers/p-badinh/import`, { objectKey: await uploadXlsx(badinh, wb) })

    // Assess
    expect(good.status).toBe(200)
    expect(good.body.report).toMatchObject({ total: 5, accepted: 5, rejected: 0 })
    expect(good.body.answer).toMatchObject({ via: 'xlsx', values: { '1': 8000, '1.1': 7500, '1.2': 500, '2': 72.5, '3': 2.5 } })
  })

  it('is found without diacritics, consolidated with totals and exported as XLSX and a sealed PDF', async () => {
    const byTitle = await city.get(`/api/datarequests?view=sent&q=${encodeURIComponent('dieu tra ha tang so')}`)
    const byIndicator = await hoankiem.get(`/api/datarequests?view=received&q=${encodeURIComponent('KHONG DUNG TIEN MAT')}`)
    expect(byTitle.body.requests.map((r: any) => r.title)).toContain(title)
    expect(byIndicator.body.requests.find((r: any) => r.title === title)).toMatchObject({ units: [{ name: 'Đảng ủy phường Hoàn Kiếm', status: 'answered' }] })
    expect((await city.get(`/api/datarequests?view=sent&q=${encodeURIComponent('khong co chi tieu nay')}`)).body.requests.map((r: any) => r.title)).not.toContain(title)

    const table = (await city.get(`/api/datarequests/${request.requestId}/consolidated`)).body
    expect(table.counts).toEqual({ recipients: 3, answered: 2, onTime: 2, late: 0, pending: 1 })
    expect(table.rows.map((r: any) => [r.unitName, r.status, r.values['1']])).toEqual([
      ['Đảng ủy phường Ba Đình', 'answered', 8000], ['Đảng ủy phường Cửa Nam', 'pending', undefined], ['Đảng ủy phường Hoàn Kiếm', 'answered', 12000],
    ])
    expect(table.totals).toEqual([
      { code: '1', kind: 'sum', value: 20000, answered: 2 }, { code: '1.1', kind: 'sum', value: 18500, answered: 2 }, { code: '1.2', kind: 'sum', value: 1500, answered: 2 },
      { code: '2', kind: 'average', value: 68.5, answered: 2 }, { code: '3', kind: 'sum', value: 15.25, answered: 2 },
    ])

    const xlsx = await city.get(`/api/datarequests/${request.requestId}/export?format=xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await download(xlsx.body.url) as never)
    const rows = (wb.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows.at(-1)).toEqual(['Tổng cộng (bình quân với tỷ lệ %)', '', 20000, 18500, 1500, 68.5, 15.25])

    const pdf = await city.get(`/api/datarequests/${request.requestId}/export?format=pdf`)
    expect(pdf.status).toBe(200)
    const file = join(mkdtempSync(join(tmpdir(), 'datareq-')), 'tong-hop.pdf')
    writeFileSync(file, await download(pdf.body.url))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Đảng ủy phường Hoàn Kiếm')
    expect(text).toContain('Đã gửi số liệu: 2/3 đơn vị')
    expect(text).toMatch(/Tổng cộng\s+20\.000\s+18\.500\s+1\.500\s+68,5 \(bq\)\s+15,25/)
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Thành ủy Hà Nội')
  })

  it('once closed takes no answer, and the correction is refused with the reason', async () => {
    const closed = await city.post(`/api/datarequests/${request.requestId}/close`, { version: (await city.get(`/api/datarequests/${request.requestId}`)).body.version })
    expect(closed.body.status).toBe('closed')
    const late = await hoankiem.post(`/api/datarequests/${request.requestId}/answers/p-hoankiem`, { values: { '1': 1, '1.1': 1, '1.2': 0, '2': 1, '3': 1 } })
    expect(late.status).toBe(422)
    expect(late.body.error.message).toBe(`Yêu cầu số liệu "${title}" đã kết thúc, không nhận thêm số liệu.`)
    expect((await hoankiem.get(`/api/datarequests/${request.requestId}/answers/p-hoankiem`)).body.answer.values['1']).toBe(12000)
  })
})

describe('a request that cannot be sent', () => {
  const base = () => ({ title: `Yêu cầu lỗi ${uniq()}`, periodFrom: '2026-01-01', periodTo: '2026-06-30', deadline, indicators: INDICATORS, recipientUnitIds: ['p-cuanam'], send: true })
  it('is refused with a clear message and nothing is listed', async () => {
    const past = await city.post('/api/datarequests', { ...base(), deadline: '2025-12-01' })
    const sunday = await city.post('/api/datarequests', { ...base(), deadline: '2027-01-03' }, 'en')
    const ended = await city.post('/api/datarequests', { ...base(), recipientUnitIds: ['hn-qu-hoankiem'] })
    const outside = await hoankiem.post('/api/datarequests', { ...base(), recipientUnitIds: ['p-badinh'] })
    const badForm = await city.post('/api/datarequests', { ...base(), indicators: [{ code: 'A', name: 'Tổng', unit: 'người', type: 'integer', totalOf: ['B'] }, { code: 'B', name: 'Ghi chú', type: 'text' }] })

    expect(past.status).toBe(422)
    expect(past.body.error.message).toBe(`Hạn gửi số liệu 01/12/2025 đã qua (hôm nay là ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}): hãy chọn một ngày từ hôm nay trở đi.`)
    expect(sunday.status).toBe(422)
    expect(sunday.body.error.message).toBe('03/01/2027 is not a working day; the next working day is 04/01/2027.')
    expect(ended.status).toBe(422)
    expect(ended.body.error.message).toBe('Đơn vị "Quận ủy Hoàn Kiếm" không còn hoạt động, không thể gửi yêu cầu số liệu.')
    expect(outside.status).toBe(403)
    expect(badForm.status).toBe(400)
    expect(badForm.body.error.issues[0].message).toBe('Chỉ tiêu "Ghi chú" không phải số nên không tham gia phép cộng tổng.')
    const titles = (await city.get('/api/datarequests?view=sent')).body.requests.map((r: any) => r.title)
    expect(titles.some((t: string) => t.startsWith('Yêu cầu lỗi'))).toBe(false)
  })
})
