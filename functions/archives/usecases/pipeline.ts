/**
 * The steps of the digitisation workflow (infra/workflows/digitisation.asl.json):
 * each page is read (text layer of a born-digital PDF, or OCR of the image)
 * and kept under its page number, so a retried or replayed step overwrites
 * itself and a batch resumed after a restart never holds a page twice; then
 * the pages are grouped into documents whose metadata is extracted; a scan
 * marked MẬT or above is stopped there: its images and text are deleted and
 * only a register entry with the metadata is kept.
 */
import { PDFDocument } from 'pdf-lib'
import { extractMetadata, fieldsToVerify, segmentPages, type OcrLine } from '../../../shared/archives/metadata.js'
import type { OcrWord } from '../../../shared/archives/boxes.js'
import { ownerOf, type Batch, type ScanDocument, type ScanPage, type ScanSource } from '../../../shared/archives/contracts.js'
import { isClassified } from '../../../shared/documents/confidentiality.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { sha256 } from '../../lib/hash.js'
import { files } from '../../lib/adapters/blobs.js'
import { archiveStore, batchItem, scanDocumentItem } from '../adapters/store.js'
import { hasTextLayer, imageIsWhole, renderPdfPage, renderTiffPage } from '../adapters/scans.js'
import { ocrEngine } from '../ocr/index.js'
import { searchablePdfOf } from '../adapters/searchable.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { registerScanDocument } from './register.js'
import { envNow } from '../../lib/env.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { orgStore } from '../../org/adapters/store.js'
import { archiveUnitOf, certifiedCopy } from './certification.js'

export const PIPELINE_ACTOR: AuditActor = { userId: 'system', name: 'Quy trình số hóa / Digitisation pipeline' }
export const MAX_SCAN_BYTES = () => envNow().MAX_SCAN_BYTES

/** A page that cannot be read at all: not retried (the Catch records it). */
export class PageUnreadableError extends Error {
  constructor(message: string) { super(message); this.name = 'PageUnreadable' }
}

export interface PageTask { batchId: string; pageNo: number; source: number; index: number }

async function requireBatch(batchId: string): Promise<Batch> {
  const b = await archiveStore.getBatch(batchId)
  if (!b) throw new PageUnreadableError(`batch ${batchId} not found`)
  return b
}

/** Reads one page: image kept for the verification view, text as lines with confidences, a one-page searchable PDF. */
export async function readPage(task: PageTask): Promise<{ pageNo: number; status: ScanPage['status']; confidence: number }> {
  const done = await archiveStore.getPage(task.batchId, task.pageNo)
  if (done && done.status !== 'failed') return { pageNo: done.pageNo, status: done.status, confidence: done.confidence ?? 0 }
  const batch = await requireBatch(task.batchId)
  const source: ScanSource | undefined = batch.sources[task.source]
  if (!source) throw new PageUnreadableError(`no source ${task.source}`)
  const unitId = batch.unitId
  const imageKey = objectKeys.archivePageImage(unitId, batch.batchId, task.pageNo)
  const pdfKey = objectKeys.archivePagePdf(unitId, batch.batchId, task.pageNo)
  let png: Uint8Array
  let lines: OcrLine[] = []
  let words: OcrWord[] = []
  let method: 'text-layer' | 'ocr' = 'ocr'
  let engineName = 'pdf.js'
  let pagePdf: Uint8Array | undefined
  // The bytes must be those accepted when the batch was created (the upload slot could be written again).
  const bytes = () => files.read(source.objectKey, MAX_SCAN_BYTES()).then((b) => {
    const u = new Uint8Array(b)
    if (sha256(u) !== source.sha256) throw new PageUnreadableError('the scan changed after it was accepted')
    return u
  })
  if (source.kind === 'pdf') {
    const r = await renderPdfPage(`${source.objectKey}#${source.sha256}`, bytes, task.index).catch((err: Error) => { throw new PageUnreadableError(err.message) })
    png = r.png
    if (hasTextLayer(r.textLayer)) {
      lines = r.textLayer
      words = r.words
      method = 'text-layer'
      pagePdf = await extractPdfPage(await bytes(), task.index)
    }
  } else if (source.kind === 'png' || source.kind === 'jpeg') {
    png = await bytes()
    if (!imageIsWhole(png, source.kind)) throw new PageUnreadableError('damaged image')
  } else {
    const tiff = await bytes()
    try { png = renderTiffPage(tiff, task.index) } catch (err) { throw new PageUnreadableError((err as Error).message) }
  }
  if (method === 'ocr') {
    const engine = await ocrEngine()
    const r = await engine.recognise(png).catch((err: Error) => { throw Object.assign(new Error(err.message), { name: 'OcrEngineError' }) })
    lines = r.lines
    words = r.words ?? []
    engineName = r.engine
    pagePdf = r.searchablePdf ?? (lines.length ? await searchablePdfOf(png, lines) : undefined)
  }
  const blank = lines.reduce((n, l) => n + l.text.replace(/\W/gu, '').length, 0) < 3
  await files.put(imageKey, png, source.kind === 'jpeg' && method === 'ocr' ? 'image/jpeg' : 'image/png')
  if (pagePdf && !blank) await files.put(pdfKey, pagePdf, 'application/pdf')
  const confidence = lines.length ? Math.round((lines.reduce((s, l) => s + l.confidence, 0) / lines.length) * 1000) / 1000 : 0
  const page: ScanPage = {
    batchId: batch.batchId, pageNo: task.pageNo, status: blank ? 'blank' : 'done', method, engine: engineName, confidence,
    lines: blank ? [] : lines, words: blank ? [] : words, imageKey, ...(pagePdf && !blank ? { pdfKey } : {}), at: new Date().toISOString(),
  }
  await archiveStore.putPage(page)
  return { pageNo: page.pageNo, status: page.status, confidence }
}

async function extractPdfPage(bytes: Uint8Array, index: number): Promise<Uint8Array> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false })
  const out = await PDFDocument.create()
  const [p] = await out.copyPages(src, [index])
  out.addPage(p)
  return out.save()
}

/** The Catch branch of a page: the page is recorded as failed with the reason; the batch goes on. */
export async function pageFailed(input: { batchId: string; pageNo: number; error?: { Error?: string; Cause?: string } }): Promise<{ pageNo: number; status: 'failed' }> {
  let reason = input.error?.Error ?? 'Error'
  try { reason = JSON.parse(input.error?.Cause ?? '{}').errorMessage ?? reason } catch { /* Cause is not JSON */ }
  await archiveStore.putPage({ batchId: input.batchId, pageNo: input.pageNo, status: 'failed', error: String(reason).slice(0, 500), at: new Date().toISOString() })
  return { pageNo: input.pageNo, status: 'failed' }
}

/** Deterministic: the same batch and first page give the same document, however often the step runs. */
export const scanDocumentIdOf = (batchId: string, pageFrom: number): string => `${batchId}-p${pageFrom}`

/**
 * Groups the read pages into documents and extracts their metadata. A
 * document whose fields all read with confidence is confirmed at once and
 * registered; the others wait in the verification queue. Classified scans
 * are catalogued only. Ends the batch with its counts.
 */
export async function assembleBatch(input: { batchId: string }): Promise<{ documents: number; catalogued: number; toVerify: number }> {
  const batch = await requireBatch(input.batchId)
  if (batch.status !== 'running') return { documents: batch.documents ?? 0, catalogued: batch.catalogued ?? 0, toVerify: 0 }
  const pages = await archiveStore.pagesOf(batch.batchId)
  const readable = pages.filter((p) => p.status === 'done').map((p) => ({ ...p, lines: p.lines ?? [] }))
  const groups = segmentPages(readable)
  const now = new Date().toISOString()
  let catalogued = 0
  let toVerify = 0
  const docs: ScanDocument[] = []
  for (const group of groups) {
    const id = scanDocumentIdOf(batch.batchId, group[0].pageNo)
    const existing = await archiveStore.getDocument(id)
    if (existing) { docs.push(existing); continue }
    const { fields } = extractMetadata(group.flatMap((p) => p.lines))
    const classified = isClassified((fields.confidentiality.value ?? 'none') as never)
    const base = {
      scanDocumentId: id, unitId: batch.unitId, fileId: batch.fileId, batchId: batch.batchId,
      pageFrom: group[0].pageNo, pageTo: group[group.length - 1].pageNo, fields, corrections: [], createdAt: now, version: 1,
    }
    let doc: ScanDocument
    if (classified) {
      // Stopped: nothing of the content stays on this platform, only the catalogue entry.
      await withholdPages(batch, group)
      doc = { ...base, status: 'catalogued', toVerify: [], imageKeys: [], confidentiality: fields.confidentiality.value as ScanDocument['confidentiality'] }
      catalogued++
    } else {
      const pageKeys = group.map((p) => p.pdfKey).filter((k): k is string => !!k)
      const pdfKey = pageKeys.length ? objectKeys.archiveDocumentPdf(batch.unitId, batch.batchId, id) : undefined
      // The digitised copy carries the fonds' unit's certification signature (certification.ts).
      if (pdfKey) {
        const at = new Date()
        const unit = archiveUnitOf(await orgStore.tree(), batch.unitId, vietnamDate(at))
        await files.put(pdfKey, await certifiedCopy(await mergePages(pageKeys), unit, at), 'application/pdf')
      }
      const missing = fieldsToVerify(fields)
      doc = {
        ...base, status: 'verifying', toVerify: missing, ...(pdfKey ? { pdfKey } : {}), imageKeys: group.map((p) => p.imageKey!).filter(Boolean),
        text: group.map((p) => p.lines.map((l) => l.text.replace(/\s{3,}/g, '   ')).join('\n')).join('\n\f\n'), confidentiality: 'none',
      }
      if (missing.length) toVerify++
    }
    docs.push(doc)
    const tx = new Transaction().put(scanDocumentItem(doc), { expectVersion: 'new' })
      .audit({ unitId: batch.unitId, action: classified ? 'archive.catalogue' : 'archive.extract', target: id, details: { batchId: batch.batchId, pages: `${doc.pageFrom}-${doc.pageTo}`, symbol: fields.symbol.value ?? undefined, ...(classified ? { confidentiality: doc.confidentiality } : {}) } })
    await tx.commit(PIPELINE_ACTOR)
    if (classified) await registerScanDocument(PIPELINE_ACTOR, doc.scanDocumentId, undefined)
    else if (doc.toVerify.length === 0) await registerScanDocument(PIPELINE_ACTOR, doc.scanDocumentId, undefined)
  }
  // The originals hold the classified pages too: deleted once the batch has stopped them (the other pages live on as page images and PDFs).
  if (catalogued > 0) for (const source of batch.sources) await files.remove(source.objectKey)
  const failedPages = pages.filter((p) => p.status === 'failed').length
  const blankPages = pages.filter((p) => p.status === 'blank').length
  const finished: Batch = {
    ...batch, status: 'done', documents: docs.length, catalogued, failedPages, blankPages, finishedAt: new Date().toISOString(), version: batch.version + 1,
  }
  const file = await archiveStore.getFile(batch.fileId)
  const tx = new Transaction().put(batchItem(finished), { expectVersion: batch.version })
    .audit({ unitId: batch.unitId, action: 'archive.batchDone', target: batch.batchId, details: { pages: batch.pageCount, documents: docs.length, catalogued, failedPages, blankPages } })
  if (file) {
    const { fileItem } = await import('../adapters/store.js')
    tx.put(fileItem({ ...file, pages: file.pages + pages.filter((p) => p.status === 'done' || p.status === 'blank').length, documents: file.documents + docs.length, version: file.version + 1 }), { expectVersion: file.version })
  }
  await tx.commit(PIPELINE_ACTOR)
  return { documents: docs.length, catalogued, toVerify }
}

/** Deletes the images, PDFs and text of a classified scan's pages, keeping only their status. */
async function withholdPages(batch: Batch, group: readonly ScanPage[]): Promise<void> {
  for (const p of group) {
    for (const key of [p.imageKey, p.pdfKey]) if (key) await files.remove(key)
    await archiveStore.putPage({ batchId: batch.batchId, pageNo: p.pageNo, status: 'withheld', at: new Date().toISOString() })
  }
}

async function mergePages(keys: readonly string[]): Promise<Uint8Array> {
  const out = await PDFDocument.create()
  for (const key of keys) {
    const src = await PDFDocument.load(new Uint8Array(await files.read(key, MAX_SCAN_BYTES())), { updateMetadata: false })
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p)
  }
  return out.save()
}

/** The failure branch: the batch ends as failed with the reason; pages read so far stay for a new attempt. */
export async function batchFailed(input: { batchId: string; error?: { Error?: string; Cause?: string } }): Promise<{ status: 'failed' }> {
  const batch = await requireBatch(input.batchId)
  if (batch.status !== 'running') return { status: 'failed' }
  const error = (input.error?.Error ?? 'Error').slice(0, 200)
  await new Transaction().put(batchItem({ ...batch, status: 'failed', error, finishedAt: new Date().toISOString(), version: batch.version + 1 }), { expectVersion: batch.version })
    .audit({ unitId: batch.unitId, action: 'archive.batchFailed', target: batch.batchId, details: { error } })
    .commit(PIPELINE_ACTOR)
  return { status: 'failed' }
}

export { ownerOf }
