import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import { login } from '../../support/api.js'
import { settled } from '../documents/support.js'
import { ask } from './support.js'

vi.setConfig({ testTimeout: 120_000 })

async function sheetRows(body: { contentBase64: string }): Promise<{ ratings: unknown[][]; totals: unknown[][] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(body.contentBase64, 'base64') as unknown as ArrayBuffer)
  const values = (i: number) => { const rows: unknown[][] = []; wb.worksheets[i].eachRow((r) => rows.push((r.values as unknown[]).slice(1))); return rows }
  return { ratings: values(0), totals: values(1) }
}

describe('ratings export for evaluation', () => {
  it('gives an authorised reviewer a workbook of the rated answers in their reach; others are refused', async () => {
    const secretary = await login('bithu.hoankiem')
    const comment = `Rõ ràng, đúng trích dẫn ${Date.now()}`
    const a = await settled(async () => { const r = await ask(secretary, 'Chỉ thị 42-CT/TU ban hành ngày nào?'); expect(r.answer.answered).toBe(true); return r })
    expect((await secretary.post(`/api/assistant/conversations/${a.conversationId}/ratings`, { turn: 0, value: 'up', comment })).status).toBe(200)

    const admin = await login('admin')
    const exported = await settled(async () => {
      const res = await admin.get('/api/assistant/ratings/export')
      expect(res.status).toBe(200)
      const rows = await sheetRows(res.body)
      expect(rows.ratings.some((r) => r.includes(comment))).toBe(true)
      return { res, rows }
    })
    expect(exported.res.body).toMatchObject({ fileName: expect.stringMatching(/^danh-gia-tro-ly-\d{4}-\d{2}-\d{2}\.xlsx$/), contentType: expect.stringContaining('spreadsheetml') })
    const [head] = exported.rows.ratings
    expect(head).toEqual(['Thời điểm đánh giá', 'Đánh giá', 'Nhận xét', 'Câu hỏi', 'Câu trả lời', 'Có trả lời', 'Trích dẫn', 'Bộ trả lời', 'Đơn vị', 'Người hỏi', 'Hội thoại', 'Lượt'])
    const row = exported.rows.ratings.find((r) => r.includes(comment))!
    expect(row.slice(1, 8)).toEqual(['hữu ích', comment, 'Chỉ thị 42-CT/TU ban hành ngày nào?', a.answer.text, 'có', expect.stringContaining('42-CT/TU — Trích yếu'), 'embedded'])
    expect(String(row[8])).toMatch(/Hoàn Kiếm/)
    expect(exported.rows.totals[0]).toEqual(['Bộ trả lời', 'Hữu ích', 'Chưa tốt', 'Tỷ lệ hữu ích'])

    // The ward's secretary reviews the ward (in English here); a specialist may not export.
    const own = await secretary.get('/api/assistant/ratings/export', 'en')
    expect(own.status).toBe(200)
    expect((await sheetRows(own.body)).ratings[0][0]).toBe('Rated at')
    expect((await sheetRows(own.body)).ratings.some((r) => r.includes(comment))).toBe(true)
    const specialist = await login('chuyenvien.badinh')
    const denied = await specialist.get('/api/assistant/ratings/export')
    expect(denied.status).toBe(403)
    expect(denied.body.error.message).toBe('Bạn không có quyền thực hiện thao tác này.')
  })
})
