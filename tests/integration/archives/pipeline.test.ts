/**
 * The digitisation pipeline end to end on the embedded runtime: a scanned
 * PDF (generated Vietnamese pages with known text) goes through the
 * Step Functions workflow, tesseract.js reads it offline, the metadata is
 * extracted, a MẬT scan is stopped, and the pages can be followed one by one.
 */
import { locateField } from '../../../shared/archives/boxes.js'
import { describe, expect, it } from 'vitest'
import { login } from '../../support/api.js'
import { blankPage, corpusDocument, renderPage, scannedPdf, tiffOf } from '../../support/corpus/generator.js'
import { finished, newFile, uploadScan } from './support.js'

describe('digitisation of a scanned batch', () => {
  it('reads a Vietnamese page with its diacritics, stops a MẬT scan and skips a blank TIFF page', async () => {
    // Prepare: a clerk's file; a scanned PDF of two pages (a chỉ thị, a MẬT report) and a TIFF of a blank sheet
    const chiThi = corpusDocument(0)
    const secret = corpusDocument(3, 'mat')
    const pdf = await scannedPdf([renderPage(chiThi, 'clean'), renderPage(secret, 'clean')])
    const clerk = await login('vanthu.hoankiem')
    const file = await newFile(clerk, 'p-hoankiem')
    const uploads = [
      await uploadScan(clerk, pdf, 'lo-quet-01.pdf', 'application/pdf'),
      await uploadScan(clerk, await tiffOf(blankPage()), 'to-trang.tif', 'image/tiff'),
    ]

    // Act
    const started = await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads })
    expect(started.status, JSON.stringify(started.body)).toBe(202)
    expect(started.body.pageCount).toBe(3)
    const view = await finished(clerk, started.body.batchId)

    // Assess: every page accounted for, once
    expect(view.batch.status).toBe('done')
    expect(view.pages.map((p: any) => [p.pageNo, p.status])).toEqual([[1, 'done'], [2, 'withheld'], [3, 'blank']])
    expect(view.pages[0].method).toBe('ocr')
    expect(view.batch).toMatchObject({ documents: 2, catalogued: 1, blankPages: 1, failedPages: 0 })

    // The chỉ thị: text with diacritics, canonical symbol, date, type, summary, signer
    const doc = view.documents.find((d: any) => d.pageFrom === 1)
    expect(doc.fields.issuer.value).toBe(chiThi.issuerBody) // the issuing body, not its superior's line above it
    expect(doc.fields.symbol.value).toBe(`${String(chiThi.number).padStart(2, '0')}-CT/TU`)
    expect(doc.fields.date.value).toBe(chiThi.date)
    expect(doc.fields.type.value).toBe('CT')
    expect(doc.fields.summary.value).toBe('về tăng cường công tác chuyển đổi số')
    expect(doc.fields.signer.value).toBe(chiThi.signer)
    expect(doc.fields.confidentiality.value).toBe('none')
    const shown = await clerk.get(`/api/archives/documents/${doc.scanDocumentId}`)
    expect(shown.status).toBe(200)
    expect(shown.body.document.text).toContain('Thực hiện chủ trương của Trung ương về chuyển đổi số')
    // The words read are kept with their boxes: the symbol is found near the top of the page, the signer near the bottom
    const words = shown.body.images[0].words
    const symbolAt = locateField(words, 'symbol', doc.fields.symbol.value).map((i) => words[i].box)
    const signerAt = locateField(words, 'signer', doc.fields.signer.value).map((i) => words[i].box)
    expect(symbolAt.length).toBeGreaterThan(0)
    expect(signerAt.length).toBeGreaterThan(0)
    expect(Math.max(...symbolAt.map((b: number[]) => b[3]))).toBeLessThan(0.35)
    expect(Math.min(...signerAt.map((b: number[]) => b[1]))).toBeGreaterThan(0.5)
    const image = await fetch(shown.body.images[0].url)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toContain('image/png')
    const searchable = await fetch(shown.body.pdf.url)
    expect(Buffer.from(await searchable.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')

    // The MẬT report: catalogued only, no image, no text, no PDF kept
    const stopped = view.documents.find((d: any) => d.pageFrom === 2)
    expect(stopped).toMatchObject({ status: 'catalogued', confidentiality: 'mat', imageKeys: [] })
    expect(stopped.pdfKey).toBeUndefined()
    const stoppedView = await clerk.get(`/api/archives/documents/${stopped.scanDocumentId}`)
    expect(stoppedView.body.images).toEqual([])
    expect((await clerk.get(`/api/archives/batches/${started.body.batchId}`)).body.pages[1]).not.toHaveProperty('words')
    expect(stoppedView.body.document.text).toBeUndefined()
    expect(stoppedView.body.document.registeredDocumentId).toBeDefined()
    // The original upload held the MẬT pages as well: it is gone (a new batch from it finds nothing).
    expect((await clerk.post('/api/archives/batches', { fileId: file.fileId, uploads: [uploads[0]] })).status).toBe(404)
    // The clerk is not cleared for MẬT: the catalogue entry says what was stopped, not what it is
    expect(stopped.fields.symbol).toEqual({ value: null, confidence: 0 })
    expect(stopped.fields.summary).toEqual({ value: null, confidence: 0 })
    // Someone cleared for it sees the metadata (and still no content)
    const chief = await login('admin')
    const cleared = await chief.get(`/api/archives/documents/${stopped.scanDocumentId}`)
    expect(cleared.status).toBe(200)
    expect(cleared.body.document.fields.symbol.value).toBe(`${String(secret.number).padStart(2, '0')}-BC/${secret.issuerCode}`)
    expect(cleared.body.images).toEqual([])
  })
})
