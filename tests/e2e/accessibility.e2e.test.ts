/**
 * Accessibility of every page, checked by axe-core (WCAG 2.1 A and AA rules)
 * inside Debian's Chromium once the page has loaded its data. A serious or
 * critical violation fails the test, with the rule, the element and the help
 * text in the message.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, login } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function violations(page: Page): Promise<string[]> {
  // Evaluated through the browser's debugging protocol: the app's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'))
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }) as Violation[]
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

/** Opens a page and waits until its heading is there and nothing is loading any more. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`)
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Loader-root'), undefined, { timeout: 30_000 })
}

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the sign-in page', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    await page.goto(`${baseUrl()}/login`)
    await page.getByLabel('Tên đăng nhập').waitFor()
    expect(await violations(page)).toEqual([])
    await page.context().close()
  })

  it('the organisation and people pages', async () => {
    const page = await signIn(browser, 'admin')
    for (const path of ['/', '/units', '/units?ended=1', '/units/p-hoankiem', '/users', '/approvals', '/audit', '/import']) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the documents pages, and a document with its viewer', async () => {
    const office = await login('vanthu.tu')
    const found = await office.get('/api/documents/search?q=57-NQ/TW')
    const documentId = found.body.items[0].documentId as string
    const page = await signIn(browser, 'vanthu.tu')
    for (const path of ['/documents/incoming', '/documents/outgoing', '/documents/registers', '/documents/search?q=chuyen%20doi%20so', '/documents/verify', '/documents/chains', `/documents/${encodeURIComponent(documentId)}`]) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the Party members pages: a member\'s handbook, and the officers\' lists, fees and transfers', async () => {
    const member = await signIn(browser, 'dangvien.hangbac')
    await open(member, '/party/handbook')
    expect(await violations(member), '/party/handbook').toEqual([])
    await member.context().close()
    const officer = await signIn(browser, 'admin')
    for (const path of ['/party/members', '/party/fees', '/party/transfers', '/party/comments', '/party/notices', '/party/import', '/party/bulk-transfers', '/party/remittances']) {
      await open(officer, path)
      expect(await violations(officer), path).toEqual([])
    }
    await officer.context().close()
  })

  it('the meetings pages: my meetings with the office\'s form, a meeting, its projector view', async () => {
    const office = await login('bithu.hoankiem')
    const me = (await office.get('/api/me')).body.user.userId as string
    const created = await office.post('/api/meetings', {
      unitId: 'p-hoankiem', title: 'Hội nghị kiểm tra trợ năng', kind: 'committee', startsAt: new Date(Date.now() + 3_600_000).toISOString(), place: 'Phòng họp số 1',
      chairUserId: me, secretaryUserId: me, members: [{ unitId: 'p-hoankiem' }], agenda: [{ title: 'Thông qua chương trình', presenterUserId: me, minutes: 15 }],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = encodeURIComponent(created.body.meetingId)
    const page = await signIn(browser, 'bithu.hoankiem')
    for (const path of ['/meetings', `/meetings/${id}`, `/meetings/${id}/projector`]) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the archives and the assistant pages', async () => {
    const page = await signIn(browser, 'admin')
    for (const path of ['/archives', '/archives/verify', '/archives/verify/p-hoankiem.bdemo1-p3', '/archives/files/p-hoankiem.fdemo1', '/archives/handover', '/assistant', '/assistant/appraisal', '/archives/records', '/archives/records?tab=holds', '/archives/records?tab=disposition']) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the tasks pages', async () => {
    const page = await signIn(browser, 'bithu.hoankiem')
    const { login } = await import('../support/api.js')
    const given = (await (await login('bithu.hoankiem')).get('/api/tasks?view=assigned&limit=100')).body.tasks
    const pending = given.find((t: any) => t.pendingExtension)
    for (const path of ['/tasks', '/tasks?view=assigned', `/tasks/${pending.taskId}`]) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the KPI dashboards: the city\'s, a ward\'s, and the items behind a number', async () => {
    const page = await signIn(browser, 'bithu.tu')
    for (const path of ['/dashboards', '/dashboards/hn-tu', '/dashboards/p-hoankiem']) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    // The ward's people without MFA (the demo's ward secretary and clerk), listed under the cards.
    await page.getByRole('region', { name: 'Người dùng có định danh số, xác thực tập trung', exact: true }).getByRole('button', { name: 'Xem danh sách' }).click()
    await page.getByRole('heading', { level: 2, name: 'Người dùng có định danh số, xác thực tập trung' }).waitFor()
    await page.getByRole('listitem').filter({ hasText: 'Đỗ Minh Hoàng' }).waitFor()
    expect(await violations(page), 'the items behind a number').toEqual([])
    await page.context().close()
  })

  it('the schedules page (the office\'s week with its form, and on a phone)', async () => {
    for (const [user, size] of [['vanthu.hoankiem', {}], ['chuyenvien.hoankiem', { width: 390, height: 844 }]] as const) {
      const page = await signIn(browser, user, size)
      await open(page, '/schedules')
      await page.locator('.fc-event, .fc-list-event, .fc-list-empty').first().waitFor()
      expect(await violations(page), `/schedules (${user})`).toEqual([])
      await page.context().close()
    }
  })

  it('the cases pages (register, intake, a case; petitions, a petition, a resolution), also on a phone', async () => {
    const chair = await login('chunhiem.ubkt')
    const first = (await chair.get('/api/cases?commissionId=hn-ubkttu&limit=100')).body.cases.find((c: any) => c.state === 'verifying')
    for (const [user, size] of [['chunhiem.ubkt', {}], ['kiemtravien.ubkt', { width: 390, height: 844 }]] as const) {
      const page = await signIn(browser, user, size)
      for (const path of ['/cases', '/cases/new', `/cases/${first.caseId}`]) {
        await open(page, path)
        expect(await violations(page), `${path} (${user})`).toEqual([])
      }
      await page.context().close()
    }
    const ward = await login('bithu.hoankiem')
    const petition = (await ward.get('/api/petitions?officeUnitId=p-hoankiem')).body.petitions[0]
    const resolution = (await ward.get('/api/resolutions?officeUnitId=p-hoankiem')).body.resolutions[0]
    const page = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    for (const path of ['/petitions', `/petitions/${petition.petitionId}`, `/resolutions/${resolution.resolutionId}`]) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
  })

  it('the data requests pages: the lists, the new request form, a request with its consolidated table, a ward\'s answer (and on a phone)', async () => {
    const city = await login('bithu.tu')
    const { requests } = (await city.get('/api/datarequests?view=sent&q=chuyen%20doi%20so%20nam%202026')).body
    const requestId = requests[0].requestId as string
    const office = await signIn(browser, 'bithu.tu')
    for (const path of ['/datarequests', '/datarequests/new', `/datarequests/${requestId}`]) {
      await open(office, path)
      expect(await violations(office), path).toEqual([])
    }
    await office.context().close()
    const ward = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    for (const path of ['/datarequests?view=received', `/datarequests/${requestId}/answers/p-hoankiem`]) {
      await open(ward, path)
      expect(await violations(ward), path).toEqual([])
    }
    await ward.context().close()
  })

  it('the forgotten-password page (both steps) and the change-password page, also on a phone', async () => {
    const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } })).newPage()
    await page.goto(`${baseUrl()}/login/forgot`)
    await page.getByLabel('Tên đăng nhập').fill('khong.co.ai')
    expect(await violations(page), '/login/forgot').toEqual([])
    await page.getByRole('button', { name: 'Gửi mã' }).click()
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor()
    expect(await violations(page), '/login/forgot (code)').toEqual([])
    await page.context().close()
    const signedIn = await signIn(browser, 'bithu.hoankiem')
    await open(signedIn, '/account/password')
    expect(await violations(signedIn), '/account/password').toEqual([])
    await signedIn.context().close()
  })
  it('the work programme pages: a ward\'s list with the drafting form, the demo programme with its items and tasks (and on a phone)', async () => {
    const clerk = await login('vanthu.hoankiem')
    const demo = (await clerk.get('/api/programmes?unitId=p-hoankiem')).body.programmes.find((x: any) => x.state === 'approved')
    const page = await signIn(browser, 'vanthu.hoankiem')
    for (const path of ['/programmes', `/programmes/${demo.programmeId}`]) {
      await open(page, path)
      expect(await violations(page), path).toEqual([])
    }
    await page.context().close()
    const phone = await signIn(browser, 'bithu.hoankiem', { width: 390, height: 844 })
    await open(phone, `/programmes/${demo.programmeId}`)
    expect(await violations(phone), 'phone').toEqual([])
    await phone.context().close()
  })
})
