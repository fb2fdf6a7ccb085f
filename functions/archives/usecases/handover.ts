/**
 * Handover of a closed fonds (DOMAIN.md §5): when a unit has ended (merged,
 * split, dissolved), its files go to the receiving unit with an inventory
 * (mục lục hồ sơ: every file, each file's documents, SHA-256 of every
 * document's PDF and of each file's entry) and a handover record (biên bản
 * giao nhận) as a signed PDF. Custody moves; provenance stays (the files
 * remain in the ended unit's fonds, and their register entries keep their
 * symbols, so old symbols still resolve). The receiving unit confirms
 * receipt after every checksum and the record's signature verify.
 */
import { createHash } from 'node:crypto'
import { PDFDocument, rgb } from 'pdf-lib'
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import { archivePolicy } from '../../../shared/archives/policy.js'
import type { ArchiveFile, Handover, HandoverBody, HandoverFile } from '../../../shared/archives/contracts.js'
import { handoverRoutes, inScope, type HandoverRoute } from '../../../shared/archives/rules.js'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { ancestorsOn, existsOn, nameOn, parentOn, type UnitIndex } from '../../../shared/org/tree.js'
import { counterScope, dateLine, issuedSymbol, numberLine, placeOf } from '../../../shared/documents/numbering.js'
import { canonical } from '../../../shared/documents/symbols.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import { drawPartyHeader } from '../../lib/signing/party-header.js'
import { commitNumbered } from '../../documents/usecases/commit-numbered.js'
import { signPdf, trustRoots, verifyPdf } from '../../lib/signing/index.js'
import { files } from '../../lib/adapters/blobs.js'
import { documentItem, documentStore } from '../../documents/adapters/store.js'
import { archiveStore, fileItem, handoverItem } from '../adapters/store.js'
import { objectKeys } from '../../../shared/table/objects.js'
import type { ArchiveContext } from './archives.js'
import { MARGIN, PAGE, TEXT_WIDTH, recordHeader } from './paper.js'
import { sha256 } from '../../lib/hash.js'
import { MAX_SCAN_BYTES } from './pipeline.js'

/**
 * One transaction holds at most 100 items. A chunk of the custody move holds
 * the handover (its progress), the files and register entries of the chunk,
 * and up to two audit entries (two items each): 90 files and entries leaves room.
 */
export const HANDOVER_CHUNK_ITEMS = 90
/**
 * Chunks moved per request: a large fonds moves over several calls (the
 * wizard repeats the same request until the handover is transferred), so
 * no call runs into the API's time limit.
 */
export const HANDOVER_CHUNKS_PER_CALL = 1
const REASONS = { merge: 'hợp nhất / sáp nhập', split: 'chia tách', dissolve: 'giải thể' } as const

/** The inventory entry of a file: its documents and their PDFs' checksums; the file's checksum covers the list. */
export function inventoryEntry(file: Pick<ArchiveFile, 'fileId' | 'code' | 'title'>, documents: { scanDocumentId: string; symbol: string | null; pdfSha256?: string }[]) {
  const sorted = [...documents].sort((a, b) => a.scanDocumentId.localeCompare(b.scanDocumentId))
    .map((d) => ({ scanDocumentId: d.scanDocumentId, symbol: d.symbol, ...(d.pdfSha256 ? { pdfSha256: d.pdfSha256 } : {}) }))
  // Fields in a fixed order, whatever order a stored copy comes back in (DynamoDB maps keep none).
  const canonicalText = JSON.stringify([file.fileId, file.code, file.title, sorted.map((d) => [d.scanDocumentId, d.symbol, d.pdfSha256 ?? null])])
  return { fileId: file.fileId, code: file.code, title: file.title, documents: sorted, sha256: createHash('sha256').update(canonicalText).digest('hex') }
}

/** One step of the custody move: a register entry made readable by the receiver, or a file whose custody moves. */
export type MoveStep = { kind: 'entry'; documentId: string } | { kind: 'file'; fileId: string }

/** The steps in order (each file after its register entries), cut into chunks of at most `size`. */
export function moveChunks(steps: readonly MoveStep[], size = HANDOVER_CHUNK_ITEMS): MoveStep[][] {
  const out: MoveStep[][] = []
  for (let i = 0; i < steps.length; i += size) out.push(steps.slice(i, i + size))
  return out
}

/** The same files handed from the same unit to the same receiver make the same handover: a second request finds the first. */
export const handoverIdOf = (fromUnitId: string, toUnitId: string, fileIds: readonly string[]): string =>
  `h${createHash('sha256').update([fromUnitId, toUnitId, ...[...fileIds].sort()].join('\n')).digest('hex').slice(0, 24)}`

export type HandoverResult = { status: 200 | 201 | 202; body: Handover }

/**
 * Hands a closed fonds over, in three moves that each leave the table whole:
 * (1) the package (inventory, checksums) and the signed record are built
 * once, and the handover is written as `transferring`; (2) custody moves in
 * chunks, each one transaction with the handover's progress, so a chunk is
 * all or nothing and a retried request goes on from the last chunk written;
 * (3) the last chunk marks the handover `transferred`. The same request,
 * repeated, resumes a handover in progress (202 while files remain) and
 * returns a finished one unchanged (200).
 */
export async function createHandover(ctx: ArchiveContext, body: HandoverBody): Promise<HandoverResult> {
  const index = await ctx.tree()
  const from = index.get(body.fromUnitId)
  if (!from) throw new DomainError('notFound.unit', 404, { id: body.fromUnitId })
  if (body.toUnitId && !index.get(body.toUnitId)) throw new DomainError('notFound.unit', 404, { id: body.toUnitId })
  if (!from.validTo || from.validTo >= ctx.date) throw new RuleError('archive.unitNotEnded', { unitId: body.fromUnitId })
  const routes = handoverRoutes(index, from, ctx.date)
  const names = (rs: HandoverRoute[]) => rs.map((r) => nameOn(index.get(r.toUnitId)!, ctx.date).name).join(', ')
  if (!routes.length) throw new RuleError('archive.noReceiver', { unit: nameOn(from, from.validTo).name })
  if (body.reason && body.reason !== from.endedBy) throw new RuleError('archive.wrongReason', { unit: nameOn(from, from.validTo).name })
  const chosen = body.toUnitId ? routes.find((r) => r.toUnitId === body.toUnitId) : undefined
  if (body.toUnitId && !chosen) throw new RuleError('archive.wrongReceiver', { unit: nameOn(from, from.validTo).name, expected: names(routes) })

  const earlier = await archiveStore.handoversFrom(body.fromUnitId)
  const open = earlier.find((h) => h.status === 'transferring')
  if (open && chosen && open.toUnitId !== chosen.toUnitId) throw new DomainError('archive.handoverInProgress', 409, { id: open.handoverId, unitId: open.toUnitId })
  if (open) {
    archivePolicy.authorize(ctx.actor, 'archive.handover', open.toUnitId, index, ctx.date)
    const moved = await moveCustody(ctx, open)
    return { status: moved.body.status === 'transferring' ? 202 : 200, body: moved.body }
  }

  const all = (await archiveStore.filesOf(body.fromUnitId)).filter((f) => f.custodianUnitId === body.fromUnitId && f.status !== 'destroyed')
  // Without a chosen receiver: the first of the rule's receivers with files left for it.
  const route = chosen ?? routes.find((r) => all.some((f) => inScope(r.scope, f.retention.period))) ?? routes[0]
  const toUnitId = route.toUnitId
  const to = index.get(toUnitId)!
  archivePolicy.authorize(ctx.actor, 'archive.handover', toUnitId, index, ctx.date)
  if (!existsOn(to, ctx.date)) throw new RuleError('rule.unitEnded', { unitId: toUnitId })
  const kept = all.filter((f) => inScope(route.scope, f.retention.period)).sort((a, b) => a.fileId.localeCompare(b.fileId))
  if (kept.length === 0) {
    const done = earlier.filter((h) => h.toUnitId === toUnitId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    if (done) return { status: 200, body: done }
    throw new RuleError('archive.nothingToHandOver', { unitId: body.fromUnitId })
  }

  const inventory: HandoverFile[] = []
  const registered: string[] = []
  for (const f of kept) {
    // A file with no document found in it needs no query (most files of a large paper fonds are catalogued only).
    const docs = f.documents > 0 ? await archiveStore.documentsOfFile(f.fileId) : []
    const entries = []
    for (const d of docs) {
      const pdfSha256 = d.pdfKey ? sha256(new Uint8Array(await files.read(d.pdfKey, MAX_SCAN_BYTES()))) : undefined
      entries.push({ scanDocumentId: d.scanDocumentId, symbol: d.fields.symbol.value, ...(pdfSha256 ? { pdfSha256 } : {}) })
      if (d.registeredDocumentId) registered.push(d.registeredDocumentId)
    }
    inventory.push(inventoryEntry(f, entries))
  }

  const now = ctx.now
  const reason = from.endedBy!
  const handoverId = handoverIdOf(body.fromUnitId, toUnitId, kept.map((f) => f.fileId))
  const fromName = nameOn(from, from.validTo).name
  const toName = nameOn(to, ctx.date).name
  const pkg = { handoverId, fromUnitId: body.fromUnitId, fromUnitName: fromName, toUnitId, toUnitName: toName, reason, date: body.date, files: inventory }
  const pkgBytes = new TextEncoder().encode(JSON.stringify(pkg, null, 2))
  const packageKey = objectKeys.archiveHandoverPackage(body.fromUnitId, handoverId)
  const recordKey = objectKeys.archiveHandoverRecord(body.fromUnitId, handoverId)
  await files.put(packageKey, pkgBytes, 'application/json')
  // The inventory, one item per file, before the handover that points to it (rewritten whole by a retry: same keys, same content).
  await archiveStore.putHandoverFiles(handoverId, inventory)

  // The record is the receiving unit's paper: numbered in its "BB" series (gapless, in the transaction that writes the handover).
  const scope = counterScope(to, 'BB', body.date)
  const paper = recordHeader(index, to.unitId, ctx.date)
  let handover: Handover | undefined
  await commitNumbered({ auditActor: ctx.auditActor, now }, { unitId: to.unitId, scope: scope.key, label: scope.label }, async (number) => {
    const symbol = issuedSymbol(to, 'BB', number)
    const registerNumber = canonical(symbol)
    // The handing-over side signs when it submits, in its own block of the record.
    const record = await signPdf(await handoverRecordPdf({ ...pkg, ...paper, numberLine: numberLine(symbol) }, ctx.actor.fullName), {
      signer: { kind: 'person', id: ctx.actor.userId, commonName: ctx.actor.fullName, organisation: fromName },
      kind: 'personal', reason: `Biên bản giao nhận hồ sơ lưu trữ số ${registerNumber}: bên giao`, location: paper.place, title: GIVER_TITLE, signedAt: now,
      appearance: { rect: GIVER_SIGNATURE, printed: { title: true, name: false } },
    })
    await files.put(recordKey, record, 'application/pdf')
    handover = {
      handoverId, fromUnitId: body.fromUnitId, toUnitId, reason, scope: route.scope, date: body.date, fileCount: inventory.length,
      packageKey, packageSha256: sha256(pkgBytes), registerNumber, recordKey, recordSha256: sha256(record), status: 'transferring', movedFiles: 0,
      createdBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, createdAt: now.toISOString(), version: 1,
    }
    // Two requests racing for the same fonds make the same id: the second is told a handover is in progress.
    return new Transaction().put(handoverItem(handover), { expectVersion: 'new', onConflict: new DomainError('archive.handoverInProgress', 409, { id: handoverId, unitId: toUnitId }) })
      .audit({ unitId: body.fromUnitId, action: 'archive.handoverStart', target: handoverId, details: { toUnitId, files: kept.length, entries: registered.length, reason, registerNumber } })
  })
  const moved = await moveCustody(ctx, handover!)
  return { status: moved.body.status === 'transferred' ? 201 : 202, body: moved.body }
}

/** The receivers the rule gives an ended unit, named, with how many of its files each would take. */
export async function handoverReceivers(ctx: ArchiveContext, fromUnitId: string) {
  const index = await ctx.tree()
  const from = index.get(fromUnitId)
  if (!from) throw new DomainError('notFound.unit', 404, { id: fromUnitId })
  archivePolicy.authorize(ctx.actor, 'archive.read', fromUnitId, index, ctx.date)
  const kept = (await archiveStore.filesOf(fromUnitId)).filter((f) => f.custodianUnitId === fromUnitId && f.status !== 'destroyed')
  return {
    fromUnitId, ended: !!from.validTo && from.validTo < ctx.date, endedBy: from.endedBy ?? null,
    routes: handoverRoutes(index, from, ctx.date).map((r) => ({ ...r, name: nameOn(index.get(r.toUnitId)!, ctx.date).name, files: kept.filter((f) => inScope(r.scope, f.retention.period)).length })),
  }
}

/** A page of a handover's inventory (files in id order). */
export async function handoverFilesPage(ctx: ArchiveContext, fromUnitId: string, handoverId: string, after: string | undefined, limit: number) {
  const h = await archiveStore.getHandover(fromUnitId, handoverId)
  if (!h) throw new DomainError('notFound.archiveHandover', 404, { id: handoverId })
  const index = await ctx.tree()
  if (!archivePolicy.can(ctx.actor, 'archive.read', h.toUnitId, index, ctx.date)) archivePolicy.authorize(ctx.actor, 'archive.read', h.fromUnitId, index, ctx.date)
  const items = await archiveStore.handoverFiles(h, after, limit)
  return { items, next: items.length === limit ? items[items.length - 1].fileId : null, total: fileCountOf(h) }
}

const fileCountOf = (h: Handover): number => h.fileCount ?? h.files?.length ?? 0

/**
 * Moves up to HANDOVER_CHUNKS_PER_CALL chunks of a handover in progress.
 * Files move in id order from the handover's inventory items; the handover
 * keeps the last file moved (`movedThrough`) under its version, so a chunk
 * written before an interruption is never written twice and the next one
 * starts after it, reading only its own page of the inventory.
 */
async function moveCustody(ctx: ArchiveContext, start: Handover): Promise<{ body: Handover }> {
  let h = start
  for (let call = 0; call < HANDOVER_CHUNKS_PER_CALL && h.status === 'transferring'; call++) {
    // One file past a chunk is enough to know this chunk is not the last.
    const page = await archiveStore.handoverFiles(h, h.movedThrough, HANDOVER_CHUNK_ITEMS + 1)
    const current = new Map((await archiveStore.getFiles(page.map((f) => f.fileId))).map((f) => [f.fileId, f]))
    const steps: MoveStep[] = []
    const entries = new Map<string, OfficialDocument>()
    let through = h.movedThrough
    let more = false
    for (const entry of page) {
      const f = current.get(entry.fileId)
      const fileSteps: MoveStep[] = []
      if (f && f.custodianUnitId === h.fromUnitId) {
        for (const d of f.documents > 0 ? await archiveStore.documentsOfFile(f.fileId) : []) {
          if (!d.registeredDocumentId) continue
          const doc = await documentStore.getDocument(d.registeredDocumentId)
          if (!doc || doc.readerUnitIds.includes(h.toUnitId) || entries.has(doc.documentId)) continue
          entries.set(doc.documentId, doc)
          fileSteps.push({ kind: 'entry', documentId: doc.documentId })
        }
        fileSteps.push({ kind: 'file', fileId: entry.fileId })
      }
      if (steps.length + fileSteps.length > HANDOVER_CHUNK_ITEMS && steps.length > 0) { more = true; break }
      steps.push(...fileSteps)
      through = entry.fileId
    }
    if (!more && page.length > HANDOVER_CHUNK_ITEMS) more = true
    const at = ctx.now.toISOString()
    const movedNow = steps.filter((s) => s.kind === 'file').length
    const last = !more
    const next: Handover = { ...h, movedFiles: (h.movedFiles ?? 0) + movedNow, ...(through ? { movedThrough: through } : {}), status: last ? 'transferred' : 'transferring', version: h.version + 1 }
    const tx = new Transaction().put(handoverItem(next), { expectVersion: h.version })
    for (const step of steps) {
      if (step.kind === 'entry') {
        const d = entries.get(step.documentId)!
        // The receiving unit's people read the register entries of the files it now keeps; their symbols stay as they were.
        tx.put(documentItem({ ...d, readerUnitIds: [...d.readerUnitIds, h.toUnitId], version: d.version + 1, updatedAt: at }), { expectVersion: d.version })
      } else {
        const f = current.get(step.fileId)!
        tx.put(fileItem({ ...f, status: f.status === 'destroyed' ? f.status : 'closed', closedYear: f.closedYear ?? Number(at.slice(0, 4)), custodianUnitId: h.toUnitId, custody: [...f.custody, { fromUnitId: h.fromUnitId, toUnitId: h.toUnitId, at, handoverId: h.handoverId }], version: f.version + 1 }), { expectVersion: f.version })
      }
    }
    if (last) {
      tx.audit({ unitId: h.fromUnitId, action: 'archive.handover', target: h.handoverId, details: { toUnitId: h.toUnitId, files: fileCountOf(h), reason: h.reason } })
      tx.audit({ unitId: h.toUnitId, action: 'archive.handoverIn', target: h.handoverId, details: { fromUnitId: h.fromUnitId, files: fileCountOf(h) } })
    } else {
      tx.audit({ unitId: h.fromUnitId, action: 'archive.handoverChunk', target: h.handoverId, details: { toUnitId: h.toUnitId, files: movedNow, entries: steps.length - movedNow, movedFiles: next.movedFiles } })
    }
    await tx.commit(ctx.auditActor, ctx.now)
    h = next
  }
  return { body: h }
}

/** The two signing blocks at the foot of the last page: the handing-over side at the left, the receiving side at the right. */
const BLOCK_TITLE_Y = 250
const GIVER_TITLE = 'ĐẠI DIỆN BÊN GIAO'
const RECEIVER_TITLE = 'ĐẠI DIỆN BÊN NHẬN'
const GIVER_SIGNATURE: [number, number, number, number] = [MARGIN.left, 100, MARGIN.left + 190, BLOCK_TITLE_Y - 8]
const RECEIVER_SIGNATURE: [number, number, number, number] = [PAGE[0] - MARGIN.right - 190, 100, PAGE[0] - MARGIN.right, BLOCK_TITLE_Y - 8]

/**
 * The handover record (biên bản giao nhận) in the Party form: the receiving
 * unit's header with the record's number and the place and date, the
 * parties, the inventory, and the two signing blocks on the last page, where
 * each side's digital signature goes. Every line is wrapped to the text width.
 */
async function handoverRecordPdf(pkg: { fromUnitName: string; toUnitName: string; reason: keyof typeof REASONS; date: string; files: ReturnType<typeof inventoryEntry>[]; numberLine: string; issuerName: string; parentName: string; place: string }, actorName: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, ['regular', 'bold', 'oblique'] as const)
  let page = doc.addPage(PAGE)
  const ink = rgb(0, 0, 0)
  const dated = dateLine(pkg.place, pkg.date)
  drawPartyHeader(page, fonts, { parentName: pkg.parentName, issuerName: pkg.issuerName, numberLine: pkg.numberLine, dateLine: dated })
  let y = 700
  const newPage = () => { page = doc.addPage(PAGE); y = PAGE[1] - MARGIN.top }
  const para = (text: string, o: { bold?: boolean; italic?: boolean; size?: number; indent?: number; centre?: boolean; after?: number } = {}) => {
    const size = o.size ?? 12
    const font = o.bold ? fonts.bold : o.italic ? fonts.oblique : fonts.regular
    const x0 = MARGIN.left + (o.indent ?? 0)
    for (const l of wrap(text, font, size, TEXT_WIDTH - (o.indent ?? 0))) {
      if (y < MARGIN.bottom + size) newPage()
      const x = o.centre ? (PAGE[0] - font.widthOfTextAtSize(l, size)) / 2 : x0
      page.drawText(l, { x, y, size, font, color: ink })
      y -= size * 1.35
    }
    y -= o.after ?? 4
  }
  const [yy, mm, dd] = pkg.date.split('-')
  para('BIÊN BẢN', { bold: true, size: 15, centre: true, after: 0 })
  para(`Giao nhận hồ sơ lưu trữ của ${pkg.fromUnitName}`, { bold: true, centre: true, after: 14 })
  para(`Hôm nay, ngày ${dd} tháng ${mm} năm ${yy}, tại ${pkg.toUnitName}, chúng tôi gồm:`)
  para(`Bên giao: phông lưu trữ của ${pkg.fromUnitName} (kết thúc hoạt động do ${REASONS[pkg.reason]}), đại diện là đồng chí ${actorName}.`, { indent: 14 })
  para(`Bên nhận: ${pkg.toUnitName}.`, { indent: 14 })
  para(`Bên giao giao, bên nhận nhận ${pkg.files.length} hồ sơ theo mục lục dưới đây. Mỗi hồ sơ và mỗi văn bản có mã kiểm tra SHA-256; bên nhận kiểm tra lại toàn bộ các mã khi nhận.`, { after: 10 })
  para('MỤC LỤC HỒ SƠ', { bold: true, centre: true, after: 6 })
  for (const [i, f] of pkg.files.entries()) {
    para(`${i + 1}. ${f.code} — ${f.title} (${f.documents.length} văn bản)`, { bold: true, size: 11, after: 0 })
    para(`SHA-256 của hồ sơ: ${f.sha256}`, { size: 8, indent: 14, after: 0 })
    for (const d of f.documents) para(`${d.symbol ?? '(chưa có số, ký hiệu)'}: ${d.pdfSha256 ? `bản PDF, SHA-256 ${d.pdfSha256}` : 'chỉ lập mục lục'}`, { size: 8, indent: 14, after: 0 })
    y -= 6
  }
  y -= 6
  para('Biên bản được lập thành bản điện tử, ký số bởi đại diện bên giao khi giao và đại diện bên nhận khi nhận.', { italic: true, size: 11 })
  if (y < BLOCK_TITLE_Y + 30) newPage()
  const centreAt = (text: string, cx: number, at: number, font = fonts.bold, size = 12) => page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y: at, size, font, color: ink })
  centreAt(GIVER_TITLE, (GIVER_SIGNATURE[0] + GIVER_SIGNATURE[2]) / 2, BLOCK_TITLE_Y)
  centreAt(RECEIVER_TITLE, (RECEIVER_SIGNATURE[0] + RECEIVER_SIGNATURE[2]) / 2, BLOCK_TITLE_Y)
  return doc.save()
}

export async function listHandovers(ctx: ArchiveContext, unitId: string) {
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.read', unitId, index, ctx.date)
  const [incoming, outgoing] = await Promise.all([archiveStore.handoversTo(unitId), archiveStore.handoversFrom(unitId)])
  const withLinks = (h: Handover) => files.presignDownload(h.recordKey, `bien-ban-${(h.registerNumber ?? h.handoverId).replace(/\//g, "-")}.pdf`, 'application/pdf').then((record) => ({ ...h, recordUrl: record.url }))
  return { incoming: await Promise.all(incoming.map(withLinks)), outgoing: await Promise.all(outgoing.map(withLinks)) }
}

/**
 * The receiving unit checks what arrived: the package's and the record's
 * checksums, every document PDF against the inventory, each file entry's
 * checksum, and the record's signature. Any mismatch: 422 with the list,
 * nothing recorded.
 */
export async function receiveHandover(ctx: ArchiveContext, fromUnitId: string, handoverId: string): Promise<Handover & { checked: number }> {
  const h = await archiveStore.getHandover(fromUnitId, handoverId)
  if (!h) throw new DomainError('notFound.archiveHandover', 404, { id: handoverId })
  const index = await ctx.tree()
  archivePolicy.authorize(ctx.actor, 'archive.handover', h.toUnitId, index, ctx.date)
  if (h.status === 'received') throw new DomainError('archive.alreadyReceived', 409, { id: handoverId })
  if (h.status === 'transferring') throw new DomainError('archive.handoverInProgress', 409, { id: handoverId, unitId: h.toUnitId })
  const problems: string[] = []
  const pkgBytes = new Uint8Array(await files.read(h.packageKey, MAX_SCAN_BYTES()))
  if (sha256(pkgBytes) !== h.packageSha256) problems.push('package')
  const record = new Uint8Array(await files.read(h.recordKey, MAX_SCAN_BYTES()))
  if (sha256(record) !== h.recordSha256) problems.push('record')
  const report = await verifyPdf(record, { roots: await trustRoots() })
  if (!report.valid) problems.push('record-signature')
  let checked = 0
  // The inventory as packed (its bytes match the checksum above) must agree with the record kept in the table.
  let packed: { files?: HandoverFile[] } = {}
  try { packed = JSON.parse(new TextDecoder().decode(pkgBytes)) } catch { problems.push('package') }
  const inPackage = new Map((packed.files ?? []).map((p) => [p.fileId, p]))
  if ((packed.files ?? []).length !== fileCountOf(h)) problems.push('package')
  for (let after: string | undefined, page: HandoverFile[] = []; ; after = page[page.length - 1].fileId) {
    page = await archiveStore.handoverFiles(h, after, 500)
    for (const f of page) {
      if (inPackage.get(f.fileId)?.sha256 !== f.sha256) problems.push(`package:${f.code}`)
      if (inventoryEntry(f, f.documents).sha256 !== f.sha256) problems.push(`file:${f.code}`)
      for (const d of f.documents) {
        if (!d.pdfSha256) continue
        const doc = await archiveStore.getDocument(d.scanDocumentId)
        const bytes = doc?.pdfKey ? new Uint8Array(await files.read(doc.pdfKey, MAX_SCAN_BYTES()).catch(() => Buffer.alloc(0))) : new Uint8Array()
        if (sha256(bytes) !== d.pdfSha256) problems.push(`document:${d.symbol ?? d.scanDocumentId}`)
        checked++
      }
    }
    if (page.length < 500) break
  }
  if (problems.length) throw new RuleError('archive.checksumMismatch', { items: problems.join(', ') })
  // The receiving side countersigns the record in its own block (an incremental update: the giver's signature stays valid),
  // kept apart from the record as submitted, so a receipt that fails to commit leaves that one as it was.
  const paper = recordHeader(index, h.toUnitId, ctx.date)
  const countersigned = await signPdf(record, {
    signer: { kind: 'person', id: ctx.actor.userId, commonName: ctx.actor.fullName, organisation: paper.issuerName },
    kind: 'personal', reason: `Biên bản giao nhận hồ sơ lưu trữ${h.registerNumber ? ` số ${h.registerNumber}` : ''}: bên nhận`, location: paper.place, title: RECEIVER_TITLE, signedAt: ctx.now,
    appearance: { rect: RECEIVER_SIGNATURE, printed: { title: true, name: false } },
  })
  const recordKey = objectKeys.archiveHandoverRecordReceived(h.fromUnitId, h.handoverId)
  await files.put(recordKey, countersigned, 'application/pdf')
  const received: Handover = {
    ...h, status: 'received', recordKey, recordSha256: sha256(countersigned),
    receivedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, receivedAt: ctx.now.toISOString(), version: h.version + 1,
  }
  await new Transaction().put(handoverItem(received), { expectVersion: h.version })
    .audit({ unitId: h.toUnitId, action: 'archive.handoverReceived', target: handoverId, details: { fromUnitId, documents: checked } })
    .commit(ctx.auditActor, ctx.now)
  return { ...received, checked }
}
