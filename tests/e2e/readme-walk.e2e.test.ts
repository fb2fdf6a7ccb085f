/**
 * The README's demo path, walked in Debian's Chromium: every user of the
 * Quick start table signs in and reaches what its "try" column promises, by
 * the menu a person would use. The table is read from README.md, so a user
 * added there without a walk here fails.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launch, signIn } from '../support/browser.js'

vi.setConfig({ testTimeout: 120_000 })

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

function readmeUsers(): string[] {
  const md = readFileSync('README.md', 'utf8')
  const start = md.indexOf('| user name | who | try |')
  const rows = md.slice(start).split('\n').slice(2)
  const users: string[] = []
  for (const row of rows) {
    const m = /^\| `([^`]+)` \|/.exec(row)
    if (!m) break
    users.push(m[1]!)
  }
  return users
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' })
const open = async (page: Page, link: string) => {
  await nav(page).getByRole('link', { name: link, exact: true }).click()
  await page.getByRole('heading', { level: 1 }).first().waitFor()
}
/** The menu once the person's roles are known (the unit switcher shows their working unit). */
const navLinks = async (page: Page) => {
  await page.getByRole('textbox', { name: 'Đơn vị làm việc' }).waitFor()
  return (await nav(page).getByRole('link').allTextContents()).map((t) => t.trim())
}

const WALKS: Record<string, (page: Page) => Promise<void>> = {
  admin: async (page) => {
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Sơ đồ tổ chức', 'Người dùng', 'Nhập dữ liệu', 'Nhật ký', 'Văn bản đến']))
  },
  'bithu.tu': async (page) => {
    await open(page, 'Phê duyệt')
    expect(await page.getByRole('heading', { level: 1 }).first().innerText()).not.toBe('')
    // The city's targets, with figures on a fresh start (the first snapshot), and the wards below as links.
    await open(page, 'Chỉ tiêu')
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu chuyển đổi số: Thành ủy Hà Nội' }).waitFor()
    await page.getByText(/^Số liệu chốt ngày \d{2}\/\d{2}\/\d{4}/).waitFor()
    await page.getByRole('table', { name: 'Số liệu của biểu đồ xếp hạng' }).getByRole('link', { name: 'Đảng ủy phường Hoàn Kiếm' }).click()
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu chuyển đổi số: Đảng ủy phường Hoàn Kiếm' }).waitFor()
  },
  'chanhvp.tu': async (page) => {
    await open(page, 'Người dùng')
    expect(await navLinks(page)).toContain('Nhập dữ liệu')
  },
  'kiemtra.tu': async (page) => {
    await open(page, 'Nhật ký')
    await page.getByRole('table', { name: /Nhật ký của/ }).waitFor()
    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click()
    await page.getByRole('status').filter({ hasText: 'Chuỗi nhật ký toàn vẹn' }).waitFor()
  },
  'bithu.hoankiem': async (page) => {
    await open(page, 'Sơ đồ tổ chức')
    await page.goto(new URL('/units/p-hoankiem', page.url()).toString())
    await page.getByRole('button', { name: 'Đề nghị sắp xếp' }).waitFor()
    await page.getByRole('button', { name: 'Mở trợ lý ảo' }).click()
    const panel = page.getByRole('dialog', { name: 'Trợ lý ảo' })
    await panel.getByLabel('Câu hỏi').fill('Chỉ thị 42-CT/TU ban hành ngày nào?')
    await panel.getByRole('button', { name: 'Gửi câu hỏi' }).click()
    await expect.poll(() => panel.getByRole('article', { name: 'Trợ lý trả lời' }).first().innerText(), { timeout: 40_000 }).toContain('23/01/2025')
  },
  'vanthu.hoankiem': async (page) => {
    await open(page, 'Nhập dữ liệu')
  },
  'chuyenvien.badinh': async (page) => {
    const links = await navLinks(page)
    expect(links).toContain('Tìm kiếm văn bản')
    expect(links).not.toContain('Nhập dữ liệu')
    expect(links).not.toContain('Phê duyệt')
  },
  'chuyenvien.hoankiem': async (page) => {
    await open(page, 'Văn bản đi')
    await page.getByRole('button', { name: 'Soạn dự thảo' }).waitFor()
  },
  'vanthu.tu': async (page) => {
    await open(page, 'Sổ văn bản')
    await page.getByRole('textbox', { name: 'Năm' }).click()
    await page.getByRole('option', { name: '2025', exact: true }).click()
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('05-CV/BTCTW')
    expect(await page.locator('main').innerText()).toMatch(/MẬT|Mật/)
  },
  'dangvien.hangbac': async (page) => {
    await open(page, 'Sổ tay đảng viên')
    await expect.poll(() => page.getByRole('region', { name: 'Đảng phí' }).textContent()).toContain('còn nợ')
  },
  'bithu.cb.hangbac': async (page) => {
    await open(page, 'Đảng viên')
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Ngô Thị Hằng')
    expect(await navLinks(page)).toContain('Đảng phí')
  },
  'bithu.cb.hangdao': async (page) => {
    await open(page, 'Chuyển sinh hoạt đảng')
    await page.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng chờ xử lý' }).waitFor()
  },
  'tochuc.tu': async (page) => {
    await open(page, 'Chuyển sinh hoạt đảng')
    await page.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng chờ xử lý' }).waitFor()
  },
}

describe("the README's demo users", () => {
  it('has a walk for every user the Quick start table names, and none for a user it does not', () => {
    expect(readmeUsers().sort()).toEqual(Object.keys(WALKS).sort())
  })

  for (const [user, walk] of Object.entries(WALKS)) {
    it(`${user} signs in and reaches what the README says to try`, async () => {
      const page = await signIn(browser, user)
      await walk(page)
      await page.context().close()
    })
  }
})
