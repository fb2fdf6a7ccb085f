/**
 * Benchmark of the cases module (called by tests/bench/run.ts): cases of the
 * City Committee's Inspection Commission written straight into DynamoDB
 * Local through the module's own item mapping (no identity items: the list
 * never reads them), then the register's first page (GET /api/cases, 50,
 * keyset-paged, newest first) and a page of one state, p50/p95 over
 * sequential calls through the embedded gateway. 50,000 cases by default;
 * a quick run: `BENCH_CASES=5000 npx tsx tests/bench/cases.ts`. It measures,
 * never asserts.
 */
import { performance } from 'node:perf_hooks'
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Case } from '../../shared/cases/contracts.js'
import { benchPlatform } from './platform.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN }

export interface CasesBench { cases: number; loadSeconds: number; list: { p50: number; p95: number; listed: number; runs: number }; byState: { p50: number; p95: number; listed: number } }

export async function casesBench(log: (m: string) => void = console.log, total = Number(process.env.BENCH_CASES ?? 50_000)): Promise<CasesBench> {
  const { platform, call, token } = await benchPlatform('cases')
  try {
    const chair = await token('chunhiem.ubkt')
    const { caseItem } = await import('../../functions/cases/adapters/store.js')
    const { acceptanceDeadline } = await import('../../shared/cases/complaints.js')
    const { CALENDAR, addDays } = await import('../../shared/calendar/working-days.js')
    const { vietnamDate } = await import('../../shared/calendar/vietnam-time.js')
    const { documentClient } = await import('../../functions/lib/clients.js')
    const { env } = await import('../../functions/lib/env.js')
    const today = vietnamDate(new Date())
    const states = ['received', 'registered', 'classified', 'verifying', 'closed'] as const
    const make = (i: number): Case => {
      const receivedOn = addDays(today, -(i % 700))
      const at = new Date(Date.parse(`${receivedOn}T02:00:00Z`) + (i % 1000)).toISOString()
      return {
        caseId: `hn-ubkttu.cbench${i.toString(36).padStart(6, '0')}`, commissionId: 'hn-ubkttu', registerNo: `TC-${receivedOn.slice(0, 4)}-${String(i).padStart(5, '0')}`,
        type: 'denunciation', source: 'mail', receivedOn, subject: `Vụ việc đo hiệu năng ${i}`, summary: 'Nội dung đo hiệu năng', concerns: 'Chi bộ đo hiệu năng',
        anonymous: false, hasIdentity: false, state: states[i % states.length]!, acceptance: acceptanceDeadline('denunciation', receivedOn, CALENDAR),
        verifications: [], followUps: [], events: [], createdAt: at, updatedAt: at, version: 1,
      }
    }
    const t0 = performance.now()
    const table = env().TABLE_NAME
    const write = async (from: number) => {
      let RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [table]: Array.from({ length: Math.min(25, total - from) }, (_, k) => ({ PutRequest: { Item: caseItem(make(from + k)) as Record<string, unknown> } })),
      }
      while (RequestItems && Object.keys(RequestItems).length) RequestItems = (await documentClient().send(new BatchWriteCommand({ RequestItems }))).UnprocessedItems as typeof RequestItems
    }
    const pending: Promise<void>[] = []
    for (let i = 0; i < total; i += 25) {
      pending.push(write(i))
      if (pending.length >= 8) await Promise.all(pending.splice(0))
      if (i % 10_000 === 0 && i) log(`  written ${i} cases`)
    }
    await Promise.all(pending)
    const loadSeconds = round((performance.now() - t0) / 1000)
    log(`  ${total} cases written in ${loadSeconds} s`)
    const measure = async (path: string) => {
      const times: number[] = []
      let listed = 0
      for (let r = 0; r < 25; r++) {
        const s = performance.now()
        const res = await call(chair, 'GET', path)
        times.push(performance.now() - s)
        listed = (res.body.cases ?? []).length
      }
      return { p50: round(pct(times.slice(5), 50)), p95: round(pct(times.slice(5), 95)), listed, runs: times.length - 5 }
    }
    const list = await measure('/api/cases?commissionId=hn-ubkttu')
    const byState = await measure('/api/cases?commissionId=hn-ubkttu&state=verifying')
    log(`  case list: p50 ${list.p50} ms, p95 ${list.p95} ms; one state: p50 ${byState.p50} ms, p95 ${byState.p95} ms`)
    return { cases: total, loadSeconds, list, byState }
  } finally {
    await platform.stop()
  }
}

export function casesMarkdown(b: CasesBench): string[] {
  return [
    `## Cases (${b.cases} cases in one commission, written in ${b.loadSeconds} s)`, '',
    `- Case list (GET /api/cases, first page of ${b.list.listed}): p50 ${b.list.p50} ms, p95 ${b.list.p95} ms over ${b.list.runs} calls after 5 warm-up`,
    `- One state (verifying, ${b.byState.listed} listed): p50 ${b.byState.p50} ms, p95 ${b.byState.p95} ms`, '',
  ]
}

// Run alone: `npx tsx tests/bench/cases.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await casesBench()
  console.log(casesMarkdown(b).join('\n'))
  process.exit(0)
}
