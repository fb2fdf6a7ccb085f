/** HTTP handlers: member records, the cell's list, the fee profile, the member's own handbook. */
import { BulkTransferBody, CreateMemberBody, ListMembersQuery, MemberImportBody, MemberSearchQuery, UpdateFeeProfileBody } from '../../../shared/members/contracts.js'
import { bulkTransfer } from '../usecases/bulk.js'
import { importMembers } from '../usecases/imports.js'
import { parse } from '../../lib/validation.js'
import type { MemberRoute } from '../routes.js'
import { handbook, handbookOf } from '../usecases/handbook.js'
import { createMember, listCell, liveCells, loadMember, searchMembers, updateFeeProfile } from '../usecases/members.js'

export const list: MemberRoute = async ({ ctx, query }) => { const q = parse(ListMembersQuery, query); return { body: await listCell(ctx, q.cellId, q.status) } }
export const create: MemberRoute = async ({ ctx, body }) => ({ status: 201, body: { member: await createMember(ctx, parse(CreateMemberBody, body)) } })
export const show: MemberRoute = async ({ ctx, params }) => ({ body: await handbookOf(ctx, (await loadMember(ctx, params.memberId)).member) })
export const feeProfile: MemberRoute = async ({ ctx, params, body }) => ({ body: { member: await updateFeeProfile(ctx, params.memberId, parse(UpdateFeeProfileBody, body)) } })
export const myHandbook: MemberRoute = async ({ ctx }) => ({ body: await handbook(ctx) })

/** Live cells of the city (for the destination of a transfer): names are not restricted. */
export const destinations: MemberRoute = async ({ ctx }) => ({ body: { cells: await liveCells(ctx) } })

/** Starts or resumes a bulk transfer (202 while members remain, 200 with the reconciliation report when done). */
export const bulk: MemberRoute = async ({ ctx, body }) => {
  const op = await bulkTransfer(ctx, parse(BulkTransferBody, body))
  return { status: op.status === 'done' ? 200 : 202, body: { operation: { ...op, moves: op.moves.map(({ memberIds, ...m }) => ({ ...m, members: memberIds.length })), moved: op.moved.length } } }
}

/** Import of a member list (XLSX/CSV) with a row-by-row report; any rejected row → 422 and nothing written. */
export const importList: MemberRoute = async ({ ctx, body, lang }) => {
  const r = await importMembers(ctx, parse(MemberImportBody, body), lang)
  return { status: r.status, body: { report: r.report } }
}

/** Members in reach whose name, card or record number matches, without diacritics (read model). */
export const search: MemberRoute = async ({ ctx, query }) => ({ body: { members: await searchMembers(ctx, parse(MemberSearchQuery, query).q) } })
