/**
 * Lambda entry of the tasks module (HTTP API): tasks (nhiệm vụ) given by a
 * leader to a unit or a person, their lead's steps and the assigner's
 * decisions, lists (mine, assigned by me, a unit's) and a unit's KPIs.
 * Reminders and escalation run in the ops module's daily sweep
 * (functions/tasks/usecases/sweep.ts). Work programmes (chương trình
 * công tác) live here too: their items become this module's tasks.
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { taskId } from '../../shared/tasks/contracts.js'
import * as h from './handlers/routes.js'
import * as wp from './handlers/programmes.js'
import { itemId, programmeId } from '../../shared/programmes/contracts.js'

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
  'GET /api/programmes/units': wp.units,
  'GET /api/programmes': wp.list,
  'POST /api/programmes': wp.create,
  'GET /api/programmes/{programmeId}': wp.show,
  'POST /api/programmes/{programmeId}/items': wp.addItem,
  'POST /api/programmes/{programmeId}/submit': wp.submit,
  'POST /api/programmes/{programmeId}/decision': wp.decide,
  'POST /api/programmes/{programmeId}/items/{itemId}/move': wp.move,
  'POST /api/programmes/{programmeId}/items/{itemId}/drop': wp.drop,
  'POST /api/programmes/{programmeId}/items/{itemId}/tasks': wp.task,
  'GET /api/programmes/{programmeId}/export': wp.exportXlsx,
}

export const handler = httpModuleWithContext({ service: 'tasks', routes: TASK_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { taskId, programmeId, itemId } })
