/**
 * Browser test of the tasks page in Debian's Chromium against the real
 * embedded platform: a ward secretary assigns a task to a specialist chosen
 * by name, sees it among the tasks assigned by him with its deadline as
 * dd/mm/yyyy, and the specialist accepts it from her tasks.
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

describe('tasks in the browser', () => {
  it('a secretary assigns a task by the lead\'s name; the lead accepts it', async () => {
    // Prepare
    const title = `Rà soát danh sách đảng viên ${uniq()}`
    const deadline = CALENDAR.addWorkingDays(vietnamDate(), 3)
    const shown = `${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`
    const secretary = await signIn(browser, 'bithu.hoankiem')

    // Act: assign
    await secretary.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ' }).click()
    await secretary.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor()
    const form = secretary.getByRole('form', { name: 'Giao nhiệm vụ' })
    await form.getByLabel('Nhiệm vụ').fill(title)
    await form.getByRole('textbox', { name: 'Người chủ trì (không bắt buộc)' }).click()
    await form.getByRole('textbox', { name: 'Người chủ trì (không bắt buộc)' }).fill('Trang')
    await secretary.getByRole('option', { name: 'Đặng Thu Trang' }).click()
    await form.getByLabel('Hạn').fill(deadline)
    await form.getByRole('button', { name: 'Giao' }).click()

    // Assess: among the tasks he assigned, with its lead, deadline and state
    const row = secretary.locator(`tr[data-task="${title}"]`)
    await row.waitFor()
    expect(await secretary.getByRole('tab', { name: 'Nhiệm vụ tôi giao' }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => row.textContent()).toContain('Đặng Thu Trang')
    expect(await row.textContent()).toContain(shown)
    expect(await row.textContent()).toContain('Mới giao')

    // Act: the specialist accepts it from her tasks
    const specialist = await signIn(browser, 'chuyenvien.hoankiem')
    await specialist.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ' }).click()
    const mine = specialist.locator(`tr[data-task="${title}"]`)
    await mine.waitFor()
    await mine.getByRole('button', { name: `Tiếp nhận: ${title}` }).click()

    // Assess
    await expect.poll(() => mine.textContent()).toContain('Đã tiếp nhận')
    expect(await mine.getByRole('button', { name: /Tiếp nhận/ }).count()).toBe(0)
    await secretary.reload()
    await expect.poll(() => secretary.locator(`tr[data-task="${title}"]`).textContent()).toContain('Đã tiếp nhận')
  })
})
