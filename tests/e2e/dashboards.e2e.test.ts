/**
 * Browser test of the KPI dashboard in Debian's Chromium against the real
 * embedded platform, with known answers: a new ward with one incoming
 * document from paper, received a month ago and past its deadline. The
 * Secretary of the City Committee opens "Chỉ tiêu" from the menu, reads each
 * KPI against its target in words, each chart with its data table, goes
 * down to the ward from the ranking, to the overdue document by its summary
 * and on to its page, then makes the ward's report for a period and opens
 * its PDF (signed, the ward named in the Party form) and XLSX. On a 390 px
 * phone the same pages never scroll sideways.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, eventually, login, uniq, type Session } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { newWard, pdfOf, person, upload } from '../integration/documents/support.js'
import { addDays } from '../../shared/calendar/working-days.js'
import { vietnamDate } from '../../shared/calendar/vietnam-time.js'

vi.setConfig({ testTimeout: 180_000 })

const today = vietnamDate()
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
const tag = uniq()
const wardName = `Đảng ủy phường Bảng Số ${tag}`
const summary = `Công văn về rà soát chỉ tiêu chuyển đổi số ${tag}`
const OVERDUE = 'Văn bản đến quá hạn xử lý'
const STATUS_WORDS: Record<string, string> = { met: 'Đạt', behind: 'Chưa đạt', late: 'Chưa đạt, quá hạn', noData: 'Chưa có số liệu', notMeasured: 'Chưa đo' }
/** What a reader sees, whatever the letter case the style gives it. */
const seen = (t: string) => t.replace(/\s+/g, ' ').toLocaleLowerCase('vi')

let browser: Browser
let admin: Session
let leader: Session
let ward: string
let documentId: string

const runSnapshot = async () => {
  const res = await fetch(`${baseUrl()}/local/jobs/daily-kpi-snapshot`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${admin.token}` } })
  expect(res.status).toBe(200)
}
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

beforeAll(async () => {
  browser = await launch()
  admin = await login('admin')
  leader = await login('bithu.tu')
  ward = await newWard(admin, wardName)
  const clerk = await person(admin, ward, 'clerk', 'Văn thư Bảng Số')
  const received = addDays(today, -30)
  const reg = await clerk.post('/api/documents/incoming', {
    unitId: ward, symbol: '41-CV/TU', issuerName: 'Thành ủy Hà Nội', documentDate: received, receivedDate: received, summary, file: await upload(clerk, await pdfOf(summary)),
  })
  expect(reg.status, JSON.stringify(reg.body)).toBe(201)
  documentId = reg.body.document.documentId
  // The daily job, until the read model has the document: then the ward's figure is known.
  await eventually(async () => {
    await runSnapshot()
    const d = (await leader.get(`/api/dashboards?unitId=${ward}`)).body
    expect(d.kpis?.find((k: any) => k.kpi === 'documents.overdue')?.part).toBe(1)
  }, { timeoutMs: 60_000, intervalMs: 1000 })
})
afterAll(async () => { await browser?.close() })

describe('the KPI dashboard in the browser', () => {
  it('a city leader reads the targets, drills down to a ward and its overdue document, and makes the ward\'s report', async () => {
    // Prepare
    const page = await signIn(browser, 'bithu.tu')
    const city = (await leader.get('/api/dashboards?unitId=hn-tu')).body

    // Act: from the menu
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ tiêu' }).click()
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu chuyển đổi số: Thành ủy Hà Nội' }).waitFor()

    // Assess: the day of the figures, and every KPI against its target in words
    await page.getByText(`Số liệu chốt ngày ${dmy(today)}, trên toàn bộ đơn vị trực thuộc.`).waitFor()
    for (const k of city.kpis) {
      const card = page.getByRole('region', { name: k.name.vi, exact: true })
      const text = (await card.innerText()).replace(/\s+/g, ' ')
      // Its name, its figure as shown, and the status in words, in that order.
      const figure = k.value === null ? '—' : k.kind === 'count' ? String(k.value) : `${Math.round(k.value * 1000) / 10}%`
      expect(seen(text), k.name.vi).toContain(seen(`${k.name.vi} ${figure} ${STATUS_WORDS[k.status]} `))
      if (k.target) {
        expect(text, k.name.vi).toContain(`Mục tiêu: ${k.kind === 'count' ? '≤' : '≥'}`)
        expect(text, k.name.vi).toContain(`hạn ${dmy(k.target.deadline)} · ${k.target.source}`)
      }
      if (k.kind === 'share' && k.measured) expect(text, k.name.vi).toContain(`${k.part}/${k.whole}`)
    }
    expect(seen(await page.getByRole('region', { name: 'Người dùng có định danh số, xác thực tập trung' }).innerText())).toContain('chưa đạt')

    // Each chart with its data table: the trend has today's week, the ranking names the new ward
    const trend = page.getByRole('region', { name: 'Diễn biến' })
    expect(await trend.locator('svg.recharts-surface').count()).toBeGreaterThan(0)
    const trendTable = trend.getByRole('table', { name: 'Số liệu của biểu đồ diễn biến (%)' })
    expect(await trendTable.getByRole('row').count()).toBeGreaterThan(1)
    await trend.getByText('Theo tháng', { exact: true }).click()
    await trendTable.getByRole('cell', { name: `${today.slice(5, 7)}/${today.slice(0, 4)}`, exact: true }).waitFor()
    const ranking = page.getByRole('region', { name: 'Xếp hạng đơn vị trực thuộc' })
    expect(await ranking.locator('svg.recharts-surface').count()).toBeGreaterThan(0)
    const rankTable = ranking.getByRole('table', { name: 'Số liệu của biểu đồ xếp hạng' })
    const wardRow = rankTable.getByRole('row').filter({ hasText: wardName })
    expect((await wardRow.innerText()).replace(/\s+/g, ' ')).toContain('0% (0/1)')

    // Act: down to the ward
    await wardRow.getByRole('link', { name: wardName }).click()
    await page.getByRole('heading', { level: 1, name: `Chỉ tiêu chuyển đổi số: ${wardName}` }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/dashboards/${ward}`)
    expect(await page.getByRole('link', { name: 'Thành ủy Hà Nội' }).count()).toBeGreaterThan(0)
    const overdueCard = page.getByRole('region', { name: OVERDUE, exact: true })
    expect((await overdueCard.innerText()).replace(/\s+/g, ' ')).toMatch(/^Văn bản đến quá hạn xử lý 1 /)

    // Act: the items behind the number
    await overdueCard.getByRole('button', { name: 'Xem danh sách' }).click()
    const drill = page.getByRole('region', { name: OVERDUE, exact: true }).filter({ has: page.getByRole('heading', { name: OVERDUE }) })
    const item = drill.getByRole('listitem')
    await item.first().waitFor()
    expect(await item.count()).toBe(1)
    const itemText = (await item.innerText()).replace(/\s+/g, ' ')
    expect(itemText).toContain('41-CV/TU')
    expect(itemText).toContain('quá hạn')
    expect(itemText).not.toContain(documentId)

    // Act: to the document's page
    await drill.getByRole('link', { name: summary }).click()
    await page.waitForURL((u) => u.pathname === `/documents/${documentId}`)
    await page.getByText(summary, { exact: true }).waitFor()

    // Act: back to the ward, a report for the last 30 days
    await page.goBack()
    const reports = page.getByRole('region', { name: 'Báo cáo' })
    await reports.waitFor()
    await reports.getByLabel('Từ ngày').fill(addDays(today, -30))
    await reports.getByLabel('Đến ngày').fill(today)
    await reports.getByRole('button', { name: 'Lập báo cáo' }).click()

    // Assess: its number, and its files open
    const made = reports.getByRole('status')
    await made.waitFor()
    expect(await made.innerText()).toContain('Báo cáo số 01-BC/ĐU')
    const [popup] = await Promise.all([page.waitForEvent('popup'), made.getByRole('link', { name: 'PDF (đã ký số)' }).click()])
    await popup.waitForLoadState()
    const pdf = await page.request.get(popup.url())
    expect(pdf.status()).toBe(200)
    const dir = mkdtempSync(join(tmpdir(), 'kpi-e2e-'))
    writeFileSync(join(dir, 'report.pdf'), await pdf.body())
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString()
    expect(text).toContain('Số 01-BC/ĐU')
    expect(text).toContain(wardName.toUpperCase())
    expect(text).toContain('Văn bản đến quá hạn xử lý')
    expect(execFileSync('pdfsig', [join(dir, 'report.pdf')]).toString()).toMatch(/Signature Validation: Signature is Valid/)
    const [download] = await Promise.all([page.waitForEvent('download'), made.getByRole('link', { name: 'XLSX' }).click()])
    const xlsx = await page.request.get(download.url())
    expect(xlsx.status()).toBe(200)
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK')
    // The report is among the stored ones, by its number and period.
    await reports.getByRole('button', { name: `01-BC/ĐU · ${dmy(addDays(today, -30))} – ${dmy(today)}` }).waitFor()
    await page.context().close()
  })

  it('on a 390 px phone the city\'s and the ward\'s dashboards never scroll sideways', async () => {
    // Prepare
    const page = await signIn(browser, 'bithu.tu', { width: 390, height: 844 })

    // Act
    await page.goto(`${baseUrl()}/dashboards`)
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu chuyển đổi số: Thành ủy Hà Nội' }).waitFor()
    await page.getByRole('table', { name: 'Số liệu của biểu đồ xếp hạng' }).waitFor()

    // Assess
    expect(await noSideScroll(page)).toBeLessThanOrEqual(390)
    await page.goto(`${baseUrl()}/dashboards/${ward}`)
    await page.getByRole('heading', { level: 1, name: `Chỉ tiêu chuyển đổi số: ${wardName}` }).waitFor()
    await page.getByRole('region', { name: OVERDUE, exact: true }).getByRole('button', { name: 'Xem danh sách' }).click()
    await page.getByRole('link', { name: summary }).waitFor()
    expect(await noSideScroll(page)).toBeLessThanOrEqual(390)
    // One column: the cards stand one under the other.
    const boxes = await Promise.all(['Văn bản không mật xử lý trên môi trường số', 'Văn bản đến xử lý đúng hạn'].map((n) => page.getByRole('region', { name: n, exact: true }).boundingBox()))
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1)
    await page.context().close()
  })
})
