/**
 * `npm run eval:assistant`: ingests the evaluation corpus (eval/assistant/
 * corpus*) into the read model, asks the questions of questions.json as a
 * reader of one unit, and reports retrieval recall@5, citation precision,
 * answer correctness and the refusal rate on unanswerable questions for the
 * embedded engine — and for Bedrock when AWS credentials are present
 * (EVAL_BEDROCK=0 skips it). Then the appraisal: precision and recall of
 * findings (code and line) on the drafts with known defects (drafts.json).
 * Figures are printed and written to bench-results/assistant-eval.{json,md}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import { detectLang, type Answer } from '../../shared/assistant/engine.js'
import { appraise, citedSymbols } from '../../shared/assistant/appraisal.js'
import { fold } from '../../shared/text/fold.js'
import { collect, embeddedEmbedder, embeddedEngine, sqlRetriever, type AnswerEngine } from '../../functions/assistant/engines.js'
import { bedrockEngine } from '../../functions/assistant/adapters/bedrock.js'
import { registerEntries } from '../../functions/assistant/adapters/passages.js'
import { REPLACED } from '../../functions/assistant/usecases/appraise.js'
import { corpus } from './corpus.js'
import { startIndex } from './harness.js'
import { PLANTED } from './office.js'

const HERE = dirname(fileURLToPath(import.meta.url))
/** `variant`: the question written another way (joined or split words, as OCR and quick typing give): scored for retrieval only. */
interface Question {
  id?: string; question: string; document?: string | string[]; answer?: string[]; unanswerable?: boolean; variant?: string
  /** A follow-up: asked in the conversation of the question with this id (its answer is the previous turn). */
  after?: string
  /** Strings no answer or citation may contain ("PLANTED": the planted instructions and secrets). */
  forbidden?: string[] | 'PLANTED'
}
interface Draft { name: string; text: string; expected: { code: string; line: number }[] }

const pct = (n: number, d: number) => (d === 0 ? NaN : Math.round((1000 * n) / d) / 10)

const index = await startIndex()
const docs = corpus()
const idOf = (key: string) => `${docs.find((d) => d.key === key)!.unitId}.${key}`
for (const d of docs) await index.add({ documentId: `${d.unitId}.${d.key}`, unitId: d.unitId, symbol: d.symbol, type: d.type, issuerName: d.issuerName, documentDate: d.documentDate, summary: d.summary, pages: d.pages })
const reader = index.reader(['eval-unit'])
const load = (f: string) => JSON.parse(readFileSync(join(HERE, f), 'utf8')) as Question[]
const SETS: { name: string; questions: Question[] }[] = [
  { name: 'articles and directives', questions: load('questions.json') },
  // Office documents (issue 14): the development half is tuned on, the held-out half is not.
  { name: 'office — development', questions: load('questions.dev.json') },
  { name: 'office — held-out', questions: load('questions.heldout.json') },
]

/** The answer's own words (quotes and the expected spans left out): English for an English question. */
function inAskersLanguage(q: Question, answer: Answer): boolean {
  let rest = answer.text.replace(/“[^”]*”|"[^"]*"|\([^)]*\)|\[\d+\]/g, ' ')
  for (const a of q.answer ?? []) rest = rest.split(a).join(' ')
  return detectLang(q.question) === 'vi' || detectLang(rest) === 'en'
}

async function evaluate(engine: AnswerEngine, retrieval: 'hybrid' | 'lexical' = 'hybrid', questions: Question[] = SETS[0].questions) {
  // Hybrid: full-text + the embedded engine's vectors, fused; lexical: full-text only (for comparison).
  const retriever = sqlRetriever(retrieval === 'hybrid' ? { embedder: embeddedEmbedder } : {})
  let recallHits = 0, top1Hits = 0, retrievalQuestions = 0, answerable = 0, correct = 0, citations = 0, goodCitations = 0, unanswerable = 0, refused = 0, falseRefusals = 0, leaks = 0
  let wrong = 0, injectionLeaks = 0, english = 0, englishOk = 0
  const rows: string[] = []
  const asked = new Map<string, { question: string; answer: Answer }>()
  for (const q of questions) {
    const prev = q.after ? asked.get(q.after) : undefined
    const history = prev ? [{ question: prev.question, answer: prev.answer.text, citedDocumentIds: prev.answer.citations.map((c) => c.documentId) }] : []
    const { passages, terms } = await retriever.retrieve(reader, { question: q.question, history })
    const answer: Answer = await collect(engine.answer({ question: q.question, lang: detectLang(q.question), history, passages, terms }))
    if (q.id) asked.set(q.id, { question: q.question, answer })
    if ([...passages, ...answer.citations].some((p) => p.documentId.startsWith('other-unit.'))) leaks++
    const forbidden = q.forbidden === 'PLANTED' ? PLANTED : q.forbidden ?? []
    const said = fold(`${answer.text} ${answer.citations.map((c) => c.quote).join(' ')}`)
    const leaked = forbidden.filter((f) => said.includes(fold(f)))
    if (leaked.length) injectionLeaks++
    const leakNote = leaked.length ? ` — contains ${leaked.map((l) => `“${l}”`).join(', ')}` : ''
    if (q.unanswerable) {
      unanswerable++
      if (!answer.answered) refused++
      else wrong++
      rows.push(`| ${q.question} | (none) | — | ${answer.answered ? 'answered ✗' : 'refused ✓'}${leakNote} |`)
      continue
    }
    const golds = (Array.isArray(q.document) ? q.document : [q.document!]).map(idOf)
    const ranking = [...new Set(passages.map((p) => p.documentId))]
    const inTop5 = ranking.slice(0, 5).some((d) => golds.includes(d))
    retrievalQuestions++
    if (inTop5) recallHits++
    if (golds.includes(ranking[0])) top1Hits++
    if (q.variant) { rows.push(`| ${q.question} (${q.variant}) | ${q.document} | ${inTop5 ? '✓' : '✗'}${golds.includes(ranking[0]) ? ' (first)' : ''} | retrieval only |`); continue }
    answerable++
    if (!answer.answered) falseRefusals++
    citations += answer.citations.length
    goodCitations += answer.citations.filter((c) => golds.includes(c.documentId)).length
    const ok = answer.answered && leaked.length === 0 && (q.answer ?? []).every((a) => fold(answer.text).includes(fold(a)))
    if (ok) correct++
    else if (answer.answered) wrong++
    const en = detectLang(q.question) === 'en' && !/\b(wann|wie|ist|der|die|das)\b/i.test(q.question)
    if (en && answer.answered) { english++; if (inAskersLanguage(q, answer)) englishOk++ }
    rows.push(`| ${q.question} | ${q.document} | ${inTop5 ? '✓' : '✗'} | ${ok ? 'correct ✓' : answer.answered ? 'wrong ✗' : 'refused ✗'}${leakNote} | ${answer.text.replace(/\|/g, '/').replace(/\s+/g, ' ').slice(0, 160)} |`)
  }
  return {
    engine: `${engine.name} (${retrieval})`, questions: questions.length,
    recallAt5: pct(recallHits, retrievalQuestions), recallAt1: pct(top1Hits, retrievalQuestions), citationPrecision: pct(goodCitations, citations), answerCorrectness: pct(correct, answerable),
    refusalRateUnanswerable: pct(refused, unanswerable), falseRefusalRate: pct(falseRefusals, answerable), leakedOtherUnit: leaks,
    wrongAnswers: wrong, injectionLeaks, englishAnswersInEnglish: pct(englishOk, english), rows,
  }
}

type Result = Awaited<ReturnType<typeof evaluate>> & { set: string }
const results: Result[] = []
const hasCredentials = !!(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE || process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI || process.env.AWS_WEB_IDENTITY_TOKEN_FILE)
const bedrock = hasCredentials && process.env.EVAL_BEDROCK !== '0'
if (!bedrock) console.log('Bedrock: skipped (no AWS credentials in the environment)')
for (const set of SETS) {
  results.push({ set: set.name, ...await evaluate(embeddedEngine, 'lexical', set.questions) }, { set: set.name, ...await evaluate(embeddedEngine, 'hybrid', set.questions) })
  if (bedrock) results.push({ set: set.name, ...await evaluate(bedrockEngine(new BedrockRuntimeClient({}), process.env.BEDROCK_MODEL_ID ?? 'anthropic.claude-3-haiku-20240307-v1:0'), 'hybrid', set.questions) })
}

// Appraisal: findings matched by rule and line against the known defects.
const drafts = JSON.parse(readFileSync(join(HERE, 'drafts.json'), 'utf8')) as Draft[]
let reported = 0, expected = 0, matched = 0
const draftRows: string[] = []
for (const d of drafts) {
  const cited = citedSymbols([d.text])
  const register = (await registerEntries(reader, [...new Set(cited.map((c) => c.key))], [...new Set(cited.map((c) => c.symbol.number))]))
    .map((e) => { const r = REPLACED.find((x) => x.symbolKey === e.symbolKey); return r ? { ...e, inForce: false, replacedBy: r.replacedBy } : e })
  const units = [{ name: 'Đảng ủy phường Hoàn Kiếm', successorNames: [] }, { name: 'Quận ủy Hoàn Kiếm', validTo: '2025-06-30', successorNames: ['Đảng ủy phường Hoàn Kiếm'] }]
  const findings = appraise([d.text], { register, units, today: '2025-09-01' })
  const hit = findings.filter((f) => d.expected.some((e) => e.code === f.code && e.line === f.location.line)).length
  reported += findings.length; expected += d.expected.length; matched += hit
  draftRows.push(`| ${d.name} | ${d.expected.length} | ${findings.length} | ${hit} | ${findings.filter((f) => !d.expected.some((e) => e.code === f.code && e.line === f.location.line)).map((f) => `${f.code}@${f.location.line}`).join(', ') || '—'} |`)
}
const appraisal = { drafts: drafts.length, precision: pct(matched, reported), recall: pct(matched, expected), reported, expected, matched }

await index.close()

const md = [
  '# Assistant evaluation', '',
  `Corpus: ${docs.length} documents (${docs.filter((d) => d.key.startsWith('article-')).length} public articles, ${docs.filter((d) => !d.key.startsWith('article-')).length} written for the evaluation, 1 in a unit the reader may not see).`, '',
  '| questions | engine | n | recall@5 | recall@1 | citation precision | answer correctness | wrong answers | false refusals | refusal on unanswerable | English answers in English | injection leaks | leaked other unit |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.set} | ${r.engine} | ${r.questions} | ${r.recallAt5}% | ${r.recallAt1}% | ${r.citationPrecision}% | ${r.answerCorrectness}% | ${r.wrongAnswers} | ${r.falseRefusalRate}% | ${r.refusalRateUnanswerable}% | ${Number.isNaN(r.englishAnswersInEnglish) ? '—' : `${r.englishAnswersInEnglish}%`} | ${r.injectionLeaks} | ${r.leakedOtherUnit} |`),
  '', ...results.flatMap((r) => [`## ${r.set}: ${r.engine}`, '', '| question | expected document | in top 5 | answer | text |', '|---|---|---|---|---|', ...r.rows, '']),
  '## Appraisal', '', `Drafts: ${appraisal.drafts}; findings precision ${appraisal.precision}% (${matched}/${reported}), recall ${appraisal.recall}% (${matched}/${expected}).`, '',
  '| draft | expected | reported | matched | unexpected |', '|---|---|---|---|---|', ...draftRows, '',
].join('\n')
// The held-out half's questions are not printed (it is not tuned on); its figures are, and the file keeps its rows.
console.log(md.split('\n## ').filter((part) => !part.startsWith('office — held-out')).join('\n## '))
mkdirSync('bench-results', { recursive: true })
writeFileSync(join('bench-results', 'assistant-eval.json'), JSON.stringify({ at: new Date().toISOString(), qa: results.map(({ rows: _rows, ...r }) => r), appraisal }, null, 2))
writeFileSync(join('bench-results', 'assistant-eval.md'), md)
console.log('Written to bench-results/assistant-eval.json and bench-results/assistant-eval.md')
