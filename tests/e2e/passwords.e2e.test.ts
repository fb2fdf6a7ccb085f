/**
 * Browser test in Debian's Chromium: sessions and passwords as a person meets
 * them. The access token is kept in memory only (nothing in sessionStorage or
 * localStorage, the refresh cookie unreadable by script) and a page reload
 * signs in again from the HttpOnly cookie; sign-out revokes it (a reload then
 * lands on sign-in). A forgotten password is reset from the sign-in page with
 * the code mailed to the local mailbox, and the new password signs in; the
 * signed-in person changes their own password from the menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, call, login, uniq } from '../support/api.js'
import { launch } from '../support/browser.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

async function newPerson(email?: string) {
  const admin = await login('admin')
  const username = `matkhau.${uniq()}`
  const password = 'Mat-khau-ban-dau#2026'
  const res = await admin.post('/api/users', {
    username, fullName: 'Vũ Thị Mật Khẩu', clearance: 'internal', password, ...(email ? { email } : {}),
    assignments: [{ unitId: 'p-hoankiem', role: 'specialist' }],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { username, password, adminToken: admin.token }
}

async function signInOnPage(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

async function mailedCode(adminToken: string, to: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const box = await (await fetch(`${baseUrl()}/local/mail`, { headers: { authorization: `Bearer ${adminToken}` } })).json() as any[]
    const m = box.find((x) => x.to.includes(to))
    if (m) return /: (\d{6})/.exec(m.text)![1]
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no reset mail to ${to}`)
}

describe('sessions and passwords, in the browser', () => {
  it('keeps the token in memory, comes back from the HttpOnly cookie after a reload, and sign-out revokes it', async () => {
    const { username, password } = await newPerson()
    const context = await browser.newContext({ locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${baseUrl()}/login`)
    await signInOnPage(page, username, password)
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    await page.getByText('Vũ Thị Mật Khẩu').first().waitFor()

    // Nothing of the session at rest in the page's storage; the cookie is there but no script can read it.
    const stored = await page.evaluate(() => JSON.stringify({ s: { ...sessionStorage }, l: { ...localStorage }, c: document.cookie }))
    expect(stored).not.toMatch(/eyJ/)
    expect(await page.evaluate(() => document.cookie)).not.toContain('do_refresh')
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'do_refresh')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' })

    // A reload: signed in again from the cookie, on the same page.
    await page.goto(`${baseUrl()}/account/password`)
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/account/password')

    // Sign out from the menu: the refresh token is revoked on the server.
    await page.getByRole('button', { name: /Vũ Thị Mật Khẩu/ }).first().click()
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click()
    await page.waitForURL((u) => u.pathname.startsWith('/login'))
    const refused = await call('POST', '/api/auth/refresh', { headers: { cookie: `do_refresh=${cookie.value}` } })
    expect(refused.status).toBe(401)
    await page.goto(`${baseUrl()}/`)
    await page.waitForURL((u) => u.pathname.startsWith('/login'))
    await context.close()
  })

  it('resets a forgotten password from the sign-in page with the mailed code, then signs in with the new password', async () => {
    const email = `matkhau.${uniq()}@hoankiem.example.vn`
    const { username, password, adminToken } = await newPerson(email)
    const newPassword = 'Mat-khau-moi-tren-trang#7'
    const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } })).newPage()
    await page.goto(`${baseUrl()}/login`)
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click()
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor()
    await page.getByLabel('Tên đăng nhập').fill(username)
    await page.getByRole('button', { name: 'Gửi mã' }).click()
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('mã đặt lại đã được gửi')

    const code = await mailedCode(adminToken, email)
    // A wrong code is explained, and nothing changes.
    await page.getByLabel('Mã trong thư (6 chữ số)').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'))
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword)
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword)
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Mã đặt lại mật khẩu không đúng')
    await page.screenshot({ path: '/tmp/do-forgot-390.png', fullPage: true })

    await page.getByLabel('Mã trong thư (6 chữ số)').fill(code)
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click()
    await page.waitForURL((u) => u.pathname === '/login')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Mật khẩu đã được đặt lại')

    // The old password no longer works; the new one does.
    await signInOnPage(page, username, password)
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng')
    await signInOnPage(page, username, newPassword)
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    await page.getByText('Vũ Thị Mật Khẩu').first().waitFor()
  })

  it('changes one\'s own password from the account page: the old one is checked', async () => {
    const { username, password } = await newPerson()
    const newPassword = 'Doi-mat-khau-tren-trang#8'
    const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 800 } })).newPage()
    await page.goto(`${baseUrl()}/login`)
    await signInOnPage(page, username, password)
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    await page.getByRole('button', { name: /Vũ Thị Mật Khẩu/ }).first().click()
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click()
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor()

    await page.getByLabel('Mật khẩu hiện tại').fill('Khong-phai-mat-khau#0')
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword)
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword)
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Mật khẩu hiện tại không đúng')
    // Still signed in: a wrong old password does not end the session.
    expect(new URL(page.url()).pathname).toBe('/account/password')

    await page.getByLabel('Mật khẩu hiện tại').fill(password)
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã đổi mật khẩu')
    await page.screenshot({ path: '/tmp/do-change-1366.png', fullPage: true })
    expect((await call('POST', '/api/auth/login', { body: { username, password: newPassword } })).status).toBe(200)
  })
})
