/**
 * Disposition of a fonds (issue 21): the year's list of files whose
 * retention has ended (destroy) or whose time in the unit's archive is over
 * (permanent: transfer to the historical archive), a proposal, the
 * appraisal council's decision, and carrying it out — content destroyed, a
 * signed record kept, permanent files moved with their inventory.
 *
 * Why use cases with a versioned record and not a Step Functions workflow:
 * the steps are people's decisions weeks apart with no deadline the
 * platform enforces (no timer, no escalation), and each step is one
 * conditional write of the disposition's version — a decision that raced
 * another gets 409 and changes nothing. Carrying out is resumable: the
 * record is signed once, then each file is destroyed or moved in its own
 * transaction, and a repeated request goes on with the files not yet done.
 * A hold placed at any time before a file is carried out stops that file.
 */
import { randomBytes } from 'node:crypto'
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import type { ArchiveFile, CouncilDecisionBody, Disposition, DispositionItem, ProposeDispositionBody } from '../../../shared/archives/contracts.js'
import { archivePolicy } from '../../../shared/archives/policy.js'
import { authorizeNotOwn } from '../../../shared/auth/policy.js'
import { historicalArchiveOf } from '../../../shared/archives/rules.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { nameOn } from '../../../shared/org/tree.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { keys } from '../../../shared/table/keys.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { deleteItem } from '../../lib/adapters/items.js'
import { files } from '../../lib/adapters/blobs.js'
import { sha256 } from '../../lib/hash.js'
import { signPdf } from '../../lib/signing/index.js'
import { documentStore } from '../../documents/adapters/store.js'
import { archiveStore, dispositionItem, fileItem } from '../adapters/store.js'
import { dispositionRecordPdf } from './disposition-record.js'
import { lifecycle } from './records.js'
import type { ArchiveContext } from './archives.js'

const person = (ctx: ArchiveContext) => ({ userId: ctx.actor.userId, fullName: ctx.actor.fullName })
const OPEN: Disposition['status'][] = ['proposed', 'approved', 'carrying-out']

/** Files the unit keeps (its own and those handed to it), as the unit's current archive holds them. */
async function keptBy(unitId: string): Promise<ArchiveFile[]> {
  const [own, custody] = await Promise.all([archiveStore.filesOf(unitId), archiveStore.filesInCustodyOf(unitId)])
  return [...own.filter((f) => f.custodianUnitId === unitId), ...custody.filter((f) => f.unitId !== unitId)]
}

const itemOf = (f: ArchiveFile): DispositionItem => ({
  fileId: f.fileId, code: f.code, title: f.title, classCode: f.retention.classCode, className: f.retention.className,
  period: f.retention.period, closedYear: f.closedYear!, action: f.retention.period === 'permanent' ? 'transfer' : 'destroy',
})

/**
 * The year's list: closed files due by 1 January of the year, not yet
 * disposed of; held files apart (with their holds), files already in an
 * open disposition marked.
 */
export async function dueList(ctx: ArchiveContext, unitId: string, year: number) {
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, await ctx.tree(), ctx.date)
  const [kept, dispositions] = await Promise.all([keptBy(unitId), archiveStore.dispositionsOf(unitId)])
  const inOpen = new Map(dispositions.filter((d) => OPEN.includes(d.status)).flatMap((d) => d.items.map((i) => [i.fileId, d.dispositionId] as const)))
  const due = kept.filter((f) => f.status === 'closed' && !f.disposition).filter((f) => { const l = lifecycle(f); return l.dueFrom !== undefined && l.dueFrom <= `${year}-01-01` })
  const rows = due.map((f) => ({ ...itemOf(f), dueFrom: lifecycle(f).dueFrom!, holdIds: f.holdIds ?? [], ...(inOpen.has(f.fileId) ? { dispositionId: inOpen.get(f.fileId) } : {}) }))
    .sort((a, b) => a.code.localeCompare(b.code))
  return { unitId, year, items: rows.filter((r) => r.holdIds.length === 0), held: rows.filter((r) => r.holdIds.length > 0) }
}

export async function proposeDisposition(ctx: ArchiveContext, body: ProposeDispositionBody): Promise<Disposition> {
  const index = await ctx.tree()
  if (!index.get(body.unitId)) throw new DomainError('notFound.unit', 404, { id: body.unitId })
  archivePolicy.authorize(ctx.actor, 'archive.dispose', body.unitId, index, ctx.date)
  const thisYear = Number(vietnamDate(ctx.now).slice(0, 4))
  if (body.year > thisYear) throw new RuleError('archive.dispositionFuture', { year: body.year })
  const list = await dueList(ctx, body.unitId, body.year)
  const due = new Map(list.items.map((i) => [i.fileId, i]))
  const held = new Map(list.held.map((i) => [i.fileId, i]))
  const items: DispositionItem[] = []
  for (const id of new Set(body.fileIds)) {
    const h = held.get(id)
    if (h) throw new RuleError('archive.fileHeld', { code: h.code })
    const i = due.get(id)
    if (!i) {
      const f = await archiveStore.getFile(id)
      throw new RuleError('archive.fileNotDue', { code: f?.code ?? id, year: body.year })
    }
    if (i.dispositionId) throw new DomainError('archive.fileInDisposition', 409, { code: i.code })
    const { dueFrom: _d, holdIds: _h, dispositionId: _x, ...item } = i
    items.push(item)
  }
  const d: Disposition = {
    dispositionId: `${body.unitId}.d${ctx.now.getTime().toString(36)}${randomBytes(4).toString('hex')}`, unitId: body.unitId, year: body.year, items,
    status: 'proposed', ...(body.note ? { note: body.note } : {}), proposedBy: person(ctx), proposedAt: ctx.now.toISOString(), version: 1,
  }
  await new Transaction().put(dispositionItem(d), { expectVersion: 'new' })
    .audit({ unitId: body.unitId, action: 'archive.dispositionProposed', target: d.dispositionId, details: { year: body.year, destroy: items.filter((i) => i.action === 'destroy').length, transfer: items.filter((i) => i.action === 'transfer').length } })
    .commit(ctx.auditActor, ctx.now)
  return d
}

async function load(ctx: ArchiveContext, dispositionId: string): Promise<Disposition> {
  const d = await archiveStore.getDisposition(dispositionId)
  if (!d) throw new DomainError('notFound.archiveDisposition', 404, { id: dispositionId })
  archivePolicy.authorize(ctx.actor, 'archive.read', d.unitId, await ctx.tree(), ctx.date)
  return d
}

export async function showDisposition(ctx: ArchiveContext, dispositionId: string) {
  const d = await load(ctx, dispositionId)
  const record = d.recordKey ? await files.presignDownload(d.recordKey, `bien-ban-${d.year}.pdf`, 'application/pdf') : undefined
  // The inventory the transferred files went to the historical archive with (codes, titles, each document's symbol and pages).
  const inventory = d.inventoryKey ? await files.presignDownload(d.inventoryKey, `muc-luc-nop-luu-${d.year}.json`, 'application/json') : undefined
  return { disposition: d, ...(record ? { recordUrl: record.url } : {}), ...(inventory ? { inventoryUrl: inventory.url } : {}) }
}

export async function listDispositions(ctx: ArchiveContext, unitId: string) {
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, await ctx.tree(), ctx.date)
  return { items: (await archiveStore.dispositionsOf(unitId)).sort((a, b) => b.proposedAt.localeCompare(a.proposedAt)) }
}

/** The appraisal council's decision: approve (some files kept) or reject. */
export async function decideDisposition(ctx: ArchiveContext, dispositionId: string, body: CouncilDecisionBody): Promise<Disposition> {
  const d = await load(ctx, dispositionId)
  archivePolicy.authorize(ctx.actor, 'archive.appraise', d.unitId, await ctx.tree(), ctx.date)
  // The council does not include the one who proposed the list: nobody decides their own request.
  authorizeNotOwn(ctx.actor, [d.proposedBy.userId])
  if (d.status !== 'proposed') throw new DomainError('archive.dispositionDecided', 409, { id: dispositionId })
  if (d.version !== body.version) throw new DomainError('conflict.version', 409)
  const keep = new Set(body.keep)
  const unknown = body.keep.find((id) => !d.items.some((i) => i.fileId === id))
  if (unknown) throw new RuleError('archive.fileNotInDisposition', { id: unknown })
  const reasons = new Map(body.keepReasons.map((r) => [r.fileId, r.reason]))
  const stray = body.keepReasons.find((r) => !keep.has(r.fileId) || !body.approved)
  if (stray) throw new RuleError('archive.keepReasonNotKept', {})
  const next: Disposition = {
    ...d, status: body.approved ? 'approved' : 'rejected',
    items: d.items.map((i) => ({ ...i, decision: body.approved ? (keep.has(i.fileId) ? 'keep' : i.action) : 'keep', ...(reasons.has(i.fileId) ? { keepReason: reasons.get(i.fileId) } : {}) })),
    council: { approved: body.approved, chair: body.chair, members: body.members, ...(body.note ? { note: body.note } : {}), decidedBy: person(ctx), decidedAt: ctx.now.toISOString() },
    version: d.version + 1,
  }
  await new Transaction().put(dispositionItem(next), { expectVersion: d.version })
    .audit({ unitId: d.unitId, action: 'archive.dispositionDecided', target: dispositionId, details: { approved: body.approved, chair: body.chair, kept: keep.size } })
    .commit(ctx.auditActor, ctx.now)
  return next
}

/**
 * Carries out an approved disposition file by file: a held file is left as
 * it is (named in the answer; the disposition stays open), the others are
 * destroyed or transferred; once every file is done, the record of what was
 * done is signed and the disposition is done.
 */
export async function carryOutDisposition(ctx: ArchiveContext, dispositionId: string, version: number): Promise<{ status: 200; body: Disposition & { stoppedByHold: string[] } }> {
  let d = await load(ctx, dispositionId)
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.dispose', d.unitId, index, ctx.date)
  if (d.status !== 'approved' && d.status !== 'carrying-out') throw new DomainError('archive.dispositionNotApproved', 409, { id: dispositionId })
  if (d.version !== version) throw new DomainError('conflict.version', 409)
  const current = new Map<string, ArchiveFile>()
  for (const i of d.items) { const f = await archiveStore.getFile(i.fileId); if (f) current.set(i.fileId, f) }
  const stoppedByHold = d.items.filter((i) => !i.done && i.decision !== 'keep' && (current.get(i.fileId)?.holdIds ?? []).length > 0).map((i) => i.fileId)
  const unitName = nameOn(index.get(d.unitId)!, ctx.date).name

  if (d.status === 'approved') {
    const transfers = d.items.some((i) => i.decision === 'transfer')
    const archiveUnitId = transfers ? historicalArchiveOf(index, d.unitId, ctx.date) : undefined
    if (transfers && !archiveUnitId) throw new RuleError('archive.noHistoricalArchive', { unitId: d.unitId })
    const next: Disposition = { ...d, status: 'carrying-out', ...(archiveUnitId ? { archiveUnitId } : {}), version: d.version + 1 }
    await new Transaction().put(dispositionItem(next), { expectVersion: d.version })
      .audit({ unitId: d.unitId, action: 'archive.dispositionStarted', target: dispositionId, details: { files: d.items.filter((i) => i.decision !== 'keep').length } })
      .commit(ctx.auditActor, ctx.now)
    d = next
  }

  for (const item of d.items) {
    if (item.done || item.decision === 'keep' || stoppedByHold.includes(item.fileId)) continue
    const f = current.get(item.fileId)
    if (!f) continue
    if (item.decision === 'destroy') await destroyContent(f)
    const at = ctx.now.toISOString()
    const file: ArchiveFile = item.decision === 'destroy'
      ? { ...f, status: 'destroyed', pages: 0, disposition: { kind: 'destroyed', dispositionId, at }, version: f.version + 1 }
      : {
        ...f, custodianUnitId: d.archiveUnitId!, custody: [...f.custody, { fromUnitId: f.custodianUnitId, toUnitId: d.archiveUnitId!, at, handoverId: dispositionId }],
        disposition: { kind: 'transferred', dispositionId, at, toUnitId: d.archiveUnitId! }, version: f.version + 1,
      }
    const next: Disposition = { ...d, items: d.items.map((i) => (i.fileId === item.fileId ? { ...i, done: true } : i)), version: d.version + 1 }
    // A hold placed since the file was read makes this write fail on the file's version: the file stays.
    await new Transaction().put(fileItem(file), { expectVersion: f.version }).put(dispositionItem(next), { expectVersion: d.version })
      .audit({ unitId: f.custodianUnitId, action: item.decision === 'destroy' ? 'archive.fileDestroyed' : 'archive.fileTransferred', target: f.fileId, details: { code: f.code, title: f.title, dispositionId, ...(item.decision === 'transfer' ? { toUnitId: d.archiveUnitId } : {}) } })
      .commit(ctx.auditActor, ctx.now)
    d = next
  }
  if (stoppedByHold.length === 0 && d.items.every((i) => i.done || i.decision === 'keep')) {
    // The record states what was done, so it is signed once everything is: destroyed files and the inventory of those transferred.
    const acting = d.items.filter((i) => i.done)
    const archiveName = d.archiveUnitId ? nameOn(index.get(d.archiveUnitId)!, ctx.date).name : undefined
    const inventory = []
    for (const i of acting.filter((x) => x.decision === 'transfer')) {
      const docs = await archiveStore.documentsOfFile(i.fileId)
      inventory.push({ ...i, documents: docs.map((x) => ({ symbol: x.fields.symbol.value, summary: x.fields.summary.value, pages: x.pageTo - x.pageFrom + 1 })) })
    }
    const inventoryBytes = new TextEncoder().encode(JSON.stringify({ dispositionId, unitId: d.unitId, unitName, toUnitId: d.archiveUnitId, toUnitName: archiveName, files: inventory }, null, 2))
    const pdf = await dispositionRecordPdf({ disposition: d, unitName, archiveName, acting, date: vietnamDate(ctx.now), signer: ctx.actor.fullName })
    const record = await signPdf(pdf, {
      signer: { kind: 'person', id: ctx.actor.userId, commonName: ctx.actor.fullName, organisation: unitName },
      kind: 'personal', reason: `Biên bản hủy tài liệu hết giá trị và nộp lưu năm ${d.year}`, location: unitName, title: 'NGƯỜI LẬP BIÊN BẢN', signedAt: ctx.now,
    })
    const recordKey = objectKeys.archiveDispositionRecord(d.unitId, dispositionId)
    const inventoryKey = objectKeys.archiveDispositionInventory(d.unitId, dispositionId)
    await files.put(recordKey, record, 'application/pdf')
    await files.put(inventoryKey, inventoryBytes, 'application/json')
    const done: Disposition = { ...d, status: 'done', recordKey, recordSha256: sha256(record), inventoryKey, completedBy: person(ctx), completedAt: ctx.now.toISOString(), version: d.version + 1 }
    await new Transaction().put(dispositionItem(done), { expectVersion: d.version })
      .audit({ unitId: d.unitId, action: 'archive.dispositionDone', target: dispositionId, details: { destroyed: acting.filter((i) => i.decision === 'destroy').length, transferred: acting.filter((i) => i.decision === 'transfer').length, recordSha256: done.recordSha256 } })
      .commit(ctx.auditActor, ctx.now)
    d = done
  }
  return { status: 200, body: { ...d, stoppedByHold } }
}

/**
 * Destroys a file's content: every object in the bucket (sources, page
 * images and PDFs, searchable PDFs), the pages, the documents found and
 * their register entries — whose removal takes their rows and the
 * assistant's passages out of the read model through the stream. The file
 * record, the disposition and its signed record stay.
 */
async function destroyContent(f: ArchiveFile): Promise<void> {
  const [batches, docs] = await Promise.all([archiveStore.batchesOfFile(f.fileId), archiveStore.documentsOfFile(f.fileId)])
  const objects = new Set<string>()
  for (const b of batches) {
    for (const s of b.sources) objects.add(s.objectKey)
    for (const p of await archiveStore.pagesOf(b.batchId)) {
      if (p.imageKey) objects.add(p.imageKey)
      if (p.pdfKey) objects.add(p.pdfKey)
      await deleteItem(keys.archivePage(f.unitId, p.batchId, p.pageNo))
    }
  }
  for (const d of docs) {
    if (d.pdfKey) objects.add(d.pdfKey)
    for (const k of d.imageKeys) objects.add(k)
    if (d.registeredDocumentId) {
      const entry = await documentStore.getDocument(d.registeredDocumentId)
      if (entry?.file?.objectKey) objects.add(entry.file.objectKey)
      await deleteItem(keys.document(entry?.ownerUnitId ?? d.unitId, d.registeredDocumentId))
    }
    await deleteItem(keys.archiveDocument(d.unitId, d.scanDocumentId))
  }
  for (const k of objects) await files.remove(k)
  for (const b of batches) await deleteItem(keys.archiveBatch(b.unitId, b.batchId))
}
