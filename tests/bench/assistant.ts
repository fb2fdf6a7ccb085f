/**
 * The assistant's figures for `npm run bench`: Q&A latency (retrieval in the
 * read model + the deterministic answer) with BENCH_ASSISTANT_DOCS documents
 * (10,000 by default) indexed in the embedded read model (PGlite, the same
 * schema, projector and SQL), questions asked one after another by a reader
 * of a quarter of the units; and the appraisal time of a 10-page draft
 * (register look-ups included). Measured, never asserted.
 */
import { performance } from 'node:perf_hooks'
import { startIndex } from '../../eval/assistant/harness.js'
import { collect, embeddedEmbedder, embeddedEngine, sqlRetriever } from '../../functions/assistant/engines.js'
import { registerEntries } from '../../functions/assistant/adapters/passages.js'
import { appraise, citedSymbols } from '../../shared/assistant/appraisal.js'
import { detectLang } from '../../shared/assistant/engine.js'

const DOCS = Number(process.env.BENCH_ASSISTANT_DOCS ?? 10_000)
const QUESTIONS = Number(process.env.BENCH_ASSISTANT_QUESTIONS ?? 60)

/** A small deterministic generator, so every run indexes the same corpus. */
function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) }
const TYPES = ['NQ', 'CT', 'KH', 'TB', 'BC', 'QĐ', 'HD', 'CV']
const SUBJECTS = ['chuyển đổi số', 'công tác văn thư, lưu trữ', 'xây dựng Đảng', 'kiểm tra, giám sát', 'dân vận', 'phát triển đảng viên', 'an toàn thông tin',
  'cải cách hành chính', 'đào tạo cán bộ', 'họp không giấy', 'chữ ký số', 'dữ liệu đảng viên', 'bảo vệ môi trường', 'phòng chống tham nhũng', 'y tế cơ sở']
const ACTORS = ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ủy ban Kiểm tra Thành ủy', 'Ban Tuyên giáo và Dân vận', 'các đảng ủy phường, xã', 'Trung tâm Công nghệ thông tin']
const VERBS = ['chủ trì triển khai', 'phối hợp thực hiện', 'hoàn thành', 'báo cáo kết quả', 'tổng kết', 'rà soát', 'kiểm tra việc thực hiện']

function paragraph(r: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const d = 1 + Math.floor(r() * 28), m = 1 + Math.floor(r() * 12)
  return `Điều ${n}. ${pick(ACTORS)} ${pick(VERBS)} nhiệm vụ ${pick(SUBJECTS)} và ${pick(SUBJECTS)} trước ngày ${d} tháng ${m} năm 2025; ${pick(ACTORS)} ${pick(VERBS)} ${pick(SUBJECTS)}, định kỳ báo cáo Ban Thường vụ.`
}

const pctl = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] }
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d

export interface AssistantBench { documents: number; passages: number; indexSeconds: number; qa: { questions: number; p50: number; p95: number; max: number }; search: { lexical: { p50: number; p95: number }; hybrid: { p50: number; p95: number } }; appraisal: { pages: number; lines: number; findings: number; medianMs: number } }

export async function benchAssistant(log: (m: string) => void = console.log): Promise<AssistantBench> {
  const index = await startIndex()
  try {
    const r = rng(42)
    const units = Array.from({ length: 20 }, (_, i) => `bench-u${i}`)
    const t0 = performance.now()
    for (let i = 0; i < DOCS; i++) {
      const type = TYPES[i % TYPES.length]
      const subject = SUBJECTS[Math.floor(r() * SUBJECTS.length)]
      const pages = [Array.from({ length: 3 }, (_, k) => paragraph(r, k + 1)).join('\n'), Array.from({ length: 3 }, (_, k) => paragraph(r, k + 4)).join('\n')]
      await index.add({ documentId: `${units[i % units.length]}.b${i}`, unitId: units[i % units.length], symbol: `${100 + i}-${type}/TU`, type, issuerName: 'Thành ủy Hà Nội',
        documentDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, summary: `về ${subject} (văn bản thử nghiệm ${i})`, pages })
      if ((i + 1) % 2000 === 0) log(`  indexed ${i + 1} documents (${round((performance.now() - t0) / 1000)} s)`)
    }
    const indexSeconds = round((performance.now() - t0) / 1000)
    const [{ n: passages }] = await index.sql.query<{ n: number }>('select count(*)::int as n from passages')
    const reader = index.reader(units.slice(0, 5))
    // The embedded runtime's retrieval: hybrid (full-text + vectors, fused); lexical alone for comparison.
    const retriever = sqlRetriever({ embedder: embeddedEmbedder })
    const lexicalRetriever = sqlRetriever()
    const asked: string[] = []
    for (let i = 0; i < QUESTIONS; i++) {
      const k = 100 + Math.floor(r() * DOCS)
      asked.push(i % 3 === 0 ? `Văn bản ${k}-${TYPES[(k - 100) % TYPES.length]}/TU ban hành ngày nào?`
        : i % 3 === 1 ? `Ai chủ trì triển khai nhiệm vụ ${SUBJECTS[i % SUBJECTS.length]}?` : `Khi nào phải hoàn thành ${SUBJECTS[(i * 7) % SUBJECTS.length]}?`)
    }
    const ask = async (q: string) => {
      const { passages: ps, terms } = await retriever.retrieve(reader, { question: q, history: [] })
      return collect(embeddedEngine.answer({ question: q, lang: detectLang(q), history: [], passages: ps, terms }))
    }
    for (const q of asked.slice(0, 5)) await ask(q) // warm-up
    const times: number[] = []
    for (const q of asked) { const s = performance.now(); await ask(q); times.push(performance.now() - s) }
    const searchTimes = { lexical: [] as number[], hybrid: [] as number[] }
    for (const q of asked) {
      for (const [kind, rt] of [['lexical', lexicalRetriever], ['hybrid', retriever]] as const) {
        const s = performance.now(); await rt.retrieve(reader, { question: q, history: [] }); searchTimes[kind].push(performance.now() - s)
      }
    }
    const stats = (xs: number[]) => ({ p50: round(pctl(xs, 50)), p95: round(pctl(xs, 95)) })

    // A 10-page draft: 40 lines a page, citing documents of the register.
    const lines = ['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'THÀNH ỦY', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 15-KH/TU', 'Hà Nội, ngày 05 tháng 3 năm 2025', 'KẾ HOẠCH', 'thực hiện các nghị quyết, chỉ thị năm 2025']
    const pages: string[] = []
    for (let p = 0; p < 10; p++) {
      const body = Array.from({ length: 40 }, (_, k) => (k % 8 === 0 ? `Thực hiện Chỉ thị số ${100 + ((p * 40 + k) % DOCS)}-CT/TU ngày 05/03/2025 của Ban Thường vụ Thành ủy.` : paragraph(r, p * 40 + k + 1)))
      pages.push([...(p === 0 ? lines : []), ...body, ...(p === 9 ? ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn A', 'Nơi nhận:', '- Lưu Văn phòng.'] : [])].join('\n'))
    }
    const runs: number[] = []
    let findings = 0
    for (let i = 0; i < 5; i++) {
      const s = performance.now()
      const cited = citedSymbols(pages)
      const register = await registerEntries(reader, [...new Set(cited.map((c) => c.key))], [...new Set(cited.map((c) => c.symbol.number))])
      findings = appraise(pages, { register, units: [], today: '2025-09-01' }).length
      runs.push(performance.now() - s)
    }
    return {
      documents: DOCS, passages, indexSeconds,
      qa: { questions: times.length, p50: round(pctl(times, 50)), p95: round(pctl(times, 95)), max: round(Math.max(...times)) },
      search: { lexical: stats(searchTimes.lexical), hybrid: stats(searchTimes.hybrid) },
      appraisal: { pages: 10, lines: pages.join('\n').split('\n').length, findings, medianMs: round(pctl(runs, 50)) },
    }
  } finally {
    await index.close()
  }
}

export function assistantMarkdown(b: AssistantBench): string[] {
  return [
    `## Assistant (embedded engine, ${b.documents} documents / ${b.passages} passages indexed in ${b.indexSeconds} s)`, '',
    '| measure | p50 ms | p95 ms | max ms |', '|---|---|---|---|',
    `| Q&A: hybrid retrieval (reach-filtered) + extractive answer, ${b.qa.questions} questions | ${b.qa.p50} | ${b.qa.p95} | ${b.qa.max} |`,
    `| search only: lexical (full-text) | ${b.search.lexical.p50} | ${b.search.lexical.p95} | |`,
    `| search only: hybrid (full-text + pgvector, RRF) | ${b.search.hybrid.p50} | ${b.search.hybrid.p95} | |`, '',
    `Appraisal of a ${b.appraisal.pages}-page draft (${b.appraisal.lines} lines, register look-ups included, ${b.appraisal.findings} findings): median ${b.appraisal.medianMs} ms.`, '',
  ]
}

if (process.argv[1]?.endsWith('assistant.ts')) {
  const b = await benchAssistant()
  console.log(assistantMarkdown(b).join('\n'))
  process.exit(0)
}
