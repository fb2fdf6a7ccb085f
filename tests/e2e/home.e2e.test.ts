/**
 * Browser tests of the home page's "Việc của tôi hôm nay" card, in Debian's
 * Chromium against the embedded platform: counts, links, and a phone's width.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser } from 'playwright-core'
import { baseUrl, eventually, login } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { decideWhenReady, transferFromNewCell } from '../integration/members/support.js'

vi.setConfig({ testTimeout: 180_000 })

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('home: my work today', () => {
  it('a member on a 390 px phone sees the fees she owes with their count, follows the link to her handbook, and nothing overflows', async () => {
    const api = await login('dangvien.hangbac')
    const fees = (await api.get('/api/me/work')).body.sections.find((s: any) => s.id === 'members.fees')
    expect(fees.count).toBeGreaterThan(0)

    const page = await signIn(browser, 'dangvien.hangbac', { width: 390, height: 844 })
    const card = page.getByRole('region', { name: 'Việc của tôi hôm nay' })
    await card.waitFor()
    const section = card.locator('li[data-section="members.fees"]').first()
    await expect.poll(() => section.getByRole('link', { name: 'Đảng phí còn nợ' }).count()).toBe(1)
    expect(await section.getByLabel(`${fees.count} việc`).textContent()).toBe(String(fees.count))
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await section.getByRole('link', { name: 'Đảng phí còn nợ' }).click()
    await page.waitForURL(/\/party\/handbook$/)
    await page.context().close()
  })

  it('the City Organisation Board sees a transfer at the city step on its home page and its approvals page, never "nothing pending"', async () => {
    const admin = await login('admin')
    const { member, transferId, cellSecretary } = await transferFromNewCell(admin, 'Bí Thư Chi Bộ Web')
    await decideWhenReady(cellSecretary, transferId, true)
    await decideWhenReady(await login('bithu.hoankiem'), transferId, true)
    const board = await login('tochuc.tu')
    await eventually(async () => {
      const s = (await board.get('/api/me/work')).body.sections.find((x: any) => x.id === 'members.transfers')
      expect(s?.items.map((i: any) => i.title)).toContain(member.fullName)
    }, { timeoutMs: 30_000 })

    const page = await signIn(browser, 'tochuc.tu', { width: 390, height: 844 })
    const card = page.getByRole('region', { name: 'Việc của tôi hôm nay' })
    await card.waitFor()
    const section = card.locator('li[data-section="members.transfers"]').first()
    await expect.poll(() => section.getByRole('link', { name: member.fullName }).count()).toBe(1)
    const pending = page.getByRole('region', { name: 'Đề nghị chờ phê duyệt' })
    await expect.poll(() => pending.textContent()).toMatch(/Có \d+ đề nghị đang chờ bạn quyết định/)
    expect(await pending.textContent()).not.toContain('Không có đề nghị nào đang chờ bạn')
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)

    await page.goto(`${baseUrl()}/approvals`)
    const members = page.getByRole('region', { name: 'Chuyển sinh hoạt đảng, nhận xét nơi cư trú' })
    await expect.poll(() => members.getByRole('link', { name: member.fullName }).count()).toBe(1)
    await members.getByRole('link', { name: member.fullName }).click()
    await page.waitForURL(/\/party\/transfers$/)
    await page.context().close()
  })
})
