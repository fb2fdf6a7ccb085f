/**
 * Browser test of the bulk transfer page in Debian's Chromium: every member
 * of one cell moved to its successor, the progress and the reconciliation
 * report shown and downloaded as XLSX.
 */
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { newCell, newMember } from '../integration/members/support.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

/** Chooses a cell by its name typed without diacritics (the unit picker searches folded names). */
async function choose(page: Page, label: string, name: string) {
  await page.getByRole('textbox', { name: label }).click()
  await page.getByRole('textbox', { name: label }).fill(name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase())
  await page.getByRole('option', { name: new RegExp(name) }).click()
}

describe('bulk transfer in the browser', () => {
  it('moves every member of a cell to its successor and shows a balanced reconciliation, downloadable as XLSX', async () => {
    const admin = await login('admin')
    const [fromName, toName] = [`Chi bộ cũ ${uniq()}`, `Chi bộ mới ${uniq()}`]
    const from = await newCell(admin, 'p-hoankiem', fromName)
    const to = await newCell(admin, 'p-hoankiem', toName)
    for (let i = 0; i < 3; i++) await newMember(admin, from)

    const page = await signIn(browser, 'admin')
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đảng viên', exact: true }).click()
    await page.getByRole('link', { name: 'Chuyển hàng loạt' }).click()
    await page.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng hàng loạt' }).waitFor()
    await choose(page, 'Chi bộ chuyển đi', fromName)
    await choose(page, 'Chi bộ kế tục', toName)
    expect(await page.getByRole('main').textContent()).not.toContain(from) // the cells by name, never their ids
    await page.getByRole('textbox', { name: 'Căn cứ, lý do' }).fill('Hợp nhất chi bộ theo quyết định của Đảng ủy phường')
    await page.getByRole('button', { name: 'Thực hiện chuyển' }).click()
    await expect.poll(() => page.getByText('Đã chuyển 3/3 đảng viên').count()).toBe(1)
    await expect.poll(() => page.getByText('Khớp: 3 đảng viên đều ở chi bộ kế tục, không ai bị sót hay trùng.').count()).toBe(1)
    const row = page.getByRole('table', { name: 'Báo cáo đối soát' }).getByRole('row').filter({ hasText: fromName })
    expect((await row.getByRole('cell').allTextContents()).slice(2)).toEqual(['3', '3', '0'])

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo đối soát (XLSX)' }).click()])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer)
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1))
    expect(rows[1]).toEqual([fromName, toName, 3, 3, 0])
    expect(rows.find((r) => r[0] === 'Khớp')?.[1]).toBe('Có')
    expect((await admin.get(`/api/members?cellId=${from}`)).body.members).toEqual([])
    expect((await admin.get(`/api/members?cellId=${to}`)).body.members).toHaveLength(3)
    await page.context().close()
  })
})
