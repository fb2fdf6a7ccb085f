/**
 * Hybrid search at scale for `npm run bench` (section 15): BENCH_HYBRID_DOCS
 * documents (10,000 by default) of ten passages each — 100,000 passages — in
 * the embedded read model (PGlite with pgvector, the module's schema and
 * indexer), searched by a reader of a quarter of the units with the
 * module's own retriever (full-text + vectors, reciprocal rank fusion,
 * reach filter in the query). Prints p50/p95 of the indexed search beside
 * the exact one (the same query with the approximate index switched off)
 * and their ratio. Measured, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { startIndex } from '../../eval/assistant/harness.js'
import { embeddedEmbedder, sqlRetriever } from '../../functions/assistant/engines.js'

const DOCS = Number(process.env.BENCH_HYBRID_DOCS ?? 10_000)
const QUESTIONS = Number(process.env.BENCH_HYBRID_QUESTIONS ?? 60)

function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) }
const TYPES = ['NQ', 'CT', 'KH', 'TB', 'BC', 'QĐ', 'HD', 'CV']
const SUBJECTS = ['chuyển đổi số', 'công tác văn thư, lưu trữ', 'xây dựng Đảng', 'kiểm tra, giám sát', 'dân vận', 'phát triển đảng viên', 'an toàn thông tin',
  'cải cách hành chính', 'đào tạo cán bộ', 'họp không giấy', 'chữ ký số', 'dữ liệu đảng viên', 'bảo vệ môi trường', 'phòng chống tham nhũng', 'y tế cơ sở',
  'nạo vét kênh mương', 'trồng cây xanh', 'lễ hội văn hóa', 'tiêm chủng mở rộng', 'phòng cháy chữa cháy', 'giải phóng mặt bằng', 'an sinh xã hội', 'khuyến học', 'nông thôn mới']
const ACTORS = ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ủy ban Kiểm tra Thành ủy', 'Ban Tuyên giáo và Dân vận', 'các đảng ủy phường, xã', 'Trung tâm Công nghệ thông tin', 'Ủy ban nhân dân phường', 'Mặt trận Tổ quốc']
const VERBS = ['chủ trì triển khai', 'phối hợp thực hiện', 'hoàn thành', 'báo cáo kết quả', 'tổng kết', 'rà soát', 'kiểm tra việc thực hiện', 'bố trí kinh phí']

const pctl = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

export interface HybridBench {
  documents: number; passages: number; loadSeconds: number; questions: number; readableShare: number
  indexed: { p50: number; p95: number }; exact: { p50: number; p95: number }; lexical: { p50: number; p95: number }
  /** Share of the exact search's top 20 passages the indexed search also returns (recall of the approximate index). */
  overlap: number
}

export async function hybridBench(log: (m: string) => void = console.log): Promise<HybridBench> {
  const index = await startIndex()
  try {
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
    const lexical = sqlRetriever()
    const time = async (rt: typeof hybrid, exact: boolean) => {
      const times: number[] = []; const tops: string[][] = []
      if (exact) await index.sql.query('set enable_indexscan = off')
      try {
        for (const q of asked.slice(0, 3)) await rt.retrieve(reader, { question: q, history: [] })
        for (const q of asked) {
          const s = performance.now()
          const { passages: ps } = await rt.retrieve(reader, { question: q, history: [] })
          times.push(performance.now() - s)
          tops.push(ps.filter((p) => p.vectorScore !== undefined).slice(0, 20).map((p) => `${p.documentId}#${p.ordinal}`))
        }
      } finally { if (exact) await index.sql.query('reset enable_indexscan') }
      return { times, tops }
    }
    const indexed = await time(hybrid, false)
    const exact = await time(hybrid, true)
    const lex = await time(lexical, false)
    let shared = 0, total = 0
    exact.tops.forEach((top, i) => { const got = new Set(indexed.tops[i]); total += top.length; shared += top.filter((k) => got.has(k)).length })
    const stats = (xs: number[]) => ({ p50: round(pctl(xs, 50)), p95: round(pctl(xs, 95)) })
    return { documents: DOCS, passages, loadSeconds, questions: asked.length, readableShare: 5 / 20,
      indexed: stats(indexed.times), exact: stats(exact.times), lexical: stats(lex.times), overlap: total ? round(shared / total, 3) : 1 }
  } finally {
    await index.close()
  }
}

export function hybridMarkdown(b: HybridBench): string[] {
  const ratio = (a: number, c: number) => (c ? round(a / c, 2) : 0)
  return [
    `## Hybrid search at scale (embedded read model: ${b.documents} documents / ${b.passages} passages loaded in ${b.loadSeconds} s; reader sees ${Math.round(b.readableShare * 100)} % of units)`, '',
    '| search, ' + b.questions + ' questions | p50 ms | p95 ms |', '|---|---|---|',
    `| hybrid, HNSW index (iterative scan, reach filter in the query) + GIN full-text, RRF | ${b.indexed.p50} | ${b.indexed.p95} |`,
    `| hybrid, exact similarity (index switched off) | ${b.exact.p50} | ${b.exact.p95} |`,
    `| lexical only (full-text) | ${b.lexical.p50} | ${b.lexical.p95} |`, '',
    `Indexed / exact: p50 ×${ratio(b.indexed.p50, b.exact.p50)}, p95 ×${ratio(b.indexed.p95, b.exact.p95)}. The indexed search returns ${Math.round(b.overlap * 100)} % of the exact search's nearest passages.`, '',
  ]
}

if (process.argv[1]?.endsWith('hybrid.ts')) {
  const b = await hybridBench()
  console.log(hybridMarkdown(b).join('\n'))
  process.exit(0)
}
