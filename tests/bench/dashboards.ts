/**
 * Benchmarks of the KPI dashboards (called by tests/bench/run.ts), with
 * 5,000 more units in the city written straight into DynamoDB Local through
 * the organisation's own item mapping (100 wards under the City Committee,
 * 49 cells under each), then carried to the read model by the stream:
 *
 *  1. The daily snapshot (the ops job's use case): every live unit's figures
 *     over its subtree in one read-model query, and the BatchWrite of one
 *     item per unit — time of each part.
 *  2. GET /api/dashboards p50/p95 over sequential calls through the embedded
 *     gateway: the city (its ranking over 100+ units below) as its Secretary,
 *     and one of the new wards (49 cells below) as the administrator.
 *
 * It measures, never asserts.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Unit } from '../../shared/org/contracts.js'
import { benchPlatform } from './platform.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN }

interface Latency { runs: number; p50: number; p95: number; ranked: number }
export interface DashboardsBench {
  units: number
  loadSeconds: number
  snapshot: { units: number; computeMs: number; writeMs: number; totalMs: number }
  city: Latency
  ward: Latency
}

const WARDS = 100
const CELLS = 49
const RUNS = 30
const WARM_UP = 5

export async function dashboardsBench(log: (m: string) => void = console.log, wards = Number(process.env.BENCH_DASHBOARD_WARDS ?? WARDS)): Promise<DashboardsBench> {
  const { platform, call, token } = await benchPlatform('dashboards')
  try {
    const secretary = await token('bithu.tu')
    const admin = await token('admin')

    const { unitItem } = await import('../../functions/org/adapters/store.js')
    const { putItems } = await import('../../functions/lib/adapters/items.js')
    const now = new Date().toISOString()
    const unit = (unitId: string, code: string, name: string, level: string, kind: Unit['kind'], parentId: string): Unit => ({
      unitId, code, name, level, kind, parentId, validFrom: '2025-07-01', predecessors: [], successors: [],
      parents: [{ parentId, from: '2025-07-01' }], names: [{ name, code, from: '2025-07-01' }], version: 1, createdAt: now, updatedAt: now,
    } as Unit)
    const units: Unit[] = []
    for (let w = 0; w < wards; w++) {
      const ward = `p-bench${String(w).padStart(3, '0')}`
      units.push(unit(ward, 'ĐU', `Đảng ủy phường Đo Lường ${w + 1}`, 'commune', 'party-committee', 'hn-tu'))
      for (let c = 0; c < CELLS; c++) units.push(unit(`${ward}-cb${c + 1}`, 'CB', `Chi bộ số ${c + 1} phường Đo Lường ${w + 1}`, 'cell', 'cell', ward))
    }
    const t0 = performance.now()
    await putItems(units.map((u) => unitItem(u) as Record<string, unknown>), 8)
    await platform.drain()
    const loadSeconds = round((performance.now() - t0) / 1000)
    log(`  ${units.length} units written and in the read model in ${loadSeconds} s`)

    // 1. The snapshot, as the 00:30 job runs it.
    const { snapshotUnits } = await import('../../functions/dashboards/usecases/snapshot.js')
    const s = performance.now()
    const result = await snapshotUnits(new Date())
    const snapshot = { units: result.units, computeMs: result.computeMs, writeMs: result.writeMs, totalMs: round(performance.now() - s) }
    log(`  snapshot: ${snapshot.units} units in ${snapshot.totalMs} ms (query ${snapshot.computeMs} ms, BatchWrite ${snapshot.writeMs} ms)`)

    // 2. The dashboard, sequential calls.
    const latency = async (who: string, unitId: string): Promise<Latency> => {
      const times: number[] = []
      let ranked = 0
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now()
        const res = await call(who, 'GET', `/api/dashboards?unitId=${encodeURIComponent(unitId)}`)
        times.push(performance.now() - t)
        if (res.status !== 200) throw new Error(`GET /api/dashboards?unitId=${unitId}: ${res.status} ${JSON.stringify(res.body)}`)
        ranked = (res.body.ranking?.['documents.digital'] ?? []).length
      }
      const measured = times.slice(WARM_UP)
      return { runs: measured.length, p50: round(pct(measured, 50)), p95: round(pct(measured, 95)), ranked }
    }
    const city = await latency(secretary, 'hn-tu')
    log(`  city dashboard: p50 ${city.p50} ms, p95 ${city.p95} ms (${city.ranked} units ranked)`)
    const ward = await latency(admin, 'p-bench000')
    log(`  ward dashboard: p50 ${ward.p50} ms, p95 ${ward.p95} ms (${ward.ranked} cells ranked)`)
    return { units: units.length, loadSeconds, snapshot, city, ward }
  } finally {
    await platform.stop()
  }
}

export function dashboardsMarkdown(b: DashboardsBench): string[] {
  return [
    `## KPI dashboards (${b.units} more units written into the table, in the read model after ${b.loadSeconds} s)`, '',
    `- Daily snapshot of ${b.snapshot.units} units over their subtrees: ${b.snapshot.totalMs} ms — read-model query ${b.snapshot.computeMs} ms, BatchWrite of one item per unit ${b.snapshot.writeMs} ms`,
    `- City dashboard (GET /api/dashboards?unitId=hn-tu, ${b.city.ranked} units ranked below): p50 ${b.city.p50} ms, p95 ${b.city.p95} ms over ${b.city.runs} sequential calls after ${WARM_UP} warm-up`,
    `- Ward dashboard (${b.ward.ranked} cells ranked below): p50 ${b.ward.p50} ms, p95 ${b.ward.p95} ms over ${b.ward.runs} sequential calls after ${WARM_UP} warm-up`, '',
  ]
}

// Run alone: `npx tsx tests/bench/dashboards.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await dashboardsBench()
  console.log(dashboardsMarkdown(b).join('\n'))
  // Alone, its own result file next to the full run's.
  const { mkdirSync, writeFileSync } = await import('node:fs')
  mkdirSync('bench-results', { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(join('bench-results', `dashboards-${stamp}.json`), JSON.stringify(b, null, 2))
  writeFileSync(join('bench-results', 'dashboards-latest.md'), dashboardsMarkdown(b).join('\n'))
  console.log(`Written to bench-results/dashboards-${stamp}.json and bench-results/dashboards-latest.md`)
  process.exit(0)
}
