/**
 * Units are chosen by name, with search, never typed as ids: a specialist of
 * Hoàn Kiếm ward addresses a draft to the City Committee Office (outside her
 * ward) by typing its name without diacritics; the document's page names the
 * recipient, and no unit id shows on either screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('unit picker', () => {
  it('addresses a draft to a unit outside the ward by its name, and shows the recipient by name', async () => {
    // Prepare
    const summary = `Về việc thử chọn nơi nhận theo tên ${uniq()}`
    const page = await signIn(browser, 'chuyenvien.hoankiem')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click()
    await page.getByRole('button', { name: 'Soạn dự thảo' }).click()
    const form = page.getByRole('dialog', { name: 'Soạn dự thảo văn bản đi' })
    await form.getByLabel('Trích yếu nội dung', { exact: true }).fill(summary)
    await form.getByLabel('Người ký (tên đăng nhập)', { exact: true }).fill('bithu.hoankiem')

    // Act: the recipient outside the ward, found by its name typed without diacritics
    const recipients = form.getByLabel('Nơi nhận trên hệ thống', { exact: true })
    await recipients.click()
    await recipients.fill('van phong thanh uy')
    await page.getByRole('option', { name: /^Văn phòng Thành ủy \(VPTU\)/ }).first().click()
    await recipients.press('Tab')
    expect(await form.textContent()).not.toContain('hn-vptu')
    expect(await form.textContent()).not.toContain('mã định danh')
    await form.getByRole('button', { name: 'Tạo dự thảo' }).click()

    // Assess: the draft's page names the recipient; no id anywhere on it
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Dự thảo/ }).waitFor()
    const main = page.getByRole('main')
    await expect.poll(() => main.textContent(), { timeout: 15_000 }).toContain('Văn phòng Thành ủy')
    expect(await main.textContent()).not.toContain('hn-vptu')
    await page.context().close()
  }, 180_000)
})
