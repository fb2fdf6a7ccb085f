/**
 * Browser test of the work programme pages in Debian's Chromium against the
 * real embedded platform: the ward's clerk, on a desktop, drafts this
 * quarter's programme from the menu, adds an item (presiding leader chosen
 * by name) and submits it — no approval offered to her; the ward's
 * secretary, on a 390 px phone, approves it and gives a task for the item;
 * the task's own page says which programme and item it comes from, by name.
 * Screenshots of both widths are written for a person to look at.
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
const shots = process.env.SCREENSHOTS_DIR

describe('work programmes in the browser', () => {
  it('the clerk drafts and submits; the secretary approves on a phone and gives a task for an item', async () => {
    // Prepare
    const today = vietnamDate()
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
    const title = `Chương trình công tác thử nghiệm ${uniq()}`
    const content = `Hội nghị sơ kết công tác dân vận ${uniq()}`
    const clerk = await signIn(browser, 'vanthu.hoankiem', { width: 1366, height: 900 })

    // Act: from the menu, draft the programme (the ward chosen by name, this quarter by default)
    await clerk.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chương trình công tác' }).click()
    await clerk.getByRole('heading', { name: 'Chương trình công tác', level: 1 }).waitFor()
    await expect.poll(() => clerk.getByRole('textbox', { name: 'Đơn vị', exact: true }).inputValue()).toContain('Hoàn Kiếm')
    const form = clerk.getByRole('form', { name: 'Lập chương trình mới' })
    await form.getByLabel('Tên chương trình').fill(title)
    await form.getByRole('button', { name: 'Lập chương trình' }).click()
    await clerk.getByRole('heading', { name: title, level: 1 }).waitFor()

    // Act: add an item
    await clerk.getByRole('button', { name: 'Thêm nội dung' }).click()
    const add = clerk.getByRole('dialog', { name: 'Thêm nội dung' })
    await add.getByLabel('Nội dung').fill(content)
    await add.getByRole('textbox', { name: 'Lãnh đạo chủ trì (không bắt buộc)' }).click()
    await clerk.getByRole('option', { name: 'Đỗ Minh Hoàng' }).click()
    await add.getByLabel('Ngày thực hiện').fill(today)
    await add.getByLabel('Sản phẩm (loại văn bản)').fill('Báo cáo sơ kết')
    await add.getByRole('button', { name: 'Thêm nội dung' }).click()

    // Assess: the item under its month, by name, with its week
    const card = clerk.locator(`article[data-item="${content}"]`)
    await card.waitFor()
    const cardText = await card.textContent()
    expect(cardText).toContain('Đảng ủy phường Hoàn Kiếm')
    expect(cardText).toContain('Đỗ Minh Hoàng')
    expect(cardText).toContain(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`)
    expect(await clerk.getByRole('heading', { name: `Tháng ${Number(today.slice(5, 7))}/${today.slice(0, 4)}`, level: 2 }).count()).toBe(1)
    expect(await clerk.getByText(`Đảng ủy phường Hoàn Kiếm — Quý ${quarter}/${today.slice(0, 4)}`, { exact: false }).count()).toBeGreaterThan(0)

    // Act: submit
    await clerk.getByRole('button', { name: 'Trình duyệt' }).click()

    // Assess: awaiting approval, and the clerk is offered no decision
    await clerk.getByText('Chờ duyệt').first().waitFor()
    expect(await clerk.getByRole('button', { name: 'Duyệt chương trình' }).count()).toBe(0)
    expect(await clerk.getByRole('button', { name: 'Thêm nội dung' }).count()).toBe(0)
    const programmeUrl = clerk.url()

    // Act: the secretary approves it on a phone
    const phone = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    await phone.goto(programmeUrl)
    await phone.getByRole('heading', { name: title, level: 1 }).waitFor()
    await phone.getByRole('button', { name: 'Duyệt chương trình' }).click()
    const decide = phone.getByRole('dialog', { name: 'Duyệt chương trình' })
    await decide.getByLabel('Ý kiến').fill('Đồng ý')
    await decide.getByRole('button', { name: 'Duyệt', exact: true }).click()

    // Assess
    await phone.getByText(/^Đã duyệt ngày/).waitFor()
    expect(await phone.getByRole('button', { name: 'Duyệt chương trình' }).count()).toBe(0)

    // Act: give a task for the item (its content as the title, its preparing unit as the lead)
    const deadline = CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(today), 2)
    const item = phone.locator(`article[data-item="${content}"]`)
    await item.getByRole('button', { name: 'Giao nhiệm vụ' }).click()
    const give = phone.getByRole('dialog', { name: `Giao nhiệm vụ: ${content}` })
    expect(await give.getByLabel('Tên nhiệm vụ').inputValue()).toBe(content)
    await give.getByLabel('Hạn hoàn thành').fill(deadline)
    await give.getByLabel('Tên nhiệm vụ').click() // closes the date picker's month, which covers the button on a phone
    await give.getByRole('button', { name: 'Giao nhiệm vụ' }).click()

    // Assess: the task under the item with its state; the progress bar; no sideways scroll on the phone
    const taskLink = item.getByRole('link', { name: new RegExp(`^${content} — Đảng ủy phường Hoàn Kiếm, hạn ${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`) })
    await taskLink.waitFor()
    expect(await item.getByText('Mới giao').count()).toBe(1)
    expect(await item.getByRole('progressbar').count()).toBe(1)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    if (shots) await phone.screenshot({ path: `${shots}/programme-390.png`, fullPage: true })

    // Act: open the task
    await taskLink.click()

    // Assess: the task page names the programme and the item it comes from
    await phone.getByRole('heading', { name: content, level: 1 }).waitFor()
    expect(await phone.getByRole('link', { name: `Chương trình công tác "${title} (Quý ${quarter}/${today.slice(0, 4)})", nội dung "${content}"` }).count()).toBe(1)
    if (shots) {
      await phone.screenshot({ path: `${shots}/task-from-programme-390.png`, fullPage: true })
      const desk = await signIn(browser, 'vanthu.hoankiem', { width: 1366, height: 900 })
      await desk.goto(programmeUrl)
      await desk.locator(`article[data-item="${content}"]`).getByRole('progressbar').waitFor({ state: 'attached' })
      await desk.screenshot({ path: `${shots}/programme-1366.png`, fullPage: true })
    }
  })
})
