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

/** Text of each page of a PDF (or of its first `maxPages`); lines as pdf.js marks their ends. */
export async function pdfPages(bytes: Uint8Array, maxPages = Infinity): Promise<string[]> {
  allowLoadWithoutCanvas()
  // The worker's code runs in-process (Lambda has no workers to spare); importing it statically also lets the bundler include it.
  const [{ getDocument }, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')])
  const g = globalThis as { pdfjsWorker?: unknown }
  g.pdfjsWorker ??= worker
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let i = 1; i <= Math.min(doc.numPages, maxPages); i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('').replace(/[ \t]+\n/g, '\n'))
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** The text of a DOCX as one page (Word has no fixed pages), one paragraph a line. */
export async function docxPages(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
  return [value.replace(/\n{2,}/g, '\n')]
}
