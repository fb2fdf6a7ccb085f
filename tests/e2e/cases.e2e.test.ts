/**
 * Browser test of the cases pages in Debian's Chromium against the embedded
 * platform: the commission's clerk takes a letter in from the menu (the
 * sender typed in its own fieldset) and lands on the case page, which never
 * shows the sender; the chair opens the register on a phone (390 px), finds
 * the case by its subject, and only he gets — on demand — the sender's name.
 * A ward secretary has no "cases" entry in the menu; the ward's voters'
 * petitions show with their state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('cases in the browser', () => {
  it('a clerk takes a letter in; the chair finds it on a phone and alone sees the sender', async () => {
    // Prepare
    const subject = `Khiếu nại về đấu giá đất ${uniq()}`
    const sender = `Vương Thị Kín ${uniq()}`
    const clerk = await signIn(browser, 'vanthu.ubkt')

    // Act: intake
    await clerk.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn thư, vụ việc' }).click()
    await clerk.getByRole('heading', { name: 'Đơn thư, vụ việc', level: 1 }).waitFor()
    await clerk.getByRole('link', { name: 'Tiếp nhận đơn' }).click()
    await clerk.getByLabel('Nội dung chính').fill(subject)
    await clerk.getByLabel('Tóm tắt nội dung').fill('Đơn nêu việc thông đồng giữa các đơn vị tham gia đấu giá.')
    await clerk.getByLabel('Tổ chức, đảng viên bị phản ánh').fill('Chi bộ Trung tâm phát triển quỹ đất')
    await clerk.getByLabel('Họ và tên').fill(sender)
    await clerk.getByRole('button', { name: 'Lưu' }).click()

    // Assess: the case page, without the sender, and no "show the sender" for the clerk
    await clerk.getByRole('heading', { level: 1, name: subject }).waitFor()
    expect(await clerk.locator('main').textContent()).not.toContain(sender)
    expect(await clerk.getByRole('button', { name: 'Xem người gửi đơn' }).count()).toBe(0)
    await clerk.getByRole('button', { name: 'Vào sổ' }).click()
    await expect.poll(async () => (await clerk.getByRole('heading', { level: 1 }).textContent()) ?? '').toMatch(/^KN-\d{4}-\d{4} — /)
    await clerk.context().close()

    // Act: the chair on a phone
    const chair = await signIn(browser, 'chunhiem.ubkt', { width: 390, height: 844 })
    await chair.goto(`${new URL(chair.url()).origin}/cases`)
    await chair.getByLabel('Tìm theo nội dung, đối tượng, số vào sổ').fill('đấu giá đất')
    await chair.getByLabel('Tìm theo nội dung, đối tượng, số vào sổ').press('Enter')
    await chair.getByRole('link', { name: new RegExp(subject) }).click()
    await chair.getByRole('heading', { level: 1 }).filter({ hasText: subject }).waitFor()
    expect(await chair.locator('main').textContent()).not.toContain(sender)
    await chair.getByRole('button', { name: 'Xem người gửi đơn' }).click()

    // Assess: the name, with the note that the read is recorded; the page fits the phone
    await chair.getByText(sender).waitFor()
    await chair.getByText('Việc xem được ghi vào nhật ký.').waitFor()
    expect(await chair.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await chair.context().close()
  })

  it('a ward secretary has no cases in the menu, and follows the ward\'s voters\' petitions', async () => {
    const ward = await signIn(browser, 'bithu.hoankiem')
    const nav = ward.getByRole('navigation', { name: 'Điều hướng chính' })
    await nav.getByRole('link', { name: 'Kiến nghị cử tri' }).click()
    await ward.getByRole('heading', { name: 'Kiến nghị cử tri', level: 1 }).waitFor()
    expect(await nav.getByRole('link', { name: 'Đơn thư, vụ việc' }).count()).toBe(0)
    await ward.getByRole('link', { name: /Giao thông — Khu phố Hàng Đào/ }).click()
    await ward.getByRole('heading', { level: 1, name: 'Giao thông — Khu phố Hàng Đào' }).waitFor()
    expect(await ward.locator('main').textContent()).toContain('Đã công khai')
    expect(await ward.locator('main').textContent()).toContain('Đã giải quyết')
    await ward.context().close()
  })
})
