/**
 * The developer page, in Debian's Chromium against the embedded platform: reached
 * from the account menu, it lists the API's operations by module from
 * /api/openapi.json, finds one by a word of its Vietnamese description, shows its
 * body fields, offers the document for download, and fits a 390 px phone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser } from 'playwright-core'
import { launch, signIn } from '../support/browser.js'
import { ROUTES } from '../../infra/definitions/routes.js'

vi.setConfig({ testTimeout: 120_000 })

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('developer page', () => {
  it('a clerk opens it from the account menu, finds "vào sổ văn bản đến" and reads its body fields', async () => {
    const page = await signIn(browser, 'vanthu.hoankiem')
    await page.getByRole('button', { name: /Tài khoản/ }).click()
    await page.getByRole('menuitem', { name: 'API cho nhà phát triển' }).click()
    await page.waitForURL(/\/developer$/)
    await page.getByRole('heading', { level: 1, name: 'Dành cho nhà phát triển: API' }).waitFor()
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${ROUTES.length} thao tác`)

    await page.getByLabel('Tìm thao tác').fill('vao so van ban den')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 thao tác')
    const op = page.getByRole('article', { name: '/api/documents/incoming' })
    await op.waitFor()
    expect(await op.getByText('POST', { exact: true }).count()).toBe(1)
    expect(await op.getByText('Cần đăng nhập').count()).toBe(1)
    const body = op.getByRole('table', { name: 'Nội dung gửi (application/json)' })
    const fields = await body.locator('tbody tr td:first-child code').allTextContents()
    expect(fields).toEqual(expect.arrayContaining(['unitId', 'symbol', 'issuerName', 'documentDate', 'summary']))

    const link = page.getByRole('link', { name: 'Tải tài liệu OpenAPI (JSON)' })
    expect(await link.getAttribute('href')).toBe('/api/openapi.json')
    await page.context().close()
  })

  it('fits a 390 px phone, the sign-in operation marked as needing no sign-in', async () => {
    const page = await signIn(browser, 'admin', { width: 390, height: 844 })
    await page.goto(new URL('/developer', page.url()).toString())
    await page.getByLabel('Tìm thao tác').fill('/api/auth/login')
    const op = page.getByRole('article', { name: '/api/auth/login' })
    await op.waitFor()
    expect(await op.getByText('Không cần đăng nhập').count()).toBe(1)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    await page.context().close()
  })
})
