/**
 * Reading scans: what the bytes are (magic numbers), whether a PDF opens
 * (not encrypted, not corrupt, has pages), and one page as an image plus the
 * text layer a born-digital PDF already carries. PDFs are read and
 * rasterised with pdf.js (legacy build for Node) on @napi-rs/canvas; TIFF
 * (multi-page, as scanners write it) is decoded with UTIF. All ship in npm,
 * nothing is fetched at run time.
 */
import { createRequire } from 'node:module'
import zlib from 'node:zlib'
import { dirname, join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import UTIF from 'utif2'
import type { OcrLine } from '../../../shared/archives/metadata.js'
import type { OcrWord } from '../../../shared/archives/boxes.js'
import type { ScanKind } from '../../../shared/archives/contracts.js'

const require = createRequire(import.meta.url)
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
let pdfjs: Promise<PdfJs> | undefined
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))
const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/'

/** Rasterising resolution: 150 dpi reads body text well and keeps OCR time per page near a second or two. */
export const RENDER_DPI = 150

export function sniffScan(bytes: Uint8Array): ScanKind | 'unknown' {
  const b = bytes
  const head = Buffer.from(b.subarray(0, Math.min(1024, b.length))).toString('latin1')
  if (head.includes('%PDF-')) return 'pdf'
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png'
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length > 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) return 'tiff'
  return 'unknown'
}

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: 'encrypted' | 'corrupt' | 'empty' }

async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  const lib = await loadPdfJs()
  return lib.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, standardFontDataUrl, verbosity: 0 }).promise
}

/** Opens the PDF for real: an encrypted, unreadable or page-less file is refused before anything is written. */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  let doc: PdfDoc | undefined
  try {
    doc = await openPdf(bytes)
    if (doc.numPages < 1) return { ok: false, reason: 'empty' }
    await doc.getPage(1)
    return { ok: true, pages: doc.numPages }
  } catch (err) {
    const name = (err as Error)?.name ?? ''
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' }
    if (/no pages|page index/i.test(String((err as Error)?.message))) return { ok: false, reason: 'empty' }
    return { ok: false, reason: 'corrupt' }
  } finally {
    await doc?.destroy().catch(() => undefined)
  }
}

export interface PageRender { png: Uint8Array; textLayer: OcrLine[]; words: OcrWord[] }

/**
 * The pipeline reads the pages of a source in turn, and the workflow reads
 * up to two pages at once (possibly of two sources): the last few opened
 * PDFs stay open, more than the workflow's concurrency, so a PDF is never
 * closed under a page still being read.
 */
const KEEP_OPEN = 4
const openPdfs = new Map<string, Promise<PdfDoc>>()

function cachedPdf(cacheKey: string, bytes: () => Promise<Uint8Array>): Promise<PdfDoc> {
  let doc = openPdfs.get(cacheKey)
  if (doc) {
    openPdfs.delete(cacheKey)
    openPdfs.set(cacheKey, doc)
    return doc
  }
  doc = bytes().then(openPdf)
  doc.catch(() => openPdfs.delete(cacheKey))
  openPdfs.set(cacheKey, doc)
  while (openPdfs.size > KEEP_OPEN) {
    const [oldestKey, oldest] = openPdfs.entries().next().value as [string, Promise<PdfDoc>]
    openPdfs.delete(oldestKey)
    oldest.then((d) => d.destroy()).catch(() => undefined)
  }
  return doc
}

/** Page `index` (0-based) of a PDF as a PNG at RENDER_DPI, and its text layer as lines (empty for a scanned page). */
export async function renderPdfPage(cacheKey: string, bytes: () => Promise<Uint8Array>, index: number): Promise<PageRender> {
  return renderPage(await cachedPdf(cacheKey, bytes), index)
}

/** The first page of a PDF as a PNG at RENDER_DPI, the PDF closed afterwards (the upload's mark check; outside the pipeline's cache). */
export async function renderFirstPage(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await openPdf(bytes)
  try {
    return (await renderPage(doc, 0)).png
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}

async function renderPage(doc: PdfDoc, index: number): Promise<PageRender> {
  const page = await doc.getPage(index + 1)
  const text = await page.getTextContent()
  const viewport = page.getViewport({ scale: RENDER_DPI / 72 })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
  const [vx0, vy0, vx1, vy1] = page.view
  page.cleanup()
  return { png: canvas.toBuffer('image/png'), textLayer: textLines(text.items as TextItem[]), words: textWords(text.items as TextItem[], vx1 - vx0, vy1 - vy0) }
}

interface TextItem { str?: string; transform?: number[]; width?: number; height?: number }

/**
 * Text items → words with their boxes on the page (fractions, origin top
 * left; PDF space has its origin bottom left). An item holding several
 * words is cut in proportion to their characters.
 */
export function textWords(items: readonly TextItem[], pageWidth: number, pageHeight: number): OcrWord[] {
  const out: OcrWord[] = []
  const r = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 10000) / 10000
  for (const it of items) {
    if (!it.str?.trim() || !it.transform) continue
    const x = it.transform[4]
    const baseline = it.transform[5]
    const height = it.height || Math.abs(it.transform[3]) || 10
    const width = it.width ?? 0
    const chars = it.str.length
    let at = 0
    for (const part of it.str.split(/(\s+)/)) {
      if (part.trim()) {
        const x0 = x + (width * at) / chars
        const x1 = x + (width * (at + part.length)) / chars
        out.push({ text: part, box: [r(x0 / pageWidth), r(1 - (baseline + height) / pageHeight), r(x1 / pageWidth), r(1 - (baseline - height * 0.25) / pageHeight)] })
      }
      at += part.length
    }
  }
  return out
}

/** Width and height of a PNG or JPEG image (from its header), or undefined. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) { at++; continue }
      const marker = b[at + 1]
      const length = b.readUInt16BE(at + 2)
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) }
      at += 2 + length
    }
  }
  return undefined
}

/** Text items → lines, top to bottom, left to right; a wide gap between items on a row becomes a column gap (three spaces). */
export function textLines(items: readonly TextItem[]): OcrLine[] {
  const rows = new Map<number, { x: number; end: number; str: string }[]>()
  for (const it of items) {
    if (!it.str || !it.transform || !it.str.trim()) continue
    const y = Math.round(it.transform[5] / 3) * 3
    const row = rows.get(y) ?? []
    row.push({ x: it.transform[4], end: it.transform[4] + (it.width ?? 0), str: it.str })
    rows.set(y, row)
  }
  return [...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, row]) => {
    row.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    for (const r of row) { text += text ? (r.x - end > 40 ? '   ' : r.x - end > 1 ? ' ' : '') + r.str : r.str; end = r.end }
    return { text: text.trim(), confidence: 1 }
  }).filter((l) => l.text)
}

/** A text layer worth trusting: born-digital pages carry words; a scanner's PDF carries none (or a few stray marks). */
export const hasTextLayer = (lines: readonly OcrLine[]): boolean => lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0) >= 40

type Ifd = ReturnType<typeof UTIF.decode>[number]
const imagePages = (ifds: Ifd[]): Ifd[] => ifds.filter((i) => i.t256 !== undefined && i.t257 !== undefined)

/** The pages of a TIFF, or undefined when it cannot be decoded. */
export function tiffPageCount(bytes: Uint8Array): number | undefined {
  try {
    return imagePages(UTIF.decode(toArrayBuffer(bytes))).length
  } catch {
    return undefined
  }
}

/** Page `index` (0-based) of a TIFF as a PNG (browsers and OCR read PNG; few read TIFF). */
export function renderTiffPage(bytes: Uint8Array, index: number): Uint8Array {
  const buffer = toArrayBuffer(bytes)
  const page = imagePages(UTIF.decode(buffer))[index]
  if (!page) throw new Error(`TIFF page ${index + 1} not found`)
  UTIF.decodeImage(buffer, page)
  const rgba = UTIF.toRGBA8(page)
  const width = Number(page.width)
  const height = Number(page.height)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const image = ctx.createImageData(width, height)
  image.data.set(rgba.subarray(0, width * height * 4))
  ctx.putImageData(image, 0, 0)
  return canvas.toBuffer('image/png')
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer

/**
 * Is this PNG or JPEG whole? Checked in plain JavaScript before any native
 * or WebAssembly decoder sees the bytes: a damaged image can bring a native
 * decoder down with the whole process (libpng aborts on some broken chunks).
 * PNG: every chunk inside the file with a correct CRC, IHDR first with a
 * sane size, the image data inflating cleanly, IEND last. JPEG: the segments
 * chain from SOI to a frame header with a size and on to the scan, and the
 * file ends with EOI.
 */
export function imageIsWhole(bytes: Uint8Array, kind: 'png' | 'jpeg'): boolean {
  try {
    return kind === 'png' ? pngIsWhole(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) : jpegIsWhole(bytes)
  } catch {
    return false
  }
}

function pngIsWhole(b: Buffer): boolean {
  let at = 8
  let first = true
  const idat: Buffer[] = []
  while (at + 12 <= b.length) {
    const len = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    if (at + 12 + len > b.length) return false
    if (zlib.crc32(b.subarray(at + 4, at + 8 + len)) !== b.readUInt32BE(at + 8 + len)) return false
    if (first) {
      if (type !== 'IHDR' || len !== 13) return false
      const w = b.readUInt32BE(at + 8)
      const h = b.readUInt32BE(at + 12)
      if (w < 1 || h < 1 || w > 30000 || h > 30000) return false
      first = false
    }
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + len))
    if (type === 'IEND') {
      if (idat.length === 0) return false
      zlib.inflateSync(Buffer.concat(idat))
      return true
    }
    at += 12 + len
  }
  return false
}

function jpegIsWhole(b: Uint8Array): boolean {
  if (b[0] !== 0xff || b[1] !== 0xd8) return false
  let at = 2
  let frame = false
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return false
    const marker = b[at + 1]
    if (marker === 0xff) { at++; continue }
    const len = (b[at + 2] << 8) | b[at + 3]
    if (len < 2 || at + 2 + len > b.length) return false
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const h = (b[at + 5] << 8) | b[at + 6]
      const w = (b[at + 7] << 8) | b[at + 8]
      if (w < 1 || h < 1) return false
      frame = true
    }
    if (marker === 0xda) {
      // Entropy-coded data follows; the image ends with EOI.
      let end = b.length
      while (end > at && b[end - 1] === 0) end--
      return frame && b[end - 2] === 0xff && b[end - 1] === 0xd9
    }
    at += 2 + len
  }
  return false
}
