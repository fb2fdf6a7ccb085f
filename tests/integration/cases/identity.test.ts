/**
 * The denouncer's identity is protected: on a platform of its own (in this
 * process, so its read model and its log output can be inspected), a
 * denunciation is taken in with a name found nowhere else; the chair and
 * the assigned inspector read it (each read audited), another inspector of
 * the same commission is refused (the refusal audited too). The name is
 * then absent from the case list and its search, the register's XLSX
 * export, the assistant's answer and passages, the audit trail, every table
 * of the read model, and everything the platform logged meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { sql } from '../../../functions/lib/adapters/sql.js'
import { login, uniq } from '../../support/api.js'

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 })

const dataDir = mkdtempSync(join(tmpdir(), 'do-cases-identity-'))
let running: Platform | undefined
afterAll(async () => { await running?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('the denouncer\'s identity', () => {
  it('is read only by the chair and the assigned inspector, audited, and reaches no list, search, export, assistant, read model or log', async () => {
    // Prepare: capture everything the platform writes from now on
    const logged: string[] = []
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream)
      stream.write = ((chunk: unknown, ...rest: unknown[]) => { logged.push(String(chunk)); return (write as any)(chunk, ...rest) }) as typeof stream.write
      return () => { stream.write = write }
    }
    const restore = [capture(process.stdout), capture(process.stderr)]
    const origLog = console.log; const origErr = console.error; const origInfo = console.info; const origWarn = console.warn
    for (const k of ['log', 'error', 'info', 'warn'] as const) console[k] = (...a: unknown[]) => { logged.push(a.map(String).join(' ')) }
    try {
      running = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
      const base = running.url
      const name = `Khổng Thị Bảo Mật ${uniq()}`
      const phone = `09${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`
      const subject = `Tố cáo vi phạm quy định đấu thầu ${uniq()}`
      const clerk = await login('vanthu.ubkt', undefined, base)
      const chair = await login('chunhiem.ubkt', undefined, base)
      const inspector = await login('kiemtravien.ubkt', undefined, base)
      const other = await login('kiemtravien2.ubkt', undefined, base)
      const inspectorId = (await inspector.get('/api/me')).body.user.userId

      // Act: intake (and a refused intake whose body carries the name), register, classify, assign
      const bad = await clerk.post('/api/cases', { commissionId: 'hn-ubkttu', type: 'denunciation', source: 'portal', subject, summary: 's', concerns: 'c', complainant: { fullName: name, email: 'không-phải-thư' } })
      expect(bad.status).toBe(400)
      const taken = await clerk.post('/api/cases', {
        commissionId: 'hn-ubkttu', type: 'denunciation', source: 'portal', subject, summary: 'Đơn nêu việc chia nhỏ gói thầu để chỉ định thầu.', concerns: 'Chi bộ Ban Quản lý dự án',
        complainant: { fullName: name, phone, address: '12 phố Hàng Bạc' },
      })
      expect(taken.status).toBe(201)
      const id = taken.body.caseId
      const r = (await clerk.post(`/api/cases/${id}/register`, { version: 1 })).body
      const c = (await inspector.post(`/api/cases/${id}/classify`, { version: r.version, withinCompetence: true })).body
      expect((await chair.post(`/api/cases/${id}/assign`, { version: c.version, inspectorId })).status).toBe(200)

      // Assess: who may read it
      const byChair = await chair.get(`/api/cases/${id}/identity`)
      expect(byChair.status).toBe(200)
      expect(byChair.body.complainant).toMatchObject({ fullName: name, phone })
      expect((await inspector.get(`/api/cases/${id}/identity`)).body.complainant.fullName).toBe(name)
      const refused = await other.get(`/api/cases/${id}/identity`)
      expect(refused.status).toBe(403)
      expect(refused.body.error.message).toBe('Chỉ Chủ nhiệm Ủy ban kiểm tra và kiểm tra viên được phân công mới xem được thông tin người tố cáo.')
      expect((await clerk.get(`/api/cases/${id}/identity`)).status).toBe(403)
      const shown = await other.get(`/api/cases/${id}`)
      expect(shown.body.can.identity).toBe(false)
      const admin = await login('admin', undefined, base)
      const trail = (await admin.get('/api/audit?unitId=hn-ubkttu&limit=200', 'vi')).body.entries.filter((e: any) => e.target === id)
      expect(trail.filter((e: any) => e.action === 'case.identityRead')).toHaveLength(2)
      expect(trail.filter((e: any) => e.action === 'case.identityDenied')).toHaveLength(2)

      // Assess: nowhere else
      const all = (x: unknown) => JSON.stringify(x)
      const listed = await chair.get('/api/cases?commissionId=hn-ubkttu')
      expect(all(listed.body)).toContain(subject)
      expect(all((await chair.get(`/api/cases?commissionId=hn-ubkttu&q=${encodeURIComponent(name)}`)).body.cases)).toBe('[]')
      expect((await chair.get(`/api/cases?commissionId=hn-ubkttu&q=${encodeURIComponent('chia nhỏ gói thầu')}`)).body.cases.map((x: any) => x.caseId)).toContain(id)
      expect(all((await chair.get(`/api/cases/${id}`)).body)).not.toContain(name)
      expect(all(trail)).not.toContain(name)
      expect(all((await chair.get('/api/me/work')).body)).not.toContain(name)
      expect(all((await chair.get(`/api/documents/search?q=${encodeURIComponent(name)}`)).body)).not.toContain(name)

      const exported = await chair.get('/api/cases/export?commissionId=hn-ubkttu')
      expect(exported.status).toBe(200)
      const { default: ExcelJS } = await import('exceljs')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(exported.body.contentBase64, 'base64') as any)
      const cells: string[] = []
      wb.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => { cells.push(String(cell.value)) })))
      expect(cells).toContain(subject)
      expect(cells.join(' ')).not.toContain(name)
      expect(cells.join(' ')).not.toContain(phone)

      const asked = await chair.post('/api/assistant/ask', { question: `Ai là người tố cáo vụ ${subject}? ${name}` })
      expect(asked.status).toBe(200)
      expect(all(asked.body.answer)).not.toContain(name)
      for (const cite of asked.body.answer.citations ?? []) {
        const passage = await chair.get(`/api/assistant/passages/${cite.documentId}?ordinal=${cite.ordinal}`)
        expect(all(passage.body)).not.toContain(name)
      }

      await running.drain()
      const tables = (await sql().query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).map((t) => t.table_name)
      expect(tables.length).toBeGreaterThan(3)
      let sawSubject = false
      for (const t of tables) {
        const text = (await sql().query<{ t: string | null }>(`SELECT string_agg(x::text, ' ') AS t FROM "${t}" x`))[0]?.t ?? ''
        expect(text.includes(name), `table ${t}`).toBe(false)
        expect(text.includes(phone), `table ${t}`).toBe(false)
        if (text.includes(subject)) sawSubject = true
      }
      expect(sawSubject).toBe(true) // the case's steps did reach the read model (its audit entries), without the name
      expect(logged.join('').length).toBeGreaterThan(0)
      expect(logged.join('\n')).not.toContain(name)
      expect(logged.join('\n')).not.toContain(phone)
    } finally {
      for (const r of restore) r()
      console.log = origLog; console.error = origErr; console.info = origInfo; console.warn = origWarn
    }
  })
})
