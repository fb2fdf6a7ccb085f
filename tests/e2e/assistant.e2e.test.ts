/**
 * Browser tests of the assistant in Debian's Chromium against the embedded
 * platform: the panel beside a page answers with a citation that opens the
 * document at its page, a follow-up keeps the conversation and a rating is
 * kept; the appraisal page shows a draft and its findings side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launch, signIn } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('the assistant in the browser', () => {
  it('answers in the side panel with a citation that opens the document at the cited page, keeps the conversation and a rating', async () => {
    const page = await signIn(browser, 'bithu.hoankiem')
    await page.getByRole('button', { name: 'Mở trợ lý ảo' }).click()
    const panel = page.getByRole('dialog', { name: 'Trợ lý ảo' })
    await panel.getByLabel('Câu hỏi').fill('Chỉ thị 42-CT/TU ban hành ngày nào?')
    await panel.getByRole('button', { name: 'Gửi câu hỏi' }).click()
    const answer = panel.getByRole('article', { name: 'Trợ lý trả lời' }).first()
    await expect.poll(() => answer.innerText(), { timeout: 30_000 }).toContain('23/01/2025')

    // A follow-up in the same conversation, then a rating
    await panel.getByLabel('Câu hỏi').fill('Ai chủ trì theo dõi, đôn đốc việc thực hiện?')
    await panel.getByLabel('Câu hỏi').press('Enter')
    const second = panel.getByRole('article', { name: 'Trợ lý trả lời' }).nth(1)
    await expect.poll(() => second.innerText(), { timeout: 30_000 }).toContain('Văn phòng Thành ủy chủ trì theo dõi')
    await second.getByRole('button', { name: 'Câu trả lời hữu ích' }).click()
    await expect.poll(() => second.getByRole('button', { name: 'Câu trả lời hữu ích' }).getAttribute('aria-pressed')).toBe('true')

    // The citation opens the document page at the passage's page
    await second.getByRole('link', { name: /Mở 42-CT\/TU tại Điều 4, trang 1/ }).click()
    await page.waitForURL(/\/documents\/p-hoankiem\.[^?]+\?page=1&passage=\d+/)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 }).toContain('42-CT/TU')
    await expect.poll(() => page.getByRole('note').innerText(), { timeout: 30_000 }).toContain('Văn phòng Thành ủy chủ trì theo dõi')
    expect(await page.getByRole('note').innerText()).toContain('Đoạn được trợ lý trích dẫn — Điều 4, trang 1')

    // The assistant page lists the conversation with both questions
    await page.goto(page.url().replace(/\/documents\/.*/, '/assistant'))
    await page.getByRole('navigation', { name: 'Các cuộc hội thoại gần đây' }).getByRole('link', { name: /42-CT\/TU ban hành ngày nào/ }).first().click()
    await expect.poll(() => page.getByRole('log', { name: 'Trợ lý ảo' }).innerText(), { timeout: 20_000 }).toContain('Ai chủ trì theo dõi')
    await page.context().close()
  }, 180_000) // two answers, a document page and the assistant page: on a loaded CI machine this took over a minute once

  it('shows the answer as it streams in, before its citations', async () => {
    const page = await signIn(browser, 'bithu.hoankiem')
    await page.getByRole('button', { name: 'Mở trợ lý ảo' }).click()
    const panel = page.getByRole('dialog', { name: 'Trợ lý ảo' })
    // Record every state of the page while the answer arrives: the text shown, and whether citations are shown yet.
    await page.evaluate(() => {
      const seen: { text: string; streaming: boolean; sources: number }[] = []
      ;(window as unknown as { seen: typeof seen }).seen = seen
      new MutationObserver(() => {
        const streaming = document.querySelector('[data-streaming="true"] .assistant-answer')
        const final = [...document.querySelectorAll('article .assistant-answer')].at(-1)
        const sources = document.querySelectorAll('[role="dialog"] a[href*="passage="]').length
        seen.push({ text: (streaming ?? final)?.textContent ?? '', streaming: !!streaming, sources })
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await panel.getByLabel('Câu hỏi').fill('Chỉ thị 42-CT/TU yêu cầu các đơn vị hoàn thành việc gì trước ngày 30 tháng 4 năm 2025?')
    await panel.getByRole('button', { name: 'Gửi câu hỏi' }).click()
    await expect.poll(() => panel.getByRole('link', { name: /Mở 42-CT\/TU tại Điều 2/ }).count(), { timeout: 30_000 }).toBeGreaterThan(0)
    const final = await panel.getByRole('article', { name: 'Trợ lý trả lời' }).last().locator('.assistant-answer').innerText()
    const seen = await page.evaluate(() => (window as unknown as { seen: { text: string; streaming: boolean; sources: number }[] }).seen)
    const partial = seen.filter((s) => s.streaming && s.text.length > 0 && !s.text.startsWith('Đang tìm'))
    // Text of the answer was on screen in the answer being streamed, with no citation yet …
    expect(partial.length).toBeGreaterThan(0)
    expect(partial.every((s) => s.sources === 0)).toBe(true)
    for (const s of partial) expect(final.replace(/\s+/g, ' ').startsWith(s.text.replace(/\s+/g, ' ').trim())).toBe(true)
    // … and the citations came after it, with the whole answer.
    const firstPartial = seen.indexOf(partial[0])
    const firstSources = seen.findIndex((s) => s.sources > 0)
    expect(firstPartial).toBeLessThan(firstSources)
    await page.context().close()
  })

  it('lets an administrator download the ratings as a workbook', async () => {
    const page = await signIn(browser, 'admin', { width: 1366 })
    await page.goto(new URL('/assistant', page.url()).toString())
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Xuất đánh giá (XLSX)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^danh-gia-tro-ly-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(path!).subarray(0, 2).toString()).toBe('PK')
    await page.context().close()
  })

  it('shows a draft and its findings side by side; choosing a finding marks its line', async () => {
    const page = await signIn(browser, 'chanhvp.tu', { width: 1366 })
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hỗ trợ thẩm định' }).click()
    await page.getByLabel('Nội dung dự thảo').fill([
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'THÀNH ỦY', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 15-KH/TU', 'Hà Nội, ngày 05 tháng 3 năm 2025', 'KẾ HOẠCH',
      'thực hiện chuyển đổi số', 'Thực hiện Nghị quyết số 57-NQ/TU ngày 22/12/2024 của Bộ Chính trị.', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Nguyễn Văn A',
      'Nơi nhận:', '- Lưu Văn phòng.',
    ].join('\n'))
    await page.getByRole('button', { name: 'Thẩm định' }).click()
    const findings = page.getByRole('list', { name: 'Kết quả thẩm định' })
    await expect.poll(() => findings.innerText(), { timeout: 30_000 }).toContain('Có phải là 57-NQ/TW ngày 22/12/2024?')
    expect(await findings.innerText()).toContain('Sửa thành: T/M BAN THƯỜNG VỤ')
    const draft = page.getByRole('list', { name: 'Dự thảo' })
    expect(await draft.locator('li.has-finding').count()).toBe(2)
    await findings.locator('li[data-code="appraisal.format.authorityKtOnCommittee"]').click()
    expect(await draft.locator('li.is-selected').innerText()).toBe('K/T BÍ THƯ')
    await page.context().close()
  })
})
