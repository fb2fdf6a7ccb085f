/**
 * DynamoDB items of the tasks module: the task (under the unit it was given
 * from), its index keys chosen from its state (lead unit and lead person by
 * deadline; the due index only while open), and the assigner's pointer.
 * Keys come from shared/table/keys.ts.
 */
import { getRecord, getRecords, queryPrefix, queryRecords } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { TABLE } from '../../../shared/table/definition.js'
import { CLOSED_STATUSES, taskOwnerOf, type Task } from '../../../shared/tasks/contracts.js'

export const taskItem = (t: Task) => ({
  ...keys.task(t.ownerUnitId, t.taskId),
  ...keys.tasksOfLeadUnit(t.leadUnitId, t.deadline, t.taskId),
  ...(t.leadUser ? keys.tasksOfLeadUser(t.leadUser.userId, t.deadline, t.taskId) : {}),
  ...(CLOSED_STATUSES.includes(t.status) ? {} : keys.taskDue(t.deadline, t.taskId)),
  entity: ENTITY.task, schemaVersion: SCHEMA_VERSION, ...t,
})

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

export const taskStore = {
  get: (taskId: string) => getRecord<Task>(keys.task(taskOwnerOf(taskId), taskId)),
  getMany: (taskIds: readonly string[]) => getRecords<Task>(taskIds.map((id) => keys.task(taskOwnerOf(id), id))),
  ofLeadUnit: (unitId: string, range?: DueRange) => byDeadline(TABLE.indexes.byCollection, keys.tasksOfLeadUnit(unitId, '', '').gsi1pk, range),
  ofLeadUser: (userId: string, range?: DueRange) => byDeadline(TABLE.indexes.byLookup, keys.tasksOfLeadUser(userId, '', '').gsi2pk, range),
  /** Open tasks whose deadline is on or before `to` (the sweep). */
  openDueBy: (to: string) => byDeadline(TABLE.indexes.byInbox, keys.taskDue('', '').gsi3pk, { to }),
  async byAssigner(userId: string): Promise<Task[]> {
    const pointers = await queryPrefix<{ taskId: string }>(keys.tasksByAssigner(userId))
    return taskStore.getMany(pointers.map((p) => p.taskId))
  },
}
