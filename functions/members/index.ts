/**
 * Lambda entry of the Party members module (HTTP API): member records and
 * the electronic handbook, Party fees, transfers of Party activity, and the
 * national portal's signed inbound route. Each route's handler lives in
 * handlers/.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda'
import { httpModuleWithContext } from '../lib/module.js'
import { memberId } from '../../shared/members/contracts.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import type { MemberRoute } from './routes.js'
import * as members from './handlers/members.js'
import * as notices from './handlers/notices.js'
import * as fees from './handlers/fees.js'
import * as transfers from './handlers/transfers.js'
import { PORTAL_ROUTE, portalRequest } from './handlers/portal.js'

export const MEMBER_ROUTES: Record<string, MemberRoute> = {
  'GET /api/me/handbook': members.myHandbook,
  'GET /api/members': members.list,
  'GET /api/members/destinations': members.destinations,
  'GET /api/members/search': members.search,
  'POST /api/members': members.create,
  'POST /api/members/bulk-transfers': members.bulk,
  'POST /api/members/imports': members.importList,
  'POST /api/members/notices': notices.postNotice,
  'GET /api/members/notices': notices.listNotices,
  'GET /api/members/notices/{noticeId}': notices.showNotice,
  'POST /api/me/notices/{noticeId}/read': notices.readNotice,
  'GET /api/members/{memberId}': members.show,
  'PUT /api/members/{memberId}/fee-profile': members.feeProfile,
  'POST /api/members/fees/assessments': fees.assess,
  'POST /api/members/fees/payments': fees.pay,
  'GET /api/members/fees/sheet': fees.sheet,
  'POST /api/members/fees/remittances': fees.remittance,
  'GET /api/members/fees/remittances': fees.showRemittance,
  'GET /api/members/fees/remittances/report': fees.remittancePdf,
  'POST /api/members/transfers': transfers.file,
  'GET /api/members/transfers': transfers.list,
  'GET /api/members/transfers/{transferId}': transfers.show,
  'POST /api/members/transfers/{transferId}/decision': transfers.decision,
  'POST /api/members/transfers/{transferId}/accept': transfers.receive,
  'POST /api/members/transfers/{transferId}/return': transfers.comeBack,
  'POST /api/members/transfers/{transferId}/extension': transfers.extension,
  'POST /api/members/comments/campaigns': transfers.campaign,
  'GET /api/members/comments': transfers.comments,
  'GET /api/members/comments/{commentId}': transfers.comment,
  'POST /api/members/comments/{commentId}/form': transfers.commentForm,
  'POST /api/members/comments/{commentId}/confirmation': transfers.commentConfirm,
}

const http = httpModuleWithContext({
  service: 'members', routes: MEMBER_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { memberId },
  // A client's retry with the same Idempotency-Key gets the first answer, not a second record.
  idempotentRoutes: ['POST /api/members/fees/payments', 'POST /api/members/transfers'],
})

/** The portal's route is signed, not token-authenticated: it needs the raw body, so it bypasses the JSON middleware. */
export const handler = (event: APIGatewayProxyEventV2, context: Context) =>
  event.routeKey === PORTAL_ROUTE ? portalRequest(event) : http(event as never, context)

export const PUBLIC_ROUTES = [PORTAL_ROUTE]
