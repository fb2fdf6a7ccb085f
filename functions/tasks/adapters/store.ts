/**
 * DynamoDB items of the tasks module: the task (under the unit it was given
 * from), its index keys chosen from its state (lead unit and lead person by
 * deadline; the due index only while open), and the assigner's pointer.
 * Keys come from shared/table/keys.ts.
 */
import { getRecord, getRecords, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { CLOSED_STATUSES, taskOwnerOf, type Task, type TaskStatus } from '../../../shared/tasks/contracts.js'

export const taskItem = (t: Task) => ({
  ...keys.task(t.ownerUnitId, t.taskId),
  ...keys.tasksOfLeadUnit(t.leadUnitId, t.deadline, t.taskId),
  ...(t.leadUser ? keys.tasksOfLeadUser(t.leadUser.userId, t.deadline, t.taskId) : {}),
  ...(inDueIndex(t) ? keys.taskDue(t.deadline, t.taskId) : {}),
  entity: ENTITY.task, schemaVersion: SCHEMA_VERSION, ...t,
})

/**
 * The due index holds what the daily sweep still has to look at: open tasks,
 * until their deadline has been escalated (an approved extension is a new
 * deadline, and the task comes back).
 */
export const inDueIndex = (t: Pick<Task, 'status' | 'deadline' | 'escalatedFor'>) => !CLOSED_STATUSES.includes(t.status) && t.escalatedFor !== t.deadline

export const assignerPointerItem = (t: Task) => ({
  ...keys.taskByAssigner(t.assigner.userId, t.createdAt, t.taskId), entity: ENTITY.taskPointer, schemaVersion: SCHEMA_VERSION,
  taskId: t.taskId, ownerUnitId: t.ownerUnitId,
})

export interface DueRange { from?: string; to?: string }

/** A deadline-ordered index partition, optionally between two deadlines (inclusive). */
function byDeadline(index: { name: string; partitionKey: string; sortKey: string }, pkValue: string, range: DueRange = {}): Promise<Task[]> {
  const names = { '#p': index.partitionKey, '#s': index.sortKey }
  const lo = range.from ?? '0000-00-00'
  const hi = `${range.to ?? '9999-99-99'}#~`
  return queryRecords<Task>({
    IndexName: index.name, KeyConditionExpression: '#p = :p and #s between :lo and :hi',
    ExpressionAttributeNames: names, ExpressionAttributeValues: { ':p': pkValue, ':lo': lo, ':hi': hi },
  })
}

/** What a page of a list keeps: a status, overdue or not (on `today`), only the tasks no person leads (a unit's own). */
export interface PageFilter extends DueRange { after?: string; limit: number; status?: TaskStatus; overdue?: boolean; today: string; unitLed?: boolean }
export interface Page { tasks: Task[]; more: boolean }

/**
 * One page of a deadline-ordered partition after the cursor (a sort key,
 * excluded), the filters in the query itself: "overdue" narrows the key range
 * to deadlines before today, status and the rest are DynamoDB filters, and
 * paging stops as soon as the page is full — the rest is never read.
 */
async function pageByDeadline(index: { name: string; partitionKey: string; sortKey: string }, pkValue: string, f: PageFilter): Promise<Page> {
  const names: Record<string, string> = { '#p': index.partitionKey, '#s': index.sortKey }
  const values: Record<string, unknown> = { ':p': pkValue }
  let lo = f.from ?? '0000-00-00'
  if (f.after && f.after > lo) lo = f.after
  let hi = `${f.to ?? '9999-99-99'}#~`
  if (f.overdue === true && f.today < hi) hi = f.today
  values[':lo'] = lo
  values[':hi'] = hi
  const filters: string[] = []
  const closed = () => CLOSED_STATUSES.map((c, i) => { values[`:c${i}`] = c; return `:c${i}` }).join(', ')
  if (f.status) { names['#st'] = 'status'; values[':st'] = f.status; filters.push('#st = :st') }
  if (f.overdue === true) { names['#st'] = 'status'; filters.push(`NOT (#st IN (${closed()}))`) }
  if (f.overdue === false) { names['#st'] = 'status'; values[':today'] = f.today; filters.push(`(#st IN (${closed()}) OR deadline >= :today)`) }
  if (f.unitLed) filters.push('attribute_not_exists(leadUser)')
  const want = f.limit + 2 // the cursor's own row may come back first; one more says whether there is a next page
  const rows = (await queryRecords<Task>({
    IndexName: index.name, KeyConditionExpression: '#p = :p and #s between :lo and :hi',
    ...(filters.length ? { FilterExpression: filters.join(' and ') } : {}),
    ExpressionAttributeNames: names, ExpressionAttributeValues: values, Limit: want,
  }, { max: want })).filter((t) => !f.after || `${t.deadline}#${t.taskId}` !== f.after)
  return { tasks: rows.slice(0, f.limit), more: rows.length > f.limit }
}

export const taskStore = {
  get: (taskId: string) => getRecord<Task>(keys.task(taskOwnerOf(taskId), taskId)),
  getMany: (taskIds: readonly string[]) => getRecords<Task>(taskIds.map((id) => keys.task(taskOwnerOf(id), id))),
  ofLeadUnit: (unitId: string, range?: DueRange) => byDeadline(TABLE.indexes.byCollection, keys.tasksOfLeadUnit(unitId, '', '').gsi1pk, range),
  ofLeadUser: (userId: string, range?: DueRange) => byDeadline(TABLE.indexes.byLookup, keys.tasksOfLeadUser(userId, '', '').gsi2pk, range),
  /** Open tasks whose deadline is on or before `to` (the sweep). */
  openDueBy: (to: string) => byDeadline(TABLE.indexes.byInbox, keys.taskDue('', '').gsi3pk, { to }),
  pageOfLeadUnit: (unitId: string, f: PageFilter) => pageByDeadline(TABLE.indexes.byCollection, keys.tasksOfLeadUnit(unitId, '', '').gsi1pk, f),
  pageOfLeadUser: (userId: string, f: PageFilter) => pageByDeadline(TABLE.indexes.byLookup, keys.tasksOfLeadUser(userId, '', '').gsi2pk, f),
  /**
   * "Assigned by me", newest first, a page at a time: the assigner's
   * pointers after the cursor (`<createdAt>#<taskId>`), their tasks read by
   * batch, kept when they pass the filter, until the page is full.
   */
  async pageByAssigner(userId: string, f: PageFilter & { keep: (t: Task) => boolean }): Promise<Page> {
    const k = keys.tasksByAssigner(userId)
    const out: Task[] = []
    let after = f.after
    for (;;) {
      const pointers = await queryRecords<{ taskId: string }>({
        KeyConditionExpression: 'pk = :pk and sk between :lo and :hi',
        ExpressionAttributeValues: { ':pk': k.pk, ':lo': k.skPrefix, ':hi': `${k.skPrefix}${after ?? '~'}` }, ScanIndexForward: false, Limit: f.limit + 2,
      })
      const got = new Map((await taskStore.getMany(pointers.map((p) => p.taskId))).map((t) => [t.taskId, t]))
      let last: string | undefined
      for (const p of pointers) {
        const t = got.get(p.taskId)
        if (!t) continue
        const key = `${t.createdAt}#${t.taskId}` // the pointer's own sort key
        if (after && key >= after) continue
        last = key
        if (f.keep(t)) out.push(t)
        if (out.length > f.limit) return { tasks: out.slice(0, f.limit), more: true }
      }
      if (pointers.length < f.limit + 2 || !last) return { tasks: out, more: false }
      after = last
    }
  },
  async byAssigner(userId: string): Promise<Task[]> {
    const pointers = await queryPrefix<{ taskId: string }>(keys.tasksByAssigner(userId))
    return taskStore.getMany(pointers.map((p) => p.taskId))
  },
}
