/**
 * Browser test of the residence-cell comment campaign in Debian's Chromium:
 * the workplace cell opens the year's campaign, the residence cell fills the
 * form, the ward confirms, the result is back at the workplace cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { eventually, login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { HANGBAC, newCell, newMember } from '../integration/members/support.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

async function openComments(page: Page, tab: 'Chờ đơn vị xử lý' | 'Đợt nhận xét của chi bộ') {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhận xét nơi cư trú' }).click()
  await page.getByRole('heading', { level: 1, name: 'Nhận xét đảng viên nơi cư trú' }).waitFor()
  await page.getByRole('tab', { name: tab }).click()
}

describe('residence-cell comment campaign in the browser', () => {
  it('workplace cell opens the campaign, the residence cell comments, the ward confirms, the result returns', async () => {
    const admin = await login('admin')
    const cellName = `Chi bộ cơ quan ${uniq()}`
    const workplace = await newCell(admin, 'p-hoankiem', cellName)
    const member = await newMember(admin, workplace, { residenceCellId: HANGBAC })

    // The workplace cell (here the administrator) opens the year's campaign.
    const officer = await signIn(browser, 'admin')
    await openComments(officer, 'Đợt nhận xét của chi bộ')
    await officer.getByRole('textbox', { name: 'Chi bộ nơi công tác' }).click()
    await officer.getByRole('textbox', { name: 'Chi bộ nơi công tác' }).fill(cellName)
    await officer.getByRole('option', { name: new RegExp(cellName) }).click()
    await officer.getByRole('button', { name: 'Mở đợt nhận xét' }).click()
    await expect.poll(() => officer.getByText('Đã gửi 1 đề nghị, bỏ qua 0 đảng viên.').count()).toBeGreaterThan(0)
    const row = officer.getByRole('table', { name: 'Đợt nhận xét của chi bộ' }).getByRole('row').filter({ hasText: member.fullName })
    await expect.poll(() => row.textContent()).toContain('Chờ chi bộ nơi cư trú')

    // The residence cell fills the form.
    const residence = await signIn(browser, 'bithu.cb.hangbac')
    await eventually(async () => {
      await openComments(residence, 'Chờ đơn vị xử lý')
      await residence.getByRole('button', { name: `Nhận xét đảng viên ${member.fullName}` }).waitFor({ timeout: 2_000 })
    }, { timeoutMs: 30_000 })
    await residence.getByRole('button', { name: `Nhận xét đảng viên ${member.fullName}` }).click()
    const form = residence.getByRole('dialog')
    // Sending without a conclusion is refused on the page.
    await form.getByRole('button', { name: 'Gửi nhận xét' }).click()
    await expect.poll(() => form.getByText('Chọn kết luận.').count()).toBe(1)
    await form.getByRole('checkbox', { name: 'Thực hiện nghĩa vụ công dân nơi cư trú' }).check()
    await form.getByRole('checkbox', { name: 'Tham gia sinh hoạt, hội họp do nơi cư trú triệu tập' }).check()
    await form.getByRole('radio', { name: 'Tốt', exact: true }).check()
    await form.getByRole('textbox', { name: 'Ghi chú' }).fill('Gương mẫu, tích cực')
    await form.getByRole('button', { name: 'Gửi nhận xét' }).click()
    await expect.poll(() => residence.getByText('Đã gửi nhận xét.').count()).toBeGreaterThan(0)
    await residence.context().close()

    // The ward confirms what the residence cell wrote.
    const ward = await signIn(browser, 'bithu.hoankiem')
    await eventually(async () => {
      await openComments(ward, 'Chờ đơn vị xử lý')
      await ward.getByRole('button', { name: `Xác nhận nhận xét đảng viên ${member.fullName}` }).waitFor({ timeout: 2_000 })
    }, { timeoutMs: 30_000 })
    await ward.getByRole('button', { name: `Xác nhận nhận xét đảng viên ${member.fullName}` }).click()
    const confirm = ward.getByRole('dialog')
    await expect.poll(() => confirm.textContent()).toContain('Kết luận: Tốt')
    await confirm.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect.poll(() => ward.getByText('Đã xác nhận.').count()).toBeGreaterThan(0)
    await ward.context().close()

    // Back at the workplace cell: the result, confirmed by the ward's secretary.
    await eventually(async () => {
      await officer.getByRole('button', { name: 'Làm mới' }).click()
      expect(await row.textContent()).toContain('Đã trả kết quả')
    }, { timeoutMs: 30_000 })
    expect(await row.textContent()).toMatch(/Tốt · xác nhận: /)
    const stored = (await admin.get(`/api/members/comments?cellId=${workplace}&year=${new Date().getFullYear()}`)).body.comments[0]
    expect(stored.form).toMatchObject({ conclusion: 'good', note: 'Gương mẫu, tích cực', criteria: { example: false, civicDuties: true, meetings: true, contact: false, residentsViews: false } })
    await officer.context().close()
  })
})
