/**
 * Scheduled jobs, run the way the scheduler runs them (the embedded runtime's
 * "run this schedule now", with the schedule's own input).
 */
import { describe, expect, it, vi } from 'vitest'
import { baseUrl, login, uniq } from '../../support/api.js'
import { listed, newWard, pdfOf, PASSWORD, upload } from '../documents/support.js'
import { addDays, CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

vi.setConfig({ testTimeout: 120_000 })

/** The local tools want an administrator's token. */
let adminToken: Promise<string> | undefined
const asAdmin = async () => ({ authorization: `Bearer ${await (adminToken ??= login('admin').then((s) => s.token))}` })

async function runJob(id: string, now?: string): Promise<any> {
  const res = await fetch(`${baseUrl()}/local/jobs/${id}`, { method: 'POST', body: JSON.stringify(now ? { now } : {}), headers: await asAdmin() })
  expect(res.status).toBe(200)
  return res.json()
}

async function outbox(): Promise<{ to: string[]; subject: string; text: string }[]> {
  return (await fetch(`${baseUrl()}/local/outbox`, { headers: await asAdmin() })).json()
}

describe('the local tools', () => {
  it('run a job and show the outbox only to an administrator', async () => {
    expect((await fetch(`${baseUrl()}/local/outbox`)).status).toBe(401)
    const clerk = await login('vanthu.hoankiem')
    const asClerk = { authorization: `Bearer ${clerk.token}`, 'accept-language': 'en' }
    const refused = await fetch(`${baseUrl()}/local/jobs/daily-kpi-snapshot`, { method: 'POST', body: '{}', headers: asClerk })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as any).error.code).toBe('auth.forbidden')
    expect((await fetch(`${baseUrl()}/local/outbox`, { headers: asClerk })).status).toBe(403)
    expect((await fetch(`${baseUrl()}/local/jobs/daily-kpi-snapshot`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401)
    expect((await fetch(`${baseUrl()}/local/outbox`, { headers: await asAdmin() })).status).toBe(200)
  })
})

describe('overdue documents reminder', () => {
  it('mails the ward\'s leader a digest of the documents past their deadline, once a day, and not at the weekend', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Nhắc Hạn')
    const tag = uniq()
    const make = async (role: string, fullName: string) => {
      const username = `${role}.nhac${tag}`
      const email = `${username}@phuong.example.vn`
      const res = await admin.post('/api/users', { username, fullName, email, clearance: 'internal', password: PASSWORD, assignments: [{ unitId: ward, role }] })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return { session: await login(username, PASSWORD), email }
    }
    const clerk = await make('clerk', 'Văn thư Nhắc Hạn')
    const leader = await make('secretary', 'Bí thư Nhắc Hạn')
    const received = addDays(vietnamDate(), -30)
    const reg = await clerk.session.post('/api/documents/incoming', {
      unitId: ward, symbol: '7-CV/TU', issuerName: 'Thành ủy Hà Nội', documentDate: received, receivedDate: received,
      summary: 'Công văn đề nghị rà soát hồ sơ đảng viên', file: await upload(clerk.session, await pdfOf('Đề nghị rà soát')),
    })
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    await listed(leader.session, '/api/documents?box=overdue', reg.body.document.documentId)

    // A day off: no reminder. The next working morning: one digest for the leader, none for the clerk. Again the same day: nothing new.
    const today = vietnamDate()
    let dayOff = addDays(today, 1)
    while (CALENDAR.isWorkingDay(dayOff)) dayOff = addDays(dayOff, 1)
    const workday = CALENDAR.nextWorkingDay(addDays(today, 1))
    const morning = (d: string) => `${d}T00:30:00.000Z` // 07:30 in Hà Nội
    expect(await runJob('overdue-documents', morning(dayOff))).toMatchObject({ reminded: 0, skipped: 'not a working day' })
    const first = await runJob('overdue-documents', morning(workday))
    expect(first.reminded).toBeGreaterThanOrEqual(1)
    const mails = (await outbox()).filter((m) => m.to.includes(leader.email))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('quá hạn')
    expect(mails[0]!.text).toContain('07-CV/TU: Công văn đề nghị rà soát hồ sơ đảng viên')
    expect((await outbox()).some((m) => m.to.includes(clerk.email))).toBe(false)
    await runJob('overdue-documents', morning(workday))
    expect((await outbox()).filter((m) => m.to.includes(leader.email))).toHaveLength(1)
    // The next working day it reminds again, as long as the document is not handled.
    await runJob('overdue-documents', morning(CALENDAR.nextWorkingDay(addDays(workday, 1))))
    expect((await outbox()).filter((m) => m.to.includes(leader.email))).toHaveLength(2)
  })
})

describe('daily KPI snapshot', () => {
  it('reports the year\'s documents: issued signed, received electronically, handled on time, overdue', async () => {
    const snapshot = await runJob('daily-kpi-snapshot')
    expect(snapshot.documents.year).toBe(new Date().getFullYear())
    expect(snapshot.documents.incoming).toBeGreaterThan(0)
    for (const share of [snapshot.documents.incomingElectronicShare, snapshot.documents.onTimeShare]) {
      expect(share).toBeGreaterThanOrEqual(0)
      expect(share).toBeLessThanOrEqual(1)
    }
    expect(snapshot.unitsByLevel.length).toBeGreaterThan(0)
  })

  it('counts a document handled before its deadline as handled on time, and one still open as not handled', async () => {
    const before = (await runJob('daily-kpi-snapshot')).documents
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Chỉ Tiêu Đúng Hạn')
    const tag = uniq()
    const make = async (role: string, fullName: string) => {
      const username = `${role}.kpi${tag}`
      const res = await admin.post('/api/users', { username, fullName, clearance: 'internal', password: PASSWORD, assignments: [{ unitId: ward, role }] })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return login(username, PASSWORD)
    }
    const clerk = await make('clerk', 'Văn thư Chỉ Tiêu')
    const leader = await make('secretary', 'Bí thư Chỉ Tiêu')
    const handle = async (symbol: string, receivedDate: string, deadline?: string) => {
      const reg = await clerk.post('/api/documents/incoming', {
        unitId: ward, symbol, issuerName: 'Thành ủy Hà Nội', documentDate: receivedDate, receivedDate,
        summary: `Công văn đề nghị báo cáo ${symbol}`, file: await upload(clerk, await pdfOf(`Báo cáo ${symbol}`)),
      })
      expect(reg.status, JSON.stringify(reg.body)).toBe(201)
      const id = reg.body.document.documentId
      const directed = await leader.post(`/api/documents/${id}/direction`, { text: 'Văn phòng tham mưu, báo cáo.', leadUnitId: ward, ...(deadline ? { deadline } : {}) })
      expect(directed.status, JSON.stringify(directed.body)).toBe(200)
      const done = await leader.post(`/api/documents/${id}/complete`, { note: 'Đã báo cáo' })
      expect(done.status, JSON.stringify(done.body)).toBe(200)
      return done.body.document
    }
    const today = vietnamDate()
    // Due in ten days, handled today: in time.
    const onTime = await handle('12-CV/TU', today, addDays(today, 10))
    expect(onTime.status).toBe('done')
    expect(onTime.deadline > today).toBe(true)
    // Received and not handled: counts as received, not as handled.
    const open = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol: '13-CV/TU', issuerName: 'Thành ủy Hà Nội', documentDate: today, receivedDate: today,
      summary: 'Công văn chưa xử lý', file: await upload(clerk, await pdfOf('Chưa xử lý')),
    })
    expect(open.status, JSON.stringify(open.body)).toBe(201)

    // The read model catches up; the two count in the year's figures (other tests may add more meanwhile).
    await expect.poll(async () => {
      const d = (await runJob('daily-kpi-snapshot')).documents
      return d.incoming - before.incoming >= 2 && d.handled - before.handled >= 1 && d.handledOnTime - before.handledOnTime >= 1
    }, { timeout: 30_000, interval: 500 }).toBe(true)
    const after = (await runJob('daily-kpi-snapshot')).documents
    expect(after.handledOnTime).toBeLessThanOrEqual(after.handled)
    expect(after.handled).toBeLessThan(after.incoming)
    expect(after.onTimeShare).toBeCloseTo(after.handledOnTime / after.handled, 10)
    expect(after.onTimeShare).toBeGreaterThan(0)
  })
})
