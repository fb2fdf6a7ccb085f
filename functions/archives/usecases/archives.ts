/**
 * The archives module's HTTP use cases: upload slots for scans, files (hồ
 * sơ) of a fonds, batches started into the digitisation workflow and their
 * progress page by page, the verification queue and the clerk's
 * confirmation or correction of the fields read.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { DomainError, NotFoundError, RuleError, ValidationError, type ValidationIssue } from '../../../shared/errors/index.js'
import {
  MAX_BATCH_PAGES, SCAN_CONTENT_TYPES, SCAN_EXTENSIONS, ownerOf,
  type ArchiveFile, type Batch, type CreateBatchBody, type CreateFileBody, type FieldCorrection, type ScanDocument, type ScanSource, type ScanUploadBody, type VerifyBody,
} from '../../../shared/archives/contracts.js'
import { FIELD_NAMES, type ExtractedFields } from '../../../shared/archives/metadata.js'
import { type ArchiveAction, archivePolicy } from '../../../shared/archives/policy.js'
import { CONFIDENTIALITY } from '../../../shared/documents/confidentiality.js'
import { clearedFor } from '../../../shared/documents/policy.js'
import { canonicalise } from '../../../shared/documents/symbols.js'
import { findType } from '../../../shared/documents/types.js'
import { existsOn } from '../../../shared/org/tree.js'
import { fileRetention, retentionClassOn } from '../../../shared/archives/retention.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { files } from '../../lib/adapters/blobs.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { archiveStore, batchItem, fileItem, scanDocumentItem } from '../adapters/store.js'
import { checkPdf, imageIsWhole, sniffScan, tiffPageCount } from '../adapters/scans.js'
import { digitisationWorkflow } from '../adapters/workflow.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { sha256 } from '../../lib/hash.js'
import { MAX_SCAN_BYTES } from './pipeline.js'
import { registerScanDocument } from './register.js'

export type ArchiveContext = OrgContext

/**
 * A classified scan's catalogue entry is seen in full only by people cleared
 * for its mark (as its register entry is); others see that a document was
 * catalogued, its pages and its mark, not what it is.
 */
export function visibleTo(actor: ArchiveContext['actor'], doc: ScanDocument): ScanDocument {
  const { text: _text, ...rest } = doc
  if (clearedFor(actor, doc.confidentiality)) return rest
  const hidden = Object.fromEntries(FIELD_NAMES.map((f) => [f, f === 'confidentiality' ? doc.fields.confidentiality : { value: null, confidence: 0 }])) as ExtractedFields
  return { ...rest, fields: hidden, corrections: [] }
}
const person = (ctx: ArchiveContext) => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const newId = (unitId: string, prefix: string, now: Date) => `${unitId}.${prefix}${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`

async function authorize(ctx: ArchiveContext, action: ArchiveAction, unitId: string) {
  const index = await ctx.tree()
  if (!index.get(unitId)) throw new NotFoundError('unit', unitId)
  archivePolicy.authorize(ctx.actor, action, unitId, index, ctx.date)
  return index
}

/** A file is acted on where it is kept: its fonds' unit, or the unit that received it in a handover. */
async function loadFile(ctx: ArchiveContext, fileId: string, action: ArchiveAction): Promise<ArchiveFile> {
  const file = await archiveStore.getFile(fileId)
  if (!file) throw new DomainError('notFound.archiveFile', 404, { id: fileId })
  const index = await ctx.tree()
  if (!archivePolicy.can(ctx.actor, action, file.custodianUnitId, index, ctx.date) && !archivePolicy.can(ctx.actor, action, file.unitId, index, ctx.date)) {
    archivePolicy.authorize(ctx.actor, action, file.custodianUnitId, index, ctx.date)
  }
  return file
}

export async function createScanUpload(ctx: ArchiveContext, body: ScanUploadBody) {
  const index = await ctx.tree()
  if (archivePolicy.reach(ctx.actor, 'archive.digitise', index, ctx.date).size === 0) archivePolicy.authorize(ctx.actor, 'archive.digitise', ctx.actor.assignments[0]?.unitId ?? '-', index, ctx.date)
  const ext = body.fileName.toLowerCase().split('.').pop() ?? ''
  const kind = SCAN_EXTENSIONS[ext]
  const type = body.contentType.toLowerCase().split(';')[0].trim()
  if (!kind || SCAN_CONTENT_TYPES[kind] !== type) throw new DomainError('archive.badType', 415, { type: body.contentType || body.fileName })
  if (body.size > MAX_SCAN_BYTES()) throw new DomainError('archive.tooLarge', 413, { limit: Math.round(MAX_SCAN_BYTES() / 1024 / 1024) })
  const objectKey = objectKeys.archiveUpload(ctx.actor.userId, randomUUID(), kind)
  return { objectKey, maxBytes: MAX_SCAN_BYTES(), ...(await files.presignUpload(objectKey, SCAN_CONTENT_TYPES[kind])) }
}

export async function createFile(ctx: ArchiveContext, body: CreateFileBody): Promise<ArchiveFile> {
  const index = await authorize(ctx, 'archive.digitise', body.unitId)
  if (!existsOn(index.get(body.unitId)!, ctx.date)) throw new RuleError('archive.fondsClosed', { unitId: body.unitId })
  if (body.endYear !== undefined && body.endYear < body.startYear) throw new ValidationError([{ path: 'endYear', code: 'field.invalidValue', params: { path: 'endYear' } }])
  const retentionClass = retentionClassOn(body.retentionClass, ctx.date)
  if (!retentionClass) throw new ValidationError([{ path: 'retentionClass', code: 'archive.unknownClass', params: { path: 'retentionClass', code: body.retentionClass } }])
  const existing = await archiveStore.filesOf(body.unitId)
  if (existing.some((f) => f.code.toLowerCase() === body.code.toLowerCase())) throw new DomainError('archive.fileCodeTaken', 409, { code: body.code })
  const now = ctx.now
  const file: ArchiveFile = {
    fileId: newId(body.unitId, 'f', now), unitId: body.unitId, code: body.code, title: body.title, startYear: body.startYear,
    ...(body.endYear !== undefined ? { endYear: body.endYear } : {}), retention: fileRetention(retentionClass), custodianUnitId: body.unitId, custody: [],
    status: 'open', pages: 0, documents: 0, verifiedDocuments: 0, createdBy: person(ctx), createdAt: now.toISOString(), version: 1,
  }
  await new Transaction().put(fileItem(file), { expectVersion: 'new' })
    .audit({ unitId: body.unitId, action: 'archive.createFile', target: file.fileId, details: { code: file.code, title: file.title } })
    .commit(ctx.auditActor, now)
  return file
}

export async function listFiles(ctx: ArchiveContext, unitId: string) {
  await authorize(ctx, 'archive.read', unitId)
  const [own, custody] = await Promise.all([archiveStore.filesOf(unitId), archiveStore.filesInCustodyOf(unitId)])
  return { items: [...own, ...custody.filter((f) => f.unitId !== unitId)].sort((a, b) => a.code.localeCompare(b.code)) }
}

export async function showFile(ctx: ArchiveContext, fileId: string) {
  const file = await loadFile(ctx, fileId, 'archive.read')
  const [batches, documents] = await Promise.all([archiveStore.batchesOfFile(fileId), archiveStore.documentsOfFile(fileId)])
  return { file, batches, documents: documents.map((d) => visibleTo(ctx.actor, d)) }
}

/**
 * Checks every upload for real before anything is written (magic bytes,
 * size, the PDF opens, is not encrypted and has pages), then writes the
 * batch and its audit entry in one transaction and starts the workflow.
 */
export async function createBatch(ctx: ArchiveContext, body: CreateBatchBody): Promise<Batch> {
  const file = await loadFile(ctx, body.fileId, 'archive.digitise')
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.digitise', file.unitId === file.custodianUnitId ? file.unitId : file.custodianUnitId, index, ctx.date)
  if (file.status !== 'open') throw new RuleError('archive.fileClosed', { code: file.code })
  const sources: ScanSource[] = []
  for (const [i, up] of body.uploads.entries()) {
    const path = `uploads.${i}.objectKey`
    if (!up.objectKey.startsWith(objectKeys.archiveUploadPrefix(ctx.actor.userId))) throw new ValidationError([{ path, code: 'field.invalidValue', params: { path } }])
    const declared = SCAN_EXTENSIONS[up.objectKey.split('.').pop() ?? '']
    const bytes = new Uint8Array(await files.read(up.objectKey, MAX_SCAN_BYTES()).catch((err) => {
      if ((err as DomainError).code === 'upload.tooLarge') throw new DomainError('archive.tooLarge', 413, { limit: Math.round(MAX_SCAN_BYTES() / 1024 / 1024) })
      throw err
    }))
    const kind = sniffScan(bytes)
    if (kind === 'unknown' || kind !== declared) throw new RuleError('archive.notAScan', { name: up.fileName })
    let pages = 1
    if (kind === 'pdf') {
      const check = await checkPdf(bytes)
      if (!check.ok) throw new RuleError(check.reason === 'encrypted' ? 'archive.pdfEncrypted' : check.reason === 'empty' ? 'archive.pdfEmpty' : 'archive.pdfCorrupt', { name: up.fileName })
      pages = check.pages
    } else if ((kind === 'png' || kind === 'jpeg') && !imageIsWhole(bytes, kind)) {
      throw new RuleError('archive.scanCorrupt', { name: up.fileName })
    } else if (kind === 'tiff') {
      const count = tiffPageCount(bytes)
      if (count === undefined) throw new RuleError('archive.scanCorrupt', { name: up.fileName })
      if (count === 0) throw new RuleError('archive.scanEmpty', { name: up.fileName })
      pages = count
    }
    sources.push({ objectKey: up.objectKey, fileName: up.fileName, kind, pages, size: bytes.length, sha256: sha256(bytes) })
  }
  const pageCount = sources.reduce((n, s) => n + s.pages, 0)
  if (pageCount > MAX_BATCH_PAGES) throw new RuleError('archive.tooManyPages', { max: MAX_BATCH_PAGES, pages: pageCount })
  const now = ctx.now
  const batch: Batch = {
    batchId: newId(file.unitId, 'b', now), unitId: file.unitId, fileId: file.fileId, sources, pageCount, status: 'running',
    createdBy: person(ctx), createdAt: now.toISOString(), version: 1,
  }
  await new Transaction().put(batchItem(batch), { expectVersion: 'new' })
    .audit({ unitId: file.unitId, action: 'archive.startBatch', target: batch.batchId, details: { fileId: file.fileId, pages: pageCount, files: sources.length } })
    .commit(ctx.auditActor, now)
  let pageNo = 0
  const pages = sources.flatMap((s, source) => Array.from({ length: s.pages }, (_, index) => ({ pageNo: ++pageNo, source, index })))
  await digitisationWorkflow.start({ batchId: batch.batchId, pages })
  return batch
}

export async function showBatch(ctx: ArchiveContext, batchId: string) {
  const batch = await archiveStore.getBatch(batchId)
  if (!batch) throw new DomainError('notFound.archiveBatch', 404, { id: batchId })
  await loadFile(ctx, batch.fileId, 'archive.read')
  const read = new Map((await archiveStore.pagesOf(batchId)).map((p) => [p.pageNo, p]))
  const pages = Array.from({ length: batch.pageCount }, (_, i) => {
    const p = read.get(i + 1)
    return p ? { pageNo: p.pageNo, status: p.status, method: p.method, confidence: p.confidence, error: p.error, at: p.at } : { pageNo: i + 1, status: 'queued' as const }
  })
  const processed = pages.filter((p) => p.status !== 'queued').length
  const documents = batch.status === 'done' ? (await archiveStore.documentsOfFile(batch.fileId)).filter((d) => d.batchId === batchId).map((d) => visibleTo(ctx.actor, d)) : []
  return { batch, pages, processed, documents }
}

export async function verificationQueue(ctx: ArchiveContext, unitId: string) {
  await authorize(ctx, 'archive.verify', unitId)
  const items = await archiveStore.verificationQueue(unitId)
  return { items: items.map((d) => visibleTo(ctx.actor, d)) }
}

export async function showScanDocument(ctx: ArchiveContext, scanDocumentId: string) {
  const doc = await archiveStore.getDocument(scanDocumentId)
  if (!doc) throw new DomainError('notFound.archiveDocument', 404, { id: scanDocumentId })
  await loadFile(ctx, doc.fileId, 'archive.read')
  const images = await Promise.all(doc.imageKeys.map(async (key, i) => {
    const pageNo = doc.pageFrom + i
    const [link, page] = await Promise.all([files.presignDownload(key, `${pageNo}.png`, 'image/png'), archiveStore.getPage(doc.batchId, pageNo)])
    return { pageNo, ...link, words: page?.words ?? [] }
  }))
  const pdf = doc.pdfKey ? await files.presignDownload(doc.pdfKey, `${doc.scanDocumentId}.pdf`, 'application/pdf') : undefined
  return { document: clearedFor(ctx.actor, doc.confidentiality) ? doc : visibleTo(ctx.actor, doc), images, pdf }
}

/** The clerk confirms or corrects every field; each change is kept to measure accuracy; the document enters the register. */
export async function verifyScanDocument(ctx: ArchiveContext, scanDocumentId: string, body: VerifyBody): Promise<ScanDocument> {
  const doc = await archiveStore.getDocument(scanDocumentId)
  if (!doc) throw new DomainError('notFound.archiveDocument', 404, { id: scanDocumentId })
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.verify', doc.unitId, index, ctx.date)
  if (doc.status !== 'verifying') throw new DomainError('archive.alreadyVerified', 409, { id: scanDocumentId })
  if (doc.version !== body.version) throw new DomainError('conflict.version', 409)
  const values = normaliseFields(body.fields)
  const at = ctx.now.toISOString()
  const by = person(ctx)
  const corrections: FieldCorrection[] = FIELD_NAMES.filter((f) => (doc.fields[f].value ?? null) !== values[f])
    .map((f) => ({ field: f, extracted: doc.fields[f].value ?? null, corrected: values[f], confidence: doc.fields[f].confidence, by, at }))
  const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, { value: values[f], confidence: values[f] === null ? 0 : 1 }])) as ExtractedFields
  if (values.confidentiality !== 'none') {
    // A mark the clerk sees on the image stops the document now: content goes, the catalogue entry stays.
    for (const key of [...doc.imageKeys, ...(doc.pdfKey ? [doc.pdfKey] : [])]) await files.remove(key)
    const catalogued: ScanDocument = { ...doc, status: 'catalogued', fields, corrections: [...doc.corrections, ...corrections], imageKeys: [], confidentiality: values.confidentiality as ScanDocument['confidentiality'], verifiedBy: by, verifiedAt: at, version: doc.version + 1 }
    delete catalogued.pdfKey
    delete catalogued.text
    await new Transaction().put(scanDocumentItem(catalogued), { expectVersion: doc.version })
      .audit({ unitId: doc.unitId, action: 'archive.catalogue', target: scanDocumentId, details: { confidentiality: values.confidentiality } })
      .commit(ctx.auditActor, ctx.now)
    return registerScanDocument(ctx.auditActor, scanDocumentId, undefined, ctx.now)
  }
  return registerScanDocument(ctx.auditActor, scanDocumentId, { fields, corrections: [...doc.corrections, ...corrections], verifiedBy: by, verifiedAt: at }, ctx.now)
}

/** Field values as the register stores them: canonical symbol, ISO date, type code; a value that cannot be is a 400 on that field. */
function normaliseFields(input: VerifyBody['fields']): Record<(typeof FIELD_NAMES)[number], string | null> {
  const issues: ValidationIssue[] = []
  const out = { ...input } as Record<(typeof FIELD_NAMES)[number], string | null>
  for (const f of FIELD_NAMES) if (out[f] === '') out[f] = null
  if (out.symbol) { const c = canonicalise(out.symbol); if (c) out.symbol = c; else issues.push({ path: 'fields.symbol', code: 'archive.badSymbol', params: { path: 'fields.symbol' } }) }
  if (out.date && (!/^\d{4}-\d{2}-\d{2}$/.test(out.date) || Number.isNaN(Date.parse(out.date)))) issues.push({ path: 'fields.date', code: 'field.invalidDate', params: { path: 'fields.date' } })
  if (out.type) { const t = findType(out.type); if (t) out.type = t.code; else issues.push({ path: 'fields.type', code: 'field.invalidValue', params: { path: 'fields.type' } }) }
  if (!CONFIDENTIALITY.includes((out.confidentiality ?? 'none') as never)) issues.push({ path: 'fields.confidentiality', code: 'field.invalidValue', params: { path: 'fields.confidentiality' } })
  out.confidentiality ??= 'none'
  if (!out.summary || out.summary.length < 5) issues.push({ path: 'fields.summary', code: 'field.required', params: { path: 'fields.summary' } })
  if (issues.length) throw new ValidationError(issues)
  return out
}

export { ownerOf }
