/**
 * Browser test in Debian's Chromium: a person the administrator created with
 * two-factor authentication signs in for the first time — chooses a password
 * (the policy explained), sets up an authenticator app from the secret shown
 * on the page, enters its code and reaches the app — and later signs in with
 * the app's code, a wrong code being explained. The setup page shows the
 * authenticator's QR code (an image with its alt text, the code of the otpauth URI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { totpCode } from '../../functions/lib/totp.js'
import { baseUrl, login, uniq } from '../support/api.js'
import { launch } from '../support/browser.js'
import { qrSvg } from '../../web/src/lib/qr.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

async function passwordStep(page: Page, username: string, password: string) {
  await page.goto(`${baseUrl()}/login`)
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

describe('sign-in with challenges, in the browser', () => {
  it('a new person with MFA sets a password, sets up the authenticator from the page, enters its code and reaches the app', async () => {
    const admin = await login('admin')
    const username = `moi.mfa.${uniq()}`
    const created = await admin.post('/api/users', { username, fullName: 'Phan Thị Mới', clearance: 'internal', mfa: true, assignments: [{ unitId: 'p-hoankiem', role: 'specialist' }] })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const newPassword = 'Mat-khau-cua-toi#2026'

    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await passwordStep(page, username, created.body.initialPassword)

    // Choose a new password: the policy is shown, a weak one is refused with it.
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor()
    expect(await page.getByText('Ít nhất 12 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.').count()).toBe(1)
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhauyeu')
    await page.getByLabel('Nhập lại mật khẩu mới').fill('matkhauyeu')
    await page.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Mật khẩu mới chưa đạt yêu cầu')
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword)
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword)
    await page.getByRole('button', { name: 'Lưu mật khẩu và tiếp tục' }).click()

    // Set up the authenticator: read the secret as a person would type it into the app.
    await page.getByRole('heading', { name: 'Cài đặt xác thực 2 lớp' }).waitFor()
    const shown = await page.getByLabel('Khóa bí mật').textContent()
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/)
    const secret = shown!.replace(/\s/g, '')
    const uri = await page.getByRole('link', { name: 'Mở trong ứng dụng xác thực' }).getAttribute('href')
    expect(uri).toContain(`otpauth://totp/Digital%20Office:${username}?secret=${secret}`)
    // The QR code to scan: an image named for screen readers, drawn (loaded), and the code of that very URI
    // (the page's SVG is the one qrcode draws for the URI with the page's options).
    const qr = page.getByRole('img', { name: `Mã QR để thêm tài khoản ${username} vào ứng dụng xác thực` })
    await qr.waitFor()
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    const src = (await qr.getAttribute('src'))!
    expect(src.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(await qrSvg(uri!))
    expect(await qrSvg(uri!)).not.toBe(await qrSvg(uri!.replace(secret, secret.split('').reverse().join(''))))
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret))
    await page.getByRole('button', { name: 'Xác nhận' }).click()
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
    await page.context().close()

    // Later: the password, then the app's code; a wrong code is explained and starts again.
    const later = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await passwordStep(later, username, newPassword)
    await later.getByRole('heading', { name: 'Xác thực 2 lớp' }).waitFor()
    const next = totpCode(secret, new Date(Date.now() + 30_000))
    await later.getByLabel('Mã xác thực (6 chữ số)').fill(String((Number(next) + 1) % 1_000_000).padStart(6, '0'))
    await later.getByRole('button', { name: 'Xác nhận' }).click()
    await expect.poll(() => later.getByRole('alert').first().textContent()).toContain('Mã xác thực không đúng')
    await later.getByLabel('Mật khẩu', { exact: true }).fill(newPassword)
    await later.getByRole('button', { name: 'Đăng nhập' }).click()
    await later.getByLabel('Mã xác thực (6 chữ số)').fill(next)
    await later.getByRole('button', { name: 'Xác nhận' }).click()
    await later.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor()
    await later.context().close()
  })
})
