/**
 * Browser test of the member-list import in Debian's Chromium: a file with a
 * broken row is refused with a row-by-row report (downloadable as XLSX) and
 * nothing written; the corrected file imports every member.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { card, newCell } from '../integration/members/support.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('member-list import in the browser', () => {
  it('shows the row-by-row report of a refused file, downloads it as XLSX, then imports the corrected file', async () => {
    const admin = await login('admin')
    const cellName = `Chi bộ nhập danh sách ${uniq()}`
    const cellId = await newCell(admin, 'p-hoankiem', cellName)
    const byName = cellName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase() // the cell as written, without diacritics
    const dir = mkdtempSync(join(tmpdir(), 'members-import-'))
    const header = 'Họ và tên;Số thẻ đảng viên;Số lý lịch;Ngày vào Đảng;Chi bộ;Đối tượng đóng đảng phí;Mức lương tính đảng phí'
    const [c1, c2] = [card(), card()]
    const one = `Nguyễn Văn Nhất;${c1};HN-${uniq()};19/05/2010;${cellId};Hưởng lương, đóng BHXH bắt buộc;12.000.000`
    const broken = join(dir, 'danh-sach-loi.csv')
    writeFileSync(broken, [header, one, `Trần Thị Nhì;${c2};HN-${uniq()};03/02/2015;${byName};Hưu trí;`].join('\n'))
    const fixed = join(dir, 'danh-sach.csv')
    writeFileSync(fixed, [header, one, `Trần Thị Nhì;${c2};HN-${uniq()};03/02/2015;${byName};Hưu trí;8.000.000`].join('\n'))

    const page = await signIn(browser, 'admin')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đảng viên', exact: true }).click()
    await page.getByRole('link', { name: 'Nhập danh sách' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách đảng viên' }).waitFor()
    // The coded columns' accepted values, in words
    const values = await page.getByRole('main').textContent()
    expect(values).toContain('Giá trị được chấp nhận')
    expect(values).toContain('“Hưởng lương hưu”')
    expect(values).toContain('Tên chi bộ như chi bộ vẫn ghi')

    await page.locator('input[type=file]').setInputFiles(broken)
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    const report = page.getByRole('table', { name: 'Kết quả từng dòng' })
    await report.waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'bị từ chối' }).textContent()).toContain('Tệp có 2 dòng, 1 dòng bị từ chối: chưa ghi dòng nào.')
    const rejected = report.getByRole('row').filter({ hasText: 'Bị từ chối' })
    expect(await rejected.count()).toBe(1)
    expect(await rejected.textContent()).toContain('Mức lương tính đảng phí')
    expect(await rejected.getByRole('rowheader').textContent()).toBe('3')
    expect((await admin.get(`/api/members?cellId=${cellId}`)).body.members).toEqual([])

    // The report, downloaded: a workbook with one line per row and reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo từng dòng (XLSX)' }).click()])
    expect(download.suggestedFilename()).toMatch(/^bao-cao-nhap-dang-vien-.*\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer)
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(rows[0]).toEqual(['Dòng', 'Kết quả', 'Số thẻ đảng viên', 'Cột', 'Lý do'])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([[2, 'Hợp lệ', c1, undefined], [3, 'Bị từ chối', c2, 'Mức lương tính đảng phí']])

    // The corrected file: both members imported.
    await page.locator('input[type=file]').setInputFiles(fixed)
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã xử lý' }).textContent()).toContain('Đã xử lý 2 dòng: nhập thành công 2, từ chối 0.')
    const list = (await admin.get(`/api/members?cellId=${cellId}`)).body.members
    expect(list.map((m: any) => m.fullName).sort()).toEqual(['Nguyễn Văn Nhất', 'Trần Thị Nhì'])
    await page.context().close()
  })
})
