import { describe, expect, it } from 'vitest'
import { login, uniq, type Session } from '../../support/api.js'
import { newCell } from './support.js'

async function upload(s: Session, fileName: string, text: string): Promise<string> {
  const bytes = Buffer.from(text, 'utf8')
  const slot = await s.post('/api/imports/uploads', { fileName, contentType: 'text/csv', size: bytes.length })
  expect(slot.status).toBe(201)
  const put = await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(bytes) })
  expect(put.ok).toBe(true)
  return slot.body.objectKey
}

describe('import of a cell\'s member list', () => {
  it('reports each broken row and writes nothing; a clean file adds every member', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const n = () => String(Math.floor(Math.random() * 1e9)).padStart(9, '1')
    const [c1, c2, c3] = [n(), n(), n()]
    const header = 'Họ và tên;Số thẻ đảng viên;Số lý lịch;Ngày vào Đảng;Chi bộ;Đối tượng đóng đảng phí;Mức lương tính đảng phí'
    const bad = [header,
      `Nguyễn Văn Một;${c1};HN-${uniq()};19/05/2010;${cellId};Hưởng lương, đóng BHXH bắt buộc;12.000.000`,
      `Trần Thị Hai;${c1};HN-${uniq()};03/02/2015;${cellId};Hưu trí;8.000.000`,
      `Lê Văn Ba;${c3};HN-${uniq()};03/02/2015;${cellId};Hưởng lương, đóng BHXH bắt buộc;`,
      `Phạm Thị Bốn;${n()};HN-${uniq()};03/02/2015;hk-du-hangbac;Sinh viên;`,
    ].join('\n')
    const r1 = await admin.post('/api/members/imports', { objectKey: await upload(admin, 'dang-vien.csv', bad) })
    expect(r1.status).toBe(422)
    expect(r1.body.report).toMatchObject({ total: 4, accepted: 0, rejected: 3 })
    const rows = r1.body.report.rows
    expect(rows[0].ok).toBe(true)
    expect(rows[1].errors[0]).toMatchObject({ column: 'Số thẻ đảng viên', code: 'members.cardTaken' })
    expect(rows[2].errors[0]).toMatchObject({ column: 'Mức lương tính đảng phí', code: 'members.incomeRequired' })
    expect(rows[3].errors[0]).toMatchObject({ column: 'Chi bộ', code: 'members.notACell' })
    expect((await admin.get(`/api/members?cellId=${cellId}`)).body.members).toEqual([])

    const good = [header,
      `Nguyễn Văn Một;${c1};HN-${uniq()};19/05/2010;${cellId};Hưởng lương, đóng BHXH bắt buộc;12.000.000`,
      `Trần Thị Hai;${c2};HN-${uniq()};03/02/2015;${cellId};Hưu trí;8.000.000 đ`,
      `Lê Văn Ba;${c3};HN-${uniq()};03/02/2015;${cellId};Sinh viên;`,
    ].join('\n')
    const r2 = await admin.post('/api/members/imports', { objectKey: await upload(admin, 'dang-vien.csv', good) })
    expect(r2.status, JSON.stringify(r2.body)).toBe(200)
    expect(r2.body.report).toMatchObject({ total: 3, accepted: 3, rejected: 0 })
    const list = (await admin.get(`/api/members?cellId=${cellId}`)).body.members
    expect(list.map((m: any) => m.fullName).sort()).toEqual(['Lê Văn Ba', 'Nguyễn Văn Một', 'Trần Thị Hai'])
    expect(list.find((m: any) => m.fullName === 'Trần Thị Hai').fee).toMatchObject({ category: 'pensioner', incomes: [{ amount: 8_000_000 }] })
  })
})
