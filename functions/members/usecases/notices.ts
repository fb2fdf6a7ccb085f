/**
 * Notices and invitations of the electronic handbook (339-QĐ/TW): officers
 * of a cell or committee post a notice or an invitation (a meeting: time,
 * place, agenda) to their unit's subtree or to named members; members see
 * them in their handbook with the system's own notices (transfer progress,
 * return reminder, three unpaid months, a residence-comment request) and
 * mark them read; officers see who has read. Every write is audited.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError, NotFoundError } from '../../../shared/errors/index.js'
import type { HandbookNotice, NoticeBody, PartyMember, PartyNotice, Transfer } from '../../../shared/members/contracts.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import { existsOn, isWithin, nameOn, parentOn, subtreeOn, type UnitIndex } from '../../../shared/org/tree.js'
import { TABLE } from '../../../shared/table/definition.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../../shared/table/keys.js'
import { getRecord, queryRecords } from '../../lib/adapters/items.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { memberStore } from '../adapters/store.js'
import { getComment } from './comments.js'
import type { MemberContext } from './members.js'

const noticeNotFound = (id: string) => new DomainError('notFound.notice', 404, { id })

async function getNotice(noticeId: string): Promise<PartyNotice | undefined> {
  return getRecord<PartyNotice>({ pk: keys.partyNotice(noticeId).pk, sk: 'NOTICE' })
}

async function readersOf(noticeId: string): Promise<{ memberId: string; fullName: string; at: string }[]> {
  return queryRecords<{ memberId: string; fullName: string; at: string }>({ KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': keys.partyNotice(noticeId).pk, ':sk': 'READ#' } })
}

/** POST /api/members/notices: an officer posts to a unit's subtree, or to named members within their reach. */
export async function postNotice(ctx: MemberContext, body: NoticeBody): Promise<PartyNotice> {
  const index = await ctx.tree()
  let fromUnitId: string
  let members: PartyMember[] = []
  if (body.unitId) {
    const unit = index.get(body.unitId)
    if (!unit) throw new NotFoundError('unit', body.unitId)
    if (!existsOn(unit, ctx.date)) throw new DomainError('rule.unitEnded', 422, { unitId: body.unitId })
    memberPolicy.authorize(ctx.actor, 'notice.post', body.unitId, index, ctx.date)
    fromUnitId = body.unitId
  } else {
    const ids = [...new Set(body.memberIds!)]
    members = await memberStore.getMembers(ids)
    const missing = ids.find((id) => !members.some((m) => m.memberId === id))
    if (missing) throw new DomainError('notFound.member', 404, { id: missing })
    for (const m of members) memberPolicy.authorize(ctx.actor, 'notice.post', m.cellId, index, ctx.date)
    fromUnitId = members[0].cellId
  }
  const createdAt = ctx.now.toISOString()
  const notice: PartyNotice = {
    noticeId: `nt-${ctx.now.getTime().toString(36)}${randomBytes(5).toString('hex')}`, kind: body.kind, title: body.title, body: body.body, meeting: body.meeting,
    unitId: body.unitId, memberIds: body.memberIds ? members.map((m) => m.memberId) : undefined, fromUnitId,
    postedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, createdAt,
  }
  const tx = new Transaction().put({ ...keys.partyNotice(notice.noticeId), ...(body.unitId ? keys.partyNoticesOfUnit(body.unitId, createdAt) : {}), entity: ENTITY.partyNotice, schemaVersion: SCHEMA_VERSION, ...notice }, { expectVersion: 'new' })
  for (const m of members) tx.put({ ...keys.partyNoticeForMember(m.memberId, createdAt, notice.noticeId), entity: ENTITY.partyNoticePointer, schemaVersion: SCHEMA_VERSION, noticeId: notice.noticeId }, { expectVersion: 'new' })
  await tx.audit({ unitId: fromUnitId, action: `notice.${body.kind}.posted`, target: notice.noticeId, details: { title: body.title, unitId: body.unitId, members: members.length || undefined, meetingAt: body.meeting?.at } })
    .commit(ctx.auditActor, ctx.now)
  return notice
}

/** The members a notice reaches: the members of every live cell in the unit's subtree, or the named ones. */
async function recipientsOf(notice: PartyNotice, index: UnitIndex, date: string): Promise<PartyMember[]> {
  if (notice.memberIds) return memberStore.getMembers(notice.memberIds)
  const cells = [...subtreeOn(index, [notice.unitId!], date)].filter((u) => index.get(u)?.level === 'cell')
  return (await Promise.all(cells.map((c) => memberStore.listCell(c)))).flat()
}

/** GET /api/members/notices/{noticeId}: the notice with who has read it (officers reading the audience). */
export async function noticeReceipts(ctx: MemberContext, noticeId: string) {
  const notice = await getNotice(noticeId)
  if (!notice) throw noticeNotFound(noticeId)
  const index = await ctx.tree()
  memberPolicy.authorize(ctx.actor, 'member.read', notice.fromUnitId, index, ctx.date)
  const [recipients, readers] = await Promise.all([recipientsOf(notice, index, ctx.date), readersOf(noticeId)])
  const readAt = new Map(readers.map((r) => [r.memberId, r.at]))
  return {
    notice,
    recipients: recipients.map((m) => ({ memberId: m.memberId, fullName: m.fullName, cellId: m.cellId, readAt: readAt.get(m.memberId) }))
      .sort((a, b) => Number(!!b.readAt) - Number(!!a.readAt) || a.fullName.localeCompare(b.fullName, 'vi')),
    read: recipients.filter((m) => readAt.has(m.memberId)).length,
  }
}

/** GET /api/members/notices?unitId=: notices posted to a unit (newest first), with their read counts. */
export async function noticesOfUnit(ctx: MemberContext, unitId: string) {
  const index = await ctx.tree()
  if (!index.has(unitId)) throw new NotFoundError('unit', unitId)
  memberPolicy.authorize(ctx.actor, 'member.read', unitId, index, ctx.date)
  const { name, partitionKey } = TABLE.indexes.byCollection
  const notices = await queryRecords<PartyNotice>({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.partyNoticesOfUnit(unitId, '').gsi1pk }, ScanIndexForward: false, Limit: 100 })
  return Promise.all(notices.map(async (n) => ({ ...n, readCount: (await readersOf(n.noticeId)).length })))
}

/** The system's notices for a member, derived from what happened to them (ids are stable, so a read one stays read). */
async function systemNotices(member: PartyMember, transfers: Omit<Transfer, 'taskToken'>[], flaggedYears: number[], date: string): Promise<HandbookNotice[]> {
  const id = (ref: string) => `sys.${member.memberId}.${ref}`
  const out: HandbookNotice[] = []
  for (const t of transfers) {
    const last = t.history[t.history.length - 1]
    out.push({ noticeId: id(`tr.${t.transferId.split('.tr-')[1]}.${t.history.length}`), kind: 'system', title: `transfer.${t.status}`, body: last.note, createdAt: last.at })
    const reminder = t.history.find((h) => h.status === 'return-reminder')
    if (reminder && t.status === 'accepted') out.push({ noticeId: id(`rt.${t.transferId.split('.tr-')[1]}`), kind: 'system', title: 'transfer.returnReminder', body: t.until, createdAt: reminder.at })
  }
  const now = new Date().toISOString()
  for (const y of flaggedYears) { const end = `${y}-12-31T00:00:00.000Z`; out.push({ noticeId: id(`fee.${y}`), kind: 'system', title: 'fees.flagged', body: String(y), createdAt: end < now ? end : now }) }
  const year = Number(date.slice(0, 4))
  for (const y of [year, year - 1]) {
    const c = await getComment(`${member.cellId}.cm-${y}-${member.memberId}`)
    if (c) out.push({ noticeId: id(`cm.${y}.${c.status}`), kind: 'system', title: `comment.${c.status}`, body: String(y), createdAt: c.updatedAt })
  }
  return out
}

/** The notices of a member's handbook: posted to a unit above their cell or to them by name, and the system's; with what they have read. */
export async function noticesFor(ctx: MemberContext, member: PartyMember, transfers: Omit<Transfer, 'taskToken'>[], flaggedYears: number[]): Promise<HandbookNotice[]> {
  const index = await ctx.tree()
  const chain: string[] = []
  for (let u: string | null = member.cellId; u && index.get(u) && chain.length < 10; u = parentOn(index.get(u)!, ctx.date)) chain.push(u)
  const { name, partitionKey } = TABLE.indexes.byCollection
  const byUnit = (await Promise.all(chain.map((u) => queryRecords<PartyNotice>({ IndexName: name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': keys.partyNoticesOfUnit(u, '').gsi1pk }, ScanIndexForward: false, Limit: 50 })))).flat()
  const pointers = await queryRecords<{ noticeId: string }>({ KeyConditionExpression: 'pk = :pk and begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': keys.partyMember(member.memberId).pk, ':sk': 'NOTICE#' }, ScanIndexForward: false, Limit: 50 })
  const named = (await Promise.all(pointers.map((p) => getNotice(String(p.noticeId))))).filter((n): n is PartyNotice => !!n)
  const posted = [...byUnit, ...named]
  const notices: HandbookNotice[] = [
    ...posted.map((n) => ({ noticeId: n.noticeId, kind: n.kind, title: n.title, body: n.body, meeting: n.meeting, from: `${index.get(n.fromUnitId) ? nameOn(index.get(n.fromUnitId)!, ctx.date).name : n.fromUnitId} · ${n.postedBy.fullName}`, createdAt: n.createdAt })),
    ...await systemNotices(member, transfers, flaggedYears, ctx.date),
  ]
  const reads = await Promise.all(notices.map(async (n) => {
    return (await getRecord<{ at: string }>(keys.partyNoticeRead(n.noticeId, member.memberId)))?.at
  }))
  return notices.map((n, i) => ({ ...n, read: reads[i] })).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** POST /api/me/notices/{noticeId}/read: the member marks a notice of their own handbook read (once; again is a no-op). */
export async function markRead(ctx: MemberContext, noticeId: string) {
  const member = await memberStore.getMemberByUser(ctx.actor.userId)
  if (!member) throw new DomainError('members.noRecord', 404)
  let unitId = member.cellId
  if (noticeId.startsWith('sys.')) {
    if (!noticeId.startsWith(`sys.${member.memberId}.`)) throw noticeNotFound(noticeId)
  } else {
    const notice = await getNotice(noticeId)
    const index = await ctx.tree()
    const mine = !!notice && (notice.memberIds ? notice.memberIds.includes(member.memberId) : isWithin(index, member.cellId, notice.unitId!, ctx.date))
    // Someone else's notice reads as one that does not exist.
    if (!notice || !mine) throw noticeNotFound(noticeId)
    unitId = notice.fromUnitId
  }
  const at = ctx.now.toISOString()
  try {
    await new Transaction().put({ ...keys.partyNoticeRead(noticeId, member.memberId), entity: ENTITY.partyNoticeRead, schemaVersion: SCHEMA_VERSION, noticeId, memberId: member.memberId, fullName: member.fullName, at }, { expectVersion: 'new', onConflict: new ConflictError('members.noticeRead') })
      .audit({ unitId, action: 'notice.read', target: noticeId, details: { memberId: member.memberId } })
      .commit(ctx.auditActor, ctx.now)
  } catch (err) {
    if (err instanceof ConflictError) return { noticeId, read: (await readersOf(noticeId)).find((r) => r.memberId === member.memberId)?.at ?? at, again: true }
    throw err
  }
  return { noticeId, read: at, again: false }
}

