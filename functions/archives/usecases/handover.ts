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
import { createHash, randomBytes } from 'node:crypto'
import { PDFDocument, rgb } from 'pdf-lib'
import { DomainError, RuleError } from '../../../shared/errors/index.js'
import { authorizeArchive } from '../../../shared/archives/policy.js'
import type { ArchiveFile, Handover, HandoverBody } from '../../../shared/archives/contracts.js'
import { existsOn, nameOn } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { embedFonts } from '../../lib/signing/fonts.js'
import { signPdf, trustRoots, verifyPdf } from '../../lib/signing/index.js'
import { files } from '../../documents/adapters/files.js'
import { documentItem, documentStore } from '../../documents/adapters/store.js'
import { archiveStore, fileItem, handoverItem } from '../adapters/store.js'
import { objectKeys } from '../keys.js'
import type { ArchiveContext } from './archives.js'
import { MAX_SCAN_BYTES, sha256 } from './pipeline.js'

/** One transaction holds at most 100 items: the handover, the files, the register entries made readable, two audits. */
export const MAX_HANDOVER_ITEMS = 90
const REASONS = { merge: 'hợp nhất / sáp nhập', split: 'chia tách', dissolve: 'giải thể' } as const

/** The inventory entry of a file: its documents and their PDFs' checksums; the file's checksum covers the list. */
export function inventoryEntry(file: Pick<ArchiveFile, 'fileId' | 'code' | 'title'>, documents: { scanDocumentId: string; symbol: string | null; pdfSha256?: string }[]) {
  const sorted = [...documents].sort((a, b) => a.scanDocumentId.localeCompare(b.scanDocumentId))
    .map((d) => ({ scanDocumentId: d.scanDocumentId, symbol: d.symbol, ...(d.pdfSha256 ? { pdfSha256: d.pdfSha256 } : {}) }))
  // Fields in a fixed order, whatever order a stored copy comes back in (DynamoDB maps keep none).
  const canonicalText = JSON.stringify([file.fileId, file.code, file.title, sorted.map((d) => [d.scanDocumentId, d.symbol, d.pdfSha256 ?? null])])
  return { fileId: file.fileId, code: file.code, title: file.title, documents: sorted, sha256: createHash('sha256').update(canonicalText).digest('hex') }
}

export async function createHandover(ctx: ArchiveContext, body: HandoverBody): Promise<Handover> {
  const index = await ctx.tree()
  const from = index.get(body.fromUnitId)
  const to = index.get(body.toUnitId)
  if (!from) throw new DomainError('notFound.unit', 404, { id: body.fromUnitId })
  if (!to) throw new DomainError('notFound.unit', 404, { id: body.toUnitId })
  authorizeArchive(ctx.actor, 'archive.handover', body.toUnitId, index, ctx.date)
  if (!from.validTo || from.validTo >= ctx.date) throw new RuleError('archive.unitNotEnded', { unitId: body.fromUnitId })
  if (!existsOn(to, ctx.date)) throw new RuleError('rule.unitEnded', { unitId: body.toUnitId })
  const kept = (await archiveStore.filesOf(body.fromUnitId)).filter((f) => f.custodianUnitId === body.fromUnitId)
  if (kept.length === 0) throw new RuleError('archive.nothingToHandOver', { unitId: body.fromUnitId })

  const inventory = []
  const registered: string[] = []
  for (const f of kept) {
    const docs = await archiveStore.documentsOfFile(f.fileId)
    const entries = []
    for (const d of docs) {
      const pdfSha256 = d.pdfKey ? sha256(new Uint8Array(await files.read(d.pdfKey, MAX_SCAN_BYTES()))) : undefined
      entries.push({ scanDocumentId: d.scanDocumentId, symbol: d.fields.symbol.value, ...(pdfSha256 ? { pdfSha256 } : {}) })
      if (d.registeredDocumentId) registered.push(d.registeredDocumentId)
    }
    inventory.push(inventoryEntry(f, entries))
  }
  if (kept.length + registered.length + 1 > MAX_HANDOVER_ITEMS) throw new RuleError('archive.handoverTooLarge', { max: MAX_HANDOVER_ITEMS })

  const now = ctx.now
  const handoverId = `h${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`
  const fromName = nameOn(from, from.validTo).name
  const toName = nameOn(to, ctx.date).name
  const pkg = { handoverId, fromUnitId: body.fromUnitId, fromUnitName: fromName, toUnitId: body.toUnitId, toUnitName: toName, reason: body.reason, date: body.date, files: inventory }
  const pkgBytes = new TextEncoder().encode(JSON.stringify(pkg, null, 2))
  const record = await signPdf(await handoverRecordPdf(pkg, ctx.actor.fullName), {
    signer: { kind: 'person', id: ctx.actor.userId, commonName: ctx.actor.fullName, organisation: toName },
    kind: 'personal', reason: `Biên bản giao nhận hồ sơ lưu trữ ${handoverId}`, location: toName, title: 'ĐẠI DIỆN BÊN NHẬN', signedAt: now,
  })
  const packageKey = objectKeys.handoverPackage(body.fromUnitId, handoverId)
  const recordKey = objectKeys.handoverRecord(body.fromUnitId, handoverId)
  await files.put(packageKey, pkgBytes, 'application/json')
  await files.put(recordKey, record, 'application/pdf')

  const handover: Handover = {
    handoverId, fromUnitId: body.fromUnitId, toUnitId: body.toUnitId, reason: body.reason, date: body.date, files: inventory,
    packageKey, packageSha256: sha256(pkgBytes), recordKey, recordSha256: sha256(record), status: 'transferred',
    createdBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, createdAt: now.toISOString(), version: 1,
  }
  const at = now.toISOString()
  const tx = new Transaction().put(handoverItem(handover), { expectVersion: 'new' })
  for (const f of kept) {
    tx.put(fileItem({ ...f, status: 'closed', custodianUnitId: body.toUnitId, custody: [...f.custody, { fromUnitId: body.fromUnitId, toUnitId: body.toUnitId, at, handoverId }], version: f.version + 1 }), { expectVersion: f.version })
  }
  // The receiving unit's people read the register entries of the files it now keeps; their symbols stay as they were.
  for (const id of registered) {
    const d = await documentStore.getDocument(id)
    if (d && !d.readerUnitIds.includes(body.toUnitId)) tx.put(documentItem({ ...d, readerUnitIds: [...d.readerUnitIds, body.toUnitId], version: d.version + 1, updatedAt: at }), { expectVersion: d.version })
  }
  tx.audit({ unitId: body.fromUnitId, action: 'archive.handover', target: handoverId, details: { toUnitId: body.toUnitId, files: kept.length, reason: body.reason } })
  tx.audit({ unitId: body.toUnitId, action: 'archive.handoverIn', target: handoverId, details: { fromUnitId: body.fromUnitId, files: kept.length } })
  await tx.commit(ctx.auditActor, now)
  return handover
}

/** The handover record (biên bản giao nhận) with the inventory, in Vietnamese. */
async function handoverRecordPdf(pkg: { handoverId: string; fromUnitName: string; toUnitName: string; reason: keyof typeof REASONS; date: string; files: ReturnType<typeof inventoryEntry>[] }, actorName: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, ['regular', 'bold'] as const)
  let page = doc.addPage([595.28, 841.89])
  let y = 790
  const line = (text: string, opts: { bold?: boolean; size?: number; x?: number } = {}) => {
    if (y < 200) { page = doc.addPage([595.28, 841.89]); y = 790 }
    page.drawText(text, { x: opts.x ?? 60, y, size: opts.size ?? 11, font: opts.bold ? fonts.bold : fonts.regular, color: rgb(0.07, 0.07, 0.07) })
    y -= (opts.size ?? 11) + 8
  }
  const [yy, mm, dd] = pkg.date.split('-')
  line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, x: 330 })
  line(`ngày ${dd} tháng ${mm} năm ${yy}`, { x: 345 })
  y -= 10
  line('BIÊN BẢN GIAO NHẬN HỒ SƠ LƯU TRỮ', { bold: true, size: 14, x: 160 })
  line(`Số biên bản: ${pkg.handoverId}`, { x: 220 })
  y -= 6
  line(`Bên giao: phông lưu trữ của ${pkg.fromUnitName} (kết thúc hoạt động do ${REASONS[pkg.reason]}).`)
  line(`Bên nhận: ${pkg.toUnitName}.`)
  line(`Người lập: ${actorName}. Số hồ sơ giao nhận: ${pkg.files.length}.`)
  y -= 6
  line('MỤC LỤC HỒ SƠ', { bold: true })
  for (const [i, f] of pkg.files.entries()) {
    line(`${i + 1}. ${f.code} — ${f.title} (${f.documents.length} văn bản)`, { bold: true })
    line(`SHA-256: ${f.sha256}`, { size: 8, x: 75 })
    for (const d of f.documents) line(`${d.symbol ?? '(chưa có số, ký hiệu)'}  ${d.pdfSha256 ? `PDF SHA-256 ${d.pdfSha256.slice(0, 32)}…` : 'chỉ lập mục lục'}`, { size: 8, x: 75 })
  }
  return doc.save()
}

export async function listHandovers(ctx: ArchiveContext, unitId: string) {
  const index = await ctx.tree()
  authorizeArchive(ctx.actor, 'archive.read', unitId, index, ctx.date)
  const [incoming, outgoing] = await Promise.all([archiveStore.handoversTo(unitId), archiveStore.handoversFrom(unitId)])
  const withLinks = (h: Handover) => files.presignDownload(h.recordKey, `bien-ban-${h.handoverId}.pdf`, 'application/pdf').then((record) => ({ ...h, recordUrl: record.url }))
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
  authorizeArchive(ctx.actor, 'archive.handover', h.toUnitId, index, ctx.date)
  if (h.status === 'received') throw new DomainError('archive.alreadyReceived', 409, { id: handoverId })
  const problems: string[] = []
  const pkgBytes = new Uint8Array(await files.read(h.packageKey, MAX_SCAN_BYTES()))
  if (sha256(pkgBytes) !== h.packageSha256) problems.push('package')
  const record = new Uint8Array(await files.read(h.recordKey, MAX_SCAN_BYTES()))
  if (sha256(record) !== h.recordSha256) problems.push('record')
  const report = await verifyPdf(record, { roots: await trustRoots() })
  if (!report.valid) problems.push('record-signature')
  let checked = 0
  // The inventory as packed (its bytes match the checksum above) must agree with the record kept in the table.
  let packed: { files?: Handover['files'] } = {}
  try { packed = JSON.parse(new TextDecoder().decode(pkgBytes)) } catch { problems.push('package') }
  for (const f of h.files) {
    const inPackage = packed.files?.find((p) => p.fileId === f.fileId)
    if (!inPackage || inPackage.sha256 !== f.sha256) problems.push(`package:${f.code}`)
    if (inventoryEntry(f, f.documents).sha256 !== f.sha256) problems.push(`file:${f.code}`)
    for (const d of f.documents) {
      if (!d.pdfSha256) continue
      const doc = await archiveStore.getDocument(d.scanDocumentId)
      const bytes = doc?.pdfKey ? new Uint8Array(await files.read(doc.pdfKey, MAX_SCAN_BYTES()).catch(() => Buffer.alloc(0))) : new Uint8Array()
      if (sha256(bytes) !== d.pdfSha256) problems.push(`document:${d.symbol ?? d.scanDocumentId}`)
      checked++
    }
  }
  if (problems.length) throw new RuleError('archive.checksumMismatch', { items: problems.join(', ') })
  const received: Handover = { ...h, status: 'received', receivedBy: { userId: ctx.actor.userId, fullName: ctx.actor.fullName }, receivedAt: ctx.now.toISOString(), version: h.version + 1 }
  await new Transaction().put(handoverItem(received), { expectVersion: h.version })
    .audit({ unitId: h.toUnitId, action: 'archive.handoverReceived', target: handoverId, details: { fromUnitId, documents: checked } })
    .commit(ctx.auditActor, ctx.now)
  return { ...received, checked }
}
