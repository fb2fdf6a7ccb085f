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
import { looksLikeInjection, redactSecrets, secretsIn, sentences, symbolsIn, terms, words } from './text.js'
import { PERSON_NAME, TYPED, englishTemplate, extractSpan, labelAnswers, periodsIn, questionType, vietnameseTemplate } from './spans.js'

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
  /** The issuing body's name (register entry): a question naming a unit finds its document. */
  issuer?: string
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

/**
 * Vietnamese when the question's own words are Vietnamese, else English. Document symbols ("46-KH/ĐU") and
 * capitalised names ("Hoàn Kiếm", "Ba Đình") do not make an English question Vietnamese.
 */
export function detectLang(text: string): Lang {
  let rest = text
  for (const m of symbolsIn(text)) rest = rest.split(m.text).join(' ')
  const VI_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu
  const tokens = rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const lowerVi = tokens.filter((t) => VI_LETTER.test(t) && /^\p{Ll}/u.test(t)).length
  const w = words(rest)
  const vi = w.filter((x) => ['la', 'gi', 'nao', 'cua', 'nhung', 'khong', 'duoc', 'van', 'ban', 'ngay', 'thang', 'nam', 'bao', 'nhieu', 'ai', 'khi', 'cac', 'theo', 'phai', 'trong', 'cho', 'tai', 'may'].includes(x)).length
  const en = w.filter((x) => ['the', 'what', 'which', 'who', 'when', 'where', 'how', 'is', 'are', 'was', 'were', 'of', 'to', 'by', 'in', 'does', 'did', 'must', 'many', 'much', 'under', 'for', 'with', 'and'].includes(x)).length
  if (lowerVi > 0 && lowerVi >= en) return 'vi'
  if (en > 0) return 'en'
  return lowerVi > 0 || vi >= 2 || tokens.some((t) => VI_LETTER.test(t)) ? 'vi' : 'en'
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
/** The same for a question whose answer is a typed span found in the passage (a date, an amount, a person …). */
export const TYPED_COVERAGE = 0.4
/** The same for a typed question no document is named for: its answer sentence (with its register entry) must hold most of what is asked, not only the kind of answer. */
export const UNFOCUSED_TYPED_COVERAGE = 0.6
/** The same inside the one document the question names (its symbol, its unit or period, or the previous turn's). */
export const FOCUSED_COVERAGE = 0.25

/** The asker's language: Vietnamese, English, or another one (answered with the quoted passage). */
export function askerLanguage(question: string): Lang | 'other' {
  const lang = detectLang(question)
  if (lang === 'vi') return 'vi'
  const w = words(question)
  const foreign = w.filter((x) => ['wann', 'wie', 'wer', 'wo', 'was', 'ist', 'der', 'die', 'das', 'und', 'laut', 'welche', 'welcher', 'hoch', 'findet', 'statt', 'des', 'quand', 'combien', 'qui', 'est', 'selon', 'quel', 'quelle', 'cuando', 'cuanto', 'quien', 'donde', 'segun'].includes(x)).length
  return foreign >= 2 ? 'other' : 'en'
}

/** "Văn bản đó", "kế hoạch này", "that meeting", "it": the question is about the previous turn's document. */
const POINTS_BACK = /\b((van ban|ke hoach|thong bao|bao cao|quyet dinh|chi thi|nghi quyet|huong dan|chuong trinh|hoi nghi|cuoc hop|buoi hop|tai lieu|to cong tac) (do|nay|tren|ay)|no|that (document|meeting|plan|notice|report|decision|conference|directive|group)|this (document|meeting|plan|notice|report|decision|conference|directive)|the same (document|meeting)|it|its|there)\b/

/** Words that name a document or a meeting (folded). */
const DOCUMENT_NOUN = /\b(ke hoach|thong bao|bao cao|quyet dinh|chi thi|nghi quyet|huong dan|chuong trinh|cong van|to trinh|hoi nghi|cuoc hop|phien hop|ky hop|plan|notice|report|decision|directive|resolution|guidance|guide|programme|program|meeting|conference|session)\b/

const docName = (c: Candidate, lang: Lang): string => c.symbol ? `${typeName(c.type, lang)} ${c.symbol}` : lang === 'vi' ? `văn bản “${c.title}”` : `the document “${c.title}”`

export interface ComposeOptions {
  /** The conversation so far: a follow-up answers from the previous turn's documents. */
  history?: readonly Turn[]
}

/** Localities a question names ("phường Ba Đình", "Ba Đình ward"), folded. */
export function localitiesIn(question: string): string[] {
  const out = new Set<string>()
  const name = '((?:\\p{Lu}\\p{Ll}*)(?:\\s\\p{Lu}\\p{Ll}*){0,2})'
  for (const m of question.matchAll(new RegExp(`\\b(?:phường|xã|quận|huyện|tỉnh|thị xã|thị trấn|thành phố)\\s+${name}`, 'gu'))) out.add(fold(m[1]!))
  for (const m of question.matchAll(new RegExp(`${name}\\s+(?:ward|commune|district|province|town)\\b`, 'gu'))) out.add(fold(m[1]!))
  return [...out]
}

/** Years a question names as its period ("năm 2026", "quý I/2026", "in 2024"), not inside a date. */
export function periodYearsIn(question: string): string[] {
  const f = fold(question)
  const out = new Set<string>()
  for (const m of f.matchAll(/\b(?:nam|in|of|year|\/)\s*((?:19|20)\d{2})\b/g)) if (!/\d\s*\/\s*$/.test(f.slice(0, m.index! + 1))) out.add(m[1]!)
  return [...out]
}

/**
 * Whether a passage can answer for what the question is about: a locality the question names is in its text or
 * register entry, and when its register entry names years, one of them is the year the question asks about.
 */
function documentSays(question: string): (p: Candidate) => boolean {
  const places = localitiesIn(question)
  const years = periodYearsIn(question)
  return (p) => {
    const ctx = fold(`${p.text} ${p.title} ${p.issuer ?? ''} ${p.location.heading ?? ''}`)
    if (places.some((x) => !ctx.includes(x))) return false
    const own = [...fold(p.title).matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0])
    return years.length === 0 || own.length === 0 || years.some((y) => own.includes(y))
  }
}

interface Choice { passage: RankedPassage; sentence: string; span?: string; score: number; coverage: number }

/**
 * The answer: the question's type (questionType) and the document it is
 * about (a named symbol; a unit, meeting or period that one document's
 * register entry names; the previous turn's document for a follow-up), then
 * the best sentence of that document holding an answer span of that type,
 * quoted with its citation, in a template of the asker's language. When
 * the document the question is about does not say, it says so rather than
 * answering from a neighbour; when nothing readable covers the question, a
 * refusal. Sentences addressing an assistant and secret-looking strings are
 * never quoted.
 */
export function composeAnswer(question: string, queryTermList: readonly string[], ranked: readonly RankedPassage[], lang: Lang = detectLang(question), maxCitations = 2, opts: ComposeOptions = {}): Answer {
  if (ranked.length === 0) return { answered: false, text: MESSAGES[lang].none, citations: [], reason: 'no-match' }
  const type = questionType(question)
  const asker = askerLanguage(question)
  const usable = ranked.filter((r) => !r.location.quarantined && r.location.kind !== 'masthead')
  const named = symbolsIn(question)
  const subject = [...new Set(terms(question))].filter((t) => !INTENT.has(t))
  const headerText = (r: Candidate) => `${r.title} ${r.symbol ?? ''} ${typeName(r.type, 'vi')} ${typeName(r.type, 'en')} ${r.issuer ?? ''}`
  const context = (r: RankedPassage) => `${r.text} ${headerText(r)} ${r.location.label} ${r.location.heading ?? ''}`
  const tfs = new Map(usable.map((r) => [r, tf(context(r))]))
  const idf = idfOf(subject, [...tfs.values()])
  const weight = (t: string) => idf.get(t) ?? 1
  const present = (t: string, f: Map<string, number>) => f.has(t) || (GLOSSARY[t]?.length ? GLOSSARY[t].every((g) => f.has(g)) : false)
  const total = subject.reduce((s, t) => s + weight(t), 0)
  const share = (f: Map<string, number>) => (total === 0 ? 0 : subject.filter((t) => present(t, f)).reduce((s, t) => s + weight(t), 0) / total)

  // Which document the question is about.
  const docs = [...new Map(usable.map((r) => [r.documentId, r])).values()]
  let focus: string[] | undefined
  let focusBy: 'symbol' | 'header' | 'history' | undefined
  if (named.length) {
    const own = docs.filter((d) => d.symbolKey && named.some((n) => n.key === d.symbolKey)).map((d) => d.documentId)
    const mentioning = usable.filter((r) => named.some((n) => symbolsIn(r.text).some((m) => m.key === n.key))).map((r) => r.documentId)
    if (own.length === 0 && mentioning.length === 0) return { answered: false, text: MESSAGES[lang].notCovered, citations: [], reason: 'no-match' }
    focus = own.length ? own : [...new Set(mentioning)]
    focusBy = 'symbol'
  }
  const previous = opts.history?.at(-1)?.citedDocumentIds ?? []
  const pointsBack = previous.length > 0 && POINTS_BACK.test(fold(question))
  if (!focus && pointsBack && docs.some((d) => d.documentId === previous[0])) { focus = [previous[0]!]; focusBy = 'history' }
  if (!focus && docs.length > 1) {
    // A unit, a meeting, a period the question names: the register entry (summary, type, issuer) of one document says it.
    const headerIdf = idfOf(subject, docs.map((d) => tf(headerText(d))))
    const qp = periodsIn(question)
    // Only the words some register entry has identify a document; the others are what is asked.
    const headerTfs = docs.map((d) => tf(headerText(d)))
    const identifying = subject.filter((t) => headerTfs.some((f) => present(t, f)))
    const hs = docs.map((d) => {
      const f = tf(headerText(d))
      const all = identifying.reduce((s, t) => s + (headerIdf.get(t) ?? 0), 0) || 1
      // A period the question names (quý I năm 2026, 6 tháng đầu năm 2025) must be the document's, not another of its kind.
      const hp = periodsIn(headerText(d))
      const period = qp.length === 0 ? 0 : qp.some((x) => hp.includes(x)) ? 0.3 : hp.some((x) => qp.some((y) => y.split(':')[0] === x.split(':')[0])) ? -0.5 : 0
      const matched = identifying.filter((t) => present(t, f))
      return { d, n: matched.length + (period > 0 ? 1 : 0), s: matched.reduce((s, t) => s + (headerIdf.get(t) ?? 0), 0) / all + period }
    }).sort((a, b) => b.s - a.s)
    // Only a question that names a document (its type, a meeting, a period, a unit) is held to one; topic words are not a name.
    const namesDocument = qp.length > 0 || DOCUMENT_NOUN.test(fold(question))
    if (namesDocument && hs[0]!.n >= 2 && hs[0]!.s >= 0.5 && hs[0]!.s - (hs[1]?.s ?? 0) >= 0.15) { focus = [hs[0]!.d.documentId]; focusBy = 'header' }
  }
  if (!focus && previous.length > 0 && queryTerms(question, opts.history ?? []).followUp && docs.some((d) => d.documentId === previous[0])) { focus = [previous[0]!]; focusBy = 'history' }

  const pool = focus ? usable.filter((r) => focus!.includes(r.documentId)) : usable.slice(0, 8)
  const typed = TYPED.has(type)
  const choices: Choice[] = []
  const qwords = new Set(words(question))
  const issuance = /\b(ban hanh|issued|issue|dated|ky ngay|ngay ky)\b/.test(fold(question))
  const signs = /\b(ky|signed|signer|sign|signs)\b/.test(fold(question))
  const says = documentSays(question)
  for (const p of pool) {
    if (p.location.kind === 'signature' && type !== 'person' && type !== 'unit') continue
    // A ward or a year the question names that this document is not about: it does not say (issue 14).
    if (!says(p)) continue
    // The register entry answers when a document was issued, by whom, what it is about; not what is inside it.
    if (p.location.kind === 'header' && typed && !issuance && !(type === 'person' && signs)) continue
    const coverage = share(tfs.get(p)!)
    const list = type === 'list'
    for (const sentence of list ? [p.text] : sentences(p.text)) {
      if (looksLikeInjection(sentence) || secretsIn(sentence).length) continue
      const span = typed ? extractSpan(type, sentence, question, p.text) : undefined
      if (typed && !span) continue
      // What the question already says is not its answer ("quý I năm 2026" asked about the meeting of quý I năm 2026).
      if (span && words(span).every((w) => qwords.has(w))) continue
      const sw = new Set(words(sentence))
      const overlap = total === 0 ? 0 : subject.filter((t) => sw.has(t) || (GLOSSARY[t]?.length ? GLOSSARY[t].every((g) => sw.has(g)) : false)).reduce((s, t) => s + weight(t), 0) / total
      const headerBonus = p.location.kind === 'header' && (type === 'date' || type === 'unit' || type === 'summary') && issuance ? 0.6 : 0
      const strong = (span && labelAnswers(type, sentence) ? 1 : 0) + (type === 'person' && span && /\(|^\p{Lu}\p{Ll}+ \p{Lu}/u.test(span) && PERSON_NAME.test(span) ? 0.8 : 0)
        + (type === 'person' && signs && p.location.kind === 'signature' ? 1 : 0)
      const score = 2 * overlap + coverage + 0.3 * (p.score / (ranked[0]!.score || 1)) + headerBonus + strong + (type === 'summary' && p.location.kind === 'header' ? 1 : 0)
      choices.push({ passage: p, sentence, span, score, coverage })
    }
  }
  choices.sort((a, b) => b.score - a.score)
  // Another language's words match nothing: inside the document it names, a typed span is enough.
  const threshold = focus && typed && asker === 'other' ? 0 : focus && typed ? FOCUSED_COVERAGE : typed ? UNFOCUSED_TYPED_COVERAGE : focus ? TYPED_COVERAGE : COVERAGE
  // Inside the document the question is about, a line labelled with what is asked ("Địa điểm: …" for where) answers it.
  const accepted = choices.filter((c) => (c.coverage >= threshold || (focus && c.span && labelAnswers(type, c.sentence))) && (total > 0 || focus))
  if (accepted.length === 0) {
    if (focus && focusBy !== 'symbol' || (focus && focusBy === 'symbol' && docs.some((d) => focus!.includes(d.documentId)))) {
      const d = docs.find((x) => focus!.includes(x.documentId))
      if (d) {
        const name = docName(d, lang)
        return { answered: false, text: lang === 'vi' ? `${name} không nêu nội dung này; tôi không trả lời từ văn bản khác.` : `${name} does not say; I will not answer from another document.`, citations: [], reason: 'not-covered' }
      }
    }
    return { answered: false, text: MESSAGES[lang].notCovered, citations: [], reason: 'not-covered' }
  }
  const chosen: Choice[] = [accepted[0]!]
  for (const c of accepted.slice(1)) {
    if (chosen.length >= (typed ? maxCitations : maxCitations)) break
    if (c.score < chosen[0]!.score * (typed ? 0.9 : 0.75)) break
    if (chosen.some((x) => x.sentence === c.sentence || (typed && x.span === c.span))) continue
    // A typed answer from one document stays in that document unless two documents answer equally (no document named).
    if (typed && focus && c.passage.documentId !== chosen[0]!.passage.documentId) continue
    chosen.push(c)
  }
  const citations: Citation[] = []
  const parts = chosen.map(({ passage, sentence, span }) => {
    let c = citations.find((x) => x.documentId === passage.documentId && x.ordinal === passage.ordinal)
    const quote = redactSecrets(sentence)
    if (!c) {
      c = { n: citations.length + 1, documentId: passage.documentId, symbol: passage.symbol, title: passage.title, location: passage.location, ordinal: passage.ordinal, quote }
      citations.push(c)
    } else c.quote = `${c.quote} ${quote}`
    const text = asker === 'other' ? `“${quote}”`
      : asker === 'en' && (span || passage.location.kind !== 'header' || true)
        ? (span ? englishTemplate(type, span, docName(passage, 'en'), quote) : detectLang(quote) === 'en' ? quote : englishTemplate('other', '', docName(passage, 'en'), quote))
        : span ? vietnameseTemplate(type, span, docName(passage, 'vi'), quote) : quote
    return `${text} [${c.n}]`
  })
  return { answered: true, text: redactSecrets(parts.join(' ')), citations }
}
