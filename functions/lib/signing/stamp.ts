/**
 * Issuing a document: once the platform has given it a number, the number
 * (số và ký hiệu) and the place and date (địa danh, ngày tháng năm ban hành)
 * are written onto the first page, before anyone signs — the signatures then
 * cover them.
 *
 * Layout of a Party document (Hướng dẫn 36-HD/VPTW): the number sits on the
 * left, centred under the issuing body's block; the place and date sit on the
 * same line on the right, centred under "ĐẢNG CỘNG SẢN VIỆT NAM", in italics.
 *
 * Most drafts print those lines already with blanks ("Số      -KH/ĐU",
 * "Hoàn Kiếm, ngày   tháng   năm 2026"): then only the number and the day
 * and month are written, into the blanks, at the size of the words around
 * them. A draft without them gets the two lines where the format puts them,
 * on the first baseline under the header that is clear of every printed word.
 * Either, never both.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { RuleError } from '../../../shared/errors/index.js'
import { embedFonts, textMeasure } from './fonts.js'
import { pdfTextLayer } from '../adapters/extract.js'
import { boxAt, clearBaseline, findBlanks, findSigningBlock, headerColumns, wordsOf, type Blank, type Printed, type SigningBlock } from './layout.js'
import { PERSONAL_SIZE } from './appearance.js'

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
  /** What goes into the draft's blanks, written as the lines write them: number "12", day "05", month "01", year "2026". */
  blanks?: { number: string; day: string; month: string; year: string }
  /** 1-based page number; the first page by default. */
  page?: number
}

const SIZE = 12.5
const INK = rgb(0, 0, 0)
/** Room kept between a written value and the printed words beside it, as a share of the size. */
const HAIR = 0.16
/** A value shrinks at most to this share of the size to fit a narrow blank. */
const NARROWEST = 0.85

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
  const measure = await textMeasure()
  const layer = (await pdfTextLayer(pdf))[pageNumber - 1]

  const blanks = s.blanks ? findBlanks(layer, measure) : {}
  if (s.blanks && blanks.number && blanks.day && blanks.month && blanks.numberLine && blanks.dateWords) {
    const v = s.blanks
    // The number sits against the symbol it completes ("05-KH/ĐU"); day and month in the middle of their blanks.
    if (fits(v.number, blanks.number, fonts.regular)) fill(page, v.number, blanks.number, fonts.regular, 'right')
    else rewrite(page, `${blanks.numberLine.label} ${v.number}${blanks.numberLine.symbol}`, blanks.numberLine, fonts.regular, width)
    if (fits(v.day, blanks.day, fonts.oblique) && fits(v.month, blanks.month, fonts.oblique)) {
      fill(page, v.day, blanks.day, fonts.oblique, 'centre')
      fill(page, v.month, blanks.month, fonts.oblique, 'centre')
      if (blanks.year) fill(page, v.year, blanks.year, fonts.oblique, 'left')
    } else {
      rewrite(page, `ngày ${v.day} tháng ${v.month} năm ${blanks.dateWords.year ?? v.year}`, blanks.dateWords, fonts.oblique, width)
    }
    return doc.save({ useObjectStreams: false })
  }

  // Default columns of an A4 Party document (left margin 30 mm, right 15 mm), scaled to the page, unless the header shows them.
  const header = headerColumns(layer, measure)
  const columns = header ?? { left: 0.31 * width, right: 0.71 * width, bottom: 0.85 * height + SIZE * 1.2 }
  const column = Math.min(columns.left, width - columns.right) * 2 - 8
  const lines = [[s.symbolLine, fonts.regular, columns.left], [s.dateLine, fonts.oblique, columns.right]] as const
  // Long place names shrink rather than run off the page.
  const sized = lines.map(([text, font, centre]) => {
    const size = Math.min(SIZE, (SIZE * column) / Math.max(font.widthOfTextAtSize(text, SIZE), 1))
    return { text, font, size, x: centre - font.widthOfTextAtSize(text, size) / 2 }
  })
  const words = wordsOf(layer, measure)
  const from = columns.bottom - SIZE * 1.2
  const baseline = clearBaseline(words, from, (y) => sized.map((l) => boxAt(l.x, y, l.font.widthOfTextAtSize(l.text, l.size), l.size))) ?? from
  for (const l of sized) page.drawText(l.text, { x: l.x, y: baseline, size: l.size, font: l.font, color: INK })
  return doc.save({ useObjectStreams: false })
}

/** Whether a value fits its blank, clear of the words on both sides, at no less than NARROWEST of their size. */
function fits(text: string, blank: Blank, font: PDFFont): boolean {
  return font.widthOfTextAtSize(text, NARROWEST * blank.size) <= blank.x1 - blank.x0 - 2 * HAIR * blank.size
}

/**
 * A blank too narrow for its value ("Số -CV/ĐU", "ngày  tháng"): the printed
 * words are covered and written again with the value, from the same start,
 * at their size (smaller only if they would run past the right margin). The
 * covered words stay in the text layer under the cover.
 */
function rewrite(page: PDFPage, text: string, printed: Printed, font: PDFFont, pageWidth: number): void {
  const room = pageWidth - 28 - printed.x0
  const size = Math.min(printed.size, (printed.size * room) / Math.max(font.widthOfTextAtSize(text, printed.size), 1e-6))
  const box = boxAt(printed.x0, printed.baseline, printed.x1 - printed.x0, printed.size)
  page.drawRectangle({ x: box.x0 - 1, y: box.bottom - 0.5, width: box.x1 - box.x0 + 2, height: box.top - box.bottom + 1, color: rgb(1, 1, 1) })
  page.drawText(text, { x: printed.x0, y: printed.baseline, size, font, color: INK })
}

/** One value written into a blank, clear of the words on both sides (shrunk a little if the blank is narrow); a printed leader is covered. */
function fill(page: PDFPage, text: string, blank: Blank, font: PDFFont, align: 'left' | 'centre' | 'right'): void {
  const hair = HAIR * blank.size
  const room = blank.x1 - blank.x0 - 2 * hair
  const size = Math.max(NARROWEST * blank.size, Math.min(blank.size, (blank.size * room) / Math.max(font.widthOfTextAtSize(text, blank.size), 1e-6)))
  const w = font.widthOfTextAtSize(text, size)
  // A printed leader (dots, underscores) is covered first, so the value reads clearly (as the hand-filled blank would).
  if (blank.leader) {
    const box = boxAt(blank.x0, blank.baseline, blank.x1 - blank.x0, blank.size)
    page.drawRectangle({ x: box.x0 + 0.3, y: box.bottom, width: box.x1 - box.x0 - 0.6, height: box.top - box.bottom, color: rgb(1, 1, 1) })
  }
  const x = align === 'right' ? blank.x1 - hair - w : align === 'left' ? blank.x0 + hair * 2 : (blank.x0 + blank.x1 - w) / 2
  page.drawText(text, { x, y: blank.baseline, size, font, color: INK })
}

/** The mark alone is narrower than a full appearance: the seal then covers the left third of the mark itself. */
const BLOCK_SIZE = { width: 140, height: PERSONAL_SIZE.height }

/**
 * Where the personal signature goes: in the document's own signing block,
 * between the title lines and the signer's printed name; undefined when the
 * document has none (the signature then brings its own title and name).
 */
export async function signingBlock(pdf: Uint8Array, signerName: string): Promise<SigningBlock | undefined> {
  return findSigningBlock(await pdfTextLayer(pdf), signerName, await textMeasure(), BLOCK_SIZE)
}
