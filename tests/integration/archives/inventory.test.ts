/**
 * The fonds' inventory (mục lục hồ sơ) as XLSX: the archivist downloads it
 * and reads, in file-code order, each file's code, title, years, class and
 * period under the unit's name; a member of another cell is refused.
 */
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'
import { login, uniq } from '../../support/api.js'
import { overlappingWords, pdfsig, pdfText, pdfWords } from '../../support/poppler.js'

describe("the fonds' inventory", () => {
  it('lists every file of the fonds with its class and period in an XLSX the archivist downloads', async () => {
    // Prepare: a cell with two files, opened out of code order
    const tag = uniq()
    const unitId = `cb-inv-${tag}`
    const unitName = `Chi bộ mục lục ${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: unitName, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    for (const [code, title, retentionClass] of [['HS-02', `Công văn năm 2025 ${tag}`, '04.01'], ['HS-01', `Nghị quyết chi bộ năm 2025 ${tag}`, '01.02']]) {
      const made = await clerk.post('/api/archives/files', { unitId, code, title, startYear: 2025, retentionClass })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
    }

    // Act
    const res = await clerk.get(`/api/archives/inventory?unitId=${unitId}`)

    // Assess: a download link to a workbook holding both files, in code order, with names not ids
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ files: 2, fileName: expect.stringMatching(/^muc-luc-ho-so-\d{4}-\d{2}-\d{2}\.xlsx$/) })
    const download = await fetch(res.body.url)
    expect(download.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await download.arrayBuffer()) as never)
    const ws = wb.getWorksheet('Mục lục hồ sơ')!
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(String(rows[0][0])).toBe(`MỤC LỤC HỒ SƠ — PHÔNG ${unitName.toUpperCase()}`)
    const header = rows.findIndex((r) => r[0] === 'STT')
    expect(rows[header]).toEqual(['STT', 'Ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Năm bắt đầu', 'Năm kết thúc', 'Số trang', 'Số văn bản', 'Nhóm hồ sơ', 'Thời hạn bảo quản', 'Tình trạng'])
    const body = rows.slice(header + 1)
    expect(body.map((r) => [r[0], r[1], r[2], r[3], r[8], r[9]])).toEqual([
      [1, 'HS-01', `Nghị quyết chi bộ năm 2025 ${tag}`, 2025, 'Vĩnh viễn', 'Đang mở'],
      [2, 'HS-02', `Công văn năm 2025 ${tag}`, 2025, '5 năm', 'Đang mở'],
    ])
    expect(String(body[0][7])).toMatch(/^01\.02 /)
    expect(JSON.stringify(rows)).not.toContain(unitId)

    // A party member of another cell is refused
    const member = await login('dangvien.hangbac')
    expect((await member.get(`/api/archives/inventory?unitId=${unitId}`)).status).toBe(403)
  }, 300_000)

  it('is a sealed PDF in the archival form: the unit\'s header, Việt Nam\'s date, one row per file with its dates, retention, pages and notes', async () => {
    // Prepare: a cell with an open file, a closed old paper file (2014–2015) and a held one
    const tag = uniq()
    const unitId = `cb-invp-${tag}`
    const unitName = `Chi bộ mục lục PDF ${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: unitName, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    const made: Record<string, any> = {}
    for (const [code, title, retentionClass, endYear] of [['HS-03', `Sổ đăng ký văn bản đi ${tag}`, '04.02', 2015], ['HS-01', `Nghị quyết chi bộ năm 2015 ${tag}`, '01.02', 2015], ['HS-02', `Công văn năm 2025 ${tag}`, '04.01', undefined]] as const) {
      const res = await clerk.post('/api/archives/files', { unitId, code, title, startYear: endYear ? 2014 : 2025, ...(endYear ? { endYear } : {}), retentionClass })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      made[code] = res.body
    }
    expect((await clerk.post(`/api/archives/files/${made['HS-01'].fileId}/close`, { version: made['HS-01'].version })).status).toBe(200)
    const inspector = await login('kiemtra.tu')
    expect((await inspector.post('/api/archives/holds', { unitId, kind: 'inspection', reason: 'Kiểm tra công tác văn thư', fileIds: [made['HS-03'].fileId] })).status).toBe(201)

    // Act
    const res = await clerk.get(`/api/archives/inventory?unitId=${unitId}&format=pdf`)

    // Assess: one valid seal; the header, the title, the columns, the files in code order with their years and periods
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ files: 3, fileName: expect.stringMatching(/^muc-luc-ho-so-\d{4}-\d{2}-\d{2}\.pdf$/) })
    const pdf = new Uint8Array(await (await fetch(res.body.url)).arrayBuffer())
    if (process.env.KEEP_PAPERS) writeFileSync(`${process.env.KEEP_PAPERS}/inventory.pdf`, pdf)
    const [seal, ...more] = pdfsig(pdf)
    expect(more).toEqual([])
    expect(seal).toContain('Signature is Valid')
    const text = pdfText(pdf)
    const flat = pdfWords(pdf).map((w) => w.text).join(' ')
    for (const s of ['ĐẢNG ỦY PHƯỜNG HOÀN KIẾM', unitName.toUpperCase(), 'ĐẢNG CỘNG SẢN VIỆT NAM', dateLine('Hoàn Kiếm', vietnamDate()), 'MỤC LỤC HỒ SƠ', `Phông lưu trữ ${unitName}`, 'Gồm 3 hồ sơ', 'Tiêu đề hồ sơ', 'Thời hạn', 'Ghi chú']) expect(flat).toContain(s)
    const lines = text.split('\n')
    const row = (code: string) => lines.find((l) => l.includes(code)) ?? ''
    expect(row('HS-01')).toMatch(/1\s+HS-01\s+Nghị quyết chi bộ.*2014-2015\s+Vĩnh viễn\s+0/)
    expect(row('HS-02')).toMatch(/2\s+HS-02\s+Công văn năm.*2025-\s+5 năm\s+0\s+Đang mở/)
    expect(row('HS-03')).toMatch(/3\s+HS-03\s+Sổ đăng ký.*2014-2015\s+5 năm\s+0\s+Đang mở/)
    expect(flat).toContain('Đang tạm giữ, chưa được hủy')
    expect(text.indexOf('HS-01')).toBeLessThan(text.indexOf('HS-02'))
    expect(text.indexOf('HS-02')).toBeLessThan(text.indexOf('HS-03'))
    expect(text).not.toContain(unitId)
    // Every word inside the page and its margins, none over another
    const words = pdfWords(pdf)
    // (below the Party header, whose superior's name is centred at the left as the form has it)
    expect(words.filter((w) => w.yMin > 100 && (w.xMin < 80 || w.xMax > 595.28 - 50))).toEqual([])
    expect(overlappingWords(words)).toEqual([])
  }, 300_000)
})
