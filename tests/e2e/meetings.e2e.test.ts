/**
 * Browser test of the paperless meeting in Debian's Chromium against the
 * real embedded platform, two browser contexts at once: the meeting's
 * secretary on a desktop and a member on a phone (390 px). The member
 * answers and checks in with her own QR token; the secretary's page shows the
 * quorum change without a reload; a secret ballot is made in the member's
 * browser (blinded there, cast on the public ballot box with no
 * Authorization header) and found again in the published list; an open vote
 * is counted as a share of all members; the signed minutes open in the PDF
 * viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, login, uniq, type Session } from '../support/api.js'
import { launch, signIn } from '../support/browser.js'
import { newWard, PASSWORD, pdfOf, person, upload } from '../integration/documents/support.js'

let browser: Browser
beforeAll(async () => { browser = await launch() })
afterAll(async () => { await browser?.close() })

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

describe('a paperless meeting in two browsers', () => {
  it('a member on a phone answers, checks in and votes; the secretary on a desktop sees the quorum, runs the votes and the minutes', async () => {
    // Prepare: a ward, its chair, its secretary (the office's clerk) and two members; a meeting with an uploaded document, invited.
    const admin = await login('admin')
    const ward = await newWard(admin, `Đảng ủy phường Trình Duyệt ${uniq()}`)
    const chair = await person(admin, ward, 'secretary', 'Trần Chủ Trì', 'Bí thư Đảng ủy')
    const clerk = await person(admin, ward, 'clerk', 'Lê Thư Ký', 'Văn thư')
    const member = await person(admin, ward, 'specialist', 'Phạm Thị Đảng Viên')
    const other = await person(admin, ward, 'specialist', 'Hoàng Văn Vắng')
    const doc = await upload(clerk, await pdfOf('Dự thảo nghị quyết về chuyển đổi số'), 'du-thao.pdf')
    const title = `Hội nghị Ban Chấp hành ${uniq()}`
    const created = await clerk.post('/api/meetings', {
      unitId: ward, title, kind: 'committee', startsAt: new Date(Date.now() + 60_000).toISOString(), place: 'Hội trường tầng 3',
      chairUserId: chair.userId, secretaryUserId: clerk.userId,
      members: [{ userId: chair.userId }, { userId: member.userId }, { userId: other.userId }],
      agenda: [{ title: 'Thông qua nghị quyết chuyển đổi số', presenterUserId: member.userId, minutes: 30, documents: [{ ...doc, title: 'Dự thảo nghị quyết', draft: true }] }],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const meetingId = created.body.meetingId as string
    expect((await clerk.post(`/api/meetings/${meetingId}/invitation`, {})).status).toBe(200)
    const chairCode = await chair.get(`/api/meetings/${meetingId}/checkin-code`)
    expect((await clerk.post(`/api/meetings/${meetingId}/checkins`, { token: chairCode.body.token })).status).toBe(200)

    const desk = await signIn(browser, clerk.username, { password: PASSWORD })
    const phone = await signIn(browser, member.username, { password: PASSWORD, width: 390, height: 844 })

    // Act: the member finds the meeting from the menu on her phone and answers.
    await phone.getByRole('button', { name: 'Mở menu điều hướng' }).click()
    await phone.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cuộc họp' }).click()
    await phone.getByRole('heading', { name: 'Cuộc họp của tôi', level: 1 }).waitFor()
    expect(await phone.locator(`[data-meeting="${title}"]`).textContent()).toContain('Chưa trả lời')
    await phone.locator(`[data-meeting="${title}"]`).getByRole('link', { name: title }).click()
    await phone.getByRole('heading', { name: title, level: 1 }).waitFor()
    expect(await noSideScroll(phone)).toBe(true)
    const answer = phone.getByRole('form', { name: 'Trả lời giấy mời' })
    await answer.getByRole('radio', { name: 'Tôi sẽ dự' }).check()
    await answer.getByRole('button', { name: 'Gửi trả lời' }).click()
    await expect.poll(() => answer.textContent()).toContain('Bạn đã trả lời: Dự họp')
    // Her documents: the draft opens in the PDF viewer.
    await phone.getByRole('button', { name: 'Dự thảo nghị quyết', exact: true }).click()
    await expect.poll(() => phone.getByRole('dialog').textContent(), { timeout: 30_000 }).toContain('chuyển đổi số')
    await phone.getByRole('button', { name: 'Đóng' }).click()

    // The secretary's list: the chair present, one of three.
    await desk.goto(`${baseUrl()}/meetings/${encodeURIComponent(meetingId)}`)
    const quorum = desk.getByRole('region', { name: 'Điểm danh' }).locator('[data-quorum]')
    await expect.poll(() => quorum.textContent()).toBe('1/3 đảng viên có mặt — chưa đủ số lượng (cần 2)')
    await expect.poll(() => desk.locator('[data-participant="Phạm Thị Đảng Viên"]').textContent()).toContain('Dự họp')

    // The secretary's page asks the API nothing while others act: what the socket pushes is applied.
    const deskReads: string[] = []
    desk.on('request', (r) => { if (r.method() === 'GET' && r.url().includes('/api/meetings/')) deskReads.push(r.url()) })

    // Act: the member checks in with her own QR token.
    await phone.getByRole('img', { name: 'Mã QR điểm danh của tôi' }).waitFor()
    await phone.getByRole('button', { name: 'Tôi đã có mặt — điểm danh' }).click()
    await phone.locator('[data-checked-in]').waitFor()

    // Assess: the secretary sees it without reloading.
    await expect.poll(() => quorum.textContent(), { timeout: 15_000 }).toBe('2/3 đảng viên có mặt — đủ số lượng')
    expect(deskReads).toEqual([])

    // Act: the secretary opens the meeting and a secret vote.
    await desk.getByRole('button', { name: 'Khai mạc' }).click()
    const voteForm = desk.getByRole('form', { name: 'Mở biểu quyết' })
    await voteForm.getByLabel('Nội dung biểu quyết').fill('Thông qua nghị quyết (bỏ phiếu kín)')
    await voteForm.getByLabel('Bỏ phiếu kín').check()
    await voteForm.getByRole('button', { name: 'Mở biểu quyết' }).click()

    // The member's browser makes the secret ballot; the ballot travels without her session.
    const ballots: Record<string, string>[] = []
    phone.on('request', (r) => { if (r.url().includes('/api/ballots/')) ballots.push(r.headers()) })
    const secretButton = phone.getByRole('button', { name: 'Tán thành: Thông qua nghị quyết (bỏ phiếu kín)', exact: true })
    await secretButton.waitFor({ timeout: 15_000 })
    await secretButton.click()
    await phone.locator('[data-vote="Thông qua nghị quyết (bỏ phiếu kín)"]').getByText('Phiếu kín của bạn đã được bỏ vào hòm phiếu.').first().waitFor({ timeout: 15_000 })
    expect(ballots).toHaveLength(1)
    expect(Object.keys(ballots[0]).map((k) => k.toLowerCase())).not.toContain('authorization')

    // The secretary closes it: one of three members agreed, not more than half.
    const secretCard = desk.locator('[data-vote="Thông qua nghị quyết (bỏ phiếu kín)"]')
    await secretCard.getByRole('button', { name: 'Kết thúc biểu quyết' }).click()
    await expect.poll(() => secretCard.textContent()).toContain('Tán thành: 1/3 — 33,33% tổng số thành viên')

    // Assess: the member finds her ballot in the published list.
    const mine = phone.locator('[data-vote="Thông qua nghị quyết (bỏ phiếu kín)"]')
    await mine.getByRole('button', { name: 'Kiểm tra phiếu của tôi' }).click({ timeout: 15_000 })
    expect(await mine.locator('[data-verified]').textContent()).toBe('Phiếu của bạn có trong danh sách công bố: Tán thành.')

    // Act: an open vote, the member on her phone and the chair by the API.
    await voteForm.getByLabel('Nội dung biểu quyết').fill('Thông qua chương trình công tác')
    await voteForm.getByLabel('Bỏ phiếu kín').uncheck()
    await voteForm.getByRole('button', { name: 'Mở biểu quyết' }).click()
    const openButton = phone.getByRole('button', { name: 'Tán thành: Thông qua chương trình công tác', exact: true })
    await openButton.click({ timeout: 15_000 })
    await phone.locator('[data-vote="Thông qua chương trình công tác"]').getByText('Bạn đã biểu quyết.').waitFor()
    const openVoteId = (await chair.get(`/api/meetings/${meetingId}`)).body.voteIds.at(-1)
    expect((await chair.post(`/api/meetings/${meetingId}/votes/${openVoteId}/ballots`, { choice: { option: 'agree' } })).status).toBe(200)
    const openCard = desk.locator('[data-vote="Thông qua chương trình công tác"]')
    await openCard.getByRole('button', { name: 'Kết thúc biểu quyết' }).click()

    // Assess: two of three members, passed.
    await expect.poll(() => openCard.textContent()).toContain('Tán thành: 2/3 — 66,67% tổng số thành viên')
    expect(await openCard.textContent()).toContain('Thông qua')

    // Act: close the meeting; the secretary drafts and signs the minutes, the chair signs.
    await desk.getByRole('button', { name: 'Bế mạc' }).click()
    await desk.getByText('Đã bế mạc').first().waitFor()
    const draft = desk.getByRole('form', { name: 'Lập biên bản' })
    await draft.getByLabel('Ghi chép của thư ký').fill('Hội nghị kết thúc lúc 11 giờ.')
    await draft.getByRole('button', { name: 'Lập biên bản' }).click()
    await expect.poll(() => desk.locator('[data-minutes-draft]').textContent()).toContain('Có mặt: 2/3 thành viên')
    await desk.getByRole('button', { name: 'Ký biên bản' }).click()
    await desk.getByText('Đã ký: Lê Thư Ký').waitFor()
    const version = (await chair.get(`/api/meetings/${meetingId}`)).body.version
    expect((await chair.post(`/api/meetings/${meetingId}/minutes/sign`, { version })).status).toBe(200)

    // Assess: the member opens the signed minutes in the PDF viewer.
    const minutes = phone.getByRole('button', { name: `Biên bản (PDF) — ${title}` })
    await minutes.click({ timeout: 15_000 })
    const viewer = phone.getByRole('dialog', { name: title })
    await expect.poll(() => viewer.textContent(), { timeout: 30_000 }).toContain('BIÊN BẢN')
    expect(await viewer.textContent()).toContain('Trần Chủ Trì')
    expect(await noSideScroll(phone)).toBe(true)

    await desk.context().close()
    await phone.context().close()
  }, 240_000)
})
