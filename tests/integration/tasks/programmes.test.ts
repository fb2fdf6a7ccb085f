/**
 * Work programmes (chương trình công tác) through the embedded platform: the
 * ward's clerk drafts Hoàn Kiếm's programme for this quarter, adds items
 * (preparing unit, presiding leader, a day in the quarter) and submits it;
 * the ward's secretary approves it. A cell of the ward then drafts its own
 * programme with an item carrying out the ward's item; its secretary cannot
 * approve what he submitted himself, the ward's secretary does. After
 * approval an item is moved or dropped with a reason (on the audit trail),
 * a task is given for an item through the tasks module, and the item's
 * progress follows that task. The workbook export is read back. Bad input
 * gets a vi/en 4xx and changes nothing.
 */
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { login, uniq, type Session } from '../../support/api.js'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'

const WARD = 'p-hoankiem'
const CELL = 'p-hoankiem-cb-hangbac'
const today = vietnamDate()
const year = Number(today.slice(0, 4))
const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

let clerk: Session
let secretary: Session
let cellSecretary: Session
let specialist: Session
let secretaryId: string

beforeAll(async () => {
  ;[clerk, secretary, cellSecretary, specialist] = await Promise.all(['vanthu.hoankiem', 'bithu.hoankiem', 'bithu.cb.hangbac', 'chuyenvien.hoankiem'].map((u) => login(u)))
  secretaryId = (await secretary.get('/api/me')).body.user.userId
})

/** A quarter programme of the unit with the given items (each on today's date unless said), submitted and approved by `approver`. */
async function approvedProgramme(drafter: Session, approver: Session, unitId: string, items: { content: string; dueOn?: string; cascadedFrom?: { programmeId: string; itemId: string } }[]) {
  let p = (await drafter.post('/api/programmes', { unitId, body: 'standing', kind: 'quarter', year, quarter, title: `Chương trình công tác ${uniq()}` })).body
  for (const i of items) {
    const r = await drafter.post(`/api/programmes/${p.programmeId}/items`, { version: p.version, content: i.content, preparingUnitId: unitId, dueOn: i.dueOn ?? today, output: 'Báo cáo', ...(i.cascadedFrom ? { cascadedFrom: i.cascadedFrom } : {}) })
    expect(r.status).toBe(200)
    p = r.body
  }
  p = (await drafter.post(`/api/programmes/${p.programmeId}/submit`, { version: p.version })).body
  const d = await approver.post(`/api/programmes/${p.programmeId}/decision`, { version: p.version, approve: true })
  expect(d.status).toBe(200)
  return d.body
}

describe('a programme from draft to tasks', () => {
  it('is drafted, filled, submitted, approved, followed (move, drop, a task) and exported', async () => {
    // Prepare: the clerk drafts the ward's programme for this quarter
    const title = `Chương trình công tác quý ${quarter}/${year} ${uniq()}`
    const created = await clerk.post('/api/programmes', { unitId: WARD, body: 'standing', kind: 'quarter', year, quarter, title })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ state: 'draft', unitName: 'Đảng ủy phường Hoàn Kiếm', periodName: `Quý ${quarter}/${year}`, items: [], can: { edit: true, submit: false, decide: false } })
    const id = created.body.programmeId

    // Act: three items (the preparing unit and presiding leader by id, shown by name)
    let p = created.body
    for (const content of ['Sơ kết công tác xây dựng Đảng', 'Hội nghị giao ban khối dân vận', 'Kiểm tra việc thu, nộp đảng phí']) {
      const r = await clerk.post(`/api/programmes/${id}/items`, { version: p.version, content, preparingUnitId: WARD, presidingLeaderId: secretaryId, dueOn: today, output: 'Báo cáo' })
      expect(r.status).toBe(200)
      p = r.body
    }

    // Assess
    expect(p.items.map((i: any) => [i.content, i.preparingUnitName, i.presidingLeader.fullName, i.state])).toEqual([
      ['Sơ kết công tác xây dựng Đảng', 'Đảng ủy phường Hoàn Kiếm', 'Đỗ Minh Hoàng', 'planned'],
      ['Hội nghị giao ban khối dân vận', 'Đảng ủy phường Hoàn Kiếm', 'Đỗ Minh Hoàng', 'planned'],
      ['Kiểm tra việc thu, nộp đảng phí', 'Đảng ủy phường Hoàn Kiếm', 'Đỗ Minh Hoàng', 'planned'],
    ])
    expect(p.can).toMatchObject({ edit: true, submit: true })

    // Act: the clerk submits; the secretary sees the decision offered, the clerk does not
    const submitted = await clerk.post(`/api/programmes/${id}/submit`, { version: p.version })
    const clerkView = (await clerk.get(`/api/programmes/${id}`)).body
    const secretaryView = (await secretary.get(`/api/programmes/${id}`)).body
    const clerkDecides = await clerk.post(`/api/programmes/${id}/decision`, { version: submitted.body.version, approve: true })
    const approved = await secretary.post(`/api/programmes/${id}/decision`, { version: submitted.body.version, approve: true, comment: 'Đồng ý' })

    // Assess
    expect(submitted.body).toMatchObject({ state: 'submitted', submittedBy: { fullName: 'Vũ Thị Thư' }, can: { edit: false } })
    expect(clerkView.can.decide).toBe(false)
    expect(secretaryView.can.decide).toBe(true)
    expect(clerkDecides.status).toBe(403)
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: { fullName: 'Đỗ Minh Hoàng' }, can: { follow: true, task: true } })
    const [first, second, third] = approved.body.items

    // Act: move the first item to the quarter's last day (or first, when that is today) and drop the third, each with a reason
    const { from, to } = approved.body.period
    const newDay = to === today ? from : to
    const moved = await clerk.post(`/api/programmes/${id}/items/${first.itemId}/move`, { version: approved.body.version, dueOn: newDay, reason: 'Chờ số liệu của các chi bộ' })
    const dropped = await clerk.post(`/api/programmes/${id}/items/${third.itemId}/drop`, { version: moved.body.version, reason: 'Ghép vào hội nghị cuối năm' })

    // Assess
    expect(moved.status).toBe(200)
    expect(dropped.status).toBe(200)
    const after = Object.fromEntries(dropped.body.items.map((i: any) => [i.itemId, i]))
    expect(after[first.itemId]).toMatchObject({ state: 'moved', dueOn: newDay, movedFrom: today, reason: 'Chờ số liệu của các chi bộ' })
    expect(after[third.itemId]).toMatchObject({ state: 'dropped', reason: 'Ghép vào hội nghị cuối năm', progress: { state: 'dropped' } })
    expect(dropped.body.progress.total).toBe(2)

    // Act: the secretary gives a task for the second item (the ward leads it); the specialist accepts it and reports 50 %
    const deadline = CALENDAR.addWorkingDays(CALENDAR.nextWorkingDay(today), 3)
    const given = await secretary.post(`/api/programmes/${id}/items/${second.itemId}/tasks`, { deadline })
    expect(given.status).toBe(201)
    const taskRef = given.body.items.find((i: any) => i.itemId === second.itemId).tasks[0]
    const task = (await specialist.get(`/api/tasks/${taskRef.taskId}`)).body
    const accepted = await specialist.post(`/api/tasks/${task.taskId}/accept`, { version: task.version })
    await specialist.post(`/api/tasks/${task.taskId}/progress`, { version: accepted.body.version, percent: 50, text: 'Đã chuẩn bị báo cáo đề dẫn' })
    const followed = (await clerk.get(`/api/programmes/${id}`)).body

    // Assess: the task is the tasks module's own, titled by the item, led by the preparing unit; the item's progress follows it
    expect(taskRef).toMatchObject({ title: 'Hội nghị giao ban khối dân vận', status: 'assigned', leadUnitName: 'Đảng ủy phường Hoàn Kiếm', deadline })
    expect(task).toMatchObject({ title: 'Hội nghị giao ban khối dân vận', leadUnitId: WARD, deadline, assigner: { fullName: 'Đỗ Minh Hoàng' } })
    // Its source names the programme and the item (the task page shows them by name), not a free text
    expect(task.source).toEqual({ kind: 'programme', programmeId: id, itemId: second.itemId, programmeTitle: `${title} (Quý ${quarter}/${year})`, itemContent: 'Hội nghị giao ban khối dân vận' })
    const followedSecond = followed.items.find((i: any) => i.itemId === second.itemId)
    expect(followedSecond.progress).toEqual({ state: 'in-progress', percent: 50 })
    expect(followedSecond.tasks[0]).toMatchObject({ status: 'in-progress', percent: 50 })
    // The first item (moved, no task) counts 0 %: the programme stands at 25 %.
    expect(followed.progress).toMatchObject({ percent: 25, done: 0, total: 2 })

    // Assess: every step is on the ward's audit trail, the move and drop with their reasons
    const admin = await login('admin')
    const trail = (await admin.get(`/api/audit?unitId=${WARD}&limit=200`)).body.entries.filter((e: any) => e.target === id)
    expect(trail.map((e: any) => e.action).sort()).toEqual(['programme.approve', 'programme.create', 'programme.item', 'programme.item', 'programme.item', 'programme.itemDrop', 'programme.itemMove', 'programme.submit', 'programme.task'])
    expect(JSON.stringify(trail.find((e: any) => e.action === 'programme.itemMove'))).toContain('Chờ số liệu của các chi bộ')
    expect(JSON.stringify(trail.find((e: any) => e.action === 'programme.itemDrop'))).toContain('Ghép vào hội nghị cuối năm')

    // Act: export
    const exported = await clerk.get(`/api/programmes/${id}/export`)

    // Assess: the workbook reads back with the heading, items by name, the moved day, the reason and the progress
    expect(exported.status).toBe(200)
    expect(exported.body.fileName).toBe(`chuong-trinh-cong-tac-quy-${quarter}-${year}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(exported.body.contentBase64, 'base64') as any)
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((c) => (c == null ? '' : String(c))))
    expect(rows[0]![0]).toBe('ĐẢNG ỦY PHƯỜNG HOÀN KIẾM')
    expect(rows[1]![0]).toBe(`${title.toUpperCase()} — QUÝ ${quarter}/${year}`)
    expect(rows[2]![0]).toBe(`Đã duyệt ngày ${dmy(today)} (Đỗ Minh Hoàng)`)
    const itemRows = rows.slice(4)
    const byContent = Object.fromEntries(itemRows.map((r) => [r[1], r]))
    expect(byContent['Hội nghị giao ban khối dân vận']).toEqual(expect.arrayContaining(['Đảng ủy phường Hoàn Kiếm', 'Đỗ Minh Hoàng', dmy(today), 'Báo cáo', 'Đang thực hiện (50%)']))
    expect(byContent['Sơ kết công tác xây dựng Đảng']![7]).toBe(`Lùi từ ${dmy(today)}; Lý do: Chờ số liệu của các chi bộ`)
    expect(byContent['Kiểm tra việc thu, nộp đảng phí']![6]).toBe('Đưa ra khỏi chương trình (0%)')
    expect(JSON.stringify(rows)).not.toContain(WARD)
  })

  it('lets a cell carry out the ward\'s item; its secretary cannot approve what he submitted, the ward\'s secretary can', async () => {
    // Prepare: the ward's approved programme
    const ward = await approvedProgramme(clerk, secretary, WARD, [{ content: `Học tập, quán triệt nghị quyết ${uniq()}` }])
    const wardItem = ward.items[0]

    // Act: the cell's secretary reads the ward's approved programme and links his item to its item
    const seen = await cellSecretary.get(`/api/programmes/${ward.programmeId}`)
    const draft = (await cellSecretary.post('/api/programmes', { unitId: CELL, body: 'committee', kind: 'quarter', year, quarter, title: `Chương trình công tác chi bộ ${uniq()}` })).body
    const linked = await cellSecretary.post(`/api/programmes/${draft.programmeId}/items`, {
      version: draft.version, content: 'Tổ chức học tập nghị quyết tại chi bộ', preparingUnitId: CELL, dueOn: today, output: 'Biên bản', cascadedFrom: { programmeId: ward.programmeId, itemId: wardItem.itemId },
    })
    const submitted = await cellSecretary.post(`/api/programmes/${draft.programmeId}/submit`, { version: linked.body.version })
    const ownView = (await cellSecretary.get(`/api/programmes/${draft.programmeId}`)).body
    const own = await cellSecretary.post(`/api/programmes/${draft.programmeId}/decision`, { version: submitted.body.version, approve: true })
    const ownEn = await cellSecretary.post(`/api/programmes/${draft.programmeId}/decision`, { version: submitted.body.version, approve: true }, 'en')
    const byWard = await secretary.post(`/api/programmes/${draft.programmeId}/decision`, { version: submitted.body.version, approve: true })

    // Assess
    expect(seen.status).toBe(200)
    expect(draft.above.map((a: any) => a.programmeId)).toContain(ward.programmeId)
    expect(draft.above.find((a: any) => a.programmeId === ward.programmeId)).toMatchObject({ unitName: 'Đảng ủy phường Hoàn Kiếm', items: [{ itemId: wardItem.itemId, content: wardItem.content }] })
    expect(linked.status).toBe(200)
    expect(linked.body.items[0].cascadedFrom).toEqual({ programmeId: ward.programmeId, itemId: wardItem.itemId, content: wardItem.content })
    expect(ownView.can.decide).toBe(false)
    expect(own.status).toBe(403)
    expect(own.body.error.message).toBe('Không thể tự duyệt chương trình do chính mình soạn hoặc trình: một lãnh đạo khác của Ban Thường vụ sẽ quyết định.')
    expect(ownEn.body.error.message).toBe('You cannot decide a programme you drafted or submitted: another leader of the Standing Committee decides it.')
    expect(byWard.status).toBe(200)
    expect(byWard.body).toMatchObject({ state: 'approved', approvedBy: { fullName: 'Đỗ Minh Hoàng' } })

    // Act: the ward's draft tries to carry out the cell's item (a level below) and its own approved item (the same level)
    const wardDraft = (await clerk.post('/api/programmes', { unitId: WARD, body: 'office', kind: 'quarter', year, quarter, title: `Chương trình của Văn phòng ${uniq()}` })).body
    const item = { version: wardDraft.version, content: 'Nội dung liên kết sai cấp', preparingUnitId: WARD, dueOn: today, output: 'Báo cáo' }
    const below = await clerk.post(`/api/programmes/${wardDraft.programmeId}/items`, { ...item, cascadedFrom: { programmeId: draft.programmeId, itemId: 'i1' } })
    const belowEn = await clerk.post(`/api/programmes/${wardDraft.programmeId}/items`, { ...item, cascadedFrom: { programmeId: draft.programmeId, itemId: 'i1' } }, 'en')
    const same = await clerk.post(`/api/programmes/${wardDraft.programmeId}/items`, { ...item, cascadedFrom: { programmeId: ward.programmeId, itemId: wardItem.itemId } })

    // Assess: 422 in words, nothing written
    expect([below.status, belowEn.status, same.status]).toEqual([422, 422, 422])
    expect(below.body.error.message).toBe('Chỉ liên kết được với nội dung chương trình của cấp trên.')
    expect(belowEn.body.error.message).toBe('An item can only carry out an item of a level above.')
    expect((await clerk.get(`/api/programmes/${wardDraft.programmeId}`)).body).toMatchObject({ version: wardDraft.version, items: [] })
  })
})

describe('bad input changes nothing', () => {
  it('refuses a day outside the period, an unknown unit, a stale version and a bad body, and keeps the draft as it was', async () => {
    // Prepare
    const draft = (await clerk.post('/api/programmes', { unitId: WARD, body: 'office', kind: 'quarter', year, quarter, title: `Chương trình thử ${uniq()}` })).body
    const item = { version: draft.version, content: 'Nội dung', preparingUnitId: WARD, dueOn: today, output: 'Báo cáo' }
    const nextYear = `${year + 1}-01-15`

    // Act
    const outside = await clerk.post(`/api/programmes/${draft.programmeId}/items`, { ...item, dueOn: nextYear })
    const outsideEn = await clerk.post(`/api/programmes/${draft.programmeId}/items`, { ...item, dueOn: nextYear }, 'en')
    const unknownUnit = await clerk.post(`/api/programmes/${draft.programmeId}/items`, { ...item, preparingUnitId: 'p-khong-co' })
    const stale = await clerk.post(`/api/programmes/${draft.programmeId}/items`, { ...item, version: draft.version + 5 })
    const extra = await clerk.post(`/api/programmes/${draft.programmeId}/items`, { ...item, secret: 'x' })
    const empty = await clerk.post(`/api/programmes/${draft.programmeId}/submit`, { version: draft.version })
    const moveDraft = await clerk.post(`/api/programmes/${draft.programmeId}/items/i1/move`, { version: draft.version, dueOn: today, reason: 'Lý do' })

    // Assess
    const { from, to } = draft.period
    expect(outside.status).toBe(422)
    expect(outside.body.error.message).toBe(`Thời gian phải nằm trong kỳ của chương trình (${dmy(from)} đến ${dmy(to)}).`)
    expect(outsideEn.body.error.message).toContain('within the programme period')
    expect(unknownUnit.status).toBe(404)
    expect(stale.status).toBe(409)
    expect(extra.status).toBe(400)
    expect(empty.status).toBe(422)
    expect(empty.body.error.message).toBe('Chương trình chưa có nội dung nào.')
    expect(moveDraft.status).toBe(404)
    expect((await clerk.get(`/api/programmes/${draft.programmeId}`)).body).toMatchObject({ version: draft.version, state: 'draft', items: [] })
  })

  it('refuses a return without a comment, a move without a reason or outside the period, and a drop twice', async () => {
    // Prepare
    const p = await approvedProgramme(clerk, secretary, WARD, [{ content: `Nội dung một ${uniq()}` }])
    const itemId = p.items[0].itemId

    // Act
    const noReason = await clerk.post(`/api/programmes/${p.programmeId}/items/${itemId}/move`, { version: p.version, dueOn: today, reason: '  ' })
    const outside = await clerk.post(`/api/programmes/${p.programmeId}/items/${itemId}/move`, { version: p.version, dueOn: `${year + 1}-02-01`, reason: 'Lý do' })
    const dropped = await clerk.post(`/api/programmes/${p.programmeId}/items/${itemId}/drop`, { version: p.version, reason: 'Không còn phù hợp' })
    const again = await clerk.post(`/api/programmes/${p.programmeId}/items/${itemId}/drop`, { version: dropped.body.version, reason: 'Lần nữa' })
    const taskForDropped = await secretary.post(`/api/programmes/${p.programmeId}/items/${itemId}/tasks`, { deadline: CALENDAR.nextWorkingDay(today) })
    const decideApproved = await secretary.post(`/api/programmes/${p.programmeId}/decision`, { version: dropped.body.version, approve: false })

    // Assess
    expect(noReason.status).toBe(400)
    expect(outside.status).toBe(422)
    expect(dropped.status).toBe(200)
    expect(again.status).toBe(422)
    expect(again.body.error.message).toBe('Nội dung này đã được đưa ra khỏi chương trình.')
    expect(taskForDropped.status).toBe(422)
    expect(decideApproved.status).toBe(422)
    const now = (await clerk.get(`/api/programmes/${p.programmeId}`)).body
    expect(now).toMatchObject({ version: dropped.body.version, state: 'approved' })
    expect(now.items[0]).toMatchObject({ state: 'dropped', reason: 'Không còn phù hợp', dueOn: today, taskIds: [] })

    // A returned programme needs a comment; with one it goes back to draft with the comment shown
    const q = (await clerk.post('/api/programmes', { unitId: WARD, body: 'office', kind: 'quarter', year, quarter, title: `Chương trình trả lại ${uniq()}` })).body
    const withItem = (await clerk.post(`/api/programmes/${q.programmeId}/items`, { version: q.version, content: 'Nội dung', preparingUnitId: WARD, dueOn: today, output: 'Báo cáo' })).body
    const sent = (await clerk.post(`/api/programmes/${q.programmeId}/submit`, { version: withItem.version })).body
    const bare = await secretary.post(`/api/programmes/${q.programmeId}/decision`, { version: sent.version, approve: false })
    const returned = await secretary.post(`/api/programmes/${q.programmeId}/decision`, { version: sent.version, approve: false, comment: 'Bổ sung nội dung quý sau' })
    expect(bare.status).toBe(422)
    expect(bare.body.error.message).toBe('Trả lại chương trình cần ghi ý kiến.')
    expect(returned.body).toMatchObject({ state: 'draft', returnComment: 'Bổ sung nội dung quý sau', can: { edit: true } })
  })

  it('refuses a task claiming to come from a programme when given directly (only the programme gives those)', async () => {
    const title = `Việc giả nguồn chương trình ${uniq()}`
    const p = await approvedProgramme(clerk, secretary, WARD, [{ content: `Nội dung ${uniq()}` }])

    const forged = await secretary.post('/api/tasks', {
      title, leadUnitId: WARD, deadline: CALENDAR.nextWorkingDay(today),
      source: { kind: 'programme', programmeId: p.programmeId, itemId: p.items[0].itemId, programmeTitle: p.title, itemContent: p.items[0].content },
    })

    expect(forged.status).toBe(400)
    expect((await secretary.get('/api/tasks?view=assigned&limit=100')).body.tasks.map((x: any) => x.title)).not.toContain(title)
    expect((await clerk.get(`/api/programmes/${p.programmeId}`)).body.items[0].taskIds).toEqual([])
  })

  it('hides a programme from another ward and refuses a reader who may not manage', async () => {
    const draft = (await clerk.post('/api/programmes', { unitId: WARD, body: 'office', kind: 'quarter', year, quarter, title: `Chương trình nội bộ ${uniq()}` })).body
    const outsider = await login('chuyenvien.badinh')

    const shown = await outsider.get(`/api/programmes/${draft.programmeId}`)
    const listed = await outsider.get(`/api/programmes?unitId=${WARD}`)
    const byReader = await specialist.post('/api/programmes', { unitId: WARD, body: 'office', kind: 'quarter', year, quarter, title: 'Không được lập' })
    const readerItem = await specialist.post(`/api/programmes/${draft.programmeId}/items`, { version: draft.version, content: 'Nội dung', preparingUnitId: WARD, dueOn: today, output: 'Báo cáo' })

    expect(shown.status).toBe(404)
    expect(listed.status).toBe(403)
    expect(byReader.status).toBe(403)
    expect(readerItem.status).toBe(403)
    expect((await specialist.get(`/api/programmes?unitId=${WARD}`)).body.programmes.map((x: any) => x.title)).not.toContain('Không được lập')
  })
})

describe('demo programme', () => {
  it('shows the ward an approved programme for this quarter with four items, one carried out by a task given from it', async () => {
    const list = (await specialist.get(`/api/programmes?unitId=${WARD}`)).body.programmes
    const demo = list.find((x: any) => x.title === `Chương trình công tác quý ${quarter} năm ${year} của Ban Thường vụ Đảng ủy phường`)
    expect(demo).toMatchObject({ state: 'approved', periodName: `Quý ${quarter}/${year}`, items: 4 })

    const p = (await specialist.get(`/api/programmes/${demo.programmeId}`)).body
    const withTask = p.items.filter((i: any) => i.tasks.length)
    expect(p.approvedBy.fullName).toBe('Đỗ Minh Hoàng')
    expect(p.items.map((i: any) => i.preparingUnitName)).toContain('Chi bộ khu phố Hàng Bạc')
    expect(withTask.map((i: any) => i.content)).toEqual(['Sơ kết công tác kiểm tra, giám sát của các chi bộ trực thuộc'])
    expect(withTask[0].tasks[0]).toMatchObject({ title: 'Sơ kết công tác kiểm tra, giám sát của các chi bộ trực thuộc', leadUnitName: 'Đảng ủy phường Hoàn Kiếm' })
    const task = (await specialist.get(`/api/tasks/${withTask[0].tasks[0].taskId}`)).body
    expect(task.source).toMatchObject({ kind: 'programme', programmeId: p.programmeId, programmeTitle: `${p.title} (Quý ${quarter}/${year})` })
  })
})
