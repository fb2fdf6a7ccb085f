/**
 * The embedded OCR engine: tesseract.js (WebAssembly) with the `vie` and
 * `eng` models from @tesseract.js-data, fully offline. The two models live
 * in two packages; tesseract reads every language from one folder, so the
 * gzipped models are copied once into a folder of ours (under the OS
 * temporary directory, which Lambda also has). One worker is created per
 * process and reused for every page; pages queue on it.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { OcrLine } from '../../../shared/archives/metadata.js'
import { boxOf, type OcrWord } from '../../../shared/archives/boxes.js'
import { imageSize } from '../adapters/scans.js'
import { meanConfidence, type OcrEngine, type OcrPageResult } from './port.js'

const require = createRequire(import.meta.url)
const LANGS = ['vie', 'eng'] as const

export function modelFolder(): string {
  const dir = join(tmpdir(), 'digital-office-tessdata', '4.0.0_best_int')
  mkdirSync(dir, { recursive: true })
  for (const lang of LANGS) {
    const target = join(dir, `${lang}.traineddata.gz`)
    if (existsSync(target)) continue
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`))
    copyFileSync(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), target)
  }
  return dir
}

type Worker = Awaited<ReturnType<typeof import('tesseract.js')['createWorker']>>

interface Bbox { x0: number; y0: number; x1: number; y1: number }
interface TesseractBlock { paragraphs?: { lines?: { text: string; confidence: number; words?: { text: string; bbox: Bbox }[] }[] }[] }

/** Tesseract's words with their pixel boxes → words with boxes as fractions of the image. Exported for the unit test. */
export function wordsOfBlocks(blocks: readonly TesseractBlock[] | null | undefined, width: number, height: number): OcrWord[] {
  const out: OcrWord[] = []
  for (const b of blocks ?? []) for (const p of b.paragraphs ?? []) for (const l of p.lines ?? []) for (const w of l.words ?? []) {
    if (w.text.trim()) out.push({ text: w.text.trim(), box: boxOf(w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1, width, height) })
  }
  return out
}

/** Maps tesseract's blocks → lines (0..1 confidence), dropping empty lines. Exported for the unit test. */
export function linesOfBlocks(blocks: readonly TesseractBlock[] | null | undefined): OcrLine[] {
  const lines: OcrLine[] = []
  for (const b of blocks ?? []) for (const p of b.paragraphs ?? []) for (const l of p.lines ?? []) {
    // Runs of spaces stay: they separate the two header columns printed on one row.
    const text = l.text.replace(/[\t\r\n]+/g, ' ').trim()
    if (text) lines.push({ text, confidence: Math.round(l.confidence * 10) / 1000 })
  }
  return lines
}

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract.js'
  private worker?: Promise<Worker>
  private queue: Promise<unknown> = Promise.resolve()

  private async start(): Promise<Worker> {
    const { createWorker, OEM } = await import('tesseract.js')
    const w = await createWorker([...LANGS], OEM.LSTM_ONLY, { langPath: modelFolder(), cacheMethod: 'none', gzip: true })
    // Keep the spaces between the two header columns: the extraction splits them.
    await w.setParameters({ preserve_interword_spaces: '1' })
    return w
  }

  recognise(image: Uint8Array): Promise<OcrPageResult> {
    const run = this.queue.then(async () => {
      this.worker ??= this.start()
      const w = await this.worker
      const res = await w.recognize(Buffer.from(image), { pdfTitle: 'scan' }, { text: true, blocks: true, pdf: true })
      const lines = linesOfBlocks(res.data.blocks as TesseractBlock[] | null)
      const pdf = res.data.pdf ? Uint8Array.from(res.data.pdf) : undefined
      const size = imageSize(image)
      const words = size ? wordsOfBlocks(res.data.blocks as TesseractBlock[] | null, size.width, size.height) : []
      return { lines, words, confidence: meanConfidence(lines), engine: this.name, ...(pdf && lines.length ? { searchablePdf: pdf } : {}) }
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = undefined
    if (w) await (await w).terminate()
  }
}
