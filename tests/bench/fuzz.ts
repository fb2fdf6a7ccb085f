/**
 * The fuzz suite's throughput (called by tests/bench/run.ts): the random
 * requests of tests/support/fuzz.ts for every route of the route table, as
 * the administrator and anonymously, sent 4 at a time to a platform of its
 * own; requests per second and the answers by class. Measures, never asserts
 * (the suite's assertions are in tests/integration/fuzz). Alone:
 * `npx tsx tests/bench/fuzz.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fuzzRequests, send } from '../support/fuzz.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d

export interface FuzzBench { seed: number; routes: number; requests: number; seconds: number; perSecond: number; byClass: Record<string, number> }

export async function fuzzBench(runs = Number(process.env.BENCH_FUZZ_RUNS ?? 10), seed = 20261203): Promise<FuzzBench> {
  const { startPlatform } = await import('../../infra/local/platform.js')
  const { freePort } = await import('../../infra/local/ports.js')
  const dataDir = mkdtempSync(join(tmpdir(), 'do-bench-fuzz-'))
  process.env.LOG_REQUESTS = 'false'
  const platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
  try {
    const login = await fetch(`${platform.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'DigitalOffice@2026' }) })
    const token = ((await login.json()) as { token: string }).token
    const plan = fuzzRequests(seed, runs, [token, undefined])
    const requests = plan.flatMap((p) => p.requests)
    const t = performance.now()
    const answers = await send(platform.url, requests)
    const seconds = (performance.now() - t) / 1000
    const byClass: Record<string, number> = {}
    for (const a of answers) { const k = `${Math.floor(a.status / 100)}xx`; byClass[k] = (byClass[k] ?? 0) + 1 }
    return { seed, routes: plan.length, requests: answers.length, seconds: round(seconds, 1), perSecond: round(answers.length / seconds), byClass }
  } finally {
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export const fuzzMarkdown = (f: FuzzBench): string[] => [
  '## Fuzz suite', '',
  `- ${f.requests} random requests over ${f.routes} routes (seed ${f.seed}, administrator and anonymous, 4 at a time) in ${f.seconds} s: ${f.perSecond} requests/s; answers ${Object.entries(f.byClass).sort().map(([k, v]) => `${k}: ${v}`).join(', ')}`, '',
]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = await fuzzBench()
  console.log(fuzzMarkdown(f).join('\n'))
  process.exit(0)
}
