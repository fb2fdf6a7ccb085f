/** HTTP handlers of the data requests module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { unitId } from '../../../shared/org/contracts.js'
import {
  dataRequestId, AnswerBody, CloseBody, DataRequestBody, DataRequestKpiQuery, DataRequestListQuery, ExportQuery, ImportAnswerBody, RecipientQuery, RemindBody, SendBody, UploadBody,
} from '../../../shared/datarequests/contracts.js'
import * as uc from '../usecases/requests.js'
import * as xl from '../usecases/files.js'

export type DataRequestRoute = (req: HttpRequest<Actor> & { ctx: uc.DataRequestContext }) => Promise<HttpResult>
const id = (params: Record<string, string | undefined>) => parse(dataRequestId, params.requestId)
const unit = (params: Record<string, string | undefined>) => parse(unitId, params.unitId)

export const list: DataRequestRoute = async ({ ctx, query }) => ({ body: await uc.listRequests(ctx, parse(DataRequestListQuery, query)) })
export const create: DataRequestRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createRequest(ctx, parse(DataRequestBody, body)) })
export const recipients: DataRequestRoute = async ({ ctx, query }) => ({ body: await uc.recipientChoices(ctx, parse(RecipientQuery, query).q) })
export const kpis: DataRequestRoute = async ({ ctx, query }) => ({ body: await uc.unitKpis(ctx, parse(DataRequestKpiQuery, query).unitId) })
export const uploads: DataRequestRoute = async ({ ctx, body }) => ({ status: 201, body: await xl.uploadSlot(ctx, parse(UploadBody, body)) })
export const show: DataRequestRoute = async ({ ctx, params }) => ({ body: await uc.showRequest(ctx, id(params)) })
export const send: DataRequestRoute = async ({ ctx, params, body }) => ({ body: await uc.sendRequest(ctx, id(params), parse(SendBody, body).version) })
export const close: DataRequestRoute = async ({ ctx, params, body }) => ({ body: await uc.closeRequest(ctx, id(params), parse(CloseBody, body).version) })
export const remind: DataRequestRoute = async ({ ctx, params, body }) => ({ body: await uc.remind(ctx, id(params), parse(RemindBody, body).unitIds) })
export const consolidated: DataRequestRoute = async ({ ctx, params }) => ({ body: await uc.consolidated(ctx, id(params)) })
export const exportFile: DataRequestRoute = async ({ ctx, params, query }) => ({ body: await xl.exportConsolidated(ctx, id(params), parse(ExportQuery, query).format) })
export const form: DataRequestRoute = async ({ ctx, params }) => ({ body: await uc.answerForm(ctx, id(params), unit(params)) })
export const answer: DataRequestRoute = async ({ ctx, params, body }) => ({ body: await uc.answer(ctx, id(params), unit(params), parse(AnswerBody, body)) })
export const template: DataRequestRoute = async ({ ctx, params }) => ({ body: await xl.templateFile(ctx, id(params), unit(params)) })
export const importFile: DataRequestRoute = async ({ ctx, params, body, lang }) => xl.importAnswer(ctx, id(params), unit(params), parse(ImportAnswerBody, body), lang)
