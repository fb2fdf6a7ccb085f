/**
 * Scheduled jobs. CDK creates one EventBridge Scheduler schedule per entry;
 * the embedded runtime fires the same entries with croner.
 */
export interface ScheduleDefinition {
  readonly id: string
  /** Module id of a `schedule` module. */
  readonly module: 'ops'
  /** Cron with 6 fields as EventBridge Scheduler writes it: minutes hours day-of-month month day-of-week year. */
  readonly cron: string
  readonly timezone: string
  /** Passed as the event to the handler. */
  readonly input: { readonly job: string }
  readonly description: string
}

export const SCHEDULES: readonly ScheduleDefinition[] = [
  {
    id: 'overdue-approvals', module: 'ops', cron: '0/15 * * * ? *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'overdue-approvals' }, description: 'Mail a reminder for reorganisation approvals past half their deadline',
  },
  {
    id: 'daily-kpi-snapshot', module: 'ops', cron: '30 0 * * ? *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'kpi-snapshot' }, description: 'Snapshot of the KPIs per unit over its subtree (dashboards) and city-wide: documents handled digitally and on time, MFA, member records, archives, tasks',
  },
  {
    id: 'weekly-kpi-reports', module: 'ops', cron: '0 6 ? * MON *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'weekly-kpi-reports' }, description: 'Each Monday, the last week\'s KPI report of every city and ward unit (signed PDF, XLSX), a link mailed to its leaders',
  },
  {
    id: 'monthly-kpi-reports', module: 'ops', cron: '0 6 1 * ? *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'monthly-kpi-reports' }, description: 'On the 1st, the last month\'s KPI report of every city and ward unit (signed PDF, XLSX), a link mailed to its leaders',
  },
  {
    id: 'overdue-documents', module: 'ops', cron: '30 7 ? * MON-FRI *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'overdue-documents' }, description: 'Each working morning, mail the people responsible for incoming documents past their deadline',
  },
  {
    id: 'task-deadlines', module: 'ops', cron: '0 7 ? * MON-FRI *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'task-deadlines' }, description: 'Each working morning, remind the leads of tasks nearly due and tell the assigner\'s superior of tasks overdue (one sweep of the due index)',
  },
  {
    id: 'data-request-reminders', module: 'ops', cron: '15 7 ? * MON-FRI *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'data-request-reminders' }, description: 'Each working morning, remind the units that have not answered a data request due the next working day, and once more when it is past due (one sweep of the open index)',
  },
  {
    id: 'audit-checkpoints', module: 'ops', cron: '10 * * * ? *', timezone: 'Asia/Ho_Chi_Minh',
    input: { job: 'audit-checkpoints' }, description: 'Each hour, anchor the audit chain of every unit whose trail grew (count, last MAC, digest) in the Object Lock bucket, after verifying it',
  },
]

/** EventBridge cron (6 fields, `?`, year) → croner pattern (5 fields). */
export function toCronerPattern(cron: string): string {
  const fields = cron.split(/\s+/).slice(0, 5)
  const max = [59, 23, 31, 12, 7]
  // EventBridge writes "0/15" for "from 0 every 15"; croner wants a range ("0-59/15").
  const converted = fields.map((f, i) => (f === '?' ? '*' : f.replace(/^(\d+)\/(\d+)$/, (_, a: string, b: string) => `${a}-${max[i]}/${b}`)))
  // EventBridge numbers weekdays 1-7 from Sunday; croner 0-6 from Sunday.
  converted[4] = converted[4].replace(/\d+/g, (d) => String(Number(d) - 1))
  return converted.join(' ')
}
