/**
 * Lambda entry of the tasks module (HTTP API): tasks (nhiệm vụ) given by a
 * leader to a unit or a person, their lead's steps and the assigner's
 * decisions, lists (mine, assigned by me, a unit's) and a unit's KPIs.
 * Reminders and escalation run in the ops module's daily sweep
 * (functions/tasks/usecases/sweep.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { taskId } from '../../shared/tasks/contracts.js'
import * as h from './handlers/routes.js'

export const TASK_ROUTES: Record<string, h.TaskRoute> = {
  'GET /api/tasks': h.list,
  'POST /api/tasks': h.create,
  'GET /api/tasks/kpis': h.kpis,
  'GET /api/tasks/{taskId}': h.show,
  'POST /api/tasks/{taskId}/accept': h.accept,
  'POST /api/tasks/{taskId}/progress': h.progress,
  'POST /api/tasks/{taskId}/submit': h.submit,
  'POST /api/tasks/{taskId}/evaluate': h.evaluate,
  'POST /api/tasks/{taskId}/return': h.giveBack,
  'POST /api/tasks/{taskId}/cancel': h.cancel,
  'POST /api/tasks/{taskId}/extensions': h.extension,
  'POST /api/tasks/{taskId}/extensions/decision': h.decision,
}

export const handler = httpModuleWithContext({ service: 'tasks', routes: TASK_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { taskId } })
