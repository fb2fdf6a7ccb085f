/**
 * Issue (ban hành) by the designated signer, once the draft is approved:
 *
 *   1. number: the series counter moves and the document takes the number in
 *      ONE transaction (with its audit entry), status "issuing" — no number
 *      without the document, no document without the number;
 *   2. sign: the number and date are stamped onto the final PDF, the signer's
 *      personal signature and the unit's seal signature are applied, and the
 *      signed file is stored under the owning unit (and a copy under each
 *      recipient);
 *   3. distribute: ONE transaction makes the document "issued" (immutable
 *      from then on), gives each recipient unit its incoming copy
 *      ("arrived", to confirm) and writes the audit entries of every unit.
 *
 * Numbering first keeps concurrent issues cheap: a lost race on the counter
 * costs a re-read, not a re-signature. A call that finds the document
 * "issuing" (a crash between 1 and 3, or a concurrent call) resumes at 2 with
 * the number already taken; a call that finds it "issued" returns it as it
 * is — issuing twice gives the first result.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, ForbiddenError, RuleError } from '../../../shared/errors/index.js'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { ACCEPTED_CONTENT_TYPES } from '../../../shared/documents/contracts.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { holderIds } from '../../org/usecases/holders.js'
import { counterScope, dateLine, issuedSymbol, numberLine, placeOf } from '../../../shared/documents/numbering.js'
import { canonical, formatNumber } from '../../../shared/documents/symbols.js'
import { objectKeys } from '../../../shared/table/objects.js'
import { typeName } from '../../../shared/documents/types.js'
import { person } from '../../../shared/documents/lifecycle.js'
import { ancestorsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { notify } from '../../notifications/usecases/notify.js'
import { orgStore } from '../../org/adapters/store.js'
import { documentItem, documentStore } from '../adapters/store.js'
import { files } from '../../lib/adapters/blobs.js'
import { pdfEngine } from '../adapters/signing.js'
import { sha256 } from '../../lib/hash.js'
import { commitNumbered } from './commit-numbered.js'
import { requireLiveUnit, type DocContext } from './context.js'
import { DocumentChangedError } from './errors.js'
import { incomingCopyId } from './ids.js'
import { commitWithRetry } from './retry.js'
import { isSigned } from './uploaded-files.js'
import { loadVisible } from './visibility.js'

export async function issueDocument(ctx: DocContext, documentId: string): Promise<{ document: OfficialDocument; alreadyIssued: boolean }> {
  const { doc, index } = await loadVisible(ctx, documentId)
  if (doc.flow !== 'outgoing') throw new ConflictError('document.wrongState', { status: doc.status })
  if (doc.signer?.userId !== ctx.actor.userId || !documentPolicy.can(ctx.actor, 'document.sign', doc.ownerUnitId, index, ctx.date)) {
    throw new ForbiddenError('document.notSigner')
  }
  if (doc.status === 'issued') return { document: doc, alreadyIssued: true }
  if (doc.status !== 'approved' && doc.status !== 'issuing') throw new ConflictError('document.notApproved', { status: doc.status })
  // Everything that can refuse the issue is checked before anything is written. Once the number is
  // taken ("issuing") the issue must complete, or the series would have a gap: a resumed call delivers
  // even to a unit that ended meanwhile (its register passes to its successors).
  if (doc.status === 'approved') {
    requireLiveUnit(index, doc.ownerUnitId, ctx.date)
    for (const r of doc.recipients ?? []) requireLiveUnit(index, r, ctx.date, 'document.recipientEnded')
  }
  const final = doc.versions?.at(-1)
  if (!final || final.contentType !== ACCEPTED_CONTENT_TYPES.pdf) throw new RuleError('document.finalNotPdf')
  const original = new Uint8Array(await files.read(final.objectKey, 64 * 1024 * 1024))
  if (isSigned(original)) throw new RuleError('pdf.alreadySigned')

  const numbered = doc.status === 'approved' ? await takeNumber(ctx, doc, index) : doc
  if (numbered.status === 'issued') return { document: numbered, alreadyIssued: true }
  return signAndDistribute(ctx, numbered, index, original)
}

async function reload(documentId: string): Promise<OfficialDocument> {
  return (await documentStore.getDocument(documentId))!
}

async function takeNumber(ctx: DocContext, doc: OfficialDocument, index: UnitIndex): Promise<OfficialDocument> {
  const unit = index.get(doc.ownerUnitId)!
  const date = ctx.date
  const scope = counterScope(unit, doc.type, date)
  const chain = [unit, ...ancestorsOn(index, unit.unitId, date).map((id) => index.get(id)!)].map((u) => ({ name: nameOn(u, date).name, level: u.level }))
  const place = placeOf(chain)
  let numbered: OfficialDocument | undefined
  try {
    await commitNumbered(ctx, { unitId: unit.unitId, scope: scope.key, label: scope.label }, (number) => {
      const symbol = issuedSymbol(unit, doc.type, number, doc.drafterCode)
      const text = canonical(symbol)
      numbered = {
        ...doc, status: 'issuing', symbol: text, symbolStyle: symbol.style, number, documentDate: date,
        issued: { number, symbol: text, scope: scope.key, scopeLabel: scope.label, date, numberLine: numberLine(symbol), dateLine: dateLine(place, date), signer: doc.signer!, deliveredTo: [] },
        version: doc.version + 1, updatedAt: ctx.now.toISOString(),
      }
      return new Transaction()
        .put(documentItem(numbered), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
        .audit({ unitId: unit.unitId, action: 'document.number', target: doc.documentId, details: { symbol: text, scope: scope.key } })
    })
  } catch (err) {
    // A concurrent call of the same signer took the number for this document first: continue from there.
    if (!(err instanceof DocumentChangedError)) throw err
    const current = await reload(doc.documentId)
    if (current.status !== 'issuing' && current.status !== 'issued') throw err
    return current
  }
  return numbered!
}

/** Recipients delivered per transaction: each takes its copy, its audit entry and its audit head (3 of DynamoDB's 100 items). */
export const DELIVERY_CHUNK = 25

async function signAndDistribute(ctx: DocContext, doc: OfficialDocument, index: UnitIndex, original: Uint8Array) {
  const signed = doc.issued!.signedFile ? doc : await signOnce(ctx, doc, index, original)
  if (signed.status === 'issued') return { document: signed, alreadyIssued: true }
  await deliver(ctx, signed, index)
  const unit = index.get(doc.ownerUnitId)!
  const recipients = signed.recipients ?? []
  const now = ctx.now.toISOString()
  const done: OfficialDocument = { ...signed, status: 'issued', issued: { ...signed.issued!, deliveredTo: recipients }, version: signed.version + 1, updatedAt: now }
  try {
    await commitWithRetry(ctx, () => new Transaction()
      .put(documentItem(done), { expectVersion: signed.version, onConflict: new DocumentChangedError() })
      .audit({ unitId: unit.unitId, action: 'document.issue', target: doc.documentId, details: { symbol: done.issued!.symbol, type: typeName(doc.type), sha256: done.file!.sha256, recipients } }))
  } catch (err) {
    if (!(err instanceof DocumentChangedError)) throw err
    const current = await reload(doc.documentId)
    if (current.status === 'issued') return { document: current, alreadyIssued: true }
    throw err
  }
  await notifyRecipients(done, recipients).catch(() => undefined)
  return { document: done, alreadyIssued: false }
}

/**
 * The number and date stamped, the personal signature and the seal applied
 * ONCE: the signed file is recorded on the document (still "issuing") before
 * any recipient gets a copy, so every copy and any resumed call carry the
 * same bytes. Of two concurrent callers, the one whose record lands first
 * wins; the other drops its file and goes on with the recorded one.
 */
async function signOnce(ctx: DocContext, doc: OfficialDocument, index: UnitIndex, original: Uint8Array): Promise<OfficialDocument> {
  const issued = doc.issued!
  const unit = index.get(doc.ownerUnitId)!
  const parent = ancestorsOn(index, unit.unitId, issued.date)[0]
  const final = doc.versions!.at(-1)!
  const signedAt = ctx.now
  // The seal is the issuing body's own (its name on the day of issue); its superior's name runs around the ring.
  const bytes = await pdfEngine.issue(original, {
    symbolLine: issued.numberLine, dateLine: issued.dateLine, number: formatNumber(issued.number), date: issued.date,
    signatory: { userId: doc.signer!.userId, fullName: doc.signer!.fullName, title: doc.signer!.title },
    organisation: { unitId: unit.unitId, name: nameOn(unit, issued.date).name, ...(parent ? { superior: nameOn(index.get(parent)!, issued.date).name } : {}) },
    location: issued.dateLine.split(',')[0], reason: `Ban hành văn bản ${issued.symbol}`,
  }, signedAt)
  const objectKey = objectKeys.documentContent(unit.unitId, doc.documentId, `signed-${randomBytes(4).toString('hex')}.pdf`)
  await files.put(objectKey, bytes, ACCEPTED_CONTENT_TYPES.pdf)
  const signedFile = {
    objectKey, fileName: `${issued.symbol.replace(/[/\\]/g, '_')}.pdf`, contentType: ACCEPTED_CONTENT_TYPES.pdf, size: bytes.length, sha256: sha256(bytes),
    pageCount: final.pageCount ?? (await pdfEngine.pageCount(bytes)),
  }
  const recorded: OfficialDocument = {
    ...doc, file: signedFile, pageCount: signedFile.pageCount,
    issued: { ...issued, signedFile, signedAt: signedAt.toISOString() }, version: doc.version + 1, updatedAt: ctx.now.toISOString(),
  }
  try {
    await commitWithRetry(ctx, () => new Transaction()
      .put(documentItem(recorded), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
      .audit({ unitId: unit.unitId, action: 'document.sign', target: doc.documentId, details: { symbol: issued.symbol, sha256: signedFile.sha256 } }))
    return recorded
  } catch (err) {
    await files.remove(objectKey).catch(() => undefined)
    if (!(err instanceof DocumentChangedError)) throw err
    const current = await reload(doc.documentId)
    if (current.status === 'issued' || current.issued?.signedFile) return current
    throw err
  }
}

/**
 * Each recipient unit gets its incoming copy ("arrived", to confirm) and an
 * audit entry, DELIVERY_CHUNK units per transaction. A copy's id and file
 * name follow from the document, so a resumed or concurrent delivery finds
 * the copies already made and makes only the missing ones: nobody receives
 * a document twice, however many recipients and however often it is resumed.
 */
async function deliver(ctx: DocContext, doc: OfficialDocument, index: UnitIndex): Promise<void> {
  const recipients = doc.recipients ?? []
  if (recipients.length === 0) return
  const issued = doc.issued!
  const unit = index.get(doc.ownerUnitId)!
  const signedFile = issued.signedFile!
  let bytes: Uint8Array | undefined
  const now = ctx.now.toISOString()
  for (let i = 0; i < recipients.length; i += DELIVERY_CHUNK) {
    const chunk = recipients.slice(i, i + DELIVERY_CHUNK)
    for (let attempt = 0; ; attempt++) {
      const existing = await Promise.all(chunk.map((r) => documentStore.getDocument(incomingCopyId(r, doc.documentId))))
      const missing = chunk.filter((_, k) => !existing[k])
      if (missing.length === 0) break
      bytes ??= new Uint8Array(await files.read(signedFile.objectKey, 64 * 1024 * 1024))
      const copies = await Promise.all(missing.map(async (r) => {
        const copyId = incomingCopyId(r, doc.documentId)
        const objectKey = objectKeys.documentContent(r, copyId, 'signed.pdf')
        await files.put(objectKey, bytes!, ACCEPTED_CONTENT_TYPES.pdf)
        const copy: OfficialDocument = {
          documentId: copyId, ownerUnitId: r, flow: 'incoming', status: 'arrived',
          symbol: issued.symbol, symbolStyle: doc.symbolStyle, number: issued.number, type: doc.type,
          issuer: { code: unit.code, name: unit.name, unitId: unit.unitId }, documentDate: issued.date, summary: doc.summary,
          urgency: doc.urgency, confidentiality: 'none', pageCount: signedFile.pageCount, file: { ...signedFile, objectKey },
          source: { kind: 'platform', documentId: doc.documentId, unitId: unit.unitId }, arrivedAt: now,
          readerUnitIds: [], createdBy: person(ctx.actor), version: 1, createdAt: now, updatedAt: now,
        }
        return copy
      }))
      try {
        await commitWithRetry(ctx, () => {
          const tx = new Transaction()
          for (const copy of copies) {
            tx.put(documentItem(copy), { expectVersion: 'new', onConflict: new DocumentChangedError() })
            tx.audit({ unitId: copy.ownerUnitId, action: 'document.arrive', target: copy.documentId, details: { from: unit.unitId, symbol: issued.symbol } })
          }
          return tx
        })
        break
      } catch (err) {
        // A concurrent delivery made some of these copies first: look again and make the rest.
        if (!(err instanceof DocumentChangedError) || attempt >= 5) throw err
      }
    }
  }
}

/** Tells the clerks of each recipient unit that a document arrived (best effort: the inbox is the record). */
async function notifyRecipients(doc: OfficialDocument, recipients: string[]): Promise<void> {
  for (const unitId of recipients) {
    const userIds = await holderIds(documentPolicy, 'document.register', unitId)
    if (userIds.length === 0) continue
    await notify({
      kind: 'document.arrived', userIds, link: `/documents/${encodeURIComponent(incomingCopyId(unitId, doc.documentId))}`,
      title: `Văn bản đến ${doc.issued!.symbol} / Incoming document`,
      text: `${doc.issuer.name} đã ban hành văn bản ${doc.issued!.symbol}: ${doc.summary}.\nĐề nghị xác nhận đã nhận trong ngày.\n\nA document arrived in your inbox; please confirm receipt today.`,
    })
  }
}
