/**
 * Text out of files: the pages of a PDF's text layer (pdf.js, the legacy
 * build that runs in Node) and the paragraphs of a DOCX (mammoth). Scans
 * without a text layer give no text here: OCR is the digitisation module's.
 */
import mammoth from 'mammoth'

/**
 * pdf.js builds one DOMMatrix when it loads, for drawing. Text extraction
 * never draws, and Lambda has no native canvas package to provide it, so a
 * stand-in that only exists lets the library load there.
 */
function allowLoadWithoutCanvas(): void {
  const g = globalThis as { DOMMatrix?: unknown }
  g.DOMMatrix ??= class DOMMatrixStandIn {}
}

type PdfJsDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs')['getDocument']>['promise']>

/** Opens a PDF with pdf.js, runs `read` on it and closes it. */
async function withPdf<T>(bytes: Uint8Array, read: (doc: PdfJsDocument) => Promise<T>): Promise<T> {
  allowLoadWithoutCanvas()
  // The worker's code runs in-process (Lambda has no workers to spare); importing it statically also lets the bundler include it.
  const [{ getDocument }, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')])
  const g = globalThis as { pdfjsWorker?: unknown }
  g.pdfjsWorker ??= worker
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    return await read(doc)
  } finally {
    await doc.destroy()
  }
}

/** Text of each page of a PDF (or of its first `maxPages`); lines as pdf.js marks their ends. */
export async function pdfPages(bytes: Uint8Array, maxPages = Infinity): Promise<string[]> {
  return withPdf(bytes, async (doc) => {
    const pages: string[] = []
    for (let i = 1; i <= Math.min(doc.numPages, maxPages); i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('').replace(/[ \t]+\n/g, '\n'))
      page.cleanup()
    }
    return pages
  })
}

/** One run of text as pdf.js reads it, in PDF points from the page's bottom left (upright text only). */
export interface PdfTextRun { text: string; x: number; baseline: number; width: number; size: number }
export interface PdfTextPage { width: number; height: number; runs: PdfTextRun[] }

/**
 * The text layer of each page with positions: what a layout must stay clear
 * of. pdf.js ends a run where the glyphs jump (several spaces, a tab), so a
 * blank left in a line ("Số      -KH/ĐU") separates two runs.
 */
export async function pdfTextLayer(bytes: Uint8Array): Promise<PdfTextPage[]> {
  return withPdf(bytes, async (doc) => {
    const pages: PdfTextPage[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      const [x0, y0, x1, y1] = page.view
      const runs: PdfTextRun[] = []
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue
        const [a, b, , d, e, f] = it.transform as number[]
        if (Math.abs(b) > 1e-3 || a <= 0) continue
        runs.push({ text: it.str, x: e - x0, baseline: f - y0, width: it.width, size: Math.abs(d) || it.height })
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs })
      page.cleanup()
    }
    return pages
  })
}

/** The text of a DOCX as one page (Word has no fixed pages), one paragraph a line. */
export async function docxPages(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return [value.replace(/\n{2,}/g, '\n')]
}
