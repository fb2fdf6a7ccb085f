/**
 * Browser tests in Debian's Chromium against the real embedded platform:
 * sign in, browse the tree, run an import, approve a merge.
 */
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { baseUrl, eventually, login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('in the browser', () => {
  it('a wrong password is explained; the right one opens the app', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await page.goto(`${baseUrl()}/units`)
    await page.waitForURL(/\/login/)
    await page.getByLabel('Tên đăng nhập').fill('bithu.tu')
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng')
    await page.getByLabel('Mật khẩu').fill('DigitalOffice@2026')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
    await page.context().close()
  })

  it('a sign-in locked by wrong passwords is explained to the person; the administrator sees the lock and lifts it', async () => {
    const admin = await login('admin')
    const username = `khoa.web.${uniq()}`
    const fullName = `Người Bị Khóa ${uniq()}`
    const created = await admin.post('/api/users', { username, fullName, clearance: 'internal', password: 'Mat-khau-rat-dai-7', assignments: [{ unitId: 'p-hoankiem', role: 'specialist' }] })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const wrong = () => fetch(`${baseUrl()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'sai-mat-khau' }) })
    for (let i = 0; i < 3; i++) await wrong()
    await new Promise((r) => setTimeout(r, 1100)); await wrong()
    await new Promise((r) => setTimeout(r, 2100)); expect((await wrong()).status).toBe(429)

    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await page.goto(`${baseUrl()}/login`)
    await page.getByLabel('Tên đăng nhập').fill(username)
    await page.getByLabel('Mật khẩu').fill('Mat-khau-rat-dai-7')
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần')

    const adminPage = await signIn(browser, 'admin')
    await adminPage.goto(`${baseUrl()}/users?unitId=p-hoankiem`)
    await adminPage.getByLabel('Tìm người dùng').fill(username)
    await adminPage.getByRole('button', { name: `Sửa ${fullName}` }).click()
    const dialog = adminPage.getByRole('dialog')
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toContain('Tài khoản đang tạm khóa đăng nhập đến')
    await dialog.getByRole('button', { name: 'Mở khóa đăng nhập' }).click()
    await expect.poll(() => adminPage.getByText(`Đã mở khóa đăng nhập cho ${fullName}.`).count()).toBe(1)
    expect(await dialog.getByRole('button', { name: 'Mở khóa đăng nhập' }).count()).toBe(0)

    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
    await page.context().close()
    await adminPage.context().close()
  })

  it('browses the organisation tree, today and with the units that ended in 2025', async () => {
    const page = await signIn(browser, 'bithu.tu')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sơ đồ tổ chức', exact: true }).click()
    const tree = page.getByRole('tree')
    await tree.getByRole('treeitem').first().waitFor()
    await expect.poll(() => tree.textContent()).toContain('Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội')
    expect(await tree.textContent()).not.toContain('Quận ủy Hoàn Kiếm')
    await page.getByRole('switch', { name: 'Hiện đơn vị đã giải thể, sáp nhập' }).click({ force: true })
    await expect.poll(() => tree.textContent()).toContain('Quận ủy Hoàn Kiếm')
    await page.getByLabel('Tìm đơn vị').fill('hang bac')
    await page.waitForURL(/q=hang/)
    // The filter applied: the city's Front is no longer listed.
    await expect.poll(() => tree.textContent()).not.toContain('Ủy ban Mặt trận Tổ quốc')
    expect(await tree.textContent()).toContain('Chi bộ khu phố Hàng Bạc')
    await page.getByRole('link', { name: 'Chi bộ khu phố Hàng Bạc' }).click()
    await page.getByRole('heading', { level: 1, name: 'Chi bộ khu phố Hàng Bạc' }).waitFor()
    await page.context().close()
  })

  it('works on a phone: the menu opens from the burger', async () => {
    const page = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    const menu = page.getByRole('button', { name: 'Mở menu điều hướng' })
    await menu.click()
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sơ đồ tổ chức', exact: true }).click()
    await expect.poll(() => page.getByRole('tree').textContent()).toContain('Đảng ủy phường Hoàn Kiếm')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await page.context().close()
  })

  it('imports units from a spreadsheet: check, then import, with the row report', async () => {
    const tag = uniq()
    const dir = mkdtempSync(join(tmpdir(), 'do-e2e-'))
    const file = join(dir, 'don-vi.csv')
    writeFileSync(file, [
      'Mã định danh,Mã ký hiệu,Tên đơn vị,Cấp,Loại,Đơn vị cấp trên,Ngày thành lập',
      `x-socson-cb-${tag},CB,Chi bộ thôn Trình Duyệt ${tag},Chi bộ,Chi bộ,x-socson,01/02/2026`,
    ].join('\n'))
    const page = await signIn(browser, 'admin')
    await page.goto(`${baseUrl()}/import`)
    // Mantine's FileInput is a labelled button over a hidden file input.
    await page.getByRole('button', { name: 'Tệp dữ liệu (.xlsx, .csv)' }).waitFor()
    await page.locator('input[type="file"]').setInputFiles(file)
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
    const report = page.getByRole('table', { name: 'Kết quả từng dòng' })
    await report.waitFor()
    await expect.poll(() => report.textContent()).toContain(`x-socson-cb-${tag}`)
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    const admin = await login('admin')
    await eventually(async () => {
      const unit = await admin.get(`/api/units/x-socson-cb-${tag}`)
      expect(unit.body.unit.name).toBe(`Chi bộ thôn Trình Duyệt ${tag}`)
    })
    await page.context().close()
  })

  it('the city secretary approves a merge from the approvals page', async () => {
    const admin = await login('admin')
    const a = `p-e2e-a-${uniq()}`
    const b = `p-e2e-b-${uniq()}`
    for (const [id, name] of [[a, 'Đảng ủy phường Trình Duyệt A'], [b, 'Đảng ủy phường Trình Duyệt B']]) {
      expect((await admin.post('/api/units', { unitId: id, code: 'ĐU', name, level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2026-01-01' })).status).toBe(201)
    }
    const created = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [a], successors: [{ unitId: b }], effectiveDate: '2026-12-01', reason: 'Sáp nhập thử trên trình duyệt' })
    expect(created.status).toBe(202)
    const secretary = await login('bithu.tu')
    await eventually(async () => expect((await secretary.get('/api/reorganisations?scope=pending')).body.requests.map((r: any) => r.requestId)).toContain(created.body.request.requestId))

    const page = await signIn(browser, 'bithu.tu')
    await page.goto(`${baseUrl()}/approvals`)
    await page.getByRole('button', { name: 'Xem đề nghị sáp nhập Đảng ủy phường Trình Duyệt A', exact: true }).click()
    await page.getByLabel('Ý kiến').fill('Đồng ý sáp nhập')
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()
    await eventually(async () => expect((await admin.get(`/api/units/${a}`)).body.unit.validTo).toBe('2026-11-30'))
    await page.context().close()
  })

  it('the audit page speaks in words: actions, what they are about and their details by name, no id or code', async () => {
    const admin = await login('admin')
    const id = `cb-web-${uniq()}`
    await admin.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ xem nhật ký', level: 'cell', kind: 'cell', parentId: 'x-socson', validFrom: '2026-01-01' })
    await admin.patch(`/api/units/${id}`, { name: 'Chi bộ xem nhật ký (đổi tên)', version: 1 })
    const page = await signIn(browser, 'admin')
    await page.goto(`${baseUrl()}/audit?unitId=${id}`)
    const table = page.getByRole('table', { name: /Nhật ký của/ })
    await table.waitFor()
    const rows = table.locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const cells = async (n: number) => (await rows.nth(n).locator('td').allTextContents()).map((t) => t.trim())
    const [renamed, created] = [await cells(0), await cells(1)]
    expect(renamed[3]).toBe('Đổi tên, mã đơn vị')
    expect(renamed[4]).toBe('Chi bộ xem nhật ký (đổi tên)')
    expect(created[3]).toBe('Thêm đơn vị')
    const text = (await table.textContent()) ?? ''
    expect(text).not.toContain(id)
    expect(text).not.toContain('x-socson')
    expect(text).not.toMatch(/\b(unit|user|document)\.[a-z]/)
    await page.context().close()
  })
})
