/**
 * Handover of a closed fonds: a unit with a digitised file of limited
 * retention is merged into its ward; by the rule the ward (its successor)
 * receives the files with an inventory, checksums and a
 * signed handover record; custody moves, provenance stays, the old symbol
 * still resolves, and the receipt verifies every checksum.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderDocumentPdf } from '../../../infra/local/demo-documents.js'
import { eventually, login, uniq } from '../../support/api.js'
import { finished, newFile, uploadScan } from './support.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'
import { person } from '../documents/support.js'
import { pdfsig } from '../../support/poppler.js'

const sha256 = (b: ArrayBuffer) => createHash('sha256').update(Buffer.from(b)).digest('hex')
const today = () => vietnamDate()
const work = mkdtempSync(join(tmpdir(), 'handover-'))
const pdfFile = (pdf: ArrayBuffer | Uint8Array) => {
  const file = join(work, `r-${uniq()}.pdf`)
  writeFileSync(file, Buffer.from(pdf as ArrayBuffer))
  return file
}
/** Every word of every page with its box and its page's width, as `pdftotext -bbox` reads them. */
function words(pdf: ArrayBuffer): { text: string; xMax: number; pageWidth: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfFile(pdf), '-'], { encoding: 'utf8' })
  return html.split('<page ').slice(1).flatMap((page) => {
    const pageWidth = Number(/^width="([\d.]+)"/.exec(page)![1])
    return [...page.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[2], xMax: Number(m[1]), pageWidth }))
  })
}
/** Right margin of the Party format (15 mm at least). */
const RIGHT_MARGIN = 42

describe('handover of a closed fonds', () => {
  it('transfers custody with an inventory and a signed record, keeps old symbols, and verifies checksums on receipt', async () => {
    // Prepare: a cell under Hoàn Kiếm ward with a digitised, verified document
    const tag = uniq()
    const unitId = `cb-ht-${tag}`
    const admin = await login('admin')
    const made = await admin.post('/api/units', { unitId, code: 'CB', name: `Chi bộ khu phố ${tag}`, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2025-07-01' })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const clerk = await login('vanthu.hoankiem')
    // A long title: the record wraps it inside the page
    const title = `Hồ sơ chi bộ ${tag} về công tác xây dựng Đảng, kiểm tra, giám sát, thi hành kỷ luật đảng và tổng kết hoạt động của chi bộ khu phố nhiệm kỳ 2020-2025, kèm các báo cáo chuyên đề`
    const file = await newFile(clerk, unitId, title, '03.01')
    const pdf = await renderDocumentPdf({ superior: 'ĐẢNG BỘ PHƯỜNG HOÀN KIẾM', issuer: `CHI BỘ KHU PHỐ ${tag.toUpperCase()}`, typeName: 'BÁO CÁO', summary: `tổng kết công tác năm chi bộ ${tag}`, body: ['Văn bản kiểm thử giao nhận phông.'] })
    const batch = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [await uploadScan(clerk, pdf, 'bao-cao.pdf', 'application/pdf')] })
    expect(batch.status, JSON.stringify(batch.body)).toBe(202)
    const view = await finished(clerk, batch.body.batchId)
    const doc = view.documents[0]
    const fields = Object.fromEntries(Object.entries(doc.fields).map(([k, v]: [string, any]) => [k, v.value]))
    const verified = await clerk.post(`/api/archives/documents/${doc.scanDocumentId}/verify`, { fields: { ...fields, symbol: '03-BC/CB', date: '2024-12-20', signer: 'Lê Văn Tâm' }, version: doc.version })
    expect(verified.status, JSON.stringify(verified.body)).toBe(200)

    // A handover before the unit ends is refused, nothing changes
    const secretary = await login('bithu.hoankiem')
    const early = await secretary.post('/api/archives/handovers', { fromUnitId: unitId, toUnitId: 'p-hoankiem', reason: 'merge', date: today() }, 'en')
    expect(early.status).toBe(422)
    expect(early.body.error.message).toContain('still exists')

    // The cell is merged into the ward (approved by the ward)
    const request = await admin.post('/api/reorganisations', { kind: 'merge', sourceUnitIds: [unitId], successors: [{ unitId: 'p-hoankiem' }], effectiveDate: today(), reason: 'Sáp nhập chi bộ để thử giao nhận phông' })
    expect(request.status, JSON.stringify(request.body)).toBe(202)
    const requestId = request.body.request.requestId
    await eventually(async () => expect((await secretary.post(`/api/reorganisations/${requestId}/decision`, { approved: true })).status).toBe(200))
    await eventually(async () => expect((await admin.get(`/api/units/${unitId}`)).body.unit.validTo).toBeDefined())

    // A receiver the rule does not give is refused, in the caller's language, and nothing starts
    const wrong = await secretary.post('/api/archives/handovers', { fromUnitId: unitId, toUnitId: 'p-cuanam', date: today() }, 'en')
    expect(wrong.status).toBe(422)
    expect(wrong.body.error.message).toContain('cannot go to another unit')
    expect((await admin.get('/api/archives/handovers?unitId=p-cuanam')).body.incoming.filter((h: any) => h.fromUnitId === unitId)).toEqual([])

    // Act
    const handover = await secretary.post('/api/archives/handovers', { fromUnitId: unitId, toUnitId: 'p-hoankiem', reason: 'merge', date: today() })

    // Assess: the package lists the file and its document with checksums; custody moved, provenance kept
    expect(handover.status, JSON.stringify(handover.body)).toBe(201)
    expect(handover.body).toMatchObject({ toUnitId: 'p-hoankiem', scope: 'limited', fileCount: 1 })
    expect(handover.body.files).toBeUndefined()
    const inventory = (await secretary.get(`/api/archives/handovers/${unitId}/${handover.body.handoverId}/files`)).body
    expect(inventory.items).toEqual([expect.objectContaining({ fileId: file.fileId, documents: [expect.objectContaining({ symbol: '03-BC/CB', pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) })] })])
    const moved = await clerk.get(`/api/archives/files/${file.fileId}`)
    expect(moved.body.file).toMatchObject({ unitId, custodianUnitId: 'p-hoankiem', status: 'closed', custody: [expect.objectContaining({ fromUnitId: unitId, toUnitId: 'p-hoankiem', handoverId: handover.body.handoverId })] })
    expect((await clerk.get('/api/archives/files?unitId=p-hoankiem')).body.items.map((f: any) => f.fileId)).toContain(file.fileId)
    const listed = await secretary.get('/api/archives/handovers?unitId=p-hoankiem')
    const entry = listed.body.incoming.find((h: any) => h.handoverId === handover.body.handoverId)
    const record = await (await fetch(entry.recordUrl)).arrayBuffer()
    expect(sha256(record)).toBe(handover.body.recordSha256)
    expect(Buffer.from(record).includes('/ByteRange')).toBe(true)
    // The record as the format has it: a register number in the receiving ward's series, the place before the date, every word inside the page
    const text = execFileSync('pdftotext', ['-layout', pdfFile(record), '-'], { encoding: 'utf8' })
    expect(handover.body.registerNumber).toMatch(/^\d{2,}-BB\/ĐU$/)
    expect(text).toContain(`Số ${handover.body.registerNumber}`)
    expect(text).not.toContain(handover.body.handoverId)
    expect(text).toContain(dateLine('Hoàn Kiếm', today()))
    expect(text.replace(/\s+/g, ' ')).toContain(title)
    const outside = words(record).filter((w) => w.xMax > w.pageWidth - RIGHT_MARGIN)
    expect(outside.map((w) => w.text)).toEqual([])
    // The handing-over side signed when it submitted
    const givenSigs = pdfsig(record)
    expect(givenSigs).toHaveLength(1)
    expect(givenSigs[0]).toMatch(/Signer Certificate Common Name: Đỗ Minh Hoàng/)
    expect(givenSigs[0]).toMatch(/Signature is Valid/)
    const scanPdf = (await clerk.get(`/api/archives/documents/${doc.scanDocumentId}`)).body.pdf.url
    expect(sha256(await (await fetch(scanPdf)).arrayBuffer())).toBe(inventory.items[0].documents[0].pdfSha256)

    // The old symbol still resolves for the receiving ward
    const found = await eventually(async () => {
      const s = await secretary.get(`/api/documents/search?q=${encodeURIComponent('3/BC-CB')}`)
      expect(s.body.items.map((d: any) => d.symbol)).toContain('03-BC/CB')
      return s
    })
    expect(found.status).toBe(200)

    // Receipt: every checksum and the record's signature verify; a second receipt is refused
    const receiver = await person(admin, 'p-hoankiem', 'office-chief', `Trần Văn Nhận ${tag}`, 'Chánh Văn phòng Đảng ủy phường')
    const received = await receiver.post(`/api/archives/handovers/${unitId}/${handover.body.handoverId}/receipt`)
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    expect(received.body).toMatchObject({ status: 'received', checked: 1 })
    // The receiving side signs on receipt: two valid signatures, the giver's then the receiver's
    const after = (await secretary.get('/api/archives/handovers?unitId=p-hoankiem')).body.incoming.find((h: any) => h.handoverId === handover.body.handoverId)
    const countersigned = await (await fetch(after.recordUrl)).arrayBuffer()
    expect(sha256(countersigned)).toBe(after.recordSha256)
    const sigs = pdfsig(countersigned)
    expect(sigs).toHaveLength(2)
    expect(sigs[0]).toMatch(/Signer Certificate Common Name: Đỗ Minh Hoàng/)
    expect(sigs[1]).toMatch(new RegExp(`Signer Certificate Common Name: Trần Văn Nhận ${tag}`))
    for (const s of sigs) expect(s).toMatch(/Signature is Valid/)
    expect((await secretary.post(`/api/archives/handovers/${unitId}/${handover.body.handoverId}/receipt`)).status).toBe(409)
    // The closed file takes no more scans
    const more = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [await uploadScan(clerk, pdf, 'them.pdf', 'application/pdf')] }, 'en')
    expect(more.status).toBe(422)
  })
})
