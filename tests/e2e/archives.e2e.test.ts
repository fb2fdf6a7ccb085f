/**
 * Browser test of the archives pages in Debian's Chromium against the real
 * embedded platform: a clerk opens a file, uploads a scan, follows the
 * pipeline page by page, verifies the fields beside the page image with the
 * keyboard, and finds the document by a search without diacritics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { renderDocumentPdf } from '../../infra/local/demo-documents.js'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('archives in the browser', () => {
  it('upload → pipeline progress → verify beside the image → search finds it', async () => {
    // Prepare: a born-digital letter without number, date or signer (so it waits for a clerk)
    const tag = uniq()
    const summary = `về số hóa hồ sơ lưu trữ phường đợt ${tag}`
    const bytes = await renderDocumentPdf({
      superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'ĐẢNG ỦY PHƯỜNG HOÀN KIẾM', typeName: 'KẾ HOẠCH', summary,
      body: ['Văn bản dùng trong kiểm thử giao diện của hệ thống Văn phòng số.'],
    })
    const page = await signIn(browser, 'vanthu.hoankiem')

    // Act: open a file in the ward's fonds
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lưu trữ, số hóa' }).click()
    await page.getByRole('heading', { name: 'Lưu trữ và số hóa' }).waitFor()
    const newFile = page.getByRole('form', { name: 'Lập hồ sơ mới' })
    await newFile.getByLabel('Số, ký hiệu hồ sơ').fill(`HS-${tag}`)
    await newFile.getByLabel('Tiêu đề hồ sơ').fill(`Hồ sơ số hóa ${tag}`)
    await newFile.getByRole('button', { name: 'Lập hồ sơ' }).click()
    await page.getByRole('link', { name: `HS-${tag}` }).click()

    // Upload the scan and follow its pages
    const upload = page.getByRole('form', { name: 'Tải lên lô bản quét' })
    await upload.locator('input[type="file"]').setInputFiles({ name: 'ke-hoach.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) })
    await upload.getByRole('button', { name: 'Tải lên và số hóa' }).click()
    await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 60_000 }).toBe('Hoàn thành')
    await expect.poll(() => page.getByText('Trang 1: Đã đọc').count()).toBe(1)
    await page.getByText('Đã xử lý 1/1 trang').waitFor()

    // Verify: the page image beside the fields; the low-confidence field has the focus
    await page.getByRole('link', { name: 'Xác nhận', exact: true }).click()
    const form = page.getByRole('form', { name: 'Xác nhận thông tin văn bản' })
    await page.getByRole('img', { name: 'Ảnh trang 1 của bản quét' }).waitFor()
    await expect.poll(() => page.getByRole('img', { name: 'Ảnh trang 1 của bản quét' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => form.getByLabel(/Trích yếu/).inputValue()).toBe(summary)
    const symbol = form.getByLabel(/Số, ký hiệu/)
    await expect.poll(() => symbol.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(`Số 5 KH/ĐU`)
    await page.keyboard.press('Tab')
    await page.keyboard.type('2024-04-12')
    await form.getByLabel(/Người ký/).fill('Đỗ Minh Hoàng')
    await page.keyboard.press('Control+Enter')
    await page.getByText('Đã xác nhận và đưa vào sổ văn bản.').waitFor()

    // Assess: the document is in the register and a search without diacritics finds it
    await page.goto(`${new URL(page.url()).origin}/documents/search`)
    const search = page.getByRole('search', { name: 'Tìm kiếm văn bản' })
    await search.getByLabel('Từ khóa hoặc số, ký hiệu', { exact: true }).fill(`so hoa ho so luu tru phuong dot ${tag}`)
    await expect.poll(async () => {
      await search.getByRole('button', { name: 'Tìm kiếm', exact: true }).click()
      return page.getByText('05-KH/ĐU').count()
    }, { timeout: 20_000 }).toBeGreaterThan(0)
    await page.context().close()
  })
})
