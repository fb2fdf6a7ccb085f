/**
 * Browser test of the archivist's records management (issue 21) in Debian's
 * Chromium against the embedded platform: the file plan, a hold placed and
 * lifted with a reason (the held file is kept out of the year's list), and
 * the disposition path — the clerk proposes from the year's list, the
 * appraisal council's decision is recorded by the secretary, the clerk
 * carries it out and downloads the signed record. Each person sees only the
 * steps they may take; on a 390 px phone the page does not scroll sideways.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { pdfsig, pdfText } from '../support/poppler.js'

const SHOTS = process.env.E2E_SCREENSHOTS
let browser: Browser
beforeAll(async () => { browser = await launch(); if (SHOTS) mkdirSync(SHOTS, { recursive: true }) })
afterAll(async () => { await browser?.close() })
const shot = async (page: Page, name: string) => { if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }) }

/** Clicks a paper's download button and reads the file downloaded. */
async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()])
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) }
}

/** A ward file of 2014–2015 in a class, closed (its cut-off 31/12/2015). */
async function closedFile(code: string, title: string, retentionClass: string) {
  const clerk = await login('vanthu.hoankiem')
  const made = await clerk.post('/api/archives/files', { unitId: 'p-hoankiem', code, title, startYear: 2014, endYear: 2015, retentionClass })
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  const closed = await clerk.post(`/api/archives/files/${made.body.fileId}/close`, { version: made.body.version })
  expect(closed.status, JSON.stringify(closed.body)).toBe(200)
  return closed.body
}

async function openTab(page: Page, tab: string) {
  await page.goto(`${new URL(page.url()).origin}/archives`)
  await page.getByRole('link', { name: 'Quản lý hồ sơ lưu trữ' }).click()
  await page.getByRole('heading', { name: 'Quản lý hồ sơ lưu trữ' }).waitFor()
  await page.getByRole('tab', { name: tab }).click()
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

describe('records management in the browser', () => {
  it('disposition: the year\'s list → proposal → council decision → carried out → the signed record', async () => {
    const tag = uniq()
    await closedFile(`HS-XH-${tag}`, `Giấy mời năm 2015 ${tag}`, '04.01')
    await closedFile(`HS-GI-${tag}`, `Thông báo năm 2015 ${tag}`, '04.02')

    // The clerk (on a phone) proposes two files from the year's list; the demo's 2019 file is due as well
    const clerk = await signIn(browser, 'vanthu.hoankiem', { width: 390, height: 844 })
    await openTab(clerk, 'Xét hủy, nộp lưu')
    await clerk.getByRole('row', { name: /HS-2019-04.*Công văn, giấy mời thông thường.*Hủy/ }).waitFor()
    await clerk.getByRole('checkbox', { name: `Chọn hồ sơ HS-XH-${tag}` }).check()
    await clerk.getByRole('checkbox', { name: `Chọn hồ sơ HS-GI-${tag}` }).check()
    await clerk.getByRole('textbox', { name: 'Ghi chú đề nghị' }).fill(`Đề nghị hủy ${tag}`)
    await clerk.getByRole('button', { name: 'Lập đề nghị xét hủy (2 hồ sơ)' }).click()
    const card = (p: Page) => p.getByRole('article').filter({ hasText: `HS-XH-${tag}` })
    await card(clerk).getByText('Chờ Hội đồng xác định giá trị', { exact: true }).waitFor()
    await card(clerk).getByText('Chờ Hội đồng xác định giá trị kết luận.').waitFor()
    expect(await card(clerk).getByRole('form', { name: 'Kết luận của Hội đồng xác định giá trị tài liệu' }).count()).toBe(0)
    await card(clerk).getByText(/Đề nghị: Vũ Thị Thư/).waitFor()
    expect(await noSideScroll(clerk)).toBeLessThanOrEqual(390)

    // The secretary records the council's decision, keeping one file; she may not carry it out
    const secretary = await signIn(browser, 'bithu.hoankiem', { width: 1366 })
    await openTab(secretary, 'Xét hủy, nộp lưu')
    const council = card(secretary).getByRole('form', { name: 'Kết luận của Hội đồng xác định giá trị tài liệu' })
    await council.getByRole('textbox', { name: 'Chủ tịch Hội đồng' }).fill('Đỗ Minh Hoàng')
    await council.getByRole('textbox', { name: 'Thành viên (mỗi người một dòng)' }).fill('Vũ Thị Thư\nLê Văn Tâm')
    await council.getByRole('textbox', { name: 'Ý kiến của Hội đồng' }).fill('Đồng ý hủy, giữ lại thông báo.')
    await council.getByRole('checkbox', { name: `Giữ lại hồ sơ HS-GI-${tag} — Thông báo năm 2015 ${tag}` }).check()
    await council.getByRole('button', { name: 'Đồng ý', exact: true }).click()
    await card(secretary).getByText('Hội đồng đã đồng ý, chờ thực hiện').waitFor()
    await card(secretary).getByText('Chờ văn thư, lưu trữ thực hiện.').waitFor()
    expect(await card(secretary).getByRole('button', { name: 'Thực hiện hủy và nộp lưu' }).count()).toBe(0)
    await card(secretary).getByText(/HS-GI-.*Giữ lại/).waitFor()
    await secretary.context().close()

    // The clerk carries it out and downloads the signed record
    await clerk.reload()
    await clerk.getByRole('tab', { name: 'Xét hủy, nộp lưu' }).click()
    await card(clerk).getByRole('button', { name: 'Thực hiện hủy và nộp lưu' }).click()
    await card(clerk).getByText('Đã thực hiện', { exact: true }).waitFor({ timeout: 30_000 })
    await card(clerk).getByText(/Thực hiện: Vũ Thị Thư/).waitFor()
    const link = card(clerk).getByRole('link', { name: 'Tải biên bản hủy và nộp lưu (PDF đã ký)' })
    await link.waitFor()
    const pdf = new Uint8Array(await (await fetch((await link.getAttribute('href'))!)).arrayBuffer())
    const sigs = pdfsig(pdf)
    expect(sigs).toHaveLength(1)
    expect(sigs[0]).toContain('Signature is Valid')
    const text = pdfText(pdf)
    expect(text).toContain(`HS-XH-${tag}`)
    expect(text).not.toContain(`HS-GI-${tag}`)
    expect(text).toContain('Đỗ Minh Hoàng')
    // Once done, the destroyed file is out of the year's list; the kept one is back in it
    await expect.poll(() => clerk.getByRole('row', { name: new RegExp(`HS-XH-${tag}`) }).count()).toBe(0)
    await clerk.getByRole('row', { name: new RegExp(`HS-GI-${tag}`) }).waitFor()
    expect(await noSideScroll(clerk)).toBeLessThanOrEqual(390)
    await clerk.context().close()
  })

  it('a hold placed from the holds tab keeps the file out of the disposition until it is lifted with a reason', async () => {
    const tag = uniq()
    const file = await closedFile(`HS-TG-${tag}`, `Sổ theo dõi đảng phí năm 2015 ${tag}`, '04.02')

    // The inspector (1366 px) picks the ward's fonds and holds the file for an inspection
    const inspector = await signIn(browser, 'kiemtra.tu', { width: 1366 })
    await openTab(inspector, 'Tạm dừng hủy')
    const fonds = inspector.getByRole('textbox', { name: 'Phông lưu trữ' })
    await fonds.click()
    await fonds.fill('hoan kiem')
    await inspector.getByRole('option', { name: /^Đảng ủy phường Hoàn Kiếm/ }).first().click()
    const form = inspector.getByRole('form', { name: 'Đặt tạm dừng' })
    await form.getByRole('textbox', { name: 'Nội dung' }).fill(`Kiểm tra thu, nộp đảng phí ${tag}`)
    // The file list opens once the fonds' files have loaded (closed before)
    const files = form.getByLabel('Hồ sơ bị tạm dừng', { exact: true })
    await files.click()
    await files.fill(`HS-TG-${tag}`)
    await inspector.getByRole('option', { name: `HS-TG-${tag} — Sổ theo dõi đảng phí năm 2015 ${tag}` }).click()
    await files.press('Escape')
    await form.getByRole('button', { name: 'Đặt tạm dừng' }).click()
    const holdCard = inspector.getByRole('article', { name: `Thanh tra, kiểm tra: Kiểm tra thu, nộp đảng phí ${tag}` })
    await holdCard.getByText('Đang tạm dừng', { exact: true }).waitFor()
    await holdCard.getByText(`HS-TG-${tag} — Sổ theo dõi đảng phí năm 2015 ${tag}`).waitFor()

    // The clerk (390 px) sees it held in the year's list, not selectable
    const clerk = await signIn(browser, 'vanthu.hoankiem', { width: 390, height: 844 })
    await openTab(clerk, 'Xét hủy, nộp lưu')
    const row = clerk.getByRole('row', { name: new RegExp(`HS-TG-${tag}`) })
    await row.getByText('Đang tạm dừng, không xét').waitFor()
    const choose = clerk.getByRole('checkbox', { name: `Chọn hồ sơ HS-TG-${tag}` })
    expect(await choose.isDisabled()).toBe(true)
    await shot(clerk, 'records-disposition-390')

    // The inspector lifts the hold with a reason; the clerk can now choose the file
    await holdCard.getByRole('textbox', { name: 'Lý do gỡ' }).fill('Đã kết thúc kiểm tra')
    await holdCard.getByRole('button', { name: 'Gỡ tạm dừng' }).click()
    await holdCard.getByText(/Người gỡ: Phạm Thị Kiểm, .* — Đã kết thúc kiểm tra/).waitFor()
    await shot(inspector, 'records-holds-1366')
    await inspector.context().close()
    await clerk.reload()
    await clerk.getByRole('tab', { name: 'Xét hủy, nộp lưu' }).click()
    await expect.poll(() => clerk.getByRole('checkbox', { name: `Chọn hồ sơ HS-TG-${tag}` }).isEnabled()).toBe(true)
    expect(await clerk.getByRole('row', { name: new RegExp(`HS-TG-${tag}`) }).getByText('Đang tạm dừng, không xét').count()).toBe(0)
    await clerk.getByRole('checkbox', { name: `Chọn hồ sơ HS-TG-${tag}` }).check()
    await clerk.getByRole('button', { name: 'Lập đề nghị xét hủy (1 hồ sơ)' }).waitFor()
    expect(await noSideScroll(clerk)).toBeLessThanOrEqual(390)
    expect(file.code).toBe(`HS-TG-${tag}`)
    await clerk.context().close()
  }, 240_000)

  it("downloads the fonds' inventory and the year's disposition report from the records page", async () => {
    const clerk = await signIn(browser, 'vanthu.hoankiem', { width: 1366 })
    await openTab(clerk, 'Danh mục hồ sơ')
    await shot(clerk, 'records-plan-1366')
    const inventory = await downloaded(clerk, 'Tải mục lục hồ sơ (PDF có dấu)')
    expect(inventory.name).toMatch(/^muc-luc-ho-so-\d{4}-\d{2}-\d{2}\.pdf$/)
    expect(pdfsig(inventory.bytes)[0]).toContain('Signature is Valid')
    expect(pdfText(inventory.bytes)).toContain('MỤC LỤC HỒ SƠ')
    expect(pdfText(inventory.bytes)).toContain('HS-2019-04')
    await clerk.getByRole('tab', { name: 'Xét hủy, nộp lưu' }).click()
    await shot(clerk, 'records-disposition-1366')
    const year = new Date().getFullYear()
    const report = await downloaded(clerk, `Tải báo cáo xét hủy năm ${year} (XLSX)`)
    expect(report.name).toMatch(new RegExp(`^bao-cao-xet-huy-${year}-.*\\.xlsx$`))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(report.bytes) as never)
    expect(String(wb.getWorksheet('Xét hủy')!.getRow(1).getCell(1).value)).toContain(`NĂM ${year} — PHÔNG ĐẢNG ỦY PHƯỜNG HOÀN KIẾM`)
    const pdf = await downloaded(clerk, `Tải báo cáo xét hủy năm ${year} (PDF có dấu)`)
    expect(pdfsig(pdf.bytes)[0]).toContain('Signature is Valid')
    await clerk.context().close()
  }, 240_000)
})
