/**
 * Records management through the embedded platform: a file's life from
 * opening (with its file plan class) to closing, the year's disposition
 * list, the appraisal council's decision and carrying it out — a file
 * whose period ended is destroyed (its scans, pages, register entry,
 * search rows and the assistant's passages gone; its record and a signed
 * destruction record kept), a permanent one moves to the historical
 * archive; and a hold (an inspection) keeping a file out of it.
 */
import { describe, expect, it } from 'vitest'
import { demoScanPdf } from '../../../infra/local/demo-archives.js'
import { eventually, login, uniq, type Session } from '../../support/api.js'
import { pdfsig, pdfText, pdfWords, overlappingWords } from '../../support/poppler.js'
import { finished, uploadScan } from './support.js'

const YEAR = 2026

async function cell(tag: string): Promise<string> {
  const unitId = `cb-rm-${tag}`
  const admin = await login('admin')
  const made = await admin.post('/api/units', { unitId, code: 'CB', name: `Chi bộ lưu trữ ${tag}`, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  return unitId
}

/** An old paper file (2014–2015) of a class, closed: its cut-off is 31/12/2015. */
async function closedFile(clerk: Session, unitId: string, code: string, title: string, retentionClass: string) {
  const res = await clerk.post('/api/archives/files', { unitId, code, title, startYear: 2014, endYear: 2015, retentionClass })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const closed = await clerk.post(`/api/archives/files/${res.body.fileId}/close`, { version: res.body.version })
  expect(closed.status, JSON.stringify(closed.body)).toBe(200)
  expect(closed.body).toMatchObject({ status: 'closed', closedYear: 2015 })
  return closed.body
}

const council = { chair: 'Đỗ Minh Hoàng', members: ['Vũ Thị Thư', 'Lê Văn Tâm'], note: 'Đồng ý hủy hồ sơ hết giá trị, nộp lưu hồ sơ vĩnh viễn.' }

describe('records management', () => {
  it("takes a file from opening to destruction or transfer, with a signed record and the content gone", async () => {
    // Prepare: a cell's fonds with a 5-year file holding a digitised document, and a permanent file
    const tag = uniq()
    const unitId = await cell(tag)
    const clerk = await login('vanthu.hoankiem')
    const unknown = await clerk.post('/api/archives/files', { unitId, code: 'X', title: 'Hồ sơ không có nhóm', startYear: 2014, retentionClass: '99.99' })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('danh mục hồ sơ')
    const open = await clerk.post('/api/archives/files', { unitId, code: 'HS-CV', title: `Công văn, giấy mời năm 2015 ${tag}`, startYear: 2014, endYear: 2015, retentionClass: '04.01' })
    expect(open.status, JSON.stringify(open.body)).toBe(201)
    expect(open.body.retention).toMatchObject({ classCode: '04.01', period: 5, verified: false })
    const scan = await demoScanPdf({
      symbol: 'Số 17-CV/CB', dateLine: 'Hoàn Kiếm, ngày 10 tháng 5 năm 2015',
      pdf: { superior: 'ĐẢNG BỘ PHƯỜNG HOÀN KIẾM', issuer: `CHI BỘ ${tag.toUpperCase()}`, typeName: 'CÔNG VĂN', summary: `về việc mời họp chi bộ ${tag}`, body: ['Văn bản kiểm thử hủy tài liệu hết giá trị.'], signer: { title: 'T/M CHI BỘ\nBÍ THƯ', name: 'Lê Văn Tâm' } },
    })
    const batch = await clerk.post('/api/archives/batches', { fileId: open.body.fileId, uploads: [await uploadScan(clerk, scan, 'cv.pdf', 'application/pdf')] })
    expect(batch.status, JSON.stringify(batch.body)).toBe(202)
    const view = await finished(clerk, batch.body.batchId)
    const doc = view.documents[0]
    expect(doc.status).toBe('confirmed')
    const shown = await clerk.get(`/api/archives/documents/${doc.scanDocumentId}`)
    const pdfUrl = shown.body.pdf.url
    expect((await fetch(pdfUrl)).status).toBe(200)
    const secretary = await login('bithu.hoankiem')
    await eventually(async () => expect((await secretary.get(`/api/documents/search?q=${encodeURIComponent('17-CV/CB')}`)).body.items.map((d: any) => d.documentId)).toContain(doc.registeredDocumentId))
    await eventually(async () => expect((await secretary.get(`/api/assistant/passages/${doc.registeredDocumentId}?ordinal=0`)).status).toBe(200))
    const current = (await clerk.get(`/api/archives/files/${open.body.fileId}`)).body.file
    const limited = (await clerk.post(`/api/archives/files/${open.body.fileId}/close`, { version: current.version })).body
    expect(limited).toMatchObject({ status: 'closed', closedYear: 2015 })
    const permanent = await closedFile(clerk, unitId, 'HS-NQ', `Nghị quyết chi bộ năm 2015 ${tag}`, '01.02')

    // The year's list: the 5-year file to destroy (due since 2021), the permanent one to transfer (after ten years)
    const due = await clerk.get(`/api/archives/disposition/due?unitId=${unitId}&year=${YEAR}`)
    expect(due.status).toBe(200)
    expect(due.body.items.map((i: any) => [i.code, i.action, i.dueFrom])).toEqual([['HS-CV', 'destroy', '2021-01-01'], ['HS-NQ', 'transfer', '2026-01-01']])
    expect((await clerk.post('/api/archives/dispositions', { unitId, year: YEAR + 1, fileIds: [permanent.fileId] }, 'en')).status).toBe(422)

    const admin = await login('admin')
    // the administrator may propose and appraise, but not decide their own proposal (nobody decides their own request)
    const own = await admin.post('/api/archives/dispositions', { unitId, year: YEAR, fileIds: [limited.fileId], note: 'Đề nghị của quản trị' })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const ownDecision = await admin.post(`/api/archives/dispositions/${own.body.dispositionId}/decision`, { version: 1, approved: true, ...council })
    expect([ownDecision.status, ownDecision.body.error.code]).toEqual([403, 'auth.ownRequest'])
    const rejected = await secretary.post(`/api/archives/dispositions/${own.body.dispositionId}/decision`, { version: 1, approved: false, ...council })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    // Act: proposal, council decision, carrying out
    const proposed = await clerk.post('/api/archives/dispositions', { unitId, year: YEAR, fileIds: [limited.fileId, permanent.fileId], note: 'Đề nghị xét hủy năm 2026' })
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
    expect((await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/decision`, { version: 1, approved: true, ...council })).status).toBe(403)
    const early = await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/carry-out`, { version: 1 }, 'en')
    expect(early.status).toBe(409)
    const decided = await secretary.post(`/api/archives/dispositions/${proposed.body.dispositionId}/decision`, { version: 1, approved: true, ...council })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    expect(decided.body.items.map((i: any) => i.decision)).toEqual(['destroy', 'transfer'])
    const done = await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/carry-out`, { version: decided.body.version })

    // Assess: destroyed file's record stays, its content is gone everywhere
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body).toMatchObject({ status: 'done', stoppedByHold: [], archiveUnitId: 'hn-vptu' })
    const destroyed = (await clerk.get(`/api/archives/files/${limited.fileId}`)).body
    expect(destroyed.file).toMatchObject({ status: 'destroyed', code: 'HS-CV', disposition: { kind: 'destroyed', dispositionId: proposed.body.dispositionId } })
    expect(destroyed.documents).toEqual([])
    expect(destroyed.batches).toEqual([])
    expect((await fetch(pdfUrl)).status).toBe(404)
    expect((await clerk.get(`/api/archives/documents/${doc.scanDocumentId}`)).status).toBe(404)
    await eventually(async () => expect((await secretary.get(`/api/documents/search?q=${encodeURIComponent('17-CV/CB')}`)).body.items.map((d: any) => d.documentId)).not.toContain(doc.registeredDocumentId))
    await eventually(async () => expect((await secretary.get(`/api/assistant/passages/${doc.registeredDocumentId}?ordinal=0`)).status).toBe(404))
    // The permanent file is kept by the historical archive (the city committee's office), provenance kept
    const moved = (await clerk.get(`/api/archives/files/${permanent.fileId}`)).body.file
    expect(moved).toMatchObject({ unitId, custodianUnitId: 'hn-vptu', status: 'closed', disposition: { kind: 'transferred', toUnitId: 'hn-vptu' } })
    const office = await login('chanhvp.tu')
    expect((await office.get('/api/archives/files?unitId=hn-vptu')).body.items.map((f: any) => f.fileId)).toContain(permanent.fileId)
    // …with its inventory: the one the transfer carried (code, title, class, the receiving archive by name), and the archive's own fonds inventory
    const carried = await clerk.get(`/api/archives/dispositions/${proposed.body.dispositionId}`)
    const inventory = await (await fetch(carried.body.inventoryUrl)).json()
    expect(inventory).toMatchObject({ unitName: `Chi bộ lưu trữ ${tag}`, toUnitName: 'Văn phòng Thành ủy' })
    expect(inventory.files.map((f: any) => [f.code, f.title, f.classCode, f.decision])).toEqual([['HS-NQ', `Nghị quyết chi bộ năm 2015 ${tag}`, '01.02', 'transfer']])
    const archiveInventory = await office.get('/api/archives/inventory?unitId=hn-vptu&format=pdf')
    expect(archiveInventory.status, JSON.stringify(archiveInventory.body)).toBe(200)
    const listed = pdfWords(new Uint8Array(await (await fetch(archiveInventory.body.url)).arrayBuffer())).map((w) => w.text).join(' ')
    expect(listed).toContain(`Nghị quyết chi bộ năm 2015 ${tag}`)
    expect(listed).toContain(`Phông Chi bộ lưu trữ ${tag}`)
    // The signed record names both files, the council, and reads back cleanly
    const shownDisposition = await clerk.get(`/api/archives/dispositions/${proposed.body.dispositionId}`)
    const record = new Uint8Array(await (await fetch(shownDisposition.body.recordUrl)).arrayBuffer())
    const text = pdfText(record)
    for (const s of ['BIÊN BẢN', 'HS-CV', 'HS-NQ', 'Hủy', 'Nộp lưu', 'Đỗ Minh Hoàng', 'Văn phòng Thành ủy', '5 năm', 'Vĩnh viễn']) expect(text).toContain(s)
    expect(text).not.toContain(limited.fileId)
    expect(overlappingWords(pdfWords(record))).toEqual([])
    const [signature, ...more] = pdfsig(record)
    expect(more).toEqual([])
    expect(signature).toContain('Signature is Valid')
    // Nothing is due any more
    expect((await clerk.get(`/api/archives/disposition/due?unitId=${unitId}&year=${YEAR}`)).body.items).toEqual([])
  }, 300_000)

  it('keeps a held file out of the list and out of a disposition until the hold is released', async () => {
    // Prepare: two 5-year files closed in 2015
    const tag = uniq()
    const unitId = await cell(tag)
    const clerk = await login('vanthu.hoankiem')
    const a = await closedFile(clerk, unitId, 'HS-A', `Giấy mời năm 2015 ${tag}`, '04.01')
    const b = await closedFile(clerk, unitId, 'HS-B', `Sổ theo dõi năm 2015 ${tag}`, '04.02')
    const inspector = await login('kiemtra.tu')
    expect((await clerk.post('/api/archives/holds', { unitId, kind: 'inspection', reason: 'Thanh tra', fileIds: [a.fileId] })).status).toBe(403)

    // Act 1: an inspection holds file A
    const hold = await inspector.post('/api/archives/holds', { unitId, kind: 'inspection', reason: 'Kiểm tra việc thu, nộp đảng phí năm 2015', reference: '12-QĐ/UBKTTU', fileIds: [a.fileId] })
    expect(hold.status, JSON.stringify(hold.body)).toBe(201)

    // Assess: A is listed apart as held and cannot be proposed
    const due = (await clerk.get(`/api/archives/disposition/due?unitId=${unitId}&year=${YEAR}`)).body
    expect(due.items.map((i: any) => i.code)).toEqual(['HS-B'])
    expect(due.held.map((i: any) => i.code)).toEqual(['HS-A'])
    const refused = await clerk.post('/api/archives/dispositions', { unitId, year: YEAR, fileIds: [a.fileId, b.fileId] }, 'en')
    expect(refused.status).toBe(422)
    expect(refused.body.error.message).toContain('HS-A')
    expect((await clerk.get(`/api/archives/dispositions?unitId=${unitId}`)).body.items).toEqual([])

    // Act 2: released, proposed and approved — then held again before it is carried out
    const released = await inspector.post(`/api/archives/holds/${hold.body.holdId}/release`, { note: 'Kết thúc kiểm tra', version: hold.body.version })
    expect(released.status, JSON.stringify(released.body)).toBe(200)
    const proposed = await clerk.post('/api/archives/dispositions', { unitId, year: YEAR, fileIds: [a.fileId, b.fileId] })
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
    const secretary = await login('bithu.hoankiem')
    const decided = await secretary.post(`/api/archives/dispositions/${proposed.body.dispositionId}/decision`, { version: 1, approved: true, ...council })
    expect(decided.status).toBe(200)
    const again = await inspector.post('/api/archives/holds', { unitId, kind: 'case', reason: 'Đơn tố cáo liên quan hồ sơ', fileIds: [a.fileId] })
    expect(again.status).toBe(201)
    const partly = await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/carry-out`, { version: decided.body.version })

    // Assess: B destroyed, A stopped by the hold and untouched; the disposition waits, no record yet
    expect(partly.status, JSON.stringify(partly.body)).toBe(200)
    expect(partly.body).toMatchObject({ status: 'carrying-out', stoppedByHold: [a.fileId] })
    expect(partly.body.recordKey).toBeUndefined()
    expect((await clerk.get(`/api/archives/files/${a.fileId}`)).body.file).toMatchObject({ status: 'closed', holdIds: [again.body.holdId] })
    expect((await clerk.get(`/api/archives/files/${b.fileId}`)).body.file.status).toBe('destroyed')
    const holds = (await clerk.get(`/api/archives/holds?unitId=${unitId}`)).body.items
    expect(holds.map((h: any) => [h.status, h.files.map((f: any) => f.code)])).toEqual([['active', ['HS-A']], ['released', ['HS-A']]])

    // Act 3: released again, the disposition finishes
    await inspector.post(`/api/archives/holds/${again.body.holdId}/release`, { note: 'Đã giải quyết đơn', version: again.body.version })
    const finishedNow = await clerk.post(`/api/archives/dispositions/${proposed.body.dispositionId}/carry-out`, { version: partly.body.version })
    expect(finishedNow.status, JSON.stringify(finishedNow.body)).toBe(200)
    expect(finishedNow.body.status).toBe('done')
    expect((await clerk.get(`/api/archives/files/${a.fileId}`)).body.file.status).toBe('destroyed')
  }, 300_000)
})
