/**
 * `npm run bench`: measures, never asserts. Prints the figures and writes
 * them to bench-results/ (JSON and Markdown).
 *
 *  1. API under load on the embedded runtime (autocannon, 50 concurrent
 *     clients): p50/p95/p99 latency and throughput for "list my subtree" and
 *     "get unit".
 *  2. Each Lambda bundle's size and cold init time (import in a fresh Node
 *     process), against an empty handler bundled the same way.
 *  3. Official documents (documents.ts): search p50/p95 with 100,000
 *     documents in the read model, inbox listing under 50 clients (with the
 *     API figures), signing throughput for a 10-page PDF, numbering
 *     throughput under contention.
 *  4. Party members (members.ts): fee assessment, bulk transfer, procedure steps.
 *  5. Archives: OCR of generated Vietnamese scans per quality (archives.ts).
 *  6. Assistant (assistant.ts): Q&A latency with documents indexed, appraisal of a 10-page draft.
 *  7. Audit (audit.ts): verification of a unit's chain of 100,000 entries against plain SHA-256.
 *  8. Tasks (tasks.ts): "my tasks" and the deadline sweep with 100,000 tasks in the city.
 *  9. The unit tree at scale (tree.ts): "list my subtree", "get unit" and the inbox at 30,
 *     1,000 and 5,000 units under 50 clients, beside the raw DynamoDB Local request. Alone:
 *     `npx tsx tests/bench/tree.ts` (or `BENCH_ONLY=tree npm run bench`).
 * 10. KPI dashboards (dashboards.ts): the daily snapshot of 5,000 more units, the dashboard's p50/p95.
 * 11. Meetings (meetings.ts): 500 participants connected live; the chair's action to every client, p50/p95.
 * 12. Cases (cases.ts): the commission's case list p50/p95 with 50,000 cases (`BENCH_CASES` for a quick run).
 * 14. Fuzz suite (fuzz.ts): random requests for every route, requests per second.
 * 15. Hybrid search at scale (hybrid.ts): 10,000 documents / 100,000 passages, hybrid and full-text p50/p95 against
 *     their baselines, Q&A p50/p95 on the same corpus. Alone: `npx tsx tests/bench/hybrid.ts`.
 */
import autocannon from 'autocannon'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { MODULES } from '../../infra/definitions/modules.js'
import { bundleModule } from '../../infra/build/bundle.js'
import { CONNECTIONS, load, percentile, round, startPlatform, type LoadResult } from './platform.js'
import { fillInbox, numberingUnderContention, searchAtScale, signingThroughput } from './documents.js'
import { membersBench, membersMarkdown } from './members.js'
import { archivesBench, archivesMarkdown } from './archives.js'
import { assistantMarkdown, benchAssistant } from './assistant.js'
import { auditBench, auditMarkdown } from './audit.js'
import { tasksBench, tasksMarkdown } from './tasks.js'
import { treeBench, treeMarkdown } from './tree.js'
import { dashboardsBench, dashboardsMarkdown } from './dashboards.js'
import { meetingsBench, meetingsMarkdown } from './meetings.js'
import { casesBench, casesMarkdown } from './cases.js'
import { dataRequestsBench, dataRequestsMarkdown } from './datarequests.js'
import { fuzzBench, fuzzMarkdown } from './fuzz.js'
import { hybridBench, hybridMarkdown } from './hybrid.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7)
const SEARCH_DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000)
const INBOX_DOCUMENTS = Number(process.env.BENCH_INBOX_DOCUMENTS ?? 2_000)
const NUMBERING_CONCURRENCY = Number(process.env.BENCH_NUMBERING ?? 200)

const median = (xs: number[]): number => percentile([...xs].sort((a, b) => a - b), 50)

async function apiUnderLoad(): Promise<{ load: LoadResult[]; numbering: Awaited<ReturnType<typeof numberingUnderContention>> }> {
  const platform = await startPlatform()
  const { url } = platform
  try {
    const token = await platform.signIn('admin')
    const clerk = await platform.signIn('vanthu.hoankiem')
    const inbox = `${url}/api/documents?box=inbox`
    await fillInbox(platform.dynamoEndpoint, inbox, clerk, INBOX_DOCUMENTS)
    // Warm up (JIT, JVM) so the figures describe steady state.
    await autocannon({ url: `${url}/api/units`, connections: 10, duration: 2, headers: { authorization: `Bearer ${token}` } })
    await autocannon({ url: inbox, connections: 10, duration: 2, headers: { authorization: `Bearer ${clerk}` } })
    const results = [
      await load('list my subtree (GET /api/units, whole city as admin)', `${url}/api/units`, token, DURATION_S),
      await load('get unit (GET /api/units/{unitId})', `${url}/api/units/p-hoankiem`, token, DURATION_S),
      await load(`inbox listing, first page of ${INBOX_DOCUMENTS} (GET /api/documents?box=inbox, ward clerk)`, inbox, clerk, DURATION_S),
    ]
    const numbering = await numberingUnderContention(platform.dynamoEndpoint, NUMBERING_CONCURRENCY, platform.dataDir)
    return { load: results, numbering }
  } finally {
    await platform.stop()
  }
}

interface BundleResult { module: string; bytes: number; coldInitMs: number; ratioToEmpty: number }

function coldInit(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t))`
  const runs: number[] = []
  for (let i = 0; i < COLD_RUNS; i++) runs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })))
  return median(runs)
}

function bundles(): { baseline: { bytes: number; coldInitMs: number }; modules: BundleResult[] } {
  const outRoot = mkdtempSync(join(tmpdir(), 'do-bundles-'))
  // The baseline: an empty handler, bundled exactly like the modules (entries are relative to the repository root).
  mkdirSync('.build/bench-src', { recursive: true })
  writeFileSync('.build/bench-src/empty.ts', 'export const handler = async () => ({ statusCode: 200, body: "" })\n')
  const emptyOut = bundleModule({ id: '_empty', entry: '.build/bench-src/empty.ts', trigger: 'http', description: 'baseline', access: {} }, outRoot)
  const baseline = { bytes: statSync(join(emptyOut, 'index.mjs')).size, coldInitMs: round(coldInit(join(emptyOut, 'index.mjs')), 2) }
  const modules = MODULES.map((m) => {
    const file = join(bundleModule(m, outRoot), 'index.mjs')
    const ms = coldInit(file)
    return { module: m.id, bytes: statSync(file).size, coldInitMs: round(ms, 2), ratioToEmpty: round(ms / baseline.coldInitMs, 1) }
  })
  rmSync(outRoot, { recursive: true, force: true })
  return { baseline, modules }
}

const startedAt = new Date()
if (process.env.BENCH_ONLY === 'tree') {
  console.log(`Digital Office benchmark (the unit tree only) — ${startedAt.toISOString()} — ${cpus().length} cores, Node ${process.version}`)
  const tree = await treeBench()
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(join('bench-results', `tree-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(tree, null, 2))
  writeFileSync(join('bench-results', 'tree-latest.md'), [`# Benchmark ${startedAt.toISOString()}`, '', ...treeMarkdown(tree)].join('\n'))
  console.log(treeMarkdown(tree).join('\n'))
  process.exit(0)
}
console.log(`Digital Office benchmark — ${startedAt.toISOString()} — ${cpus().length} cores, Node ${process.version}`)
console.log(`\n1. Lambda bundles (esbuild, ESM, minified) and cold init (median of ${COLD_RUNS} fresh processes)`)
const b = bundles()
console.table([{ module: '(empty handler)', KiB: round(b.baseline.bytes / 1024), 'init ms': b.baseline.coldInitMs, 'x empty': 1 },
  ...b.modules.map((m) => ({ module: m.module, KiB: round(m.bytes / 1024), 'init ms': m.coldInitMs, 'x empty': m.ratioToEmpty }))])

console.log(`\n2. API under load: ${CONNECTIONS} concurrent clients, ${DURATION_S} s per route, embedded runtime`)
const { load: api, numbering } = await apiUnderLoad()
console.table(api.map((r) => ({ route: r.name, 'req/s': r.rps, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, requests: r.requests, 'non-2xx': r.non2xx, errors: r.errors })))

console.log(`\n3. Official documents`)
console.log(`   numbering under contention: ${numbering.concurrent} concurrent callers on one series: ${numbering.seconds} s, ${numbering.perSecond} numbers/s, gapless: ${numbering.gapless}`)
const signing = await signingThroughput()
console.log(`   signing a ${signing.pages}-page PDF (${round(signing.bytes / 1024)} KiB: stamp + personal signature + seal): ${signing.sequential.perSecond} documents/s one at a time (${signing.sequential.msEach} ms each), ${signing.concurrent.perSecond} documents/s with ${signing.concurrent.documents} at once`)
console.log(`   search with ${SEARCH_DOCUMENTS} documents in the read model (indexing …)`)
const search = await searchAtScale(SEARCH_DOCUMENTS)
console.log(`   indexed ${search.documents} documents through the stream projection in ${search.loadSeconds} s`)
console.table(search.queries.map((q) => ({ query: q.query, 'p50 ms': q.p50, 'p95 ms': q.p95, hits: q.hits, runs: q.runs })))

console.log('\n4. Party members: fee assessment, bulk transfer, procedure step latency (embedded runtime)')
const members = await membersBench()
console.log(membersMarkdown(members).join('\n'))

console.log('\n5. Archives: OCR of generated Vietnamese scans per quality (CER, WER, field accuracy, pages/min)')
const archives = await archivesBench()
console.table(archives.map((r) => ({ quality: r.quality, pages: r.pages, CER: r.cer, WER: r.wer, 'field acc.': r.fieldAccuracy, 'pages/min': r.pagesPerMinute, confidence: r.meanConfidence })))

console.log('\n6. Assistant: Q&A latency with documents indexed, appraisal of a 10-page draft (embedded read model)')
const assistant = await benchAssistant()
console.log(assistantMarkdown(assistant).join('\n'))

console.log('\n7. Audit verification of one unit\'s chain (keyed MACs, schema, head) against plain SHA-256')
const audit = await auditBench()
console.log(auditMarkdown(audit).join('\n'))

console.log('\n8. Tasks: "my tasks" and the daily deadline sweep with 100,000 tasks in the city (embedded runtime)')
const tasks = await tasksBench()
console.log(tasksMarkdown(tasks).join('\n'))

console.log('\n9. The unit tree at scale: 30, 1,000 and 5,000 units, 50 clients, beside the raw DynamoDB Local request')
const tree = await treeBench()
console.log(treeMarkdown(tree).join('\n'))

console.log('\n10. KPI dashboards: the daily snapshot with 5,000 more units, the dashboard\'s p50/p95 (embedded runtime)')
const dashboards = await dashboardsBench()
console.log(dashboardsMarkdown(dashboards).join('\n'))

console.log('\n11. Meetings: 500 participants connected live, the chair\'s action to every client (embedded runtime)')
const meetings = await meetingsBench()
console.log(meetingsMarkdown(meetings).join('\n'))

console.log('\n12. Cases: the commission\'s case list with 50,000 cases (embedded runtime)')
const casesResult = await casesBench()
console.log(casesMarkdown(casesResult).join('\n'))

console.log('\n13. Data requests: the consolidated table of a request answered by 500 wards (embedded runtime)')
const datarequests = await dataRequestsBench()
console.log(dataRequestsMarkdown(datarequests).join('\n'))

console.log('\n14. Fuzz suite: random requests for every route of the route table (embedded runtime)')
const fuzz = await fuzzBench()
console.log(fuzzMarkdown(fuzz).join('\n'))

console.log('\n15. Hybrid search at scale: 10,000 documents / 100,000 passages, a reader of a quarter of the units (embedded read model)')
const hybrid = await hybridBench()
console.log(hybridMarkdown(hybrid).join('\n'))

const out = { startedAt: startedAt.toISOString(), machine: { cores: cpus().length, node: process.version }, settings: { connections: CONNECTIONS, durationSeconds: DURATION_S, coldRuns: COLD_RUNS }, bundles: b, api, documents: { numbering, signing, search }, members, archives, assistant, audit, tasks, tree, dashboards, meetings, cases: casesResult, datarequests, fuzz, hybrid }
mkdirSync('bench-results', { recursive: true })
const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
writeFileSync(join('bench-results', `bench-${stamp}.json`), JSON.stringify(out, null, 2))
writeFileSync(join('bench-results', 'latest.md'), [
  `# Benchmark ${startedAt.toISOString()}`, '', `${cpus().length} cores, Node ${process.version}`, '',
  '## Lambda bundles', '', '| module | size KiB | cold init ms | × empty |', '|---|---|---|---|',
  `| (empty handler) | ${round(b.baseline.bytes / 1024)} | ${b.baseline.coldInitMs} | 1 |`,
  ...b.modules.map((m) => `| ${m.module} | ${round(m.bytes / 1024)} | ${m.coldInitMs} | ${m.ratioToEmpty} |`), '',
  `## API under load (${CONNECTIONS} clients, ${DURATION_S} s)`, '', '| route | req/s | p50 ms | p95 ms | p99 ms | requests | non-2xx |', '|---|---|---|---|---|---|---|',
  ...api.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.requests} | ${r.non2xx} |`), '',
  '## Official documents', '',
  `- Numbering under contention: ${numbering.concurrent} concurrent callers on one series in ${numbering.seconds} s (${numbering.perSecond} numbers/s), gapless: ${numbering.gapless}`,
  `- Signing a ${signing.pages}-page PDF (stamp + personal signature + seal): ${signing.sequential.perSecond} documents/s sequentially (${signing.sequential.msEach} ms each), ${signing.concurrent.perSecond} documents/s with ${signing.concurrent.documents} at once`,
  `- Search with ${search.documents} documents in the read model (indexed in ${search.loadSeconds} s):`, '',
  '| query | p50 ms | p95 ms | hits |', '|---|---|---|---|',
  ...search.queries.map((q) => `| ${q.query} | ${q.p50} | ${q.p95} | ${q.hits} |`), '',
  ...membersMarkdown(members),
  ...archivesMarkdown(archives),
  ...assistantMarkdown(assistant),
  ...auditMarkdown(audit),
  ...tasksMarkdown(tasks),
  ...treeMarkdown(tree),
  ...dashboardsMarkdown(dashboards),
  ...meetingsMarkdown(meetings),
  ...casesMarkdown(casesResult),
  ...dataRequestsMarkdown(datarequests),
  ...fuzzMarkdown(fuzz),
  ...hybridMarkdown(hybrid),
].join('\n'))
console.log(`\nWritten to bench-results/bench-${stamp}.json and bench-results/latest.md`)
process.exit(0)
