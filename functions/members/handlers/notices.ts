/** HTTP handlers: notices and invitations of the handbook (posted by officers, read by members). */
import { NoticeBody, noticeId } from '../../../shared/members/contracts.js'
import { unitId } from '../../../shared/org/contracts.js'
import { z } from 'zod'
import { parse } from '../../lib/validation.js'
import type { MemberRoute } from '../routes.js'
import * as notices from '../usecases/notices.js'

const UnitQuery = z.strictObject({ unitId: unitId })
export const postNotice: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { notice: await notices.postNotice(ctx, parse(NoticeBody, body)) } })
export const listNotices: MemberRoute = async ({ ctx, query }) => ({ body: { notices: await notices.noticesOfUnit(ctx, parse(UnitQuery, query).unitId) } })
export const showNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.noticeReceipts(ctx, parse(noticeId, params.noticeId)) })
export const readNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.markRead(ctx, parse(noticeId, params.noticeId)) })
