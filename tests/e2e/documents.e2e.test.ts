/**
 * Browser tests of the official documents pages in Debian's Chromium against
 * the real embedded platform: a clerk registers an incoming PDF and the
 * leader writes the direction (bút phê); a draft goes through review (sent
 * back once, revised, resubmitted, approved) and is signed and issued, the
 * PDF viewer shows the signed document with its number, and a search
 * without diacritics finds it.
 *
 * E2E_SCREENSHOTS=<dir> saves a screenshot of each step there.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { renderDocumentPdf } from '../../infra/local/demo-documents.js'
import { deadlineFor } from '../../shared/documents/urgency.js'
import { baseUrl, eventually, login, uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

const PASSWORD = 'Thu-nghiem#2026'
const SHOTS = process.env.E2E_SCREENSHOTS
let browser: Browser
beforeAll(async () => {
  browser = await launch()
  if (SHOTS) mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => { await browser?.close() })

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/** Today on this machine, as the SPA's date fields take it. */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

async function pdf(summary: string, issuer = 'ĐẢNG ỦY PHƯỜNG CỬA NAM', typeName = 'KẾ HOẠCH'): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const bytes = await renderDocumentPdf({
    superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer, typeName, summary,
    body: ['Văn bản dùng trong kiểm thử giao diện của hệ thống Văn phòng số.'],
  })
  return { name: 'van-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' })

/** Picks an option of a Mantine Select / MultiSelect: open, type to filter, choose. */
async function choose(page: Page, scope: Locator, label: string, typed: string, option: string | RegExp): Promise<void> {
  const input = scope.getByLabel(label, { exact: true })
  await input.click()
  if (typed) await input.fill(typed)
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).first().click()
  // A MultiSelect keeps its list open: leave the field so it closes.
  await input.press('Tab')
}

describe('official documents in the browser', () => {
  it('a clerk registers an incoming PDF (a classified mark hides the file field); the leader writes the direction', async () => {
    const tag = uniq()
    const summary = `Kế hoạch tổ chức hội nghị chuyển đổi số ${tag}`
    const number = 100 + Math.floor(Math.random() * 800)

    // The clerk registers it.
    const clerk = await signIn(browser, 'vanthu.hoankiem')
    await nav(clerk).getByRole('link', { name: 'Văn bản đến', exact: true }).click()
    await clerk.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor()
    expect(await nav(clerk).getByRole('link', { name: 'Văn bản đi', exact: true }).count()).toBe(0)
    await clerk.getByRole('button', { name: 'Vào sổ văn bản đến' }).click()
    const form = clerk.getByRole('dialog', { name: 'Vào sổ văn bản đến' })
    await form.getByLabel('Số, ký hiệu', { exact: true }).fill(`Số ${number} kh/du`)
    await expect.poll(() => form.getByText(`Sẽ ghi vào sổ: ${number}-KH/ĐU (Kế hoạch)`).count()).toBe(1)
    await form.getByLabel('Cơ quan ban hành', { exact: true }).fill('Đảng ủy phường Cửa Nam')
    // The date is typed day first, as a Vietnamese clerk writes it (03/12 is the 3rd of December, not 12 March).
    // A required field's label reads "Ngày văn bản *" (the asterisk is part of its text).
    const documentDate = form.getByLabel(/^Ngày văn bản( \*)?$/)
    expect(await documentDate.getAttribute('placeholder')).toBe('ngày/tháng/năm')
    await documentDate.fill('03/12/2026')
    await documentDate.press('Tab')
    expect(await documentDate.inputValue()).toBe('03/12/2026')
    await form.getByLabel('Trích yếu nội dung', { exact: true }).fill(summary)
    // MẬT: no file, and the reason is said.
    await choose(clerk, form, 'Độ mật', '', 'MẬT')
    await form.getByText('Văn bản mật: chỉ vào sổ thông tin').waitFor()
    expect(await form.getByRole('button', { name: 'Tệp văn bản (PDF)' }).count()).toBe(0)
    await shot(clerk, '1-register-classified')
    await choose(clerk, form, 'Độ mật', '', 'Thường')
    await form.getByRole('button', { name: 'Tệp văn bản (PDF)' }).waitFor()
    await form.locator('input[type="file"]').setInputFiles(await pdf(summary))
    await choose(clerk, form, 'Độ khẩn', '', 'KHẨN')
    await shot(clerk, '2-register')
    await form.getByRole('button', { name: 'Vào sổ', exact: true }).click()
    await clerk.getByRole('heading', { level: 1, name: `Kế hoạch ${number}-KH/ĐU` }).waitFor()
    const documentUrl = clerk.url()
    expect(documentUrl).toMatch(/\/documents\/p-hoankiem\./)
    await clerk.getByText('Đã vào sổ, chờ bút phê').first().waitFor()
    await clerk.getByTestId('pdf-page').waitFor()
    await expect.poll(() => clerk.getByTestId('pdf-text').textContent(), { timeout: 20_000 }).toContain(tag)
    await shot(clerk, '3-registered')
    await clerk.context().close()

    // The leader finds it in the inbox, new, and writes the direction.
    const leader = await signIn(browser, 'bithu.hoankiem')
    await nav(leader).getByRole('link', { name: 'Văn bản đến', exact: true }).click()
    await leader.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor()
    await leader.getByRole('status').filter({ hasText: /\d+ văn bản/ }).waitFor()
    const link = leader.getByRole('link', { name: summary })
    await expect.poll(async () => {
      if (await link.count()) return true
      await leader.reload()
      await leader.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor()
      return (await link.count()) > 0
    }, { timeout: 20_000 }).toBe(true)
    await shot(leader, '4-inbox')
    await link.click()
    await leader.getByRole('button', { name: 'Bút phê, giao xử lý' }).click()
    const dialog = leader.getByRole('dialog', { name: 'Bút phê, giao xử lý văn bản' })
    // The deadline starts from the urgency (KHẨN: two working days).
    expect(await dialog.getByLabel('Hạn xử lý', { exact: true }).inputValue()).toBe(deadlineFor(today(), 'khan').split('-').reverse().join('/'))
    await dialog.getByLabel('Ý kiến chỉ đạo', { exact: true }).fill(`Giao Chi bộ khu phố Hàng Bạc chủ trì, báo cáo kết quả (${tag}).`)
    await choose(leader, dialog, 'Đơn vị chủ trì', 'hang bac', /Chi bộ khu phố Hàng Bạc/)
    await choose(leader, dialog, 'Đơn vị phối hợp', 'hang dao', /Chi bộ khu phố Hàng Đào/)
    await shot(leader, '5-direction')
    await dialog.getByRole('button', { name: 'Lưu bút phê' }).click()
    const card = leader.getByRole('region', { name: 'Ý kiến chỉ đạo (bút phê)' })
    await expect.poll(() => card.textContent()).toContain(`báo cáo kết quả (${tag})`)
    expect(await card.textContent()).toContain('Chi bộ khu phố Hàng Bạc')
    await leader.getByText('Đang xử lý').first().waitFor()
    await shot(leader, '6-directed')
    await leader.context().close()

    // The API agrees.
    const api = await login('bithu.hoankiem')
    const id = decodeURIComponent(new URL(documentUrl).pathname.split('/').pop()!)
    const doc = (await api.get(`/api/documents/${id}`)).body.document
    expect(doc).toMatchObject({ documentDate: '2026-12-03', status: 'directed', urgency: 'khan', direction: { leadUnitId: 'p-hoankiem-cb-hangbac', coordinatingUnitIds: ['p-hoankiem-cb-hangdao'] } })
  }, 180_000)

  it('a draft is returned, revised, approved and issued; the viewer shows the signed PDF with its number; a search without diacritics finds it', async () => {
    const tag = uniq()
    const summary = `Kế hoạch thử nghiệm trình duyệt văn bản điện tử ${tag}`
    // A ward of its own (fresh numbering), with a drafter, a reviewer (the default chain: the ward's leadership) and a signer.
    const admin = await login('admin')
    const ward = `p-e2e-doc-${tag}`
    expect((await admin.post('/api/units', { unitId: ward, code: 'ĐU', name: `Đảng ủy phường Trình Duyệt ${tag}`, level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2025-07-01' })).status).toBe(201)
    const cell = `${ward}-cb`
    expect((await admin.post('/api/units', { unitId: cell, code: 'CB', name: `Chi bộ Nhận Văn Bản ${tag}`, level: 'cell', kind: 'cell', parentId: ward, validFrom: '2025-07-01' })).status).toBe(201)
    const people: Record<string, string> = {}
    for (const [role, fullName, position] of [
      ['specialist', 'Chuyên viên Soạn Thảo', 'Chuyên viên'], ['deputy-secretary', 'Phó Bí thư Duyệt', 'Phó Bí thư'], ['secretary', 'Bí thư Ký Số', 'Bí thư'],
    ] as const) {
      const username = `${role.replace(/[^a-z]/g, '')}.${tag}`
      const res = await admin.post('/api/users', { username, fullName: `${fullName} ${tag}`, clearance: 'internal', password: PASSWORD, assignments: [{ unitId: ward, role, position }] })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      people[role] = username
    }
    const as = async (role: string, size?: { width: number; height: number }) => {
      const context = await browser.newContext({ viewport: size ?? { width: 1280, height: 800 }, locale: 'vi-VN' })
      const page = await context.newPage()
      await page.goto(`${baseUrl()}/login`)
      await page.getByLabel('Tên đăng nhập').fill(people[role])
      await page.getByLabel('Mật khẩu').fill(PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/login'))
      return page
    }
    const phone = { width: 390, height: 844 }

    // The specialist drafts on a phone, with the first version, and submits it.
    const drafter = await as('specialist', phone)
    await drafter.getByRole('button', { name: 'Mở menu điều hướng' }).click()
    await nav(drafter).getByRole('link', { name: 'Văn bản đi', exact: true }).click()
    await drafter.getByRole('button', { name: 'Soạn dự thảo' }).click()
    const form = drafter.getByRole('dialog', { name: 'Soạn dự thảo văn bản đi' })
    await choose(drafter, form, 'Loại văn bản', 'ke hoach', 'Kế hoạch (KH)')
    await form.getByLabel('Trích yếu nội dung', { exact: true }).fill(summary)
    await form.getByLabel('Người ký (tên đăng nhập)', { exact: true }).fill(people.secretary)
    await choose(drafter, form, 'Nơi nhận trên hệ thống', 'nhan van ban', new RegExp(`Chi bộ Nhận Văn Bản ${tag}`))
    await form.locator('input[type="file"]').setInputFiles(await pdf(`${summary} (bản 1)`, `ĐẢNG ỦY PHƯỜNG TRÌNH DUYỆT ${tag.toUpperCase()}`))
    await shot(drafter, '7-draft')
    await form.getByRole('button', { name: 'Tạo dự thảo' }).click()
    await drafter.getByRole('heading', { level: 1, name: 'Dự thảo kế hoạch' }).waitFor()
    const documentUrl = drafter.url()
    await drafter.getByRole('button', { name: 'Trình duyệt' }).click()
    await drafter.getByText('Đang trình duyệt').first().waitFor()
    const overflow = await drafter.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await shot(drafter, '8-submitted')

    // The reviewer finds it waiting and returns it with a comment.
    const reviewer = await as('deputy-secretary')
    await nav(reviewer).getByRole('link', { name: 'Văn bản đi', exact: true }).click()
    await reviewer.getByRole('tab', { name: /Chờ tôi duyệt/ }).click()
    const waiting = reviewer.getByRole('link', { name: summary })
    await expect.poll(async () => {
      if (await waiting.count()) return true
      await reviewer.reload()
      await reviewer.getByRole('tab', { name: /Chờ tôi duyệt/ }).waitFor()
      return (await waiting.count()) > 0
    }, { timeout: 20_000 }).toBe(true)
    await waiting.click()
    await reviewer.getByRole('button', { name: 'Trả lại dự thảo' }).click()
    const back = reviewer.getByRole('dialog', { name: 'Trả lại dự thảo để sửa' })
    await back.getByLabel('Ý kiến', { exact: true }).fill('Bổ sung kinh phí thực hiện và thời gian cụ thể.')
    await back.getByRole('button', { name: 'Trả lại dự thảo' }).click()
    await reviewer.getByText('Bị trả lại, đang sửa').first().waitFor()

    // The drafter sees why, uploads version 2 and resubmits.
    await drafter.reload()
    await drafter.getByText('Bổ sung kinh phí thực hiện và thời gian cụ thể.').first().waitFor()
    await shot(drafter, '9-returned')
    await drafter.getByRole('button', { name: 'Tải lên phiên bản mới' }).click()
    const version = drafter.getByRole('dialog', { name: 'Tải lên phiên bản mới' })
    await version.locator('input[type="file"]').setInputFiles(await pdf(`${summary} (bản 2)`, `ĐẢNG ỦY PHƯỜNG TRÌNH DUYỆT ${tag.toUpperCase()}`))
    await version.getByLabel('Ghi chú', { exact: true }).fill('Đã bổ sung kinh phí')
    await version.getByRole('button', { name: 'Tải lên', exact: true }).click()
    await drafter.getByRole('button', { name: 'Trình lại' }).click()
    await drafter.getByText('Đang trình duyệt').first().waitFor()
    await drafter.context().close()

    // The reviewer approves.
    await reviewer.reload()
    await reviewer.getByRole('button', { name: 'Duyệt', exact: true }).click()
    const approve = reviewer.getByRole('dialog', { name: 'Duyệt dự thảo' })
    await approve.getByRole('button', { name: 'Duyệt', exact: true }).click()
    await reviewer.getByText('Đã duyệt, chờ ký').first().waitFor()
    await reviewer.context().close()

    // The signer reviews the final PDF, signs and issues it: the number and the recipients are shown.
    const signer = await as('secretary')
    await signer.goto(documentUrl)
    await expect.poll(async () => (await signer.getByTestId('pdf-text').textContent())?.replace(/\s+/g, ''), { timeout: 20_000 }).toContain('(bản2)')
    await signer.getByRole('button', { name: 'Ký số và ban hành' }).click()
    const issue = signer.getByRole('dialog', { name: 'Ký số và ban hành văn bản' })
    await shot(signer, '10-issue')
    await issue.getByRole('button', { name: 'Ký số và ban hành' }).click()
    const result = signer.getByTestId('issued-result')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.textContent()).toContain('Đã ban hành: 01-KH/ĐU')
    await signer.getByRole('heading', { level: 1, name: 'Kế hoạch 01-KH/ĐU' }).waitFor()
    expect(await result.textContent()).toContain(`Chi bộ Nhận Văn Bản ${tag}`)
    // The viewer now shows the signed file, with the number stamped on it.
    await expect.poll(async () => (await signer.getByTestId('pdf-text').textContent())?.replace(/\s+/g, ''), { timeout: 20_000 }).toContain('Số01-KH/ĐU')
    await shot(signer, '11-issued')

    // Its signatures verify.
    await signer.getByRole('tab', { name: 'Xác thực chữ ký số' }).click()
    await signer.getByRole('button', { name: 'Kiểm tra chữ ký của văn bản này' }).click()
    const verdict = signer.getByRole('status').filter({ hasText: 'Chữ ký số hợp lệ' })
    await verdict.waitFor({ timeout: 30_000 })
    expect(await signer.getByTestId('verify-result').textContent()).toContain(`Bí thư Ký Số ${tag}`)
    await shot(signer, '12-verified')

    // A search without diacritics finds it.
    await nav(signer).getByRole('link', { name: 'Tìm kiếm văn bản', exact: true }).click()
    const search = signer.getByRole('search', { name: 'Tìm kiếm văn bản' })
    await search.getByLabel('Từ khóa hoặc số, ký hiệu', { exact: true }).fill(`ke hoach thu nghiem trinh duyet ${tag}`)
    const found = signer.getByRole('link', { name: summary })
    await expect.poll(async () => {
      await search.getByRole('button', { name: 'Tìm kiếm', exact: true }).click()
      await signer.getByText(/Tìm thấy \d+ văn bản/).waitFor()
      await signer.waitForTimeout(300)
      return found.count()
    }, { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await signer.getByText('tìm theo từ khóa').count()).toBeGreaterThan(0)
    await shot(signer, '13-search')
    await found.first().click()
    await signer.getByRole('heading', { level: 1, name: 'Kế hoạch 01-KH/ĐU' }).waitFor()
    await signer.context().close()

    // The recipient unit got it as incoming, to confirm.
    const api = await login(people.secretary, PASSWORD)
    const id = decodeURIComponent(new URL(documentUrl).pathname.split('/').pop()!)
    await eventually(async () => {
      const page = (await api.get(`/api/documents/${id}`)).body
      expect(page.document).toMatchObject({ status: 'issued', symbol: '01-KH/ĐU', recipients: [cell] })
      expect(page.deliveries.map((d: { unitId: string }) => d.unitId)).toEqual([cell])
    })
  }, 240_000)
})
