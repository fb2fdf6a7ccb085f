/**
 * The audit page's words: every action the functions record has a label in
 * Vietnamese and English (read from the sources, so a new action without one
 * fails here), dynamic codes fall back to their prefix, and details show names
 * for ids and leave out ids nobody could name.
 */
import { readFileSync } from 'node:fs'
import { globFiles } from 'dpdm'
import { describe, expect, it } from 'vitest'
import { ACTION_LABELS, actionLabel, detailPairs, targetLabel } from '../../../web/src/lib/audit-labels.js'

describe('audit labels', () => {
  it('labels every literal action recorded under functions/, in both languages', async () => {
    const files = await globFiles('functions/**/*.ts', process.cwd())
    const actions = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\.audit\(\{[^}]*?action: '([a-zA-Z.-]+)'/g)].map((m) => m[1]!)))
    const more = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/unitId: [^,]+, action: '([a-zA-Z.-]+)'/g)].map((m) => m[1]!))
    for (const a of more) actions.add(a)
    expect(actions.size).toBeGreaterThan(40)
    expect([...actions].filter((a) => !ACTION_LABELS[a]?.vi || !ACTION_LABELS[a]?.en)).toEqual([])
  })

  it('falls back to the prefix for codes made at run time', () => {
    expect(actionLabel('reorganisation.request.merge', 'vi')).toBe('Đề nghị sáp nhập')
    expect(actionLabel('comment.awaiting.cell', 'vi')).toBe('Chờ nhận xét')
    expect(actionLabel('transfer.official.filed', 'en')).toBe('Official transfer filed')
    expect(actionLabel('khong.co', 'vi')).toBe('khong.co')
  })

  it('names ids, drops ids without a name, and shows a renamed unit by its names', () => {
    const names = { 'p-hoankiem': 'Đảng ủy phường Hoàn Kiếm' }
    expect(detailPairs({ unitId: 'p-hoankiem', fileId: 'p-hoankiem.f-abc123', pages: 3 }, names, 'vi'))
      .toEqual([{ label: 'Đơn vị', value: 'Đảng ủy phường Hoàn Kiếm' }, { label: 'Số trang', value: '3' }])
    expect(detailPairs({ from: { name: 'Cũ', code: 'A' }, to: { name: 'Mới', code: 'B' }, level: 'cell' }, {}, 'vi'))
      .toEqual([{ label: 'Từ', value: 'Cũ' }, { label: 'Đến', value: 'Mới' }])
    expect(detailPairs({ effectiveDate: '2026-12-03', deadline: '2027-01-05' }, {}, 'vi'))
      .toEqual([{ label: 'Ngày hiệu lực', value: '03/12/2026' }, { label: 'Hạn', value: '05/01/2027' }])
    expect(targetLabel('archive.startBatch', 'p-hoankiem.b-x1y2z3', names, 'vi')).toBe('Hồ sơ lưu trữ')
    expect(targetLabel('unit.rename', 'p-hoankiem', names, 'en')).toBe('Đảng ủy phường Hoàn Kiếm')
  })
})
