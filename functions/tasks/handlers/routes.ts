/** HTTP handlers of the tasks module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import {
  taskId, AcceptBody, CancelBody, CreateTaskBody, EvaluateBody, ExtensionDecisionBody, ExtensionRequestBody, ProgressBody, ReturnBody, SubmitBody, TaskKpiQuery, TaskListQuery,
} from '../../../shared/tasks/contracts.js'
import * as uc from '../usecases/tasks.js'

export type TaskRoute = (req: HttpRequest<Actor> & { ctx: uc.TaskContext }) => Promise<HttpResult>

export const list: TaskRoute = async ({ ctx, query }) => ({ body: await uc.listTasks(ctx, parse(TaskListQuery, query)) })
export const create: TaskRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createTask(ctx, parse(CreateTaskBody, body)) })
export const kpis: TaskRoute = async ({ ctx, query }) => ({ body: await uc.unitKpis(ctx, parse(TaskKpiQuery, query).unitId) })
export const show: TaskRoute = async ({ ctx, params }) => ({ body: await uc.showTask(ctx, parse(taskId, params.taskId)) })
export const accept: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.acceptTask(ctx, parse(taskId, params.taskId), parse(AcceptBody, body)) })
export const progress: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.reportProgress(ctx, parse(taskId, params.taskId), parse(ProgressBody, body)) })
export const submit: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.submitTask(ctx, parse(taskId, params.taskId), parse(SubmitBody, body)) })
export const evaluate: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.evaluateTask(ctx, parse(taskId, params.taskId), parse(EvaluateBody, body)) })
export const giveBack: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.returnTask(ctx, parse(taskId, params.taskId), parse(ReturnBody, body)) })
export const cancel: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.cancelTask(ctx, parse(taskId, params.taskId), parse(CancelBody, body)) })
export const extension: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.requestExtension(ctx, parse(taskId, params.taskId), parse(ExtensionRequestBody, body)) })
export const decision: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.decideExtension(ctx, parse(taskId, params.taskId), parse(ExtensionDecisionBody, body)) })
