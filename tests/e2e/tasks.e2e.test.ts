/**
 * Browser test of the tasks page in Debian's Chromium against the real
 * embedded platform: a ward secretary assigns a task to a specialist chosen
 * by name, sees it among the tasks assigned by him with its deadline as
 * dd/mm/yyyy, and the specialist accepts it from her tasks. On the task's
 * own page (also on a phone) the lead reports progress and reports it done,
 * and the secretary evaluates it; each sees only their own steps, and the
 * history says who did what.
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

  it('on the task\'s page the lead reports progress and completion on a phone, the secretary evaluates it; each sees only their steps', async () => {
    // Prepare: a task given and accepted through the API
    const { login } = await import('../support/api.js')
    const title = `Tổng hợp báo cáo chuyên đề ${uniq()}`
    const boss = await login('bithu.hoankiem')
    const lead = await login('chuyenvien.hoankiem')
    const leadId = (await lead.get('/api/me')).body.user.userId
    const task = (await boss.post('/api/tasks', { title, leadUnitId: 'p-hoankiem', leadUserId: leadId, deadline: CALENDAR.addWorkingDays(vietnamDate(), 4) })).body
    expect((await lead.post(`/api/tasks/${task.taskId}/accept`, { version: 1 })).status).toBe(200)
    const phone = await signIn(browser, 'chuyenvien.hoankiem', { width: 390, height: 844 })

    // Act: the lead opens it from her list and reports 60%
    await phone.goto(new URL('/tasks', phone.url()).toString())
    await phone.getByRole('link', { name: title }).click()
    await phone.getByRole('heading', { name: title, level: 1 }).waitFor()
    expect(await phone.getByRole('button', { name: 'Đánh giá kết quả' }).count()).toBe(0)
    await phone.getByRole('button', { name: 'Báo cáo tiến độ' }).click()
    const dialog = phone.getByRole('dialog', { name: 'Báo cáo tiến độ' })
    await dialog.getByLabel('Phần trăm hoàn thành').fill('60')
    await dialog.getByLabel('Nội dung báo cáo').fill('Đã tổng hợp 8/12 chi bộ')
    await dialog.getByRole('button', { name: 'Báo cáo tiến độ' }).click()
    await phone.getByText('Tiến độ: 60%').first().waitFor()
    // … then reports it done
    await phone.getByRole('button', { name: 'Báo cáo hoàn thành' }).click()
    const done = phone.getByRole('dialog', { name: 'Báo cáo hoàn thành' })
    await done.getByLabel('Nội dung báo cáo').fill('Đã gửi báo cáo tổng hợp')
    await done.getByRole('button', { name: 'Báo cáo hoàn thành' }).click()

    // Assess: awaiting evaluation, her steps gone, the history in words
    await phone.getByText('Chờ đánh giá').first().waitFor()
    expect(await phone.getByRole('button', { name: 'Báo cáo tiến độ' }).count()).toBe(0)
    const history = await phone.locator('.mantine-Timeline-root').textContent()
    expect(history).toContain('Đặng Thu Trang báo cáo tiến độ 60%')
    expect(history).toContain('Đã tổng hợp 8/12 chi bộ')
    expect(history).toContain('Đặng Thu Trang báo cáo hoàn thành')
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // Act: the secretary evaluates it 5/5
    const desk = await signIn(browser, 'bithu.hoankiem')
    await desk.goto(new URL(`/tasks/${task.taskId}`, desk.url()).toString())
    await desk.getByRole('button', { name: 'Đánh giá kết quả' }).click()
    const evaluate = desk.getByRole('dialog', { name: 'Đánh giá kết quả' })
    await evaluate.getByText('5 — Xuất sắc').click()
    await evaluate.getByRole('button', { name: 'Đánh giá kết quả' }).click()

    // Assess
    await desk.getByText('Hoàn thành', { exact: true }).first().waitFor()
    await expect.poll(() => desk.locator('.mantine-Timeline-root').textContent()).toContain('Đỗ Minh Hoàng đánh giá 5/5')
    expect(await desk.getByText(/Đánh giá: 5\/5, đúng hạn/).count()).toBe(1)
    expect(await desk.getByRole('button', { name: 'Đánh giá kết quả' }).count()).toBe(0)
  })
  it('exports the tasks he assigned (every page) as an XLSX workbook, by names and dd/mm/yyyy', async () => {
    // Prepare
    const { default: ExcelJS } = await import('exceljs')
    const { login } = await import('../support/api.js')
    const listed = (await (await login('bithu.hoankiem')).get('/api/tasks?view=assigned&limit=100')).body.tasks
    const page = await signIn(browser, 'bithu.hoankiem')
    await page.goto(new URL('/tasks?view=assigned', page.url()).toString())
    await page.locator('tr[data-task]').first().waitFor()

    // Act
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()])

    // Assess: the header, one row per task of the list (more than one page of 50 when other tests gave many), names not ids
    expect(download.suggestedFilename()).toBe(`nhiem-vu-toi-giao-${vietnamDate()}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await download.path())!)
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((c) => (c == null ? '' : String(c))))
    expect(rows[0]).toEqual(['STT', 'Nhiệm vụ', 'Chủ trì', 'Người giao', 'Hạn', 'Trạng thái', 'Tiến độ (%)', 'Quá hạn'])
    expect(rows.length - 1).toBeGreaterThanOrEqual(listed.length)
    const overdue = rows.find((r) => r[1] === 'Cập nhật hồ sơ tổ chức cơ sở đảng sau sắp xếp')!
    const demo = listed.find((x: any) => x.title === 'Cập nhật hồ sơ tổ chức cơ sở đảng sau sắp xếp')
    expect(overdue.slice(2)).toEqual(['Đặng Thu Trang — Đảng ủy phường Hoàn Kiếm', 'Đỗ Minh Hoàng', `${demo.deadline.slice(8, 10)}/${demo.deadline.slice(5, 7)}/${demo.deadline.slice(0, 4)}`, 'Đang thực hiện', '40', 'Có'])
    expect(JSON.stringify(rows)).not.toContain('p-hoankiem')
  })
})
