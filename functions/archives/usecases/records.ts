/**
 * Records management of a fonds (issue 21): the file plan a file's class
 * comes from, closing a file (its cut-off is the end of that year), holds
 * that suspend disposition (a case, an inspection) — each change audited,
 * the hold and its files written in one transaction.
 */
import { randomBytes } from 'node:crypto'
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import { type ArchiveFile, type ArchiveHold, type HoldBody, type ReleaseHoldBody } from '../../../shared/archives/contracts.js'
import { archivePolicy } from '../../../shared/archives/policy.js'
import { classesInForce, cutOffDate, dispositionFrom, transferFrom } from '../../../shared/archives/retention.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { archiveStore, fileItem, holdItem } from '../adapters/store.js'
import type { ArchiveContext } from './archives.js'

const person = (ctx: ArchiveContext) => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })

/** The classes offered on a day, with their sources and whether they were verified. */
export function filePlan(ctx: ArchiveContext) {
  return { date: ctx.date, classes: classesInForce(ctx.date) }
}

/** Where a file stands: its cut-off, when it may be disposed of (or transferred), and whether a hold stops it. */
export function lifecycle(file: ArchiveFile) {
  if (file.closedYear === undefined) return { cutOff: undefined, dueFrom: undefined, action: undefined, held: (file.holdIds ?? []).length > 0 }
  const permanent = file.retention.period === 'permanent'
  return {
    cutOff: cutOffDate(file.closedYear),
    dueFrom: permanent ? transferFrom(file.closedYear) : dispositionFrom(file.retention.period, file.closedYear),
    action: permanent ? 'transfer' as const : 'destroy' as const,
    held: (file.holdIds ?? []).length > 0,
  }
}

async function fileWhereKept(ctx: ArchiveContext, fileId: string): Promise<ArchiveFile> {
  const file = await archiveStore.getFile(fileId)
  if (!file) throw new DomainError('notFound.archiveFile', 404, { id: fileId })
  return file
}

/**
 * Closes a file: no more scans. It closes in the year its work ended — the
 * end year written on an old paper file being digitised, else this year
 * (Việt Nam's) — and its cut-off is that year's 31 December.
 */
export async function closeFile(ctx: ArchiveContext, fileId: string, version: number): Promise<ArchiveFile> {
  const file = await fileWhereKept(ctx, fileId)
  archivePolicy.authorize(ctx.actor, 'archive.digitise', file.custodianUnitId, await ctx.tree(), ctx.date)
  if (file.status !== 'open') throw new RuleError('archive.fileNotOpen', { code: file.code })
  if (file.version !== version) throw new DomainError('conflict.version', 409)
  const thisYear = Number(vietnamDate(ctx.now).slice(0, 4))
  const year = file.endYear !== undefined && file.endYear < thisYear ? file.endYear : thisYear
  const closed: ArchiveFile = { ...file, status: 'closed', closedYear: year, closedAt: ctx.now.toISOString(), endYear: file.endYear ?? year, version: file.version + 1 }
  await new Transaction().put(fileItem(closed), { expectVersion: file.version })
    .audit({ unitId: file.custodianUnitId, action: 'archive.closeFile', target: fileId, details: { code: file.code, year, cutOff: cutOffDate(year) } })
    .commit(ctx.auditActor, ctx.now)
  return closed
}

/** Places a hold on files kept by the unit: none of them is disposed of while it is in force. */
export async function placeHold(ctx: ArchiveContext, body: HoldBody): Promise<ArchiveHold> {
  const index = await ctx.tree()
  if (!index.get(body.unitId)) throw new DomainError('notFound.unit', 404, { id: body.unitId })
  archivePolicy.authorize(ctx.actor, 'archive.hold', body.unitId, index, ctx.date)
  const fileIds = [...new Set(body.fileIds)]
  const held: ArchiveFile[] = []
  for (const id of fileIds) {
    const f = await fileWhereKept(ctx, id)
    if (f.custodianUnitId !== body.unitId) throw new RuleError('archive.fileNotKept', { code: f.code })
    if (f.status === 'destroyed') throw new RuleError('archive.fileDestroyed', { code: f.code })
    held.push(f)
  }
  const hold: ArchiveHold = {
    holdId: `${body.unitId}.l${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`, unitId: body.unitId, kind: body.kind, reason: body.reason,
    ...(body.reference ? { reference: body.reference } : {}), fileIds, status: 'active', placedBy: person(ctx), placedAt: ctx.now.toISOString(), version: 1,
  }
  const tx = new Transaction().put(holdItem(hold), { expectVersion: 'new' })
  for (const f of held) tx.put(fileItem({ ...f, holdIds: [...(f.holdIds ?? []), hold.holdId], version: f.version + 1 }), { expectVersion: f.version })
  await tx.audit({ unitId: body.unitId, action: 'archive.holdPlaced', target: hold.holdId, details: { kind: body.kind, reason: body.reason, files: fileIds.length, fileIds } })
    .commit(ctx.auditActor, ctx.now)
  return hold
}

export async function releaseHold(ctx: ArchiveContext, holdId: string, body: ReleaseHoldBody): Promise<ArchiveHold> {
  const hold = await archiveStore.getHold(holdId)
  if (!hold) throw new DomainError('notFound.archiveHold', 404, { id: holdId })
  archivePolicy.authorize(ctx.actor, 'archive.hold', hold.unitId, await ctx.tree(), ctx.date)
  if (hold.status !== 'active') throw new DomainError('archive.holdReleased', 409, { id: holdId })
  if (hold.version !== body.version) throw new DomainError('conflict.version', 409)
  const released: ArchiveHold = { ...hold, status: 'released', releasedBy: person(ctx), releasedAt: ctx.now.toISOString(), releaseNote: body.note, version: hold.version + 1 }
  const tx = new Transaction().put(holdItem(released), { expectVersion: hold.version })
  for (const id of hold.fileIds) {
    const f = await archiveStore.getFile(id)
    if (!f || !(f.holdIds ?? []).includes(holdId)) continue
    tx.put(fileItem({ ...f, holdIds: (f.holdIds ?? []).filter((h) => h !== holdId), version: f.version + 1 }), { expectVersion: f.version })
  }
  await tx.audit({ unitId: hold.unitId, action: 'archive.holdReleased', target: holdId, details: { note: body.note, files: hold.fileIds.length } })
    .commit(ctx.auditActor, ctx.now)
  return released
}

/** A unit's holds, newest first, with the files named. */
export async function listHolds(ctx: ArchiveContext, unitId: string) {
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, await ctx.tree(), ctx.date)
  const holds = (await archiveStore.holdsOf(unitId)).sort((a, b) => b.placedAt.localeCompare(a.placedAt))
  const ids = [...new Set(holds.flatMap((h) => h.fileIds))]
  const named = new Map((await Promise.all(ids.map((id) => archiveStore.getFile(id)))).filter((f): f is ArchiveFile => !!f).map((f) => [f.fileId, { code: f.code, title: f.title }]))
  return { items: holds.map((h) => ({ ...h, files: h.fileIds.map((id) => ({ fileId: id, ...(named.get(id) ?? { code: '', title: '' }) })) })) }
}
