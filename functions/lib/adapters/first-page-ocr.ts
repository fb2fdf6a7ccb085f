/**
 * The first page of a scanned PDF read as text, for the confidentiality
 * mark check at upload (issue 12): a scan has no text layer, so without OCR
 * a page stamped "MẬT" reads as nothing and passes. Only the mark matters
 * here, and the mark is in capitals on its own line, so no layout is needed.
 *
 * Embedded (`MARK_OCR=local`, the default): the page rendered with pdf.js on
 * @napi-rs/canvas and read by the archives' tesseract.js engine (models
 * shipped in npm, offline). On AWS (`MARK_OCR=textract`): the first page cut
 * into a one-page PDF (pdf-lib) and sent to Textract `DetectDocumentText`,
 * which takes a one-page PDF as it is; Textract reads the stamp's Latin
 * letters ("MAT", "MÂT"), and the mark check folds diacritics anyway.
 */
import { DetectDocumentTextCommand, TextractClient, type Block } from '@aws-sdk/client-textract'
import { PDFDocument } from 'pdf-lib'
import { envNow } from '../env.js'

export interface FirstPageOcr {
  /** The lines read on the first page, top to bottom. */
  lines(pdf: Uint8Array): Promise<string[]>
}

/** Textract's LINE blocks, top to bottom (exported for the mapping test). */
export function textractLinesOf(blocks: readonly Block[] | undefined): string[] {
  return (blocks ?? []).filter((b) => b.BlockType === 'LINE' && b.Text)
    .sort((a, b) => (a.Geometry?.BoundingBox?.Top ?? 0) - (b.Geometry?.BoundingBox?.Top ?? 0))
    .map((b) => b.Text!)
}

/** The first page of a PDF alone, as a one-page PDF (Textract's synchronous calls take one page). */
export async function firstPageOnly(pdf: Uint8Array): Promise<Uint8Array> {
  const src = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false })
  if (src.getPageCount() === 1) return pdf
  const out = await PDFDocument.create()
  const [page] = await out.copyPages(src, [0])
  out.addPage(page)
  return out.save()
}

type TextractSend = Pick<TextractClient, 'send'>

export class TextractFirstPageOcr implements FirstPageOcr {
  constructor(private readonly client: TextractSend = new TextractClient({})) {}
  async lines(pdf: Uint8Array): Promise<string[]> {
    const res = await this.client.send(new DetectDocumentTextCommand({ Document: { Bytes: await firstPageOnly(pdf) } }))
    return textractLinesOf(res.Blocks)
  }
}

/** The embedded reader: render page 1, OCR it with the same tesseract.js worker the archives use. */
export class LocalFirstPageOcr implements FirstPageOcr {
  async lines(pdf: Uint8Array): Promise<string[]> {
    // Loaded lazily and through a variable specifier: the native canvas and the wasm engine stay out of the Lambda bundles.
    const scansPath = '../../archives/adapters/scans.js'
    const ocrPath = '../../archives/ocr/index.js'
    const [{ renderFirstPage }, { ocrEngine }] = await Promise.all([
      import(scansPath) as Promise<typeof import('../../archives/adapters/scans.js')>,
      import(ocrPath) as Promise<typeof import('../../archives/ocr/index.js')>,
    ])
    const png = await renderFirstPage(pdf)
    const read = await (await ocrEngine()).recognise(png, { mediaType: 'image/png' })
    return read.lines.map((l) => l.text)
  }
}

let reader: FirstPageOcr | undefined
/** The reader of this process, chosen by `MARK_OCR`. */
export function firstPageOcr(): FirstPageOcr {
  reader ??= envNow().MARK_OCR === 'textract' ? new TextractFirstPageOcr() : new LocalFirstPageOcr()
  return reader
}
