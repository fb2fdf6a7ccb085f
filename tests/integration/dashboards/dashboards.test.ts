/**
 * KPI dashboards through the embedded platform, with known answers: a new
 * ward with one cell, four people (one with MFA), two incoming documents
 * from paper (one received a month ago and past its deadline, one today), a
 * task done on time, two member records (one without birth date and
 * residence), no archives. The daily snapshot gives each KPI over the ward's
 * subtree; the dashboard shows them against the targets, ranks the ward
 * among the city's units and the cell below the ward, lists the overdue
 * document by its summary; only readers of the ward's figures see any of
 * it. The report comes back as a signed PDF in the Party form (poppler) and
 * an XLSX, and the weekly run mails the ward's leader a link to it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { baseUrl, login, uniq, type Session } from '../../support/api.js'
import { newWard, pdfOf, PASSWORD, upload } from '../documents/support.js'
import { addDays, CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

vi.setConfig({ testTimeout: 180_000 })

let adminToken: Promise<string> | undefined
const asAdmin = async () => ({ authorization: `Bearer ${await (adminToken ??= login('admin').then((s) => s.token))}` })
async function runJob(id: string): Promise<any> {
  const res = await fetch(`${baseUrl()}/local/jobs/${id}`, { method: 'POST', body: '{}', headers: await asAdmin() })
  expect(res.status).toBe(200)
  return res.json()
}

const today = vietnamDate()
const tag = uniq()
let admin: Session
let leader: Session
let specialist: Session & { userId: string }
let ward: string
let cell: string
let overdueId: string
const leaderEmail = `bithu.kpi${tag}@phuong.example.vn`

beforeAll(async () => {
  admin = await login('admin')
  ward = await newWard(admin, `Đảng ủy phường Chỉ Tiêu ${tag}`)
  cell = `${ward}-cb1`
  expect((await admin.post('/api/units', { unitId: cell, code: 'CB', name: `Chi bộ Khu dân cư số 1 ${tag}`, level: 'cell', kind: 'cell', parentId: ward, validFrom: '2025-07-01' })).status).toBe(201)
  const make = async (role: string, fullName: string, mfa = false, email?: string) => {
    const username = `${role.replace(/[^a-z]/g, '')}.kpi${tag}`
    const res = await admin.post('/api/users', { username, fullName, clearance: 'internal', password: PASSWORD, mfa, ...(email ? { email } : {}), assignments: [{ unitId: ward, role }] })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return mfa ? undefined : Object.assign(await login(username, PASSWORD), { userId: res.body.user.userId as string })
  }
  leader = (await make('secretary', 'Bí thư Chỉ Tiêu', false, leaderEmail))!
  const clerk = (await make('clerk', 'Văn thư Chỉ Tiêu'))!
  specialist = (await make('specialist', 'Chuyên viên Chỉ Tiêu'))!
  await make('inspector', 'Kiểm tra viên Có MFA', true)

  // Two documents from paper: a month ago (past its deadline), and today.
  const register = async (symbol: string, receivedDate: string, summary: string) => {
    const reg = await clerk.post('/api/documents/incoming', {
      unitId: ward, symbol, issuerName: 'Thành ủy Hà Nội', documentDate: receivedDate, receivedDate, summary, file: await upload(clerk, await pdfOf(summary)),
    })
    expect(reg.status, JSON.stringify(reg.body)).toBe(201)
    return reg.body.document.documentId as string
  }
  overdueId = await register('31-CV/TU', addDays(today, -30), `Công văn về rà soát hồ sơ đảng viên ${tag}`)
  await register('32-CV/TU', today, `Công văn về kế hoạch chuyển đổi số ${tag}`)

  // A task done on time: assigned to the specialist, accepted, submitted, evaluated.
  const task = await leader.post('/api/tasks', { title: `Báo cáo chuyển đổi số ${tag}`, leadUnitId: ward, leadUserId: specialist.userId, deadline: CALENDAR.nextWorkingDay(today), priority: 'normal' })
  expect(task.status, JSON.stringify(task.body)).toBe(201)
  let t = task.body
  for (const [who, step, body] of [[specialist, 'accept', {}], [specialist, 'submit', { text: 'Đã hoàn thành' }], [leader, 'evaluate', { quality: 4 }]] as const) {
    const res = await who.post(`/api/tasks/${t.taskId}/${step}`, { ...body, version: t.version })
    expect(res.status, `${step} ${JSON.stringify(res.body)}`).toBe(200)
    t = res.body
  }
  expect(t.evaluation.timeliness).toBe('on-time')

  // Two member records of the cell: one complete, one without birth date and residence.
  const card = () => String(Math.floor(Math.random() * 9e8) + 1e8)
  for (const m of [{ fullName: 'Nguyễn Văn Đủ', birthDate: '1980-05-01', residence: 'Số 5 phố Hàng Bạc' }, { fullName: 'Trần Thị Thiếu' }]) {
    const res = await leader.post('/api/members', { ...m, cardNumber: card(), recordNumber: `LL-${uniq()}`, admissionDate: '2010-01-01', cellId: cell, fee: { category: 'student' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
})

const figures = async () => (await leader.get(`/api/dashboards?unitId=${ward}`)).body
const kpi = (d: any, id: string) => d.kpis.find((k: any) => k.kpi === id)

describe('the daily snapshot per unit', () => {
  it('computes every target over the ward\'s subtree with the known answers', async () => {
    // Act: the job, until the read model has caught up with everything above.
    await expect.poll(async () => {
      const job = await runJob('daily-kpi-snapshot')
      expect(job.units.units).toBeGreaterThan(2)
      const d = await figures()
      return [kpi(d, 'identity.mfa').whole, kpi(d, 'documents.digital').whole, kpi(d, 'tasks.onTime').whole, kpi(d, 'members.digitised').whole].join(',')
    }, { timeout: 60_000, interval: 1000 }).toBe('4,2,1,2')
    const d = await figures()

    // Assess: each KPI as a user reads it.
    expect(d.unit.name).toBe(`Đảng ủy phường Chỉ Tiêu ${tag}`)
    expect(d.snapshotDate).toBe(today)
    expect(kpi(d, 'identity.mfa')).toMatchObject({ part: 1, whole: 4, value: 0.25, status: 'late' })
    expect(kpi(d, 'documents.digital')).toMatchObject({ part: 0, whole: 2, value: 0 })
    expect(kpi(d, 'documents.overdue')).toMatchObject({ part: 1, value: 1 })
    expect(kpi(d, 'documents.onTime')).toMatchObject({ part: 0, whole: 1, value: 0 })
    expect(kpi(d, 'tasks.onTime')).toMatchObject({ part: 1, whole: 1, value: 1, status: 'met' })
    expect(kpi(d, 'members.digitised')).toMatchObject({ part: 1, whole: 2, value: 0.5 })
    expect(kpi(d, 'archives.digitised')).toMatchObject({ whole: 0, value: null, status: 'noData' })
    expect(kpi(d, 'cases.digital').status).toBe('notMeasured')
    expect(kpi(d, 'identity.mfa').target).toMatchObject({ threshold: 1, deadline: '2025-12-31', source: 'Quyết định 204-QĐ/TW (2024)' })

    // The cell below: its own members only; ranked under the ward.
    const members = d.ranking['members.digitised']
    expect(members).toEqual([expect.objectContaining({ name: `Chi bộ Khu dân cư số 1 ${tag}`, value: 0.5, rank: 1 })])
    // The trend has today's point.
    expect(d.trend.weeks.at(-1).values['identity.mfa']).toBe(0.25)
    expect(d.trend.months.at(-1).values['members.digitised']).toBe(0.5)

    // The city sees the ward among the units below it, with the same figure.
    const city = (await admin.get('/api/dashboards?unitId=hn-tu')).body
    expect(city.ranking['identity.mfa'].find((r: any) => r.unitId === ward)).toMatchObject({ part: 1, whole: 4, value: 0.25 })
  })

  it('lists the items behind a number: the overdue document by its summary, linking to its page; the people without MFA by name', async () => {
    const overdue = await leader.get(`/api/dashboards/items?unitId=${ward}&kpi=documents.overdue`)
    expect(overdue.status).toBe(200)
    expect(overdue.body.total).toBe(1)
    expect(overdue.body.items[0]).toMatchObject({ title: `Công văn về rà soát hồ sơ đảng viên ${tag}`, href: `/documents/${overdueId}`, overdue: true })
    expect(overdue.body.items[0].subtitle).toContain('31-CV/TU')
    const noMfa = await leader.get(`/api/dashboards/items?unitId=${ward}&kpi=identity.mfa`)
    expect(noMfa.body.items.map((i: any) => i.title).sort()).toEqual(['Bí thư Chỉ Tiêu', 'Chuyên viên Chỉ Tiêu', 'Văn thư Chỉ Tiêu'])
    const members = await leader.get(`/api/dashboards/items?unitId=${ward}&kpi=members.digitised`)
    expect(members.body.items).toEqual([expect.objectContaining({ title: 'Trần Thị Thiếu' })])
  })

  it('counts as overdue a document of an earlier register year still open past its deadline, as the home page does', async () => {
    // Prepare: the demo's incoming documents of the 2025 register, open past their deadlines, listed on bithu.tu's home page
    // (the targets count non-classified documents: a MẬT register entry is overdue too, but not in these figures)
    const secretary = await login('bithu.tu')
    const home = (await secretary.get('/api/me/work')).body.sections.find((s: any) => s.id === 'documents.overdue')
    const open = []
    for (const item of home.items) {
      if ((await secretary.get(`/api/${item.href.slice(1)}`)).body.document.confidentiality === 'none') open.push(item)
    }
    expect(open.length).toBeGreaterThan(0)

    // Act: the snapshot of today
    await runJob('daily-kpi-snapshot')

    // Assess: the city's dashboard lists each of them behind its overdue figure, and counts at least as many
    const items = await secretary.get('/api/dashboards/items?unitId=hn-tu&kpi=documents.overdue')
    expect(items.status).toBe(200)
    const hrefs = items.body.items.map((i: any) => i.href)
    for (const item of open) expect(hrefs, item.title).toContain(item.href)
    const city = (await secretary.get('/api/dashboards?unitId=hn-tu')).body
    expect(kpi(city, 'documents.overdue').part).toBeGreaterThanOrEqual(open.length)
  })

  it('shows the figures only to who may read them', async () => {
    const refused = await specialist.get(`/api/dashboards?unitId=${ward}`)
    expect(refused.status).toBe(403)
    const otherWard = await login('bithu.hoankiem')
    const outside = await otherWard.get(`/api/dashboards/items?unitId=${ward}&kpi=documents.overdue`)
    expect(outside.status).toBe(403)
    expect(JSON.stringify(outside.body)).not.toContain('rà soát')
    const bad = await leader.get(`/api/dashboards/items?unitId=${ward}&kpi=nothing`)
    expect(bad.status).toBe(400)
  })
})

describe('KPI reports', () => {
  it('gives a signed PDF in the Party form and an XLSX for any period, read back with poppler', async () => {
    const res = await leader.post('/api/dashboards/reports', { unitId: ward, from: addDays(today, -30), to: today })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const r = res.body.report
    expect(r.registerNumber).toBe('01-BC/ĐU')
    const dir = mkdtempSync(join(tmpdir(), 'kpi-report-'))
    const pdfPath = join(dir, 'report.pdf')
    writeFileSync(pdfPath, Buffer.from(await (await fetch(r.pdf.url)).arrayBuffer()))
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString()
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM')
    expect(text).toContain('Số 01-BC/ĐU')
    expect(text).toContain(`ĐẢNG ỦY PHƯỜNG CHỈ TIÊU ${tag.toUpperCase()}`)
    expect(text).toMatch(/ngày \d{2} tháng \d{1,2} năm \d{4}/)
    expect(text).toMatch(/Người dùng có định danh số, xác thực tập trung\s+25%/)
    expect(text).toContain('Đồng chí Bí thư Chỉ Tiêu')
    // The number line under the issuing body at the left, the date line under the national header at the right.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdfPath, '-']).toString()
    const word = (w: string) => { const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${w}</word>`).exec(bbox); return m ? { x: Number(m[1]), y: Number(m[2]) } : undefined }
    const numberWord = word('01-BC/ĐU')!
    const national = word('CỘNG')!
    expect(numberWord.x).toBeLessThan(297)
    expect(national.x).toBeGreaterThan(297)
    const sig = execFileSync('pdfsig', [pdfPath]).toString()
    expect(sig).toContain(`Đảng ủy phường Chỉ Tiêu ${tag}`)
    expect(sig).toMatch(/Signature Validation: Signature is Valid/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(r.xlsx.url)).arrayBuffer()) as any)
    const rows = wb.getWorksheet('Chỉ tiêu')!.getSheetValues().filter(Boolean).map((v: any) => v.slice(1))
    expect(rows.find((v: any[]) => v[0] === 'Người dùng có định danh số, xác thực tập trung')?.slice(1, 4)).toEqual([0.25, 1, 4])
    // A period that ends after today is refused, writing nothing.
    const future = await leader.post('/api/dashboards/reports', { unitId: ward, from: today, to: addDays(today, 3) })
    expect(future.status).toBe(422)
    const again = (await figures()).reports
    expect(again.map((x: any) => x.registerNumber)).toEqual(['01-BC/ĐU'])
  })

  it('is generated weekly by the scheduler and its link mailed to the ward\'s leader', async () => {
    const before = (await (await fetch(`${baseUrl()}/local/outbox`, { headers: await asAdmin() })).json()) as any[]
    const run = await runJob('weekly-kpi-reports')
    expect(run.reports).toBeGreaterThan(0)
    // the mailbox lists the newest first: what was not there before the run
    const mails = ((await (await fetch(`${baseUrl()}/local/outbox`, { headers: await asAdmin() })).json()) as any[]).filter((m) => !before.some((b) => b.id === m.id))
    const mine = mails.find((m) => m.to.includes(leaderEmail))
    expect(mine.subject).toContain('02-BC/ĐU')
    const link = /\/dashboards\/[^\s]+\?report=([^\s]+)/.exec(mine.text)!
    const stored = await leader.get(`/api/dashboards/reports/${decodeURIComponent(link[1])}`)
    expect(stored.status).toBe(200)
    expect(stored.body.report.kind).toBe('week')
    expect((await fetch(stored.body.report.pdf.url)).status).toBe(200)
  })
})
