/**
 * Bad input: each refused with a clear vi/en message, and nothing written
 * (no batch, no page, no workflow).
 */
import { describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import { login } from '../../support/api.js'
import { finished, newFile, uploadScan } from './support.js'
import { corpusDocument, renderPage, scannedPdf } from '../../support/corpus/generator.js'

const PDF = 'application/pdf'
// Rendered before any request: rendering holds the event loop, and a keep-alive connection left idle meanwhile is closed by the server.
const pages = (async () => ({
  pdf: await scannedPdf([renderPage(corpusDocument(1), 'clean'), renderPage(corpusDocument(2), 'clean')]),
  png: renderPage(corpusDocument(4), 'clean'),
}))()

describe('bad scans', () => {
  it('refuses what is not a scan, corrupt, encrypted and page-less PDFs, and files over the limit, writing nothing', async () => {
    // Prepare
    const clerk = await login('vanthu.hoankiem')
    const file = await newFile(clerk, 'p-hoankiem')
    const empty = await PDFDocument.create()
    const zeroPages = await empty.save({ addDefaultPage: false })
    const corrupt = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nthis is not a pdf body\n%%EOF')
    const encrypted = encryptedPdf()
    const cases: [Uint8Array, string, string, number, string][] = [
      [new TextEncoder().encode('Xin chào, đây là một tệp văn bản thường.'), 'ghi-chu.pdf', PDF, 422, 'is not an image scan or PDF'],
      [corrupt, 'hong.pdf', PDF, 422, 'is damaged and cannot be read'],
      [encrypted, 'mat-khau.pdf', PDF, 422, 'password-protected or encrypted'],
      [zeroPages, 'rong.pdf', PDF, 422, 'has no pages'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'anh.jpg', 'image/jpeg', 422, 'is not an image scan or PDF'],
    ]
    for (const [bytes, name, type, status, message] of cases) {
      // Act
      const up = await uploadScan(clerk, bytes, name, type)
      const res = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [up] }, 'en')
      // Assess
      expect(res.status, name).toBe(status)
      expect(res.body.error.message, name).toContain(message)
    }
    const vi = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [await uploadScan(clerk, zeroPages, 'rong.pdf', PDF)] })
    expect(vi.body.error.message).toBe('Tệp PDF "rong.pdf" không có trang nào.')

    // A 300 MB file never gets an upload slot; a Word file neither
    const big = await clerk.post('/api/archives/uploads', { fileName: 'ho-so-lon.pdf', contentType: PDF, size: 300 * 1024 * 1024 }, 'en')
    expect(big.status).toBe(413)
    expect(big.body.error.message).toBe('The scan is too large: at most 100 MB per file. Split it into smaller files.')
    const word = await clerk.post('/api/archives/uploads', { fileName: 'van-ban.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 })
    expect(word.status).toBe(415)
    // Someone else's upload slot is not usable
    const other = await login('admin')
    const theirs = await uploadScan(other, zeroPages, 'rong.pdf', PDF)
    expect((await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [theirs] })).status).toBe(400)

    // Nothing was written: the file has no batch
    const shown = await clerk.get(`/api/archives/files/${file.fileId}`)
    expect(shown.body.batches).toEqual([])
    expect(shown.body.file.pages).toBe(0)
  })

  it('records a page that cannot be read as failed, with the reason, and finishes the batch', async () => {
    // Prepare: two scanned pages and a PNG whose upload slot is written again, damaged, once the batch is accepted
    const { pdf, png } = await pages
    const clerk = await login('vanthu.hoankiem')
    const file = await newFile(clerk, 'p-hoankiem')
    const slot = await clerk.post('/api/archives/uploads', { fileName: 'trang.png', contentType: 'image/png', size: png.length })
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(png) })).status).toBe(200)
    const uploads = [await uploadScan(clerk, pdf, 'hai-trang.pdf', PDF), { objectKey: slot.body.objectKey, fileName: 'trang.png' }]

    // Act
    const started = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads })
    expect(started.status, JSON.stringify(started.body)).toBe(202)
    const damaged = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('not really an image at all')])
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: damaged })).status).toBe(200)
    const view = await finished(clerk, started.body.batchId)

    // Assess: the failure branch of that page ran; the other pages and the batch went on
    expect(view.batch).toMatchObject({ status: 'done', failedPages: 1, documents: 2 })
    expect(view.pages.map((p: any) => [p.pageNo, p.status])).toEqual([[1, 'done'], [2, 'done'], [3, 'failed']])
    expect(view.pages[2].error).toBe('the scan changed after it was accepted')
  })

  it('refuses a damaged image before any decoder sees it', async () => {
    const clerk = await login('vanthu.hoankiem')
    const file = await newFile(clerk, 'p-hoankiem')
    const damaged = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('not really an image at all')])
    const res = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [await uploadScan(clerk, damaged, 'hong.png', 'image/png')] }, 'en')
    expect(res.status).toBe(422)
    expect(res.body.error.message).toBe('Scan "hong.png" is damaged and cannot be read.')
  })

  it('refuses malformed requests with field messages', async () => {
    const clerk = await login('vanthu.hoankiem')
    const res = await clerk.post('/api/archives/files', { unitId: 'p-hoankiem', code: '', title: 'x', startYear: 1800, extra: 1 }, 'en')
    expect(res.status).toBe(400)
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['code', 'title', 'startYear']))
    expect((await clerk.post('/api/archives/batches', { fileId: 'p-hoankiem.fnotthere1', uploads: [] })).status).toBe(400)
    expect((await clerk.get('/api/archives/batches/not-an-id')).status).toBe(400)
  })
})

/** A PDF whose trailer names an encryption dictionary (the Standard handler, RC4 40-bit): any reader asks for a password. */
function encryptedPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Filter /Standard /V 1 /R 2 /O <' + 'a'.repeat(64) + '> /U <' + 'b'.repeat(64) + '> /P -44 >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n` })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}
