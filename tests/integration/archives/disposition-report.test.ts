/**
 * The year's disposition report through the embedded platform: after a
 * round where the council destroys one file, keeps another with a reason
 * and sends a permanent one to the historical archive, the archivist
 * downloads the report as a sealed PDF and as XLSX and reads, per file,
 * what was proposed, what the council decided and why, who proposed, who
 * chaired and recorded the decision, and when. Names, never ids.
 */
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'
import { login, uniq, type Session } from '../../support/api.js'
import { overlappingWords, pdfsig, pdfText, pdfWords } from '../../support/poppler.js'

const YEAR = 2026
const today = () => { const d = vietnamDate(); return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` }

async function closedFile(clerk: Session, unitId: string, code: string, title: string, retentionClass: string) {
  const res = await clerk.post('/api/archives/files', { unitId, code, title, startYear: 2014, endYear: 2015, retentionClass })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const closed = await clerk.post(`/api/archives/files/${res.body.fileId}/close`, { version: res.body.version })
  expect(closed.status, JSON.stringify(closed.body)).toBe(200)
  return closed.body
}

describe("the year's disposition report", () => {
  it('states per file what was proposed, what the council decided and why, who decided and when — as a sealed PDF and as XLSX', async () => {
    // Prepare: a cell's round of 2026 — a 5-year file destroyed, another kept with a reason, a permanent one transferred
    const tag = uniq()
    const unitId = `cb-rep-${tag}`
    const unitName = `Chi bộ báo cáo xét hủy ${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name: unitName, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    const a = await closedFile(clerk, unitId, 'HS-A', `Giấy mời năm 2015 ${tag}`, '04.01')
    const b = await closedFile(clerk, unitId, 'HS-B', `Sổ theo dõi công văn năm 2015 ${tag}`, '04.02')
    const c = await closedFile(clerk, unitId, 'HS-C', `Nghị quyết chi bộ năm 2015 ${tag}`, '01.02')
    const proposed = await clerk.post('/api/archives/dispositions', { unitId, year: YEAR, fileIds: [a.fileId, b.fileId, c.fileId], note: 'Đề nghị xét hủy năm 2026' })
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
    const secretary = await login('bithu.hoankiem')
    const council = { chair: 'Phạm Quốc Hùng', members: ['Vũ Thị Thư', 'Lê Văn Tâm'], note: 'Đồng ý hủy, giữ lại sổ theo dõi.' }
    // A reason for a file the council does not keep is refused
    const stray = await secretary.post(`/api/archives/dispositions/${proposed.body.dispositionId}/decision`, { version: 1, approved: true, ...council, keep: [], keepReasons: [{ fileId: b.fileId, reason: 'Còn dùng' }] })
    expect(stray.status).toBe(422)
    const decided = await secretary.post(`/api/archives/dispositions/${proposed.body.dispositionId}/decision`, {
      version: 1, approved: true, ...council, keep: [b.fileId], keepReasons: [{ fileId: b.fileId, reason: 'Còn dùng để tra cứu đảng phí' }],
    })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    const done = await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/carry-out`, { version: decided.body.version })
    expect(done.body.status, JSON.stringify(done.body)).toBe('done')

    // Act
    const pdfRes = await clerk.get(`/api/archives/disposition/report?unitId=${unitId}&year=${YEAR}&format=pdf`)
    const xlsxRes = await clerk.get(`/api/archives/disposition/report?unitId=${unitId}&year=${YEAR}&format=xlsx`)

    // Assess the PDF: one valid seal, the unit's header and date, the round's people, each file's decision
    expect(pdfRes.status, JSON.stringify(pdfRes.body)).toBe(200)
    expect(pdfRes.body).toMatchObject({ files: 3, fileName: expect.stringMatching(/^bao-cao-xet-huy-2026-\d{4}-\d{2}-\d{2}\.pdf$/) })
    const pdf = new Uint8Array(await (await fetch(pdfRes.body.url)).arrayBuffer())
    if (process.env.KEEP_PAPERS) writeFileSync(`${process.env.KEEP_PAPERS}/disposition-report.pdf`, pdf)
    const [seal, ...more] = pdfsig(pdf)
    expect(more).toEqual([])
    expect(seal).toContain('Signature is Valid')
    const text = pdfText(pdf)
    // The words in the order drawn: a wrapped cell reads on as one
    const flat = pdfWords(pdf).map((w) => w.text).join(' ')
    for (const s of [
      unitName.toUpperCase(), dateLine('Hoàn Kiếm', vietnamDate()), 'BÁO CÁO', 'kết quả xét hủy tài liệu hết giá trị và nộp lưu năm 2026',
      `đề nghị ngày ${today()} (đồng chí Vũ Thị Thư lập)`, 'do đồng chí Phạm Quốc Hùng làm Chủ tịch', 'thành viên: Vũ Thị Thư, Lê Văn Tâm',
      `đồng chí Đỗ Minh Hoàng ghi nhận ngày ${today()}`, 'Tổng cộng: 1 hồ sơ đã hủy, 1 hồ sơ đã nộp lưu, 1 hồ sơ giữ lại.',
    ]) expect(flat).toContain(s)
    const row = (code: string) => text.split('\n').find((l) => l.includes(code)) ?? ''
    expect(row('HS-A')).toMatch(/HS-A.*5 năm\s+Hủy\s+Hủy \(đã/)
    expect(row('HS-B')).toMatch(/HS-B.*5 năm\s+Hủy\s+Giữ lại\s+Còn dùng/)
    expect(row('HS-C')).toMatch(/HS-C.*Vĩnh viễn\s+Nộp lưu\s+Nộp lưu/)
    for (const s of ['Hủy (đã hủy)', 'Còn dùng để tra cứu đảng phí', 'Nộp lưu (đã nộp lưu)']) expect(flat).toContain(s)
    expect(text).not.toContain(unitId)
    expect(text).not.toContain(a.fileId)
    const words = pdfWords(pdf)
    // (below the Party header, whose superior's name is centred at the left as the form has it)
    expect(words.filter((w) => w.yMin > 100 && (w.xMin < 80 || w.xMax > 595.28 - 50))).toEqual([])
    expect(overlappingWords(words)).toEqual([])

    // Assess the XLSX: the same rows with the people and the dates
    expect(xlsxRes.status, JSON.stringify(xlsxRes.body)).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(xlsxRes.body.url)).arrayBuffer()) as never)
    const rows = wb.getWorksheet('Xét hủy')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(String(rows[0][0])).toBe(`BÁO CÁO XÉT HỦY TÀI LIỆU HẾT GIÁ TRỊ VÀ NỘP LƯU NĂM 2026 — PHÔNG ${unitName.toUpperCase()}`)
    const header = rows.findIndex((r) => r[0] === 'Đợt')
    expect(rows[header]).toEqual(['Đợt', 'STT', 'Ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Nhóm hồ sơ', 'Thời hạn bảo quản', 'Năm kết thúc', 'Đề nghị', 'Kết luận của Hội đồng', 'Lý do, ghi chú', 'Người đề nghị', 'Ngày đề nghị', 'Chủ tịch Hội đồng', 'Người ghi nhận kết luận', 'Ngày kết luận'])
    expect(rows.slice(header + 1).map((r) => [r[2], r[5], r[7], r[8], r[9] ?? '', r[10], r[11], r[12], r[13], r[14]])).toEqual([
      ['HS-A', '5 năm', 'Hủy', 'Hủy (đã hủy)', '', 'Vũ Thị Thư', today(), 'Phạm Quốc Hùng', 'Đỗ Minh Hoàng', today()],
      ['HS-B', '5 năm', 'Hủy', 'Giữ lại', 'Còn dùng để tra cứu đảng phí', 'Vũ Thị Thư', today(), 'Phạm Quốc Hùng', 'Đỗ Minh Hoàng', today()],
      ['HS-C', 'Vĩnh viễn', 'Nộp lưu', 'Nộp lưu (đã nộp lưu)', '', 'Vũ Thị Thư', today(), 'Phạm Quốc Hùng', 'Đỗ Minh Hoàng', today()],
    ])
    expect(JSON.stringify(rows)).not.toContain(unitId)

    // A year without a round says so; a member of another cell is refused
    const empty = await clerk.get(`/api/archives/disposition/report?unitId=${unitId}&year=2025&format=pdf`)
    expect(empty.status).toBe(200)
    expect(pdfText(new Uint8Array(await (await fetch(empty.body.url)).arrayBuffer()))).toContain('Năm 2025 không có đợt xét hủy nào.')
    expect((await (await login('dangvien.hangbac')).get(`/api/archives/disposition/report?unitId=${unitId}&year=${YEAR}&format=xlsx`)).status).toBe(403)
    expect((await clerk.get(`/api/archives/disposition/report?unitId=${unitId}&year=${YEAR}&format=docx`, 'en')).status).toBe(400)
  }, 300_000)
})
