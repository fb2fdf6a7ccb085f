/**
 * Using an uploaded file: the caller's own upload, its bytes checked again
 * (magic bytes; a PDF loads, is not encrypted, and for a draft is not signed
 * yet), then copied under its document's unit. The upload slot itself is
 * made in uploads.ts.
 */
import { DomainError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { FileRef } from '../../../shared/documents/contracts.js'
import { ACCEPTED_CONTENT_TYPES } from '../../../shared/documents/contracts.js'
import { includesAscii, sniff, type FileKind } from '../../../shared/documents/files.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { sha256 } from '../../lib/hash.js'
import { env } from '../../lib/env.js'
import { files } from '../../lib/adapters/blobs.js'
import { pdfEngine } from '../adapters/signing.js'
import type { DocContext } from './context.js'
import { CONFIDENTIALITY_NAMES, contentAllowed } from '../../../shared/documents/confidentiality.js'
import { confidentialityMarkOf, MARK_ZONE_LINES } from '../../../shared/documents/marks.js'
import { docxPages, pdfPages } from '../../lib/adapters/extract.js'
import { firstPageOcr } from '../../lib/adapters/first-page-ocr.js'

export interface AcceptedFile { bytes: Uint8Array; kind: FileKind; fileName: string; sha256: string; pageCount?: number }

/**
 * The caller's own upload, checked for real: the magic bytes, and for a PDF
 * that it loads and is not encrypted. The declared kind (the slot's
 * extension) must match what the bytes are.
 */
export async function acceptUpload(
  ctx: DocContext, input: { objectKey: string; fileName: string }, allowed: readonly FileKind[], path = 'file.objectKey', opts: { unsigned?: boolean } = {},
): Promise<AcceptedFile> {
  if (!input.objectKey.startsWith(objectKeys.documentUploadPrefix(ctx.actor.userId))) {
    throw new ValidationError([{ path, code: 'field.invalidValue', params: { path } }])
  }
  const declared = input.objectKey.split('.').pop() as FileKind
  if (!allowed.includes(declared)) throw new DomainError('upload.badType', 415, { type: ACCEPTED_CONTENT_TYPES[declared] ?? declared })
  const bytes = new Uint8Array(await files.read(input.objectKey, env().MAX_UPLOAD_BYTES))
  return checkFile(bytes, declared, input.fileName, { ...opts, objectKey: input.objectKey })
}

/**
 * The checks every file of a document passes, whoever brought it (an upload,
 * an attachment of a mail to a unit's official address): the bytes are what
 * they claim, a PDF loads and is not encrypted, and no MẬT mark is on its
 * first page. `objectKey`: where the bytes wait, deleted when refused as classified.
 */
export async function checkFile(bytes: Uint8Array, declared: FileKind, fileName: string, opts: { unsigned?: boolean; objectKey?: string } = {}): Promise<AcceptedFile> {
  const kind = sniff(bytes)
  if (declared === 'pdf') {
    if (kind !== 'pdf') throw new RuleError('upload.notPdf')
    const check = await pdfEngine.check(bytes)
    if (!check.ok) throw new RuleError(check.reason === 'encrypted' ? 'upload.pdfEncrypted' : check.reason === 'corrupt' ? 'upload.pdfCorrupt' : 'upload.notPdf')
    // A draft is signed by the platform once numbered; a file signed already cannot take the number.
    if (opts.unsigned && isSigned(bytes)) throw new RuleError('pdf.alreadySigned')
    await refuseClassified(opts.objectKey, bytes, 'pdf')
    return { bytes, kind, fileName, sha256: sha256(bytes), pageCount: check.pages }
  }
  if (kind !== 'docx') throw new RuleError('upload.notDocx')
  await refuseClassified(opts.objectKey, bytes, 'docx')
  return { bytes, kind, fileName, sha256: sha256(bytes) }
}

/**
 * Content marked MẬT or above never stays on this platform, whatever was
 * declared: the mark on the first page's top (its text layer; a DOCX's first
 * paragraphs) refuses the file, and the upload is deleted at once.
 */
async function refuseClassified(objectKey: string | undefined, bytes: Uint8Array, kind: FileKind): Promise<void> {
  let firstPage: string
  try {
    firstPage = (kind === 'pdf' ? (await pdfPages(bytes, 1))[0] : (await docxPages(bytes))[0]) ?? ''
  } catch {
    if (objectKey) await files.remove(objectKey)
    throw new RuleError(kind === 'pdf' ? 'upload.pdfCorrupt' : 'upload.notDocx')
  }
  let lines = firstPage.split('\n').map((l) => l.trim()).filter(Boolean)
  // A scan has no text layer: its first page is read by OCR, so a stamped "MẬT" is seen there too.
  if (kind === 'pdf' && !hasLetters(lines)) lines = (await firstPageOcr().lines(bytes)).map((l) => l.trim()).filter(Boolean)
  const mark = confidentialityMarkOf(lines.slice(0, MARK_ZONE_LINES))
  if (contentAllowed(mark)) return
  if (objectKey) await files.remove(objectKey)
  throw new RuleError('upload.classifiedContent', { mark: CONFIDENTIALITY_NAMES[mark].vi })
}

/** A text layer worth reading: a few letters at least (a scan may carry a stray character or a page number). */
const hasLetters = (lines: readonly string[]): boolean => lines.join('').replace(/[^\p{L}]/gu, '').length >= 8

/** Does the PDF carry a signature already (a signature dictionary's byte range)? */
export const isSigned = (bytes: Uint8Array): boolean => includesAscii(bytes, '/ByteRange')

/** Copies an accepted upload under its document's unit; returns its reference. */
export async function keepFile(ownerUnitId: string, documentId: string, name: string, file: AcceptedFile): Promise<FileRef> {
  const objectKey = objectKeys.documentContent(ownerUnitId, documentId, `${name}.${file.kind}`)
  const contentType = ACCEPTED_CONTENT_TYPES[file.kind]
  await files.put(objectKey, file.bytes, contentType)
  return { objectKey, fileName: file.fileName, contentType, size: file.bytes.length, sha256: file.sha256, ...(file.pageCount ? { pageCount: file.pageCount } : {}) }
}
