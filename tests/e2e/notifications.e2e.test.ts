/**
 * Browser test of the notification centre in Debian's Chromium: a mail sent
 * by Python's smtplib to the ward's official address tells the ward's clerk —
 * the bell in the header shows it unread, the centre lists it, marking it
 * read lowers the count, and her choice not to get incoming documents by
 * email stays. On a 390 px phone the bell is in the header and the centre
 * fits the screen.
 */
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { uniq } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { pdfOf } from '../integration/documents/support.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

async function mailTheWard(subject: string) {
  const spec = {
    port: inject('smtpPort'), mailFrom: 'vanthu@ubnd.example.vn', rcpt: ['p-hoankiem@congvan.digital-office.local'],
    headers: { From: 'Văn phòng UBND tỉnh Bắc Ninh <vanthu@ubnd.example.vn>', To: 'p-hoankiem@congvan.digital-office.local', Subject: subject },
    text: 'Xin gửi kèm công văn.', attachments: [{ name: 'cong-van.pdf', type: 'application/pdf', b64: Buffer.from(await pdfOf('Công văn phối hợp')).toString('base64') }],
  }
  const r = spawnSync('python3', ['tests/support/smtp-send.py'], { input: JSON.stringify(spec), encoding: 'utf8', timeout: 120_000 })
  expect(JSON.parse(r.stdout)).toEqual({ ok: true })
}

const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Thông báo/ })

describe('the notification centre in the browser', () => {
  it('the clerk sees a mail-borne document in the bell and the centre, marks it read, and chooses not to get it by email', async () => {
    const subject = `Công văn phối hợp ${uniq()}`
    const clerk = await signIn(browser, 'vanthu.hoankiem')
    await mailTheWard(subject)

    // The bell counts it (it refreshes when the page loads).
    await expect.poll(async () => { await clerk.reload(); return bell(clerk).getAttribute('aria-label') }, { timeout: 30_000 }).toMatch(/Thông báo: \d+ chưa đọc/)
    const before = Number(/(\d+) chưa đọc/.exec((await bell(clerk).getAttribute('aria-label'))!)![1])
    await bell(clerk).click()
    await clerk.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    const item = clerk.getByRole('listitem').filter({ hasText: subject })
    await item.waitFor()
    expect(await item.getAttribute('data-unread')).toBe('true')
    expect(await item.textContent()).toContain('Đến')

    // Mark it read: the bell follows.
    await item.getByRole('button', { name: 'Đã đọc' }).click()
    await expect.poll(() => item.getAttribute('data-unread')).toBeNull()
    await expect.poll(() => bell(clerk).getAttribute('aria-label')).toBe(before - 1 ? `Thông báo: ${before - 1} chưa đọc` : 'Thông báo')

    // Incoming documents: in the app only.
    const byMail = clerk.getByRole('checkbox', { name: 'Thư điện tử: Văn bản đến (từ hệ thống hoặc qua thư điện tử)' })
    expect(await byMail.isChecked()).toBe(true)
    await byMail.click()
    await expect.poll(() => byMail.isChecked()).toBe(false)
    await clerk.reload()
    await clerk.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    await expect.poll(() => clerk.getByRole('checkbox', { name: 'Thư điện tử: Văn bản đến (từ hệ thống hoặc qua thư điện tử)' }).isChecked()).toBe(false)
    expect(await clerk.getByRole('checkbox', { name: 'Trong ứng dụng: Văn bản đến (từ hệ thống hoặc qua thư điện tử)' }).isChecked()).toBe(true)
    await clerk.context().close()
  })

  it('on a 390 px phone the bell is in the header and the centre fits the screen', async () => {
    const phone = await signIn(browser, 'vanthu.hoankiem', { width: 390, height: 844 })
    await bell(phone).waitFor()
    expect(await bell(phone).isVisible()).toBe(true)
    await bell(phone).click()
    await phone.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    await phone.getByRole('listitem').first().waitFor()
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const box = await phone.getByRole('listitem').first().boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await phone.context().close()
  })
})
