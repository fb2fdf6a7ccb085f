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
 *  9. Meetings (meetings.ts): 500 participants connected live; the chair's action to every client, p50/p95.
 */
import autocannon from 'autocannon'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { MODULES } from '../../infra/definitions/modules.js'
import { bundleModule } from '../../infra/build/bundle.js'
import { freePort } from '../../infra/local/ports.js'
import { numberingUnderContention, searchAtScale, signingThroughput, syntheticDocuments } from './documents.js'
import { membersBench, membersMarkdown } from './members.js'
import { archivesBench, archivesMarkdown } from './archives.js'
import { assistantMarkdown, benchAssistant } from './assistant.js'
import { auditBench, auditMarkdown } from './audit.js'
import { tasksBench, tasksMarkdown } from './tasks.js'
import { meetingsBench, meetingsMarkdown } from './meetings.js'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7)
const SEARCH_DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000)
const INBOX_DOCUMENTS = Number(process.env.BENCH_INBOX_DOCUMENTS ?? 2_000)
const NUMBERING_CONCURRENCY = Number(process.env.BENCH_NUMBERING ?? 200)

const percentile = (sorted: number[], p: number): number => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN
const median = (xs: number[]): number => percentile([...xs].sort((a, b) => a - b), 50)
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

interface LoadResult { name: string; path: string; requests: number; errors: number; non2xx: number; rps: number; p50: number; p95: number; p99: number; max: number }

async function load(name: string, url: string, token: string): Promise<LoadResult> {
  const times: number[] = []
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: DURATION_S, headers: { authorization: `Bearer ${token}` },
    setupClient: (client) => { client.on('response', (_status: number, _bytes: number, responseTime: number) => { times.push(responseTime) }) },
  } as autocannon.Options)
  times.sort((a, b) => a - b)
  return {
    name, path: new URL(url).pathname + new URL(url).search, requests: result.requests.total, errors: result.errors, non2xx: result.non2xx,
    rps: round(result.requests.average), p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1) ?? NaN),
  }
}

/**
 * The platform runs in its own process (as `npm start` does), so the load
 * generator does not share its event loop with the server it measures.
 */
async function apiUnderLoad(): Promise<{ load: LoadResult[]; numbering: Awaited<ReturnType<typeof numberingUnderContention>> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'do-bench-'))
  const port = await freePort()
  const dynamoPort = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', '--data-dir', dataDir, '--port', String(port),
    '--dynamo-port', String(dynamoPort), '--s3-port', String(await freePort()), '--sfn-port', String(await freePort()), '--portal-port', String(await freePort())],
  { env: { ...process.env, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = `http://localhost:${port}`
  try {
    await new Promise<void>((resolve, reject) => {
      let out = ''
      child.stdout!.on('data', (d) => { out += String(d); if (out.includes('Digital Office is running')) resolve() })
      child.once('exit', (code) => reject(new Error(`platform exited (${code}): ${out.slice(-500)}`)))
    })
    const signIn = async (username: string) => {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'DigitalOffice@2026' }) })
      return ((await res.json()) as { token: string }).token
    }
    const token = await signIn('admin')
    const clerk = await signIn('vanthu.hoankiem')
    const inbox = `${url}/api/documents?box=inbox`
    await fillInbox(`http://127.0.0.1:${dynamoPort}`, inbox, clerk)
    // Warm up (JIT, JVM) so the figures describe steady state.
    await autocannon({ url: `${url}/api/units`, connections: 10, duration: 2, headers: { authorization: `Bearer ${token}` } })
    await autocannon({ url: inbox, connections: 10, duration: 2, headers: { authorization: `Bearer ${clerk}` } })
    const results = [
      await load('list my subtree (GET /api/units, whole city as admin)', `${url}/api/units`, token),
      await load('get unit (GET /api/units/{unitId})', `${url}/api/units/p-hoankiem`, token),
      await load(`inbox listing, first page of ${INBOX_DOCUMENTS} (GET /api/documents?box=inbox, ward clerk)`, inbox, clerk),
    ]
    const numbering = await numberingUnderContention(`http://127.0.0.1:${dynamoPort}`, NUMBERING_CONCURRENCY, dataDir)
    return { load: results, numbering }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Puts INBOX_DOCUMENTS incoming documents into the ward's register straight
 * into the platform's table (as distribution would), then waits until the
 * stream has projected them into the read model.
 */
async function fillInbox(dynamoEndpoint: string, inboxUrl: string, token: string): Promise<void> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')
  const { BatchWriteCommand, DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb')
  const { documentItem } = await import('../../functions/documents/adapters/store.js')
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } })
  const docs = syntheticDocuments(INBOX_DOCUMENTS, ['p-hoankiem']).map((d) => ({ ...d, flow: 'incoming' as const, status: 'received' as const, documentId: d.documentId.replace('.', '.inbox') }))
  for (let i = 0; i < docs.length; i += 25) {
    await client.send(new BatchWriteCommand({ RequestItems: { 'digital-office-local': docs.slice(i, i + 25).map((d) => ({ PutRequest: { Item: documentItem(d) } })) } }))
  }
  for (;;) {
    const res = await fetch(inboxUrl, { headers: { authorization: `Bearer ${token}` } })
    const body = (await res.json()) as { total?: number }
    if ((body.total ?? 0) >= INBOX_DOCUMENTS) return
    await new Promise((r) => setTimeout(r, 1000))
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

console.log('\n9. Meetings: 500 participants connected live, the chair\'s action to every client (embedded runtime)')
const meetings = await meetingsBench()
console.log(meetingsMarkdown(meetings).join('\n'))

const out = { startedAt: startedAt.toISOString(), machine: { cores: cpus().length, node: process.version }, settings: { connections: CONNECTIONS, durationSeconds: DURATION_S, coldRuns: COLD_RUNS }, bundles: b, api, documents: { numbering, signing, search }, members, archives, assistant, audit, tasks, meetings }
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
  ...meetingsMarkdown(meetings),
].join('\n'))
console.log(`\nWritten to bench-results/bench-${stamp}.json and bench-results/latest.md`)
process.exit(0)
