/**
 * The confidentiality mark a document carries on its own face (DOMAIN.md §2,
 * guide 36-HD/VPTW): "MẬT", "TỐI MẬT" or "TUYỆT MẬT" stamped in capitals
 * under the number, alone on its line or standing apart at the end of the
 * number's row, sometimes framed ("- MẬT -") or letter-spaced ("M Ậ T").
 * Body text is not a mark: "bí mật", "BẢO VỆ BÍ MẬT NHÀ NƯỚC", "Mật mã".
 * Pure: the documents' upload gate reads it from the first page's text, the
 * digitisation pipeline from the OCR of each scan.
 */
import { fold } from '../text/fold.js'
import type { Confidentiality } from './confidentiality.js'

/** Most severe first, so that "TỐI MẬT" is not read as "MẬT". */
const MARKS: readonly { words: readonly string[]; mark: Exclude<Confidentiality, 'none'> }[] = [
  { words: ['tuyet', 'mat'], mark: 'tuyet-mat' },
  { words: ['toi', 'mat'], mark: 'toi-mat' },
  { words: ['mat'], mark: 'mat' },
]
/** A mark shares its row with at most the number ("Số: 12-CV/TU  MẬT"): a few words before it. */
const MAX_WORDS_BEFORE = 3

/** Letters only, folded, letter-spaced runs joined: "— M Ậ T —" → ["mat"]. */
function words(text: string): string[] {
  const tokens = fold(text).replace(/[^a-z ]+/g, ' ').trim().split(/\s+/).filter(Boolean)
  const out: string[] = []
  let run = ''
  for (const t of tokens) {
    if (t.length === 1) { run += t; continue }
    if (run) { out.push(run); run = '' }
    out.push(t)
  }
  if (run) out.push(run)
  return out
}

/** What may share the row before a stamp: the number ("Số 12-CV/TU"), an urgency stamp ("KHẨN"), or the label "Độ mật:". */
const URGENCY_WORDS = new Set(['khan', 'thuong', 'hoa', 'toc'])
const mayPrecede = (before: readonly string[]): boolean =>
  before[0] === 'so' || before.every((x) => URGENCY_WORDS.has(x)) || (before.length === 2 && before[0] === 'do' && before[1] === 'mat')

const isCapitals = (text: string): boolean => {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length > 0 && letters === letters.toUpperCase()
}

/** The mark a line carries, if it is a mark and not words that contain "mật". */
export function markOfLine(text: string): Exclude<Confidentiality, 'none'> | null {
  // The mark stands at the end of its line; what comes before it on the row (the number) is not in capitals everywhere.
  const w = words(text)
  for (const m of MARKS) {
    const n = m.words.length
    if (w.length < n || w.length > n + MAX_WORDS_BEFORE) continue
    if (!m.words.every((x, i) => w[w.length - n + i] === x)) continue
    const before = w.slice(0, w.length - n)
    // "bí mật", "tối mật" inside a phrase ("... BÍ MẬT"), or a longer phrase: not a stamp.
    if (before.includes('bi')) continue
    if (before.length > 0 && !mayPrecede(before)) continue
    // The stamp itself is in capitals: the letters of its own words.
    const tail = text.trim().split(/\s+/).slice(-Math.max(n, 1)).join(' ')
    if (!isCapitals(tail.length >= 2 ? tail : text)) continue
    return m.mark
  }
  return null
}

/** The most severe mark among the lines (the top of a first page), or 'none'. */
export function confidentialityMarkOf(lines: readonly string[]): Confidentiality {
  let found: Confidentiality = 'none'
  const rank: Record<Confidentiality, number> = { none: 0, mat: 1, 'toi-mat': 2, 'tuyet-mat': 3 }
  for (const line of lines) {
    const m = markOfLine(line)
    if (m && rank[m] > rank[found]) found = m
  }
  return found
}

/** The lines where a mark may stand: the top of the first page (the header block, the number, the stamp under it). */
export const MARK_ZONE_LINES = 25
