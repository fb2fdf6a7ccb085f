/**
 * Browser tests of the Party members pages in Debian's Chromium: a member
 * files a transfer from the handbook; the cell's secretary approves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { eventually, login } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('Party members in the browser', () => {
  it('a member files a transfer from the handbook and the cell secretary approves it', async () => {
    // The member: handbook with record and fees, then the request form.
    const member = await signIn(browser, 'dangvien.hangbac', { width: 390, height: 844 })
    await member.getByRole('button', { name: 'Mở menu điều hướng' }).click()
    await member.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ tay đảng viên' }).click()
    await member.getByRole('heading', { level: 1, name: 'Sổ tay đảng viên' }).waitFor()
    await expect.poll(() => member.getByRole('region', { name: 'Hồ sơ đảng viên' }).textContent()).toContain('010203040506')
    expect(await member.getByRole('region', { name: 'Đảng phí' }).textContent()).toContain('Tổng số còn nợ: 240.000\u00a0đ') // the amount and "đ" never wrap apart

    // The destination is found by its name typed without diacritics (the unit picker's search), shown with its ward; no unit id anywhere.
    await member.getByRole('textbox', { name: 'Chi bộ nơi đến' }).click()
    await member.getByRole('textbox', { name: 'Chi bộ nơi đến' }).fill('hang dao')
    const option = member.getByRole('option', { name: /Chi bộ khu phố Hàng Đào/ })
    await expect.poll(() => option.textContent()).toMatch(/Đảng ủy phường Hoàn Kiếm/)
    await option.click()
    expect(await member.getByRole('main').textContent()).not.toMatch(/hk-cb|p-hoankiem/)
    await member.getByRole('textbox', { name: 'Lý do' }).fill('Thay đổi nơi cư trú về khu phố Hàng Đào')
    await member.getByRole('button', { name: 'Gửi đề nghị' }).click()
    const request = member.getByRole('article', { name: 'Thay đổi nơi cư trú về khu phố Hàng Đào' })
    await request.waitFor()
    expect(await request.textContent()).toContain('Đang xét duyệt')
    const overflow = await member.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await member.context().close()

    // The cell's secretary: the request waits in "Chuyển sinh hoạt đảng" (once the workflow reached the cell's step).
    const secretary = await signIn(browser, 'bithu.cb.hangbac')
    const nav = secretary.getByRole('navigation', { name: 'Điều hướng chính' })
    await eventually(async () => {
      await nav.getByRole('link', { name: 'Trang chủ' }).click()
      await nav.getByRole('link', { name: 'Chuyển sinh hoạt đảng' }).click()
      await secretary.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng chờ xử lý' }).waitFor()
      await secretary.getByRole('button', { name: 'Xem đề nghị của Ngô Thị Hằng' }).waitFor({ timeout: 2_000 })
    }, { timeoutMs: 30_000 })
    await secretary.getByRole('button', { name: 'Xem đề nghị của Ngô Thị Hằng' }).click()
    const drawer = secretary.getByRole('dialog')
    await expect.poll(() => drawer.textContent()).toContain('Thay đổi nơi cư trú về khu phố Hàng Đào')
    await drawer.getByRole('textbox', { name: 'Ý kiến' }).fill('Chi bộ đồng ý')
    await drawer.getByRole('button', { name: 'Đồng ý', exact: true }).click()
    await expect.poll(() => secretary.getByText('Đã ghi nhận ý kiến.').count()).toBeGreaterThan(0)
    await expect.poll(() => secretary.getByRole('button', { name: 'Xem đề nghị của Ngô Thị Hằng' }).count()).toBe(0)
    await secretary.context().close()

    // What the member would see next: the cell's approval recorded, the ward's step awaited.
    const hang = await login('dangvien.hangbac')
    const t = (await hang.get('/api/me/handbook')).body.transfers[0]
    expect(t.history.map((h: any) => h.status)).toEqual(['pending', 'approved:cell'])
    expect(t.steps[0].decision).toMatchObject({ approved: true, comment: 'Chi bộ đồng ý', by: { fullName: 'Lưu Văn Bắc' } })
    expect(t.currentStep).toBe(1)
  })

  it('the cell secretary records a cash payment (more than due) on the fee sheet of last month', async () => {
    const page = await signIn(browser, 'bithu.cb.hangbac')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đảng phí' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thu, nộp đảng phí' }).waitFor()
    const row = page.getByRole('row').filter({ hasText: 'Phạm Quốc Việt' })
    await expect.poll(() => row.textContent()).toContain('10.000\u00a0đ')
    const amount = row.getByRole('textbox', { name: 'Số tiền thu của Phạm Quốc Việt (đồng)' })
    await amount.fill('15000')
    await row.getByRole('button', { name: 'Ghi nhận thu' }).click()
    await expect.poll(() => page.getByText('Đã ghi nhận khoản thu.').count()).toBeGreaterThan(0)
    // Paid 15.000 đ against 10.000 đ due: nothing owed for the month.
    await expect.poll(async () => (await row.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['10.000\u00a0đ', '15.000\u00a0đ', '0\u00a0đ'])
    await page.context().close()
  })
})
