/**
 * Property-based fuzzing of every route in the route table against a platform
 * of its own (so no other test writes to its table meanwhile): random path
 * parameters, queries, headers and bodies (tests/support/fuzz.ts), as the
 * administrator (who reaches every handler's deepest code) and anonymously
 * (with and without forged tokens). Properties: no answer is a 5xx, and a
 * route whose every answer was a refusal (4xx) left the table exactly as it
 * was — every item compared by a hash, save the sign-in throttle's counters,
 * which a wrong password is meant to move. Bounded: FUZZ_RUNS requests per
 * route and caller (default 8); the seed is printed (FUZZ_SEED replays it).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlatform, type Platform } from '../../../infra/local/platform.js'
import { freePort } from '../../../infra/local/ports.js'
import { describeRequest, fuzzRequests, send } from '../../support/fuzz.js'
import { login } from '../../support/api.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 8)
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)

const dataDir = mkdtempSync(join(tmpdir(), 'do-fuzz-'))
let platform: Platform
let dynamo: DynamoDBClient

/** A hash of every item of the table (sorted by key), without the sign-in throttle's counters; and the count. */
async function tableState(): Promise<{ items: number; hash: string }> {
  const rows: string[] = []
  let start: ScanCommandOutput['LastEvaluatedKey']
  do {
    const page: ScanCommandOutput = await dynamo.send(new ScanCommand({ TableName: 'digital-office-local', ExclusiveStartKey: start }))
    for (const item of page.Items ?? []) {
      if (item.pk?.S?.startsWith('SIGNIN#')) continue
      rows.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))))
    }
    start = page.LastEvaluatedKey
  } while (start)
  rows.sort()
  return { items: rows.length, hash: createHash('sha256').update(rows.join('\n')).digest('hex') }
}

/** The table once nothing writes to it any more (the seed's workflows and projections have settled). */
async function settledState(): Promise<{ items: number; hash: string }> {
  let last = await tableState()
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000))
    const now = await tableState()
    if (now.hash === last.hash) return now
    last = now
  }
}

beforeAll(async () => {
  process.env.LOG_REQUESTS = 'false'
  const dynamoPort = await freePort()
  platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort, s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
  dynamo = new DynamoDBClient({ endpoint: `http://127.0.0.1:${dynamoPort}`, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
}, 240_000)
afterAll(async () => { dynamo?.destroy(); await platform?.stop(); rmSync(dataDir, { recursive: true, force: true }) })

describe('fuzzing every route of the route table', () => {
  it('answers no random request with a 5xx, and a route that refused every request changed nothing', async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${RUNS} requests per route and caller`)
    const admin = await login('admin', undefined, platform.url)
    const plan = fuzzRequests(SEED, RUNS, [admin.token, undefined])
    const serverErrors: string[] = []
    const changes: string[] = []
    let sent = 0
    let before = await settledState()
    for (const { route, requests } of plan) {
      const answers = await send(platform.url, requests)
      sent += answers.length
      for (const a of answers) if (a.status >= 500) serverErrors.push(`${a.status} ${describeRequest(a.request)} → ${a.text.slice(0, 200)}`)
      const accepted = answers.some((a) => a.status < 400)
      const after = await tableState()
      if (!accepted && after.hash !== before.hash) {
        // Let what a request started finish, then look again: a refusal must have changed nothing at all.
        const settled = await settledState()
        if (settled.hash !== before.hash) changes.push(`${route.method} ${route.path}: ${before.items} → ${settled.items} items, every answer a ${[...new Set(answers.map((a) => a.status))].join('/')}`)
        before = settled
      } else before = after
    }
    console.log(`fuzz: ${sent} requests over ${plan.length} routes`)
    expect(sent).toBeGreaterThan(plan.length * RUNS)
    expect(serverErrors).toEqual([])
    expect(changes).toEqual([])
  }, 1_800_000)
})
