/** HTTP handlers: member records, the cell's list, the fee profile, the member's own handbook. */
import { BulkTransferBody, CreateMemberBody, ListMembersQuery, NoticeBody, UpdateFeeProfileBody, noticeId } from '../../../shared/members/contracts.js'
import { unitId } from '../../../shared/org/contracts.js'
import * as notices from '../usecases/notices.js'
import { bulkTransfer } from '../usecases/bulk.js'
import { importMembers } from '../usecases/imports.js'
import { z } from 'zod'
import { sql } from '../../lib/adapters/sql.js'
import { pgArray } from '../../../shared/documents/projection.js'
import { memberReach } from '../../../shared/members/policy.js'
import { parse } from '../../lib/validation.js'
import { existsOn, nameOn, parentOn } from '../../../shared/org/tree.js'
import type { MemberRoute } from '../routes.js'
import { createMember, handbook, handbookOf, listCell, loadMember, updateFeeProfile } from '../usecases/members.js'

export const list: MemberRoute = async ({ ctx, query }) => { const q = parse(ListMembersQuery, query); return { body: await listCell(ctx, q.cellId, q.status) } }
export const create: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { member: await createMember(ctx, parse(CreateMemberBody, body)) } })
export const show: MemberRoute = async ({ ctx, params }) => ({ body: await handbookOf(ctx, (await loadMember(ctx, params.memberId)).member) })
export const feeProfile: MemberRoute = async ({ ctx, params, body }) => ({ body: { member: await updateFeeProfile(ctx, params.memberId, parse(UpdateFeeProfileBody, body)) } })
export const myHandbook: MemberRoute = async ({ ctx }) => ({ body: await handbook(ctx) })

/** Live cells of the city (for the destination of a transfer): names are not restricted. */
export const destinations: MemberRoute = async ({ ctx }) => {
  const index = await ctx.tree()
  const cells = [...index.values()].filter((u) => u.level === 'cell' && existsOn(u, ctx.date)).map((u) => {
    const parent = parentOn(u, ctx.date)
    return { unitId: u.unitId, name: nameOn(u, ctx.date).name, parentName: parent && index.get(parent) ? nameOn(index.get(parent)!, ctx.date).name : '' }
  })
  return { body: { cells: cells.sort((a, b) => a.parentName.localeCompare(b.parentName, 'vi') || a.name.localeCompare(b.name, 'vi')) } }
}

/** Starts or resumes a bulk transfer (202 while members remain, 200 with the reconciliation report when done). */
export const bulk: MemberRoute = async ({ ctx, body }) => {
  const op = await bulkTransfer(ctx, parse(BulkTransferBody, body))
  return { status: op.status === 'done' ? 200 : 202, body: { operation: { ...op, moves: op.moves.map(({ memberIds, ...m }) => ({ ...m, members: memberIds.length })), moved: op.moved.length } } }
}

const ImportBody = z.strictObject({ objectKey: z.string().min(1).max(300), dryRun: z.boolean().default(false) })
/** Import of a member list (XLSX/CSV) with a row-by-row report; any rejected row → 422 and nothing written. */
export const importList: MemberRoute = async ({ ctx, body, lang }) => {
  const r = await importMembers(ctx, parse(ImportBody, body), lang)
  return { status: r.status, body: { report: r.report } }
}

const SearchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) })
/** Members in reach whose name, card or record number matches, without diacritics (read model). */
export const search: MemberRoute = async ({ ctx, query }) => {
  const q = parse(SearchQuery, query)
  const reach = [...memberReach(ctx.actor, 'member.read', await ctx.tree(), ctx.date)]
  if (reach.length === 0) return { body: { members: [] } }
  const rows = await sql().query<{ data: unknown }>(
    `select data from party_members where cell_id = any($1::text[]) and search like '%' || lower(unaccent($2)) || '%'
     order by similarity(search, lower(unaccent($2))) desc, full_name limit 50`, [pgArray(reach), q.q])
  return { body: { members: rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data)) } }
}

/* Notices and invitations (the handbook's). */
const UnitQuery = z.strictObject({ unitId: unitId })
export const postNotice: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { notice: await notices.postNotice(ctx, parse(NoticeBody, body)) } })
export const listNotices: MemberRoute = async ({ ctx, query }) => ({ body: { notices: await notices.noticesOfUnit(ctx, parse(UnitQuery, query).unitId) } })
export const showNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.noticeReceipts(ctx, parse(noticeId, params.noticeId)) })
export const readNotice: MemberRoute = async ({ ctx, params }) => ({ body: await notices.markRead(ctx, parse(noticeId, params.noticeId)) })
