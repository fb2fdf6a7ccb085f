/**
 * The deterministic answer engine: ranks the passages retrieval returned
 * (BM25 over the candidates, a named symbol first, the documents of the
 * conversation so far a little higher, vector similarity fused in when
 * there is one) and builds an extractive answer from the best sentences,
 * each with its citation. When the passages do not cover the question it
 * says so instead of guessing. Text inside documents is data: a sentence
 * that tries to instruct a model is never quoted.
 */
import { fold } from '../text/fold.js'
import { GLOSSARY } from './glossary.js'
import { typeName } from '../documents/types.js'
import type { PassageLocation } from './passages.js'
import { datesIn, looksLikeInjection, sentences, symbolsIn, terms, words } from './text.js'

export type Lang = 'vi' | 'en'

/** A passage retrieval returned (already limited to what the user may read). */
export interface Candidate {
  documentId: string
  symbol?: string
  symbolKey?: string
  type: string
  /** The document's summary (trích yếu). */
  title: string
  documentDate?: string
  ordinal: number
  location: PassageLocation
  text: string
  /** Cosine similarity of the passage's vector to the question's (hybrid retrieval). */
  vectorScore?: number
}
export interface RankedPassage extends Candidate { score: number }

export interface Citation {
  /** 1-based marker used in the answer text: "[1]". */
  n: number
  documentId: string
  symbol?: string
  title: string
  location: PassageLocation
  ordinal: number
  /** The sentence(s) quoted. */
  quote: string
}

export interface Answer {
  answered: boolean
  text: string
  citations: Citation[]
  /** Why there is no answer: nothing readable matched, or the matches do not cover the question. */
  reason?: 'no-match' | 'not-covered'
}

export interface Turn { question: string; citedDocumentIds: string[] }

/** Vietnamese when the question has Vietnamese letters or words, else English. */
export function detectLang(text: string): Lang {
  if (/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu.test(text)) return 'vi'
  const w = words(text)
  const vi = w.filter((x) => ['la', 'gi', 'nao', 'cua', 'nhung', 'khong', 'duoc', 'van', 'ban', 'ngay', 'thang', 'nam'].includes(x)).length
  return vi >= 2 ? 'vi' : 'en'
}

const PRONOUN_FOLLOW_UP = /\b(no|van ban (do|nay|tren)|chi thi (do|nay)|nghi quyet (do|nay)|it|that|this|those|they|them|its)\b/

/**
 * What to search for: the question's terms, English terms' Vietnamese
 * equivalents, and for a follow-up ("còn thời hạn của nó?") the previous
 * question's terms.
 */
export function queryTerms(question: string, history: readonly Turn[] = []): { terms: string[]; followUp: boolean } {
  const own = terms(question)
  const expanded = own.flatMap((t) => [t, ...(GLOSSARY[t] ?? [])])
  const last = history.at(-1)
  const followUp = !!last && (own.length <= 3 || PRONOUN_FOLLOW_UP.test(fold(question))) && symbolsIn(question).length === 0
  const extra = followUp && last ? terms(last.question).flatMap((t) => [t, ...(GLOSSARY[t] ?? [])]) : []
  return { terms: [...new Set([...expanded, ...extra])], followUp }
}

/** Words that say what kind of answer is wanted, not what it is about: they rank but are not required. */
export const INTENT: ReadonlySet<string> = new Set(['ngay', 'thang', 'nam', 'bao', 'gio', 'khi', 'han', 'thoi', 'phan', 'tram', 'percent', 'share', 'many', 'much', 'when', 'date', 'day', 'deadline', 'ban', 'hanh', 'issued', 'issue', 'dated', 'year', 'month'])
const DATE_QUESTION = /\b(ngay nao|khi nao|bao gio|luc nao|ngay bao nhieu|thoi han|han chot|truoc ngay|when|what date|which date|deadline|by (january|february|march|april|may|june|july|august|september|october|november|december|\d))/

const K1 = 1.2, B = 0.75

function tf(text: string): Map<string, number> {
  const m = new Map<string, number>()
  for (const w of words(text)) m.set(w, (m.get(w) ?? 0) + 1)
  return m
}

export interface RankOptions { boostDocumentIds?: readonly string[] }

/** Ranks candidates for a question; the IDF comes from the candidates (all readable by the user). */
export function rankPassages(queryTermList: readonly string[], questionText: string, candidates: readonly Candidate[], opts: RankOptions = {}): RankedPassage[] {
  if (candidates.length === 0) return []
  const docs = candidates.map((c) => ({ c, tf: tf(`${c.text} ${c.location.label} ${c.location.heading ?? ''}`), len: words(c.text).length || 1 }))
  const avg = docs.reduce((s, d) => s + d.len, 0) / docs.length
  const idf = idfOf(queryTermList, docs.map((d) => d.tf))
  const named = new Set(symbolsIn(questionText).map((s) => s.key))
  const boost = new Set(opts.boostDocumentIds ?? [])
  const lexical = docs.map(({ c, tf: f, len }) => {
    let s = 0
    for (const t of queryTermList) {
      const n = f.get(t) ?? 0
      if (n) s += idf.get(t)! * ((n * (K1 + 1)) / (n + K1 * (1 - B + (B * len) / avg)))
    }
    if (c.symbolKey && named.has(c.symbolKey)) s += 6
    if (boost.has(c.documentId)) s += 1.5
    return s
  })
  // Hybrid retrieval: reciprocal rank fusion of the lexical rank (BM25, with the symbol and follow-up boosts) and the
  // vector rank; a document named by its symbol stays first. Lexical only when there is no vector.
  const withVector = candidates.some((c) => c.vectorScore !== undefined)
  const order = (scores: readonly (number | undefined)[]) => {
    const r = new Array<number | undefined>(scores.length)
    scores.map((s, i) => [s, i] as const).filter(([s]) => s !== undefined).sort((a, b) => b[0]! - a[0]! || a[1] - b[1]).forEach(([, i], k) => { r[i] = k + 1 })
    return r
  }
  const lexRank = order(lexical.map((s) => (s > 0 ? s : undefined)))
  const vecRank = withVector ? order(candidates.map((c) => c.vectorScore)) : []
  const fused = (i: number) => (lexRank[i] ? 1 / (RRF_K + lexRank[i]!) : 0) + (vecRank[i] ? 1 / (RRF_K + vecRank[i]!) : 0)
    + (candidates[i].symbolKey && named.has(candidates[i].symbolKey!) ? 1 : 0)
  return candidates
    .map((c, i) => ({ ...c, score: withVector ? fused(i) : lexical[i] }))
    .sort((a, b) => b.score - a.score || a.documentId.localeCompare(b.documentId) || a.ordinal - b.ordinal)
}

/** The constant of reciprocal rank fusion (Cormack et al.): 1/(k + rank) per list. */
export const RRF_K = 60

function idfOf(termList: readonly string[], tfs: readonly Map<string, number>[]): Map<string, number> {
  const n = tfs.length
  return new Map(termList.map((t) => {
    const df = tfs.filter((f) => f.has(t)).length
    return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))]
  }))
}

const MESSAGES: Record<Lang, { none: string; notCovered: string }> = {
  vi: {
    none: 'Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản bạn được phép xem.',
    notCovered: 'Các văn bản bạn được phép xem không chứa câu trả lời cho câu hỏi này; tôi không suy đoán.',
  },
  en: {
    none: 'No document you may read answers this question.',
    notCovered: 'The documents you may read do not contain the answer to this question, so I will not guess.',
  },
}

/** Share of the question's subject terms (IDF-weighted) a passage must hold to be an answer. */
export const COVERAGE = 0.6

/**
 * The extractive answer: the best sentence of the best passages, quoted with
 * their citations; a refusal when the question is not covered.
 */
export function composeAnswer(question: string, queryTermList: readonly string[], ranked: readonly RankedPassage[], lang: Lang = detectLang(question), maxCitations = 2): Answer {
  if (ranked.length === 0) return { answered: false, text: MESSAGES[lang].none, citations: [], reason: 'no-match' }
  const named = symbolsIn(question)
  const subject = [...new Set(terms(question))].filter((t) => !INTENT.has(t))
  const tfs = ranked.map((r) => tf(`${r.text} ${r.title} ${r.symbol ?? ''} ${typeName(r.type, 'vi')} ${typeName(r.type, 'en')} ${r.location.label} ${r.location.heading ?? ''}`))
  const idf = idfOf(subject, tfs)
  const weight = (t: string) => idf.get(t) ?? 1
  // A term counts as covered through its English→Vietnamese equivalents too.
  const present = (t: string, f: Map<string, number>) => f.has(t) || (GLOSSARY[t]?.length ? GLOSSARY[t].every((g) => f.has(g)) : false)
  const total = subject.reduce((s, t) => s + weight(t), 0)
  const coverage = (i: number) => (total === 0 ? 0 : subject.filter((t) => present(t, tfs[i])).reduce((s, t) => s + weight(t), 0) / total)
  const top = ranked.slice(0, 5)
  const best = top.map((_, i) => i).sort((a, b) => coverage(b) - coverage(a) || ranked[b].score - ranked[a].score)[0]
  const namedMissing = named.length > 0 && !top.some((r) => named.some((n) => n.key === r.symbolKey || symbolsIn(r.text).some((m) => m.key === n.key)))
  if (namedMissing || coverage(best) < COVERAGE || ranked[best].score <= 0) {
    return { answered: false, text: MESSAGES[lang].notCovered, citations: [], reason: namedMissing ? 'no-match' : 'not-covered' }
  }
  const wantsDate = DATE_QUESTION.test(fold(question))
  const qset = new Set(queryTermList)
  const scored: { passage: RankedPassage; sentence: string; score: number }[] = []
  top.forEach((p, i) => {
    if (coverage(i) < COVERAGE / 2) return
    for (const s of sentences(p.text)) {
      if (looksLikeInjection(s)) continue
      const sw = new Set(words(s))
      let score = 0
      for (const t of qset) if (sw.has(t)) score += idf.get(t) ?? 0.5
      if (wantsDate && datesIn(s).length) score += 2
      if (wantsDate && /\b(ngay|thang)\s+\d/.test(fold(s))) score += 1
      score += p.score / (ranked[0].score || 1)
      scored.push({ passage: p, sentence: s, score })
    }
  })
  scored.sort((a, b) => b.score - a.score)
  const chosen: typeof scored = []
  for (const s of scored) {
    if (chosen.length >= maxCitations) break
    if (chosen.some((c) => c.sentence === s.sentence)) continue
    if (chosen.length && s.score < chosen[0].score * 0.75) break
    chosen.push(s)
  }
  if (chosen.length === 0) return { answered: false, text: MESSAGES[lang].notCovered, citations: [], reason: 'not-covered' }
  const citations: Citation[] = []
  const parts = chosen.map(({ passage, sentence }) => {
    let c = citations.find((x) => x.documentId === passage.documentId && x.ordinal === passage.ordinal)
    if (!c) {
      c = { n: citations.length + 1, documentId: passage.documentId, symbol: passage.symbol, title: passage.title, location: passage.location, ordinal: passage.ordinal, quote: sentence }
      citations.push(c)
    } else c.quote = `${c.quote} ${sentence}`
    return `${sentence} [${c.n}]`
  })
  return { answered: true, text: parts.join(' '), citations }
}
