/**
 * Archives bench: OCR accuracy and speed on the generated corpus of
 * Vietnamese Party documents, per quality (clean, 200 dpi, skewed, noisy):
 * character and word error rates of the page text against the ground
 * truth, field-level accuracy of the metadata extraction, and pages per
 * minute on this machine (tesseract.js, one worker). Measures, never asserts.
 * `BENCH_OCR_DOCS` sets the documents per quality (default 4).
 */
import { TesseractEngine } from '../../functions/archives/ocr/tesseract.js'
import { extractMetadata, FIELD_NAMES, type FieldName } from '../../shared/archives/metadata.js'
import { corpusDocument, groundTruth, QUALITIES, renderPage, type Quality } from '../support/corpus/generator.js'

export interface QualityResult { quality: Quality; pages: number; cer: number; wer: number; fieldAccuracy: number; perField: Record<FieldName, number>; pagesPerMinute: number; meanConfidence: number }

/** Edit distance between two sequences (characters or words). */
export function levenshtein<T>(a: readonly T[], b: readonly T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}

const normalise = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
export const cer = (ref: string, hyp: string) => levenshtein([...normalise(ref)], [...normalise(hyp)]) / Math.max(1, [...normalise(ref)].length)
export const wer = (ref: string, hyp: string) => levenshtein(normalise(ref).split(' '), normalise(hyp).split(' ')) / Math.max(1, normalise(ref).split(' ').length)
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d

export async function archivesBench(docsPerQuality = Number(process.env.BENCH_OCR_DOCS ?? 4)): Promise<QualityResult[]> {
  const engine = new TesseractEngine()
  const results: QualityResult[] = []
  try {
    // The worker's start (model load) is not part of the per-page figure.
    await engine.recognise(renderPage(corpusDocument(99), 'clean'))
    for (const quality of QUALITIES) {
      let c = 0, w = 0, conf = 0, ms = 0
      const hits = Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<FieldName, number>
      for (let n = 0; n < docsPerQuality; n++) {
        const doc = corpusDocument(n, n % 4 === 3 ? 'mat' : 'none')
        const truth = groundTruth(doc)
        const png = renderPage(doc, quality, n + 1)
        const t0 = performance.now()
        const res = await engine.recognise(png)
        ms += performance.now() - t0
        const text = res.lines.map((l) => l.text).join('\n')
        c += cer(truth.text, text)
        w += wer(truth.text, text)
        conf += res.confidence
        const { fields } = extractMetadata(res.lines)
        for (const f of FIELD_NAMES) if (normalise(fields[f].value ?? '') === normalise(String(truth.fields[f] ?? ''))) hits[f]++
      }
      const perField = Object.fromEntries(FIELD_NAMES.map((f) => [f, round(hits[f] / docsPerQuality)])) as Record<FieldName, number>
      results.push({
        quality, pages: docsPerQuality, cer: round(c / docsPerQuality), wer: round(w / docsPerQuality),
        fieldAccuracy: round(FIELD_NAMES.reduce((s, f) => s + hits[f], 0) / (docsPerQuality * FIELD_NAMES.length)), perField,
        pagesPerMinute: round(docsPerQuality / (ms / 60_000), 1), meanConfidence: round(conf / docsPerQuality),
      })
    }
  } finally {
    await engine.close()
  }
  return results
}

export function archivesMarkdown(rows: QualityResult[]): string[] {
  return [
    '## Archives: OCR on the generated corpus (tesseract.js, vie+eng)', '',
    `| quality | pages | CER | WER | field accuracy | ${FIELD_NAMES.join(' | ')} | pages/min |`,
    `|---|---|---|---|---|${FIELD_NAMES.map(() => '---').join('|')}|---|`,
    ...rows.map((r) => `| ${r.quality} | ${r.pages} | ${r.cer} | ${r.wer} | ${r.fieldAccuracy} | ${FIELD_NAMES.map((f) => r.perField[f]).join(' | ')} | ${r.pagesPerMinute} |`), '',
  ]
}

// Run on its own: `npx tsx tests/bench/archives.ts`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const rows = await archivesBench()
  console.table(rows.map((r) => ({ quality: r.quality, pages: r.pages, CER: r.cer, WER: r.wer, 'field acc.': r.fieldAccuracy, 'pages/min': r.pagesPerMinute, confidence: r.meanConfidence })))
  console.log(archivesMarkdown(rows).join('\n'))
}
