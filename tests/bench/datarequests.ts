/**
 * Benchmark of the data requests module (called by tests/bench/run.ts): a
 * request of the City Committee sent to 500 wards (written into the bench's
 * own platform as a bulk load, then sent through the use case), every ward's
 * answer written through the module's own item mapping, then the
 * consolidated table (GET /api/datarequests/{id}/consolidated: one query of
 * the request's answers, the table and totals) p50/p95 over sequential calls
 * through the embedded gateway, and one XLSX export. It measures, never asserts.
 */
import { performance } from 'node:perf_hooks'
import { benchPlatform } from './platform.js'
import { HOUSEHOLD_FORM } from '../support/datarequest-form.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN }

export interface DataRequestsBench {
  units: number
  loadSeconds: number
  consolidated: { runs: number; p50: number; p95: number; rows: number; total: number | null }
  exportXlsxMs: number
}

export async function dataRequestsBench(log: (m: string) => void = console.log, units = Number(process.env.BENCH_DATAREQUEST_UNITS ?? 500)): Promise<DataRequestsBench> {
  const { platform, call, token } = await benchPlatform('datarequests')
  try {
    const city = await token('bithu.tu')
    const { documentClient } = await import('../../functions/lib/clients.js')
    const { env } = await import('../../functions/lib/env.js')
    const { writeUnits } = await import('../support/synthetic-units.js')
    const { appendTreeChange } = await import('../../functions/lib/adapters/tree-log.js')
    const { orgContext, resolveActor } = await import('../../functions/org/usecases/context.js')
    const uc = await import('../../functions/datarequests/usecases/requests.js')
    const { answerItem } = await import('../../functions/datarequests/adapters/store.js')
    const { putItems } = await import('../../functions/lib/adapters/items.js')
    const { CALENDAR } = await import('../../shared/calendar/working-days.js')
    const { vietnamDate } = await import('../../shared/calendar/vietnam-time.js')
    const t0 = performance.now()
    const now = new Date().toISOString()
    const from = '2025-07-01'
    const wards = Array.from({ length: units }, (_, i) => {
      const unitId = `bench-drq-p${i + 1}`
      const name = `Đảng ủy phường Đo hiệu năng ${String(i + 1).padStart(3, '0')}`
      return { unitId, code: 'ĐU', name, level: 'commune', kind: 'party-committee' as const, parentId: 'hn-tu', validFrom: from, parents: [{ parentId: 'hn-tu', from }], names: [{ name, code: 'ĐU', from }], predecessors: [], successors: [], version: 1, createdAt: now, updatedAt: now }
    })
    await writeUnits(documentClient(), env().TABLE_NAME, wards)
    await appendTreeChange({ unitIds: [], reload: true })
    const ctx = orgContext(await resolveActor({ username: 'bithu.tu' }), '127.0.0.1')
    const sent = await uc.createRequest(ctx, {
      title: 'Số liệu đo hiệu năng', periodFrom: '2026-01-01', periodTo: '2026-06-30', deadline: CALENDAR.addWorkingDays(vietnamDate(), 5), send: true,
      indicators: [
        ...HOUSEHOLD_FORM,
        { code: '4', name: 'Kiến nghị', unit: '', type: 'text', optional: true },
      ],
      recipientUnitIds: wards.map((w) => w.unitId),
    })
    const at = new Date().toISOString()
    await putItems(wards.map((w, i) => answerItem({
      requestId: sent.requestId, unitId: w.unitId, values: { '1': 1000 + 2 * i, '1.1': 1000 + i, '1.2': i, '2': i % 101, '3': i * 1.25, '4': i % 3 ? null : 'Không' },
      via: 'form', answeredBy: { userId: 'bench', fullName: 'Đo hiệu năng' }, firstAnsweredAt: at, answeredAt: at, answeredOn: vietnamDate(), version: 1,
    })), 8)
    const loadSeconds = round((performance.now() - t0) / 1000)
    log(`  ${units} wards, the request and their answers written in ${loadSeconds} s`)

    const times: number[] = []
    let rows = 0
    let total: number | null = null
    for (let r = 0; r < 25; r++) {
      const s = performance.now()
      const res = await call(city, 'GET', `/api/datarequests/${sent.requestId}/consolidated`)
      times.push(performance.now() - s)
      rows = res.body.rows?.length ?? 0
      total = res.body.totals?.[0]?.value ?? null
    }
    const consolidated = { runs: times.length, p50: round(pct(times.slice(5), 50)), p95: round(pct(times.slice(5), 95)), rows, total }
    log(`  consolidated: p50 ${consolidated.p50} ms, p95 ${consolidated.p95} ms (${rows} rows, total ${total})`)
    const s = performance.now()
    await call(city, 'GET', `/api/datarequests/${sent.requestId}/export?format=xlsx`)
    const exportXlsxMs = round(performance.now() - s)
    log(`  XLSX export: ${exportXlsxMs} ms`)
    return { units, loadSeconds, consolidated, exportXlsxMs }
  } finally {
    await platform.stop()
  }
}

export function dataRequestsMarkdown(b: DataRequestsBench): string[] {
  return [
    `## Data requests (a request answered by ${b.units} wards, written in ${b.loadSeconds} s)`, '',
    `- Consolidated table (GET /api/datarequests/{id}/consolidated, ${b.consolidated.rows} rows, first total ${b.consolidated.total}): p50 ${b.consolidated.p50} ms, p95 ${b.consolidated.p95} ms over ${b.consolidated.runs - 5} calls after 5 warm-up`,
    `- XLSX export of the table: ${b.exportXlsxMs} ms`, '',
  ]
}

// Run alone: `npx tsx tests/bench/datarequests.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await dataRequestsBench()
  console.log(dataRequestsMarkdown(b).join('\n'))
  process.exit(0)
}
