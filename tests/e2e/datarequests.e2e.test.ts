/**
 * Browser test of data requests in Debian's Chromium against the real
 * embedded platform: the City Committee's secretary writes a request with
 * three indicators (the first the total of the other two), finds
 * the wards by name and sends it; Hoàn Kiếm's secretary, on a phone, opens it
 * from his work of the day, is refused a figure that breaks the total (the
 * field says why) and answers; the secretary sees the ward answered, the
 * consolidated table's total, and reminds the ward that has not answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { CALENDAR } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('data requests in the browser', () => {
  it('is written and sent to wards chosen by name, answered on a phone, consolidated and reminded', async () => {
    // Prepare
    const title = `Số liệu hộ gia đình dùng cáp quang ${uniq()}`
    const deadline = CALENDAR.addWorkingDays(vietnamDate(), 3)
    const city = await signIn(browser, 'bithu.tu')

    // Act: write and send
    await city.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Yêu cầu số liệu' }).click()
    await city.getByRole('link', { name: 'Lập yêu cầu số liệu' }).click()
    await city.getByRole('heading', { name: 'Lập yêu cầu số liệu', level: 1 }).waitFor()
    await city.getByLabel('Tên yêu cầu').fill(title)
    await city.getByLabel('Hạn gửi số liệu').fill(deadline)
    const first = city.locator('[data-indicator="0"]')
    await first.getByLabel('Tên chỉ tiêu').fill('Tổng số hộ')
    await first.getByLabel('Đơn vị tính').fill('hộ')
    await first.getByLabel('Là tổng của (mã)').fill('2, 3')
    for (const [n, name] of [[1, 'Hộ có cáp quang'], [2, 'Hộ chưa có cáp quang']] as const) {
      await city.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
      await city.locator(`[data-indicator="${n}"]`).getByLabel('Tên chỉ tiêu').fill(name)
      await city.locator(`[data-indicator="${n}"]`).getByLabel('Đơn vị tính').fill('hộ')
    }
    for (const ward of ['Hoàn Kiếm', 'Cửa Nam']) {
      await city.getByLabel('Đơn vị nhận (tìm theo tên)').fill(ward.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase())
      await city.getByRole('button', { name: `Thêm Đảng ủy phường ${ward}` }).click()
    }
    await city.getByRole('button', { name: 'Gửi yêu cầu' }).click()

    // Assess: the request's page, each ward by name, waiting
    await city.getByRole('heading', { name: title, level: 1 }).waitFor()
    await expect.poll(() => city.locator('[data-unit="Đảng ủy phường Hoàn Kiếm"]').textContent()).toContain('Chưa gửi')
    expect(await city.locator('[data-unit="Đảng ủy phường Cửa Nam"]').count()).toBe(1)

    // Act: the ward answers on a phone, from his work of the day
    const phone = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    await phone.getByRole('link', { name: title }).first().click()
    await phone.getByRole('heading', { name: 'Số liệu của Đảng ủy phường Hoàn Kiếm', level: 1 }).waitFor()
    await phone.getByLabel('1. Tổng số hộ').fill('1200')
    await phone.getByLabel('2. Hộ có cáp quang').fill('1000')
    await phone.getByLabel('3. Hộ chưa có cáp quang').fill('100')
    await phone.getByRole('button', { name: 'Gửi số liệu' }).click()

    // Assess: refused, the field says why; nothing sent
    await expect.poll(() => phone.locator('body').textContent()).toContain('số liệu không khớp')
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // Act: corrected
    await phone.getByLabel('3. Hộ chưa có cáp quang').fill('200')
    await phone.getByRole('button', { name: 'Gửi số liệu' }).click()
    await expect.poll(() => phone.locator('body').textContent()).toContain('Đã gửi số liệu của Đảng ủy phường Hoàn Kiếm.')

    // Assess: the office sees it answered, the total, and reminds the other ward
    await city.reload()
    await expect.poll(() => city.locator('[data-unit="Đảng ủy phường Hoàn Kiếm"]').textContent()).toContain('Đã gửi')
    const table = city.getByTestId('consolidated')
    await expect.poll(() => table.textContent()).toContain('1.200')
    expect(await table.textContent()).toContain('Tổng cộng')
    await city.getByRole('button', { name: 'Nhắc Đảng ủy phường Cửa Nam' }).click()
    await expect.poll(() => city.locator('body').textContent()).toContain('Đã nhắc 1 đơn vị.')
    await phone.context().close()
    await city.context().close()
  })
})
