/**
 * Browser test of the schedules page in Debian's Chromium against the real
 * embedded platform: the ward's clerk sees the week with the demo meeting in
 * FullCalendar's week view, double-books the ward secretary and is warned
 * before saving (saving needs the confirmation); on a phone the week is a
 * list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { weekOf } from '../../shared/schedules/rules.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('schedules in the browser', () => {
  it('shows the week, and warns of a double booking of the secretary before saving', async () => {
    // Prepare
    const clerk = await signIn(browser, 'vanthu.hoankiem')
    const monday = weekOf(new Date())

    // Act
    await clerk.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch công tác' }).click()
    await clerk.getByRole('heading', { name: 'Lịch công tác', level: 1 }).waitFor()

    // Assess: the week view with this week's demo meeting of the ward's standing committee
    await clerk.locator('.fc-timeGridWeek-view').waitFor()
    await expect.poll(() => clerk.locator('.fc-event').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Họp Ban Thường vụ Đảng ủy phường (tuần 1)')]))
    // …at its time in Việt Nam, 14:00–16:00, drawn in the 14:00 row (a named zone without its plugin was drawn as UTC, at 07:00)
    const meeting = clerk.locator('.fc-event', { hasText: 'Họp Ban Thường vụ Đảng ủy phường (tuần 1)' })
    expect(await meeting.textContent()).toContain('14:00 - 16:00')
    const row = await clerk.locator('.fc-timegrid-slot-label[data-time="14:00:00"]').boundingBox()
    const box = await meeting.boundingBox()
    expect(Math.abs(box!.y - row!.y)).toBeLessThan(row!.height)

    // Act: a new event for the secretary on Monday 15:00–16:00, while he presides the 14:00–16:00 meeting
    const form = clerk.getByRole('region', { name: 'Thêm sự kiện' })
    await form.getByLabel('Nội dung', { exact: true }).fill(`Tiếp công dân ${uniq()}`)
    await form.getByLabel('Ngày', { exact: true }).fill(monday)
    await form.getByLabel('Bắt đầu').fill('15:00')
    await form.getByLabel('Kết thúc').fill('16:00')
    await form.getByRole('textbox', { name: 'Chủ trì' }).click()
    await form.getByRole('textbox', { name: 'Chủ trì' }).fill('Hoàng')
    await clerk.getByRole('option', { name: 'Đỗ Minh Hoàng' }).click()

    // Assess: the conflict is shown before saving, and saving waits for the confirmation
    const warning = form.getByRole('alert')
    await expect.poll(() => warning.textContent()).toContain('Đỗ Minh Hoàng đã có "Họp Ban Thường vụ Đảng ủy phường (tuần 1)"')
    expect(await form.getByRole('button', { name: 'Lưu sự kiện' }).isDisabled()).toBe(true)
    await form.getByLabel('Tôi đã xem các trùng lịch và vẫn lưu').check()
    expect(await form.getByRole('button', { name: 'Lưu sự kiện' }).isDisabled()).toBe(false)
    await clerk.context().close()
  })

  it('lists the week on a phone', async () => {
    const phone = await signIn(browser, 'chuyenvien.hoankiem', { width: 390, height: 844 })
    await phone.goto(`${new URL(phone.url()).origin}/schedules`)
    await phone.locator('.fc-listWeek-view').waitFor()
    await expect.poll(() => phone.locator('.fc-list-event').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Họp Ban Thường vụ Đảng ủy phường (tuần 1)')]))
    expect(await phone.locator('.fc-list-event', { hasText: 'Họp Ban Thường vụ Đảng ủy phường (tuần 1)' }).textContent()).toContain('14:00 - 16:00')
    expect(await phone.locator('.fc-timeGridWeek-view').count()).toBe(0)
    await phone.context().close()
  })
})
