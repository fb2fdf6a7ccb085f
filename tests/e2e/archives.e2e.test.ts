/**
 * Browser test of the archives pages in Debian's Chromium against the real
 * embedded platform: a clerk opens a file, uploads a scan, follows the
 * pipeline page by page, verifies the fields beside the page image with the
 * keyboard, and finds the document by a search without diacritics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { renderDocumentPdf } from '../../infra/local/demo-documents.js'
import { eventually, login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'

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
    // The file plan's class, with its retention period in words
    await newFile.getByRole('textbox', { name: 'Nhóm hồ sơ theo danh mục (thời hạn bảo quản)' }).click()
    await page.getByRole('option', { name: /Chương trình, kế hoạch.*Vĩnh viễn/ }).click()
    await newFile.getByRole('button', { name: 'Lập hồ sơ' }).click()
    // The new file opens by itself, and is listed in the fonds with its retention
    await page.getByRole('heading', { level: 1, name: `HS-${tag} — Hồ sơ số hóa ${tag}` }).waitFor()
    await page.goBack()
    await expect.poll(() => page.getByRole('row', { name: new RegExp(`HS-${tag}.*Vĩnh viễn`) }).count()).toBe(1)
    await page.goForward()
    await page.getByRole('heading', { level: 1, name: `HS-${tag} — Hồ sơ số hóa ${tag}` }).waitFor()

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
    // The words of the field being checked are highlighted on the image; the image zooms from the keyboard
    await form.getByLabel(/Trích yếu/).focus()
    await expect.poll(() => page.getByTestId('field-box').count()).toBeGreaterThan(3)
    await page.getByText(/Trích yếu: tô \d+ từ trên ảnh/).waitFor()
    const shortcuts = page.getByRole('region', { name: 'Phím tắt' })
    await shortcuts.getByText(/Alt\+= \/ Alt\+-/).waitFor()
    const image = page.getByRole('img', { name: 'Ảnh trang 1 của bản quét' })
    const before = (await image.boundingBox())!.width
    await page.keyboard.press('Alt+=')
    await page.getByText('Cỡ ảnh: 150%').waitFor()
    await expect.poll(async () => (await image.boundingBox())!.width).toBeGreaterThan(before * 1.3)
    await page.keyboard.press('Alt+0')
    await page.getByText('Cỡ ảnh: 100%').waitFor()
    const symbol = form.getByLabel(/Số, ký hiệu/)
    await symbol.focus()
    await page.getByText('Số, ký hiệu: không tìm thấy trên ảnh').waitFor()
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

  it('handover wizard: choose the ended unit and the receiver, build the package, download the signed record', async () => {
    // Prepare: a cell of the ward with one file, merged into the ward
    const tag = uniq()
    const unitId = `cb-wz-${tag}`
    const name = `Chi bộ giao nhận ${tag}`
    const admin = await login('admin')
    expect((await admin.post('/api/units', { unitId, code: 'CB', name, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })).status).toBe(201)
    expect((await admin.post('/api/archives/files', { unitId, code: 'HS-01', title: `Hồ sơ chi bộ ${tag}`, startYear: 2024, retentionClass: '03.01' })).status).toBe(201)
    const secretary = await login('bithu.hoankiem')
    const request = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [unitId], successors: [{ unitId: 'p-hoankiem' }], effectiveDate: vietnamDate(), reason: 'Sáp nhập chi bộ để thử trình hướng dẫn giao nhận' })
    expect(request.status).toBe(202)
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${request.body.request.requestId}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await admin.get(`/api/units/${unitId}`)).body.unit.validTo).toBeDefined())
    const page = await signIn(browser, 'bithu.hoankiem')

    // Act: the wizard
    await page.goto(`${new URL(page.url()).origin}/archives/handover`)
    await page.getByRole('heading', { name: 'Giao nhận phông lưu trữ' }).waitFor()
    const from = page.getByRole('textbox', { name: 'Đơn vị đã kết thúc (bên giao)', exact: true })
    await from.click()
    await from.fill(tag)
    await page.getByRole('option', { name: new RegExp(name) }).first().click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Đơn vị tiếp nhận (bên nhận)', exact: true }).inputValue()).toContain('Hoàn Kiếm')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByText(name).first().waitFor()
    await page.getByRole('button', { name: 'Lập gói và biên bản giao nhận' }).click()

    // Assess: handed over, and the record downloads as a signed PDF
    await page.getByText('Đã giao 1 hồ sơ; biên bản giao nhận đã được ký số.').waitFor({ timeout: 60_000 })
    const link = page.locator('a[download^="bien-ban-"]')
    await link.waitFor()
    const pdf = Buffer.from(await (await fetch((await link.getAttribute('href'))!)).arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.includes('/ByteRange')).toBe(true)
    await page.getByText('Đã chuyển, chờ bên nhận kiểm tra').first().waitFor()
    expect(await page.getByRole('button', { name: 'Kiểm tra mã và xác nhận đã nhận' }).count()).toBeGreaterThan(0)
    await page.context().close()

    // The ward's clerk may not hand over or receive: the same page shows her the list and the records, no wizard and no receive button.
    const clerk = await signIn(browser, 'vanthu.hoankiem')
    await clerk.goto(`${new URL(clerk.url()).origin}/archives/handover`)
    await clerk.getByText('Việc bàn giao và tiếp nhận phông do người được giao nhiệm vụ lưu trữ', { exact: false }).waitFor()
    await clerk.getByText('Đã chuyển, chờ bên nhận kiểm tra').first().waitFor()
    expect(await clerk.getByRole('button', { name: 'Kiểm tra mã và xác nhận đã nhận' }).count()).toBe(0)
    expect(await clerk.getByRole('button', { name: 'Tiếp tục' }).count()).toBe(0)
    await clerk.context().close()
  })
})
