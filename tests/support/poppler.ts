/**
 * Reading a PDF the platform produced back with poppler, as a person's
 * viewer would: its text (pdftotext, with word boxes) and its signatures
 * (pdfsig, trusting the platform's development CA).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'

let work: string | undefined
const dir = () => (work ??= mkdtempSync(join(tmpdir(), 'poppler-')))
const saved = (pdf: Uint8Array | ArrayBuffer) => { const file = join(dir(), `p-${Math.random().toString(36).slice(2)}.pdf`); writeFileSync(file, new Uint8Array(pdf)); return file }

/** pdfsig's report per signature. */
export function pdfsig(pdf: Uint8Array | ArrayBuffer): string[] {
  const db = join(dir(), 'nss')
  if (!existsSync(db)) {
    mkdirSync(db, { recursive: true })
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'])
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'digital-office-dev-ca', '-t', 'CT,C,C', '-i', join(inject('dataDir'), 'signing', 'ca-cert.pem')])
  }
  return spawnSync('pdfsig', ['-nssdir', `sql:${db}`, saved(pdf)], { encoding: 'utf8' }).stdout.split(/^Signature #\d+:$/m).slice(1)
}

/** The whole text, in reading order. */
export const pdfText = (pdf: Uint8Array): string => execFileSync('pdftotext', ['-layout', saved(pdf), '-'], { encoding: 'utf8' })

export interface PdfWord { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }
/** Every word with its box (pdftotext -bbox), pages numbered from 1. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', saved(pdf), '-'], { encoding: 'utf8' })
  const out: PdfWord[] = []
  let page = 0
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line)
    if (m) out.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') })
  }
  return out
}

/** Pairs of words on the same page whose boxes overlap (more than a hair). */
export function overlappingWords(words: readonly PdfWord[]): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = []
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) {
    const a = words[i], b = words[j]
    if (a.page !== b.page) continue
    const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
    const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin)
    if (w > 0.5 && h > 0.5) out.push([a, b])
  }
  return out
}

/**
 * The /Reason of each signature, in signing order. pdfsig 22.12 (the one on
 * this machine) does not print it, so the signature dictionaries are read
 * with pdf-lib; pdfsig still says whether each signature is valid.
 */
export async function signatureReasons(pdf: Uint8Array): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName, PDFHexString, PDFString } = await import('pdf-lib')
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const out: string[] = []
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue
    const v = obj.lookup(PDFName.of('V'))
    const reason = v instanceof PDFDict ? v.lookup(PDFName.of('Reason')) : undefined
    if (reason instanceof PDFHexString || reason instanceof PDFString) out.push(reason.decodeText())
  }
  return out
}
