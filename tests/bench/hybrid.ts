/**
 * Hybrid search at scale for `npm run bench` (section 15): BENCH_HYBRID_DOCS
 * documents (10,000 by default) of ten passages each — 100,000 passages — in
 * the embedded read model (PGlite with pgvector, the module's schema and
 * indexer), searched by a reader of a quarter of the units with the
 * module's own retriever (full-text + vectors, reciprocal rank fusion,
 * reach filter in the query). Prints p50/p95 of the search as it runs, over
 * BENCH_HYBRID_ROUNDS rounds of the questions (the spread between rounds is
 * printed: the machine is shared), beside two baselines — the exact search
 * (the approximate index switched off) and the full-text side selecting on
 * every word (before the selective candidate query) — and the Q&A time
 * (retrieval + the deterministic answer, not paced as streaming is) on the
 * same corpus. The HNSW index is built after the load, as a re-index does.
 * Measured, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { startIndex } from '../../eval/assistant/harness.js'
import { embeddedEmbedder, sqlRetriever } from '../../functions/assistant/engines.js'
import { ANN_DIMENSIONS } from '../../functions/assistant/adapters/schema.js'
import { composeAnswer, detectLang } from '../../shared/assistant/engine.js'

const DOCS = Number(process.env.BENCH_HYBRID_DOCS ?? 10_000)
const QUESTIONS = Number(process.env.BENCH_HYBRID_QUESTIONS ?? 60)
const ROUNDS = Number(process.env.BENCH_HYBRID_ROUNDS ?? 3)

function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) }
const TYPES = ['NQ', 'CT', 'KH', 'TB', 'BC', 'QĐ', 'HD', 'CV']
const SUBJECTS = ['chuyển đổi số', 'công tác văn thư, lưu trữ', 'xây dựng Đảng', 'kiểm tra, giám sát', 'dân vận', 'phát triển đảng viên', 'an toàn thông tin',
  'cải cách hành chính', 'đào tạo cán bộ', 'họp không giấy', 'chữ ký số', 'dữ liệu đảng viên', 'bảo vệ môi trường', 'phòng chống tham nhũng', 'y tế cơ sở',
  'nạo vét kênh mương', 'trồng cây xanh', 'lễ hội văn hóa', 'tiêm chủng mở rộng', 'phòng cháy chữa cháy', 'giải phóng mặt bằng', 'an sinh xã hội', 'khuyến học', 'nông thôn mới']
const ACTORS = ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ủy ban Kiểm tra Thành ủy', 'Ban Tuyên giáo và Dân vận', 'các đảng ủy phường, xã', 'Trung tâm Công nghệ thông tin', 'Ủy ban nhân dân phường', 'Mặt trận Tổ quốc']
const VERBS = ['chủ trì triển khai', 'phối hợp thực hiện', 'hoàn thành', 'báo cáo kết quả', 'tổng kết', 'rà soát', 'kiểm tra việc thực hiện', 'bố trí kinh phí']

const pctl = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

type Stats = { p50: number; p95: number }
export interface HybridBench {
  documents: number; passages: number; loadSeconds: number; indexSeconds: number; questions: number; rounds: number; readableShare: number
  /** The search as it runs, all rounds together, and each round's p50/p95 (the spread). */
  indexed: Stats; indexedRounds: Stats[]; exact: Stats; lexical: Stats; lexicalEveryMatch: Stats; hybridEveryMatch: Stats; qa: Stats
  /** Passages returned that the reader may not read (must be 0). */
  outOfReach: number
  /** Share of the exact search's top 20 passages the indexed search also returns (recall of the approximate index). */
  overlap: number
}

export async function hybridBench(log: (m: string) => void = console.log): Promise<HybridBench> {
  const index = await startIndex()
  try {
    // Bulk load: the approximate indexes are built once the passages are in (as after a re-index), not row by row.
    for (const n of ANN_DIMENSIONS) await index.sql.query(`drop index if exists passages_vec_${n}`)
    const r = rng(7)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
    const units = Array.from({ length: 20 }, (_, i) => `hy-u${i}`)
    const t0 = performance.now()
    for (let i = 0; i < DOCS; i++) {
      const type = TYPES[i % TYPES.length]
      const subject = pick(SUBJECTS)
      const articles = Array.from({ length: 9 }, (_, k) => {
        const d = 1 + Math.floor(r() * 28), m = 1 + Math.floor(r() * 12)
        return `Điều ${k + 1}. ${pick(ACTORS)} ${pick(VERBS)} nhiệm vụ ${subject} và ${pick(SUBJECTS)} tại ${pick(units).replace('hy-u', 'tổ dân phố số ')} trước ngày ${d} tháng ${m} năm 2025, kinh phí ${1 + Math.floor(r() * 900)} triệu đồng.`
      })
      await index.add({ documentId: `${units[i % units.length]}.h${i}`, unitId: units[i % units.length], symbol: `${100 + i}-${type}/TU`, type, issuerName: 'Thành ủy Hà Nội',
        documentDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, summary: `về ${subject} (văn bản ${i})`,
        pages: [articles.slice(0, 5).join('\n'), articles.slice(5).join('\n')] })
      if ((i + 1) % 2000 === 0) log(`  loaded ${i + 1} documents (${round((performance.now() - t0) / 1000)} s)`)
    }
    const loadSeconds = round((performance.now() - t0) / 1000)
    const t1 = performance.now()
    await index.sql.query(`set maintenance_work_mem = '512MB'`)
    await index.sql.query('create index if not exists passages_vec_256 on passages using hnsw ((vec::vector(256)) vector_cosine_ops) where vector_dims(vec) = 256')
    const indexSeconds = round((performance.now() - t1) / 1000)
    // Table statistics, as autovacuum keeps them on Aurora (the embedded PGlite runs no autovacuum).
    await index.sql.query('analyze')
    const [{ n: passages }] = await index.sql.query<{ n: number }>('select count(*)::int as n from passages')
    const reader = index.reader(units.slice(0, 5))
    const asked = Array.from({ length: QUESTIONS }, (_, i) => {
      const s = SUBJECTS[i % SUBJECTS.length]
      return i % 4 === 0 ? `Ai chủ trì triển khai nhiệm vụ ${s}?` : i % 4 === 1 ? `Khi nào phải hoàn thành ${s}?`
        : i % 4 === 2 ? `Kinh phí cho ${s} là bao nhiêu?` : `Văn bản ${100 + Math.floor(r() * DOCS)}-${pick(TYPES)}/TU nói gì về ${s}?`
    })
    const hybrid = sqlRetriever({ embedder: embeddedEmbedder })
    const readable = new Set(units.slice(0, 5))
    let outOfReach = 0
    const time = async (rt: typeof hybrid, opts: { exact?: boolean; answer?: boolean } = {}) => {
      const times: number[] = []; const tops: string[][] = []
      if (opts.exact) await index.sql.query('set enable_indexscan = off')
      try {
        for (const q of asked.slice(0, 3)) await rt.retrieve(reader, { question: q, history: [] })
        for (const q of asked) {
          const s = performance.now()
          const { passages: ps, terms } = await rt.retrieve(reader, { question: q, history: [] })
          if (opts.answer) composeAnswer(q, terms, ps, detectLang(q))
          times.push(performance.now() - s)
          outOfReach += ps.filter((p) => !readable.has(p.documentId.split('.')[0]!)).length
          tops.push(ps.filter((p) => p.vectorScore !== undefined).slice(0, 20).map((p) => `${p.documentId}#${p.ordinal}`))
        }
      } finally { if (opts.exact) await index.sql.query('reset enable_indexscan') }
      return { times, tops }
    }
    const rounds: Awaited<ReturnType<typeof time>>[] = []
    for (let k = 0; k < ROUNDS; k++) rounds.push(await time(hybrid))
    const indexed = rounds[0]!
    const exact = await time(hybrid, { exact: true })
    const lex = await time(sqlRetriever())
    const lexAll = await time(sqlRetriever({ everyMatch: true }))
    const hybridAll = await time(sqlRetriever({ embedder: embeddedEmbedder, everyMatch: true }))
    const qa = await time(hybrid, { answer: true })
    let shared = 0, total = 0
    exact.tops.forEach((top, i) => { const got = new Set(indexed.tops[i]); total += top.length; shared += top.filter((k) => got.has(k)).length })
    const stats = (xs: number[]) => ({ p50: round(pctl(xs, 50)), p95: round(pctl(xs, 95)) })
    return { documents: DOCS, passages, loadSeconds, indexSeconds, questions: asked.length, rounds: ROUNDS, readableShare: 5 / 20,
      indexed: stats(rounds.flatMap((x) => x.times)), indexedRounds: rounds.map((x) => stats(x.times)), exact: stats(exact.times), lexical: stats(lex.times),
      lexicalEveryMatch: stats(lexAll.times), hybridEveryMatch: stats(hybridAll.times), qa: stats(qa.times), outOfReach, overlap: total ? round(shared / total, 3) : 1 }
  } finally {
    await index.close()
  }
}

export function hybridMarkdown(b: HybridBench): string[] {
  const ratio = (a: number, c: number) => (c ? round(a / c, 2) : 0)
  const spread = (k: 'p50' | 'p95') => `${Math.min(...b.indexedRounds.map((r) => r[k]))}–${Math.max(...b.indexedRounds.map((r) => r[k]))}`
  return [
    `## 15. Hybrid search at scale (embedded read model: ${b.documents} documents / ${b.passages} passages loaded in ${b.loadSeconds} s, HNSW built in ${b.indexSeconds} s; reader sees ${Math.round(b.readableShare * 100)} % of units)`, '',
    `| ${b.questions} questions | p50 ms | p95 ms | × baseline p50 | × baseline p95 |`, '|---|---|---|---|---|',
    `| hybrid as it runs: HNSW (iterative scan, reach filter in the query) + full-text candidates on the rarer words, RRF — ${b.rounds} rounds (per round p50 ${spread('p50')}, p95 ${spread('p95')}) | ${b.indexed.p50} | ${b.indexed.p95} | ×${ratio(b.indexed.p50, b.hybridEveryMatch.p50)} | ×${ratio(b.indexed.p95, b.hybridEveryMatch.p95)} |`,
    `| baseline: hybrid, full-text candidates on every word | ${b.hybridEveryMatch.p50} | ${b.hybridEveryMatch.p95} | 1 | 1 |`,
    `| hybrid, exact similarity (index switched off) | ${b.exact.p50} | ${b.exact.p95} | ×${ratio(b.exact.p50, b.hybridEveryMatch.p50)} | ×${ratio(b.exact.p95, b.hybridEveryMatch.p95)} |`,
    `| full-text only, candidates on the rarer words | ${b.lexical.p50} | ${b.lexical.p95} | ×${ratio(b.lexical.p50, b.lexicalEveryMatch.p50)} | ×${ratio(b.lexical.p95, b.lexicalEveryMatch.p95)} (of the next row) |`,
    `| full-text only, candidates on every word | ${b.lexicalEveryMatch.p50} | ${b.lexicalEveryMatch.p95} | | |`,
    `| Q&A: hybrid search + the deterministic answer (not paced) | ${b.qa.p50} | ${b.qa.p95} | | |`, '',
    `The indexed search returns ${Math.round(b.overlap * 100)} % of the exact search's nearest passages. Passages out of the reader's reach returned: ${b.outOfReach}.`, '',
  ]
}

if (process.argv[1]?.endsWith('hybrid.ts')) {
  const b = await hybridBench()
  console.log(hybridMarkdown(b).join('\n'))
  process.exit(0)
}
