import { describe, expect, it, vi } from 'vitest'
import { eventually, login, type Session } from '../../support/api.js'
import { decideWhenReady, transferFromNewCell } from '../members/support.js'
import { newWard, pdfOf, person, put, settled, upload } from '../documents/support.js'

vi.setConfig({ testTimeout: 180_000 })

const section = (body: any, id: string) => (body.sections as any[]).find((s) => s.id === id)
const work = async (s: Session) => {
  const r = await s.get('/api/me/work')
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

describe('my work today (GET /api/me/work)', () => {
  it('a clerk sees the arrival to confirm, by its summary, linking to the document', async () => {
    const admin = await login('admin')
    const issuer = await newWard(admin, 'Đảng ủy Gửi Việc')
    const receiver = await newWard(admin, 'Đảng ủy Nhận Việc')
    const specialist = await person(admin, issuer, 'specialist', 'Chuyên viên Gửi Việc')
    const secretary = await person(admin, issuer, 'secretary', 'Bí thư Gửi Việc')
    const clerk = await person(admin, receiver, 'clerk', 'Văn thư Nhận Việc')
    expect((await put(secretary, '/api/documents/chains', { unitId: issuer, type: 'TB', steps: [] })).status).toBe(200)
    const summary = 'Thông báo lịch tiếp công dân tháng này'
    const draft = await specialist.post('/api/documents/drafts', {
      unitId: issuer, type: 'TB', summary, signer: secretary.username, recipients: [receiver], file: await upload(specialist, await pdfOf(summary)),
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const id = draft.body.document.documentId as string
    expect((await specialist.post(`/api/documents/${id}/submit`, {})).body.document.status).toBe('approved')
    expect((await secretary.post(`/api/documents/${id}/issue`, {})).status).toBe(201)

    const confirm = await settled(async () => {
      const s = section(await work(clerk), 'documents.to-confirm')
      expect(s?.count).toBe(1)
      return s
    })
    expect(confirm.href).toBe('/documents/incoming?box=to-confirm')
    expect(confirm.items).toHaveLength(1)
    expect(confirm.items[0].title).toBe(summary)
    expect(confirm.items[0].subtitle).toContain('Đảng ủy Gửi Việc')
    const opened = await clerk.get(confirm.items[0].href.replace('/documents/', '/api/documents/'))
    expect(opened.status).toBe(200)
    expect(opened.body.document).toMatchObject({ flow: 'incoming', status: 'arrived', summary })
    // A clerk directs nothing and reviews nothing: no such sections.
    expect(section(await work(clerk), 'documents.to-direct')).toBeUndefined()
    expect(section(await work(clerk), 'documents.to-review')).toBeUndefined()
  })

  it('the City Organisation Board sees a transfer waiting at the city step, on its work and in its transfer list; the cell secretary no longer does', async () => {
    const admin = await login('admin')
    const { cell, member, transferId, cellSecretary } = await transferFromNewCell(admin, 'Bí Thư Chi Bộ Việc')
    const ward = await login('bithu.hoankiem')
    const board = await login('tochuc.tu')

    // The cell secretary has it on their work until they decide.
    const atCell = await eventually(async () => {
      const s = section(await work(cellSecretary), 'members.transfers')
      expect(s?.items.map((i: any) => i.title)).toContain(member.fullName)
      return s
    }, { timeoutMs: 30_000 })
    expect(atCell.href).toBe('/party/transfers')
    await decideWhenReady(cellSecretary, transferId, true)
    await decideWhenReady(ward, transferId, true)

    const atCity = await eventually(async () => {
      const s = section(await work(board), 'members.transfers')
      expect(s?.items.map((i: any) => i.title)).toContain(member.fullName)
      return s
    }, { timeoutMs: 30_000 })
    expect(atCity.count).toBeGreaterThanOrEqual(1)
    const item = atCity.items.find((i: any) => i.title === member.fullName)
    expect(item.subtitle).toContain('Chi bộ thử')
    expect(item.subtitle).not.toContain(cell)
    // The transfer list (the approvals page and /party/transfers) shows it too.
    const list = await board.get('/api/members/transfers')
    expect(list.body.transfers.map((t: any) => t.transferId)).toContain(transferId)
    // Decided steps leave the deciders' work.
    expect(section(await work(cellSecretary), 'members.transfers').items.map((i: any) => i.title)).not.toContain(member.fullName)
    expect(section(await work(ward), 'members.transfers').items.map((i: any) => i.title)).not.toContain(member.fullName)
  })

  it('a member sees the months of fees owed and her unread notices from her own record', async () => {
    const hang = await login('dangvien.hangbac')
    const book = (await hang.get('/api/me/handbook')).body
    const owed = book.fees.months.filter((m: any) => m.owed > 0)
    expect(owed.length).toBeGreaterThan(0)
    const body = await work(hang)
    const fees = section(body, 'members.fees')
    expect(fees.count).toBe(owed.length)
    expect(fees.href).toBe('/party/handbook')
    expect(fees.items.map((i: any) => i.title)).toEqual(owed.slice(0, 5).map((m: any) => m.month))
    expect(section(body, 'members.notices').count).toBe(book.notices.filter((n: any) => !n.read).length)
    // A member decides no transfer and approves no reorganisation.
    expect(section(body, 'members.transfers')).toBeUndefined()
    expect(section(body, 'org.reorganisations')).toBeUndefined()
  })

  it('a user with nothing waiting sees empty sections, not other people’s work', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy Không Việc')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Không Việc')
    const body = await work(specialist)
    expect(body.sections.length).toBeGreaterThan(0)
    for (const s of body.sections) {
      expect(s.count, s.id).toBe(0)
      expect(s.items, s.id).toEqual([])
    }
    expect(body.sections.map((s: any) => s.id)).not.toContain('members.fees')
    expect(body.sections.map((s: any) => s.id)).not.toContain('documents.to-confirm')
  })

  it('the designated signer sees the approved draft to sign, linking to it; another leader who may sign does not; issued, it leaves the list', async () => {
    // Prepare: a draft approved without review steps, waiting for the secretary's signature
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy Chờ Ký')
    const specialist = await person(admin, ward, 'specialist', 'Chuyên viên Chờ Ký')
    const secretary = await person(admin, ward, 'secretary', 'Bí thư Chờ Ký')
    const deputy = await person(admin, ward, 'deputy-secretary', 'Phó Bí thư Chờ Ký')
    expect((await put(secretary, '/api/documents/chains', { unitId: ward, type: 'TB', steps: [] })).status).toBe(200)
    const summary = 'Thông báo kết luận hội nghị chờ ký ban hành'
    const draft = await specialist.post('/api/documents/drafts', { unitId: ward, type: 'TB', summary, signer: secretary.username, recipients: [], file: await upload(specialist, await pdfOf(summary)) })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const id = draft.body.document.documentId as string
    expect(section(await work(secretary), 'documents.to-sign')?.count).toBe(0) // a draft not yet approved waits for nobody's signature

    // Act
    expect((await specialist.post(`/api/documents/${id}/submit`, {})).body.document.status).toBe('approved')

    // Assess: on the signer's work, by its summary, linking to the draft; the deputy (who may sign too) sees nothing
    const toSign = await settled(async () => {
      const s = section(await work(secretary), 'documents.to-sign')
      expect(s?.count).toBe(1)
      return s
    })
    expect(toSign.href).toBe('/documents/outgoing?box=to-sign')
    expect(toSign.items.map((i: any) => i.title)).toEqual([summary])
    expect((await secretary.get(toSign.items[0].href.replace('/documents/', '/api/documents/'))).body.actions.issue).toBe(true)
    expect(section(await work(deputy), 'documents.to-sign')).toMatchObject({ count: 0, items: [] })
    expect(section(await work(specialist), 'documents.to-sign')).toBeUndefined() // a specialist never signs
    const box = await secretary.get('/api/documents?box=to-sign')
    expect(box.status, JSON.stringify(box.body)).toBe(200)
    expect(box.body.items.map((d: any) => d.summary)).toEqual([summary])

    expect((await secretary.post(`/api/documents/${id}/issue`, {})).status).toBe(201)
    await settled(async () => expect(section(await work(secretary), 'documents.to-sign')?.count).toBe(0))
  })

  it('the inspection commission sees a new case to handle, by register number and subject; once assigned, the inspector has it', async () => {
    // Prepare
    const clerk = await login('vanthu.ubkt')
    const chair = await login('chunhiem.ubkt')
    const inspector = await login('kiemtravien.ubkt')
    const inspectorId = (await inspector.get('/api/me')).body.user.userId
    const before = section(await work(chair), 'cases.to-handle')?.count ?? 0
    const subject = `Tố cáo vi phạm quy định nêu gương ${Date.now().toString(36)}`

    // Act: taken in and registered
    const taken = await clerk.post('/api/cases', {
      commissionId: 'hn-ubkttu', type: 'denunciation', source: 'reception', subject, summary: 'Đơn phản ánh việc sử dụng xe công vào việc riêng.',
      concerns: 'Đồng chí Lê Văn Được, Trưởng phòng', anonymous: false, complainant: { fullName: 'Phạm Văn Đơn', phone: '0912345678' },
    })
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)
    const id = taken.body.caseId as string
    const registered = await clerk.post(`/api/cases/${id}/register`, { version: 1 })
    expect(registered.status).toBe(200)

    // Assess: the chair's section counts it and names it by register number and subject, never the complainant
    const waiting = section(await work(chair), 'cases.to-handle')
    expect(waiting.count).toBe(before + 1)
    expect(waiting.href).toBe('/cases')
    const all = JSON.stringify(waiting)
    if (waiting.count <= waiting.items.length) expect(waiting.items.map((i: any) => i.title)).toContain(`${registered.body.registerNo} — ${subject}`)
    expect(all).not.toContain('Phạm Văn Đơn')

    // Act: classified and assigned to the inspector
    const classified = await inspector.post(`/api/cases/${id}/classify`, { version: registered.body.version, withinCompetence: true })
    const assigned = await chair.post(`/api/cases/${id}/assign`, { version: classified.body.version, inspectorId })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200)

    // Assess: the inspector's section holds it, linking to the case
    const mine = section(await work(inspector), 'cases.to-handle')
    const item = mine.items.find((i: any) => i.title === `${registered.body.registerNo} — ${subject}`)
    expect(item ?? mine.count > mine.items.length, JSON.stringify(mine)).toBeTruthy()
    if (item) {
      expect(item.href).toBe(`/cases/${id}`)
      expect(item.due).toBe(assigned.body.handling.due)
    }
    expect(section(await work(chair), 'cases.to-handle').count).toBe(before) // assigned: no longer waiting for the chair
  })
})
