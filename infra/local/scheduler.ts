/**
 * EventBridge Scheduler stand-in: fires the same schedule definitions
 * (infra/definitions/schedules.ts) with croner, in the schedule's time zone.
 */
import { Cron } from 'croner'
import { SCHEDULES, toCronerPattern } from '../definitions/schedules.js'

export function startScheduler(invoke: (moduleId: string, input: unknown) => Promise<unknown>, log: (m: string) => void): { stop(): void } {
  const jobs = SCHEDULES.map((s) => new Cron(toCronerPattern(s.cron), { timezone: s.timezone, protect: true }, async () => {
    try {
      const result = await invoke(s.module, s.input)
      log(`schedule ${s.id}: ${JSON.stringify(result)}`)
    } catch (err) {
      log(`schedule ${s.id} failed: ${(err as Error).message}`)
    }
  }))
  return { stop: () => jobs.forEach((j) => j.stop()) }
}
