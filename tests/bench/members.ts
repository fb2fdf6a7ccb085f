/**
 * Benchmarks of the Party members module (called by tests/bench/run.ts):
 *
 *  1. Monthly fee assessment of 100,000 members by the rule tables (the pure
 *     rule engine), and the stored assessment of one 2,000-member cell
 *     through the use case (DynamoDB Local transactions with audit).
 *  2. A bulk transfer of 5,000 members between two cells (resumable
 *     operation, in batches of 1,000 as an API client would send them).
 *  3. Procedure step latency on the embedded runtime: from a filed transfer
 *     or a decision to the next human step being ready (task token stored),
 *     and from the last approval to the signed letter.
 *
 * It measures, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { FEE_CATEGORIES, FEE_AREAS, monthOf, addMonths } from '../../shared/members/fees.js'
import type { PartyMember } from '../../shared/members/contracts.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN }

export interface MembersBench {
  assessment: { members: number; ms: number; perSecond: number; storedMembers: number; storedMs: number; storedPerSecond: number }
  bulk: { members: number; ms: number; perSecond: number; calls: number; balanced: boolean }
  steps: { transfers: number; toFirstStepP50: number; toFirstStepP95: number; toNextStepP50: number; toNextStepP95: number; toLetterP50: number; toLetterP95: number }
}

function syntheticMember(i: number, cellId: string, now: string): PartyMember {
  const category = FEE_CATEGORIES[i % FEE_CATEGORIES.length]
  return {
    memberId: `m-bench${String(i).padStart(8, '0')}${cellId.length}`, fullName: `Đảng viên ${i}`, cardNumber: String(90_000_000 + i), recordNumber: `B-${i}`,
    admissionDate: i % 97 === 0 ? '1970-01-01' : '2010-05-19', cellId, status: 'active',
    fee: {
      category, area: FEE_AREAS[i % FEE_AREAS.length],
      incomes: category === 'student' || category === 'other' ? [] : [{ from: '2020-01', amount: 5_000_000 + (i % 200) * 50_000 }],
      exemptions: i % 53 === 0 ? [{ reason: 'poor-household', from: '2026-01' }] : [],
      reductions: i % 41 === 0 ? [{ percent: 50, from: '2026-01', to: '2026-12' }] : [],
    },
    history: [], version: 1, createdAt: now, updatedAt: now,
  }
}

async function writeMembers(members: PartyMember[]): Promise<void> {
  const { documentClient } = await import('../../functions/lib/clients.js')
  const { env } = await import('../../functions/lib/env.js')
  const { memberItem } = await import('../../functions/members/adapters/store.js')
  for (let i = 0; i < members.length; i += 25) {
    let RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = { [env().TABLE_NAME]: members.slice(i, i + 25).map((m) => ({ PutRequest: { Item: memberItem(m) } })) }
    while (RequestItems && Object.keys(RequestItems).length) {
      const res = await documentClient().send(new BatchWriteCommand({ RequestItems }))
      RequestItems = res.UnprocessedItems as typeof RequestItems
    }
  }
}

export async function membersBench(log: (m: string) => void = console.log): Promise<MembersBench> {
  const { assessAll } = await import('../../functions/members/usecases/fees.js')
  const now = new Date()
  const month = addMonths(monthOf(now.toISOString()), -1)

  // 1a. The rule engine alone, 100,000 members.
  const many = Array.from({ length: 100_000 }, (_, i) => syntheticMember(i, 'bench-cell', now.toISOString()))
  assessAll(many.slice(0, 5_000), month) // warm-up (JIT)
  const t0 = performance.now()
  const { entries, missing } = assessAll(many, month)
  const ms = performance.now() - t0
  log(`  assessed ${entries.length + missing.length} members in ${round(ms)} ms`)

  const { startPlatform } = await import('../../infra/local/platform.js')
  const { freePort } = await import('../../infra/local/ports.js')
  const dataDir = mkdtempSync(join(tmpdir(), 'do-bench-members-'))
  process.env.LOG_REQUESTS = 'false'
  const platform = await startPlatform({ dataDir, port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), sfnPort: await freePort(), schedules: false })
  try {
    const api = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      return { status: res.status, body: await res.json() as any }
    }
    const token = async (username: string) => ((await (await fetch(`${platform.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'DigitalOffice@2026' }) })).json()) as { token: string }).token
    const admin = await token('admin')
    const cell = async (name: string) => {
      const unitId = `p-hoankiem-cb-bench-${Math.random().toString(36).slice(2, 8)}`
      await api(admin, 'POST', '/api/units', { unitId, code: 'CB', name, level: 'cell', kind: 'cell', parentId: 'p-hoankiem', validFrom: '2026-01-01' })
      return unitId
    }

    // 1b. A 2,000-member cell assessed and stored (one transaction per 80 members, with the audit chain).
    const big = await cell('Chi bộ đo hiệu năng (tính đảng phí)')
    await writeMembers(Array.from({ length: 2_000 }, (_, i) => syntheticMember(200_000 + i, big, now.toISOString())))
    const t1 = performance.now()
    const assessed = await api(admin, 'POST', '/api/members/fees/assessments', { cellId: big, month })
    const storedMs = performance.now() - t1
    log(`  stored assessment: ${assessed.status}, ${assessed.body.assessments?.length} members in ${round(storedMs)} ms`)

    // 2. Bulk transfer of 5,000 members.
    const from = await cell('Chi bộ đo hiệu năng (nguồn)')
    const to = await cell('Chi bộ đo hiệu năng (đích)')
    await writeMembers(Array.from({ length: 5_000 }, (_, i) => syntheticMember(300_000 + i, from, now.toISOString())))
    const op = { operationId: `bench-${Date.now()}`, reason: 'Đo hiệu năng chuyển hàng loạt', moves: [{ fromCellId: from, toCellId: to }], batch: 1_000 }
    const t2 = performance.now()
    let calls = 0
    let res: { status: number; body: any }
    do { res = await api(admin, 'POST', '/api/members/bulk-transfers', op); calls++ } while (res.status === 202 && calls < 20)
    const bulkMs = performance.now() - t2
    log(`  bulk transfer: ${res.status} in ${calls} calls, ${round(bulkMs)} ms, balanced ${res.body.operation?.report?.balanced}`)

    // 3. Step latency of the transfer procedure.
    const { memberStore } = await import('../../functions/members/adapters/store.js')
    const until = async (transferId: string, check: (t: any) => boolean) => {
      const start = performance.now()
      for (;;) {
        const t = await memberStore.getTransfer(transferId)
        if (t && check(t)) return performance.now() - start
        await new Promise((r) => setTimeout(r, 5))
      }
    }
    const home = await cell('Chi bộ đo hiệu năng (thủ tục)')
    const secretaryName = `bithu.bench${Math.random().toString(36).slice(2, 6)}`
    await api(admin, 'POST', '/api/users', { username: secretaryName, fullName: 'Bí Thư Đo', assignments: [{ unitId: home, role: 'secretary' }], password: 'DigitalOffice@2026' })
    const [secretary, ward, city] = [await token(secretaryName), await token('bithu.hoankiem'), await token('bithu.tu')]
    const first: number[] = []
    const next: number[] = []
    const letter: number[] = []
    const N = Number(process.env.BENCH_TRANSFERS ?? 10)
    for (let i = 0; i < N; i++) {
      const m = await api(admin, 'POST', '/api/members', { fullName: `Đảng viên thủ tục ${i}`, cardNumber: String(80_000_000 + Math.floor(Math.random() * 9_999_999)), recordNumber: `BT-${i}`, admissionDate: '2015-05-19', cellId: home, fee: { category: 'student' } })
      const s0 = performance.now()
      const filed = await api(admin, 'POST', '/api/members/transfers', { memberId: m.body.member.memberId, toUnitId: 'p-hoankiem-cb-hangdao', reason: 'Đo độ trễ thủ tục' })
      const id = filed.body.transfer.transferId
      await until(id, (t) => !!t.taskToken && t.currentStep === 0)
      first.push(performance.now() - s0)
      const s1 = performance.now()
      await api(secretary, 'POST', `/api/members/transfers/${id}/decision`, { approved: true })
      await until(id, (t) => !!t.taskToken && t.currentStep === 1)
      next.push(performance.now() - s1)
      await api(ward, 'POST', `/api/members/transfers/${id}/decision`, { approved: true })
      await until(id, (t) => !!t.taskToken && t.currentStep === 2)
      const s2 = performance.now()
      await api(city, 'POST', `/api/members/transfers/${id}/decision`, { approved: true })
      await until(id, (t) => !!t.letter)
      letter.push(performance.now() - s2)
    }
    return {
      assessment: { members: many.length, ms: round(ms), perSecond: Math.round(many.length / (ms / 1000)), storedMembers: 2_000, storedMs: round(storedMs), storedPerSecond: Math.round(2_000 / (storedMs / 1000)) },
      bulk: { members: 5_000, ms: round(bulkMs), perSecond: Math.round(5_000 / (bulkMs / 1000)), calls, balanced: !!res.body.operation?.report?.balanced },
      steps: {
        transfers: N, toFirstStepP50: round(pct(first, 50)), toFirstStepP95: round(pct(first, 95)), toNextStepP50: round(pct(next, 50)), toNextStepP95: round(pct(next, 95)),
        toLetterP50: round(pct(letter, 50)), toLetterP95: round(pct(letter, 95)),
      },
    }
  } finally {
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function membersMarkdown(r: MembersBench): string[] {
  return [
    '## Party members', '',
    '| measure | figure |', '|---|---|',
    `| fee assessment, rule engine | ${r.assessment.members} members in ${r.assessment.ms} ms (${r.assessment.perSecond} members/s) |`,
    `| fee assessment, stored (one cell, DynamoDB Local + audit) | ${r.assessment.storedMembers} members in ${r.assessment.storedMs} ms (${r.assessment.storedPerSecond} members/s) |`,
    `| bulk transfer | ${r.bulk.members} members in ${r.bulk.ms} ms (${r.bulk.perSecond} members/s, ${r.bulk.calls} calls, balanced: ${r.bulk.balanced}) |`,
    `| filed → first human step ready (p50 / p95, ${r.steps.transfers} transfers) | ${r.steps.toFirstStepP50} / ${r.steps.toFirstStepP95} ms |`,
    `| decision → next step ready (p50 / p95) | ${r.steps.toNextStepP50} / ${r.steps.toNextStepP95} ms |`,
    `| last approval → signed letter issued (p50 / p95) | ${r.steps.toLetterP50} / ${r.steps.toLetterP95} ms |`, '',
  ]
}

// `npx tsx tests/bench/members.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await membersBench()
  console.log(membersMarkdown(r).join('\n'))
  process.exit(0)
}
