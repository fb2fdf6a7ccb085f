/**
 * Issuing a document: once the platform has given it a number, the number
 * (số và ký hiệu) and the place and date (địa danh, ngày tháng năm ban hành)
 * are written onto the first page, before anyone signs — the signatures then
 * cover them.
 *
 * Layout of a Party document (Hướng dẫn 36-HD/VPTW): the number sits on the
 * left, centred under the issuing body's block; the place and date sit on the
 * same line on the right, centred under "ĐẢNG CỘNG SẢN VIỆT NAM", in italics.
 */
import { PDFDocument, rgb } from 'pdf-lib'
import { RuleError } from '../../../shared/errors/index.js'
import { embedFonts } from './fonts.js'

export type PdfProblem = 'pdf.notPdf' | 'pdf.encrypted' | 'pdf.corrupt'
/** Whether bytes are a PDF the platform can stamp and sign. Mind: an object, always truthy — test `.ok`. */
export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: PdfProblem }

/** Acrobat accepts the header anywhere in the first 1024 bytes; so do we. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')
}

/** Load a PDF, or fail with the message key saying why it cannot be used. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  if (!hasPdfHeader(bytes)) throw new RuleError('pdf.notPdf')
  let doc: PDFDocument
  try {
    // pdf-lib's own EncryptedPDFError fails `instanceof` (ES5 subclass of Error): ask the document instead.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })
  } catch {
    throw new RuleError('pdf.corrupt')
  }
  if (doc.isEncrypted) throw new RuleError('pdf.encrypted')
  // pdf-lib is lenient: a file with no usable page tree loads, but has nothing to sign.
  let pages = 0
  try {
    pages = doc.getPageCount()
  } catch {
    pages = 0
  }
  if (pages < 1) throw new RuleError('pdf.corrupt')
  return doc
}

export async function isPdf(bytes: Uint8Array): Promise<PdfCheck> {
  try {
    const doc = await loadPdf(bytes)
    return { ok: true, pages: doc.getPageCount() }
  } catch (err) {
    if (err instanceof RuleError) return { ok: false, reason: err.code as PdfProblem }
    throw err
  }
}

export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await loadPdf(pdf)).getPageCount()
}

export interface NumberAndDate {
  /** e.g. "Số 12-NQ/TU" */
  symbolLine: string
  /** e.g. "Hà Nội, ngày 05 tháng 01 năm 2026" */
  dateLine: string
  /** 1-based page number; the first page by default. */
  page?: number
  /**
   * Centres of the two lines in PDF points from the bottom left, for templates
   * whose header differs from the default Party layout.
   */
  at?: { symbol?: { x: number; y: number }; date?: { x: number; y: number } }
}

const SIZE = 12.5
const INK = rgb(0, 0, 0)

/**
 * Writes the number and the date, rewriting the file: allowed only before the
 * first signature, since a rewrite would break every signature already in it.
 */
export async function stampNumberAndDate(pdf: Uint8Array, s: NumberAndDate): Promise<Uint8Array> {
  const doc = await loadPdf(pdf)
  if (Buffer.from(pdf).includes('/ByteRange')) throw new RuleError('pdf.alreadySigned')
  const pageNumber = s.page ?? 1
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.getPageCount()) {
    throw new RuleError('pdf.pageOutOfRange', { page: pageNumber, pages: doc.getPageCount() })
  }
  const page = doc.getPage(pageNumber - 1)
  const { width, height } = page.getSize()
  const fonts = await embedFonts(doc, ['regular', 'oblique'] as const)

  // Default columns of an A4 Party document (left margin 30 mm, right 15 mm), scaled to the page.
  const baseline = height - 0.15 * height
  const symbol = s.at?.symbol ?? { x: 0.31 * width, y: baseline }
  const date = s.at?.date ?? { x: 0.71 * width, y: baseline }
  const column = 0.5 * width - 20

  for (const [text, font, at] of [[s.symbolLine, fonts.regular, symbol], [s.dateLine, fonts.oblique, date]] as const) {
    // Long place names shrink rather than run off the page.
    const size = Math.min(SIZE, (SIZE * column) / Math.max(font.widthOfTextAtSize(text, SIZE), 1))
    page.drawText(text, { x: at.x - font.widthOfTextAtSize(text, size) / 2, y: at.y, size, font, color: INK })
  }
  return doc.save({ useObjectStreams: false })
}
