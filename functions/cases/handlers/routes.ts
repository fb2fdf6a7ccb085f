/** HTTP handlers of the cases module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import * as k from '../../../shared/cases/contracts.js'
import * as uc from '../usecases/cases.js'
import { exportCases } from '../usecases/export.js'
import { myOffices } from '../usecases/petitions.js'

export type CaseRoute = (req: HttpRequest<Actor> & { ctx: uc.CaseContext }) => Promise<HttpResult>

const id = (params: Record<string, string | undefined>) => parse(k.caseId, params.caseId)

export const commissions: CaseRoute = async ({ ctx }) => ({ body: { commissions: await uc.myCommissions(ctx), offices: await myOffices(ctx) } })
export const list: CaseRoute = async ({ ctx, query }) => ({ body: await uc.listCases(ctx, parse(k.CaseListQuery, query)) })
export const intake: CaseRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.intake(ctx, parse(k.IntakeBody, body)) })
export const kpis: CaseRoute = async ({ ctx, query }) => ({ body: await uc.caseKpis(ctx, parse(k.CaseKpiQuery, query).commissionId) })
export const exportXlsx: CaseRoute = async ({ ctx, query }) => ({ body: await exportCases(ctx, parse(k.CaseExportQuery, query).commissionId) })
export const show: CaseRoute = async ({ ctx, params }) => ({ body: await uc.showCase(ctx, id(params)) })
export const identity: CaseRoute = async ({ ctx, params }) => ({ body: await uc.readIdentity(ctx, id(params)) })
export const register: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.registerCase(ctx, id(params), parse(k.RegisterBody, body)) })
export const classify: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.classifyCase(ctx, id(params), parse(k.ClassifyBody, body)) })
export const forward: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.forwardCase(ctx, id(params), parse(k.ForwardBody, body)) })
export const assign: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.assignCase(ctx, id(params), parse(k.AssignBody, body)) })
export const extend: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.extendCase(ctx, id(params), parse(k.ExtendBody, body)) })
export const verify: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.verifyCase(ctx, id(params), parse(k.VerifyBody, body)) })
export const conclude: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.concludeCase(ctx, id(params), parse(k.ConcludeBody, body)) })
export const measures: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.decideMeasures(ctx, id(params), parse(k.MeasuresBody, body)) })
export const followUp: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.recordFollowUp(ctx, id(params), parse(k.FollowUpBody, body)) })
export const close: CaseRoute = async ({ ctx, params, body }) => ({ body: await uc.closeCase(ctx, id(params), parse(k.CloseBody, body)) })
