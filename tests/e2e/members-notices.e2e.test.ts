/**
 * Browser test of the handbook's invitations in Debian's Chromium: the cell
 * secretary invites the cell to a meeting, the member reads it in the
 * handbook and marks it read, the secretary sees who has read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('handbook invitations in the browser', () => {
  it('the secretary invites the cell, the member marks it read, the secretary sees who has read', async () => {
    const title = `Họp chi bộ tháng 12 ${uniq()}`
    const secretary = await signIn(browser, 'bithu.cb.hangbac')
    await secretary.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thông báo, giấy mời' }).click()
    await secretary.getByRole('heading', { level: 1, name: 'Gửi thông báo, giấy mời' }).waitFor()
    await secretary.locator('label').filter({ hasText: /^Giấy mời$/ }).click()
    await secretary.getByRole('textbox', { name: 'Tiêu đề' }).fill(title)
    await secretary.getByLabel('Thời gian').fill('05/12/2026')
    await secretary.getByLabel('Giờ', { exact: true }).fill('19:30')
    await secretary.getByRole('textbox', { name: 'Địa điểm' }).fill('Nhà văn hóa khu phố')
    await secretary.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('Sinh hoạt thường kỳ; kiểm điểm cuối năm')
    await secretary.getByRole('button', { name: 'Gửi', exact: true }).click()
    await expect.poll(() => secretary.getByText('Đã gửi.').count()).toBeGreaterThan(0)
    const row = secretary.getByRole('table', { name: 'Thông báo đã gửi' }).getByRole('row').filter({ hasText: title })
    await expect.poll(() => row.textContent()).toContain('Giấy mời')

    const member = await signIn(browser, 'dangvien.hangbac', { width: 390, height: 844 })
    await member.getByRole('button', { name: 'Mở menu điều hướng' }).click()
    await member.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ tay đảng viên' }).click()
    const invitation = member.getByRole('article', { name: title })
    await invitation.waitFor()
    expect(await invitation.textContent()).toContain('Nhà văn hóa khu phố')
    expect(await invitation.textContent()).toContain('Mới')
    await invitation.getByRole('button', { name: 'Đánh dấu đã đọc' }).click()
    await expect.poll(() => invitation.textContent()).toContain('Đã đọc lúc')
    await member.context().close()

    await secretary.reload()
    await secretary.getByRole('button', { name: `Ai đã đọc “${title}”` }).click()
    const drawer = secretary.getByRole('dialog')
    await expect.poll(() => drawer.getByRole('row').filter({ hasText: 'Ngô Thị Hằng' }).textContent()).not.toContain('Chưa đọc')
    expect(await drawer.textContent()).toMatch(/Đã đọc: 1\/\d+/)
    await secretary.context().close()
  })
})
