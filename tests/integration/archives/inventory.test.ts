/**
 * The fonds' inventory (mục lục hồ sơ) as XLSX: the archivist downloads it
 * and reads, in file-code order, each file's code, title, years, class and
 * period under the unit's name; a member of another cell is refused.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { login, uniq } from '../../support/api.js'

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
})
