/** HTTP handlers: notices and invitations of the handbook (posted by officers, read by members). */
import { NoticeBody, NoticeUnitQuery, noticeId } from '../../../shared/members/contracts.js'
import { parse } from '../../lib/validation.js'
import type { MemberRoute } from '../routes.js'
import * as notices from '../usecases/notices.js'

export const postNotice: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { notice: await notices.postNotice(ctx, parse(NoticeBody, body)) } })
export const listNotices: MemberRoute = async ({ ctx, query }) => ({ body: { notices: await notices.noticesOfUnit(ctx, parse(NoticeUnitQuery, query).unitId) } })
export const showNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.noticeReceipts(ctx, parse(noticeId, params.noticeId)) })
export const readNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.markRead(ctx, parse(noticeId, params.noticeId)) })
