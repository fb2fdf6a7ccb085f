/**
 * Benchmarks of the tasks module (called by tests/bench/run.ts), with
 * 100,000 tasks in the city written straight into DynamoDB Local through the
 * module's own item mapping:
 *
 *  1. "My tasks" (GET /api/tasks?view=mine) for a specialist of Hoàn Kiếm: the
 *     tasks she leads and those led by units where she may report — the
 *     first page (50, keyset-paged: each partition read only up to the page)
 *     — p50/p95 over sequential calls through the embedded gateway.
 *  2. The daily deadline sweep (the ops job's use case) over the due index:
 *     how long it takes, how many open tasks it reads and how many it acts on
 *     (200 not yet reminded or escalated; the rest already marked or far off;
 *     tasks whose deadline was escalated have left the due index).
 *
 * It measures, never asserts.
 */
import { performance } from 'node:perf_hooks'
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Task } from '../../shared/tasks/contracts.js'
import { benchPlatform } from './platform.js'

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN }

export interface TasksBench {
  tasks: number
  loadSeconds: number
  mine: { runs: number; p50: number; p95: number; listed: number }
  sweep: { ms: number; read: number; reminded: number; escalated: number }
}

const UNITS = ['p-hoankiem', 'p-hoankiem-cb-hangbac', 'p-hoankiem-cb-hangdao', 'p-badinh']

export async function tasksBench(log: (m: string) => void = console.log, total = Number(process.env.BENCH_TASKS ?? 100_000)): Promise<TasksBench> {
  const { platform, call, token } = await benchPlatform('tasks')
  try {
    const specialist = await token('chuyenvien.hoankiem')
    const secretary = await token('bithu.hoankiem')
    const lead = (await call(specialist, 'GET', '/api/me')).body.user as { userId: string; fullName: string }
    const assigner = (await call(secretary, 'GET', '/api/me')).body.user as { userId: string; fullName: string }

    const { CALENDAR, addDays } = await import('../../shared/calendar/working-days.js')
    const { vietnamDate } = await import('../../shared/calendar/vietnam-time.js')
    const { taskItem } = await import('../../functions/tasks/adapters/store.js')
    const { documentClient } = await import('../../functions/lib/clients.js')
    const { env } = await import('../../functions/lib/env.js')
    const today = vietnamDate(new Date())
    const now = new Date().toISOString()
    const task = (i: number): Task => {
      // Deadlines from 60 working days ago to 300 ahead; overdue ones already escalated, near ones already reminded — but the first 200.
      const offset = (i * 7919) % 360 - 60
      const deadline = offset >= 0 ? CALENDAR.addWorkingDays(today, offset) : addDays(today, offset)
      const marked = i >= 200
      const leadUnitId = UNITS[i % UNITS.length]!
      return {
        taskId: `${leadUnitId === 'p-badinh' ? 'p-badinh' : 'p-hoankiem'}.tbench${i.toString(36).padStart(6, '0')}`,
        ownerUnitId: leadUnitId === 'p-badinh' ? 'p-badinh' : 'p-hoankiem',
        title: `Nhiệm vụ đo hiệu năng ${i}`, source: { kind: 'direct' }, priority: 'normal',
        assigner: { userId: assigner.userId, fullName: assigner.fullName },
        leadUnitId, ...(i % 2000 === 0 ? { leadUser: { userId: lead.userId, fullName: lead.fullName } } : {}),
        coordinatingUnitIds: [], watchers: [], assignedOn: today, deadline, originalDeadline: deadline,
        status: i % 5 === 0 ? 'done' : 'in-progress', percent: 50, reports: [], extensions: [], events: [],
        ...(marked && offset < 0 ? { escalatedFor: deadline } : {}), ...(marked && offset >= 0 && offset <= 2 ? { remindedFor: deadline } : {}),
        createdAt: now, updatedAt: now, version: 1,
      }
    }
    const t0 = performance.now()
    const table = env().TABLE_NAME
    const batches: Promise<void>[] = []
    const writeBatch = async (from: number) => {
      let RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [table]: Array.from({ length: Math.min(25, total - from) }, (_, k) => ({ PutRequest: { Item: taskItem(task(from + k)) as Record<string, unknown> } })),
      }
      while (RequestItems && Object.keys(RequestItems).length) {
        const res = await documentClient().send(new BatchWriteCommand({ RequestItems }))
        RequestItems = res.UnprocessedItems as typeof RequestItems
      }
    }
    for (let i = 0; i < total; i += 25) {
      batches.push(writeBatch(i))
      if (batches.length >= 8) await Promise.all(batches.splice(0))
      if (i % 20_000 === 0 && i) log(`  written ${i} tasks`)
    }
    await Promise.all(batches)
    const loadSeconds = round((performance.now() - t0) / 1000)
    log(`  ${total} tasks written in ${loadSeconds} s`)

    // 1. My tasks.
    const times: number[] = []
    let listed = 0
    for (let r = 0; r < 20; r++) {
      const s = performance.now()
      const res = await call(specialist, 'GET', '/api/tasks?view=mine')
      times.push(performance.now() - s)
      listed = (res.body.tasks ?? res.body.items ?? []).length
    }
    const mine = { runs: times.length, p50: round(pct(times.slice(5), 50)), p95: round(pct(times.slice(5), 95)), listed }
    log(`  my tasks: p50 ${mine.p50} ms, p95 ${mine.p95} ms (${listed} listed)`)

    // 2. The sweep.
    const { sweepTaskDeadlines } = await import('../../functions/tasks/usecases/sweep.js')
    const day = CALENDAR.isWorkingDay(today) ? new Date() : new Date(`${CALENDAR.addWorkingDays(today, 1)}T02:00:00Z`)
    const s = performance.now()
    const result = await sweepTaskDeadlines(day) as { read: number; reminded: number; escalated: number }
    const sweep = { ms: round(performance.now() - s), read: result.read ?? 0, reminded: result.reminded ?? 0, escalated: result.escalated ?? 0 }
    log(`  sweep: ${sweep.ms} ms, read ${sweep.read} open tasks, reminded ${sweep.reminded}, escalated ${sweep.escalated}`)
    return { tasks: total, loadSeconds, mine, sweep }
  } finally {
    await platform.stop()
  }
}

export function tasksMarkdown(b: TasksBench): string[] {
  return [
    `## Tasks (${b.tasks} tasks in the city, written in ${b.loadSeconds} s)`, '',
    `- My tasks (GET /api/tasks?view=mine, ${b.mine.listed} listed): p50 ${b.mine.p50} ms, p95 ${b.mine.p95} ms over ${b.mine.runs - 5} calls after 5 warm-up`,
    `- Deadline sweep: ${b.sweep.ms} ms — read ${b.sweep.read} open tasks from the due index, reminded ${b.sweep.reminded}, escalated ${b.sweep.escalated}`, '',
  ]
}

// Run alone: `npx tsx tests/bench/tasks.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  const b = await tasksBench()
  console.log(tasksMarkdown(b).join('\n'))
  process.exit(0)
}
