/**
 * The tasks module's contracts: a task (nhiệm vụ) given by a leader to one
 * lead (a unit, or a person of that unit), with coordinating units, watchers,
 * a deadline on the working-day calendar, progress reports, an evaluation,
 * extension requests and sub-tasks. Request bodies are strict (unknown fields
 * are rejected). Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { documentId } from '../documents/contracts.js'
import { resolutionId } from '../cases/contracts.js'
import { itemId as programmeItemId, programmeId } from '../programmes/contracts.js'
import type { PersonRef } from '../documents/contracts.js'

/** `<owner unit id>.t<random>`: the unit the task was given from is part of its id, so its key derives from it. */
export const taskId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.t[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const taskOwnerOf = (id: string): string => id.slice(0, id.indexOf('.'))
const userRef = z.string().min(1).max(256)
const text = (max: number) => z.string().trim().min(1).max(max)

export const TASK_STATUSES = ['assigned', 'accepted', 'in-progress', 'submitted', 'done', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
/** States after which nothing changes. */
export const CLOSED_STATUSES: readonly TaskStatus[] = ['done', 'cancelled']
export const TASK_PRIORITIES = ['normal', 'high', 'urgent'] as const
export type TaskPriority = (typeof TASK_PRIORITIES)[number]
/** The quality scale of an evaluation: 1 (poor) … 5 (excellent). */
export const QUALITY_SCALE = [1, 2, 3, 4, 5] as const

const DirectSource = z.strictObject({ kind: z.literal('direct') })
const DocumentSource = z.strictObject({ kind: z.literal('document'), documentId })
/**
 * Where a task comes from. A programme item and a People's Council
 * resolution give tasks only through their own use cases (which check the
 * programme or resolution), so those two kinds are not accepted from
 * `POST /api/tasks`; each carries the names its task page shows (the
 * programme's title and the item's content; the resolution's number and
 * title) as they were when the task was given.
 */
export const TaskSource = z.discriminatedUnion('kind', [
  DirectSource,
  DocumentSource,
  z.strictObject({ kind: z.literal('programme'), programmeId, itemId: programmeItemId, programmeTitle: text(300), itemContent: text(2000) }),
  z.strictObject({ kind: z.literal('resolution'), resolutionId, name: text(400) }),
])
export type TaskSource = z.infer<typeof TaskSource>
/** The sources a person may name when giving a task directly. */
export const DirectTaskSource = z.discriminatedUnion('kind', [DirectSource, DocumentSource])

export const CreateTaskBody = z.strictObject({
  title: text(300),
  description: z.string().trim().max(5000).optional(),
  source: DirectTaskSource.default({ kind: 'direct' }),
  leadUnitId: unitId,
  /** A person of the lead unit who leads it personally; without one, the unit leads. */
  leadUserId: userRef.optional(),
  coordinatingUnitIds: z.array(unitId).max(30).default([]),
  watcherIds: z.array(userRef).max(30).default([]),
  deadline: isoDate,
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  parentTaskId: taskId.optional(),
})
export type CreateTaskBody = z.infer<typeof CreateTaskBody>
/** What the tasks module's createTask takes from other use cases: any source. */
export type NewTask = Omit<CreateTaskBody, 'source'> & { source: TaskSource }

/** Every change names the version it was made on; a stale one is a 409. */
const versioned = { version: z.number().int().min(1) }
export const AcceptBody = z.strictObject({ ...versioned, comment: z.string().trim().max(2000).optional() })
export const ProgressBody = z.strictObject({ ...versioned, percent: z.number().int().min(0).max(100), text: text(5000) })
export const SubmitBody = z.strictObject({ ...versioned, text: text(5000) })
export const EvaluateBody = z.strictObject({ ...versioned, quality: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() })
export const ReturnBody = z.strictObject({ ...versioned, comment: text(2000) })
export const CancelBody = z.strictObject({ ...versioned, reason: text(2000) })
export const ExtensionRequestBody = z.strictObject({ ...versioned, until: isoDate, reason: text(2000) })
export const ExtensionDecisionBody = z.strictObject({ ...versioned, approve: z.boolean(), comment: z.string().trim().max(2000).optional() })
export type ProgressBody = z.infer<typeof ProgressBody>
export type EvaluateBody = z.infer<typeof EvaluateBody>
export type ExtensionRequestBody = z.infer<typeof ExtensionRequestBody>
export type ExtensionDecisionBody = z.infer<typeof ExtensionDecisionBody>

/**
 * A page cursor: the sort key of the last task shown (`<deadline>#<taskId>`
 * for the lead lists, `<createdAt>#<taskId>` for "assigned by me"), opaque
 * to the client (base64url).
 */
const CURSOR_KEY = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?#[a-z0-9][a-z0-9-]{1,62}\.t[a-z0-9]{4,40}$/
export const encodeCursor = (key: string): string => btoa(key).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
export function decodeCursor(cursor: string): string | undefined {
  try {
    const key = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    return CURSOR_KEY.test(key) ? key : undefined
  } catch { return undefined }
}
export interface TaskPage<T> { tasks: T[]; next?: string }

export const TASK_VIEWS = ['mine', 'assigned', 'unit'] as const
export const TaskListQuery = z.strictObject({
  view: z.enum(TASK_VIEWS).default('mine'),
  unitId: unitId.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  /** A page of at most this many tasks (keyset paging: the answer's `next` is the cursor of the next page). */
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(400).transform((c, ctx) => {
    const k = decodeCursor(c)
    if (!k) ctx.addIssue({ code: 'custom', message: 'field.invalidFormat' })
    return k ?? ''
  }).optional(),
}).refine((q) => q.view !== 'unit' || !!q.unitId, { message: 'field.required', path: ['unitId'] })
export type TaskListQuery = z.infer<typeof TaskListQuery>
export const TaskKpiQuery = z.strictObject({ unitId })

// ---------- entities ----------

export interface ProgressReport { at: string; by: PersonRef; percent: number; text: string }
export interface ExtensionRequest {
  requestedAt: string; by: PersonRef; from: string; until: string; reason: string
  status: 'pending' | 'approved' | 'refused'
  decidedAt?: string; decidedBy?: PersonRef; comment?: string
}
export interface Evaluation { at: string; by: PersonRef; timeliness: 'on-time' | 'late'; quality: number; comment?: string }
export interface TaskEvent { at: string; by: PersonRef; kind: 'returned' | 'cancelled' | 'accepted' | 'submitted'; text?: string }

export interface Task {
  taskId: string
  /** The unit the task was given from (where the assigner holds `task.assign` over the lead unit). */
  ownerUnitId: string
  title: string
  description?: string
  source: TaskSource
  priority: TaskPriority
  assigner: PersonRef
  leadUnitId: string
  leadUser?: PersonRef
  coordinatingUnitIds: string[]
  watchers: PersonRef[]
  parentTaskId?: string
  /** Việt Nam date of the assignment. */
  assignedOn: string
  /** The last day to finish (Việt Nam date, a working day); moved by an approved extension. */
  deadline: string
  originalDeadline: string
  status: TaskStatus
  percent: number
  reports: ProgressReport[]
  extensions: ExtensionRequest[]
  events: TaskEvent[]
  submittedAt?: string
  evaluation?: Evaluation
  cancelReason?: string
  /** Reminder and escalation sent for this deadline (the sweep's marks: once per deadline). */
  remindedFor?: string
  escalatedFor?: string
  createdAt: string
  updatedAt: string
  version: number
}

/** A task in a list: what the lists show. */
export type TaskSummary = Pick<Task, 'taskId' | 'title' | 'status' | 'priority' | 'deadline' | 'percent' | 'leadUnitId' | 'assigner' | 'leadUser' | 'ownerUnitId' | 'version'> & {
  leadUnitName: string; overdue: boolean; pendingExtension: boolean
}
export interface TaskKpis { unitId: string; assigned: number; doneOnTime: number; doneLate: number; overdue: number; open: number }
