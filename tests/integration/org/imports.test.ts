import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { flatten, login, uniq, type Session } from '../../support/api.js'

async function upload(s: Session, fileName: string, contentType: string, bytes: Buffer): Promise<string> {
  const slot = await s.post('/api/imports/uploads', { fileName, contentType, size: bytes.length })
  expect(slot.status).toBe(201)
  const put = await fetch(slot.body.uploadUrl, { method: "PUT", headers: slot.body.headers, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  return slot.body.objectKey
}

describe('import of units and users from office spreadsheets', () => {
  it('imports units from a CSV with Vietnamese headers after a clean check', async () => {
    const s = await login('admin')
    const tag = uniq()
    const csv = [
      'Mã định danh,Mã ký hiệu,Tên đơn vị,Cấp,Loại,Đơn vị cấp trên,Ngày thành lập',
      `p-nhap-${tag},ĐU,Đảng ủy phường Nhập Khẩu,Xã/Phường,Cấp ủy,hn-tu,01/03/2026`,
      `p-nhap-${tag}-cb1,CB,Chi bộ tổ dân phố số 1,Chi bộ,Chi bộ,p-nhap-${tag},02/03/2026`,
    ].join('\n')
    const key = await upload(s, 'don-vi.csv', 'text/csv', Buffer.from(csv, 'utf8'))
    const check = await s.post('/api/imports', { kind: 'units', objectKey: key, dryRun: true })
    expect(check.status).toBe(200)
    expect(check.body.report).toMatchObject({ total: 2, accepted: 2, rejected: 0, dryRun: true })
    expect(flatten((await s.get('/api/units')).body.roots).some((u) => u.unitId === `p-nhap-${tag}`)).toBe(false)

    const run = await s.post('/api/imports', { kind: 'units', objectKey: key, dryRun: false })
    expect(run.status).toBe(200)
    const tree = flatten((await s.get('/api/units')).body.roots)
    expect(tree.find((u) => u.unitId === `p-nhap-${tag}`)).toMatchObject({ name: 'Đảng ủy phường Nhập Khẩu', level: 'commune', validFrom: '2026-03-01' })
    expect(tree.find((u) => u.unitId === `p-nhap-${tag}-cb1`).parentId).toBe(`p-nhap-${tag}`)
  })

  it('a file with broken rows is refused with a row-by-row report and changes nothing', async () => {
    const s = await login('admin')
    const tag = uniq()
    const csv = [
      'TÊN ĐƠN VỊ;Mã định danh;Mã ký hiệu;Cấp;Loại;Đơn vị cấp trên',
      `Chi bộ hợp lệ;cb-ok-${tag};CB;Chi bộ;Chi bộ;x-socson`,
      `Chi bộ cấp trên không tồn tại;cb-bad1-${tag};CB;Chi bộ;Chi bộ;khong-co`,
      `Chi bộ cấp sai;cb-bad2-${tag};CB;Hành tinh;Chi bộ;x-socson`,
      `;cb-bad3-${tag};CB;Chi bộ;Chi bộ;x-socson`,
    ].join('\r\n')
    const key = await upload(s, 'loi.csv', 'text/csv', Buffer.from(`\uFEFF${csv}`, 'utf8'))
    const res = await s.post('/api/imports', { kind: 'units', objectKey: key, dryRun: false })
    expect(res.status).toBe(422)
    const rows = res.body.report.rows
    expect(res.body.report).toMatchObject({ total: 4, rejected: 3, accepted: 0 })
    expect(rows.map((r: any) => [r.row, r.ok])).toEqual([[2, true], [3, false], [4, false], [5, false]])
    expect(rows[1].errors[0]).toMatchObject({ column: 'Đơn vị cấp trên', code: 'notFound.unit' })
    expect(rows[2].errors[0].column).toBe('Cấp')
    expect(rows[3].errors[0].column).toBe('Tên đơn vị')
    expect(flatten((await s.get('/api/units')).body.roots).some((u) => u.unitId === `cb-ok-${tag}`)).toBe(false)
  })

  it('imports users from an XLSX kept the way an office keeps it', async () => {
    const s = await login('bithu.hoankiem')
    const tag = uniq()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Danh sách')
    ws.addRow(['DANH SÁCH CÁN BỘ PHƯỜNG HOÀN KIẾM'])
    ws.getRow(1).getCell(1).value = null
    ws.addRow(['STT', 'Họ và tên', 'Tên đăng nhập', 'Email', 'Điện thoại', 'Đơn vị', 'Chức vụ', 'Vai trò', 'Mức mật', 'Xác thực 2 lớp'])
    ws.addRow([1, 'Trịnh Văn Đức', `duc.${tag}`, `duc.${tag}@hoankiem.vn`, '0912 345 678', 'p-hoankiem', 'Phó Chủ nhiệm UBKT', 'Kiểm tra viên', 'Nội bộ', 'Có'])
    ws.addRow([2, 'Lương Thị Ngọc Ánh', `anh.${tag}`, '', '', 'p-hoankiem-cb-hangdao', 'Bí thư chi bộ', 'Bí thư', 'Nội bộ', 'Không'])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const key = await upload(s, 'can-bo.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes)
    const res = await s.post('/api/imports', { kind: 'users', objectKey: key, dryRun: false })
    expect(res.status).toBe(200)
    expect(res.body.report).toMatchObject({ total: 2, accepted: 2, rejected: 0 })
    const members = (await s.get('/api/units/p-hoankiem')).body.members
    expect(members.find((m: any) => m.username === `duc.${tag}`)).toMatchObject({ fullName: 'Trịnh Văn Đức', role: 'inspector' })
  })

  it('refuses files that are not spreadsheets, too large, or outside the caller\'s own uploads', async () => {
    const s = await login('admin')
    expect((await s.post('/api/imports/uploads', { fileName: 'anh.png', contentType: 'image/png', size: 100 })).status).toBe(415)
    expect((await s.post('/api/imports/uploads', { fileName: 'lon.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 50 * 1024 * 1024 })).status).toBe(413)
    const key = await upload(s, 'gia.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))
    const broken = await s.post('/api/imports', { kind: 'units', objectKey: key })
    expect(broken.status).toBe(422)
    expect(broken.body.error.code).toBe('import.unsupportedFile')
    // Another importer cannot use someone else's upload; a specialist cannot import at all.
    const clerk = await login('vanthu.hoankiem')
    expect((await clerk.post('/api/imports', { kind: 'units', objectKey: key })).status).toBe(400)
    const specialist = await login('chuyenvien.badinh')
    expect((await specialist.post('/api/imports', { kind: 'units', objectKey: key })).status).toBe(403)
  })
})
