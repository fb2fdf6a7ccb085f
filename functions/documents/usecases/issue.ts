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
import { canDocument, DOCUMENT_PERMISSIONS } from '../../../shared/documents/policy.js'
import { counterScope, dateLine, issuedSymbol, numberLine, placeOf } from '../../../shared/documents/numbering.js'
import { canonical } from '../../../shared/documents/symbols.js'
import { objectKeys } from '../../../shared/documents/files.js'
import { typeName } from '../../../shared/documents/types.js'
import { person } from '../../../shared/documents/lifecycle.js'
import { ancestorsOn, nameOn, type UnitIndex } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { mail } from '../../lib/adapters/mail.js'
import { orgStore } from '../../org/adapters/store.js'
import { documentItem, documentStore } from '../adapters/store.js'
import { files } from '../adapters/files.js'
import { pdfEngine } from '../adapters/signing.js'
import {
  commitNumbered, commitWithRetry, DocumentChangedError, incomingCopyId, isSigned, loadVisible, requireLiveUnit, sha256, type DocContext,
} from './common.js'

export async function issueDocument(ctx: DocContext, documentId: string): Promise<{ document: OfficialDocument; alreadyIssued: boolean }> {
  const { doc, index } = await loadVisible(ctx, documentId)
  if (doc.flow !== 'outgoing') throw new ConflictError('document.wrongState', { status: doc.status })
  if (doc.signer?.userId !== ctx.actor.userId || !canDocument(ctx.actor, 'document.sign', doc.ownerUnitId, index, ctx.date)) {
    throw new ForbiddenError('document.notSigner')
  }
  if (doc.status === 'issued') return { document: doc, alreadyIssued: true }
  if (doc.status !== 'approved' && doc.status !== 'issuing') throw new ConflictError('document.notApproved', { status: doc.status })
  // Everything that can refuse the issue is checked before anything is written.
  requireLiveUnit(index, doc.ownerUnitId, ctx.date)
  for (const r of doc.recipients ?? []) requireLiveUnit(index, r, ctx.date, 'document.recipientEnded')
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

async function signAndDistribute(ctx: DocContext, doc: OfficialDocument, index: UnitIndex, original: Uint8Array) {
  const issued = doc.issued!
  const unit = index.get(doc.ownerUnitId)!
  const parent = ancestorsOn(index, unit.unitId, ctx.date)[0]
  const final = doc.versions!.at(-1)!
  const signedAt = ctx.now
  const signed = await pdfEngine.issue(original, {
    symbolLine: issued.numberLine, dateLine: issued.dateLine,
    signatory: { userId: doc.signer!.userId, fullName: doc.signer!.fullName, title: doc.signer!.title },
    organisation: { unitId: unit.unitId, name: unit.name, parentName: parent ? index.get(parent)!.name : unit.name },
    location: issued.dateLine.split(',')[0], reason: `Ban hành văn bản ${issued.symbol}`,
  }, signedAt)
  const attempt = randomBytes(4).toString('hex')
  const fileName = `${issued.symbol.replace(/[/\\]/g, '_')}.pdf`
  const written: string[] = []
  const store = async (ownerUnitId: string, documentId: string) => {
    const objectKey = objectKeys.content(ownerUnitId, documentId, `signed-${attempt}.pdf`)
    await files.put(objectKey, signed, ACCEPTED_CONTENT_TYPES.pdf)
    written.push(objectKey)
    return { objectKey, fileName, contentType: ACCEPTED_CONTENT_TYPES.pdf, size: signed.length, sha256: sha256(signed), pageCount: final.pageCount ?? (await pdfEngine.pageCount(signed)) }
  }
  const recipients = doc.recipients ?? []
  const now = signedAt.toISOString()
  const [signedFile, ...copies] = await Promise.all([store(unit.unitId, doc.documentId), ...recipients.map((r) => store(r, incomingCopyId(r, doc.documentId)))])
  const done: OfficialDocument = {
    ...doc, status: 'issued', file: signedFile, pageCount: signedFile.pageCount,
    issued: { ...issued, signedFile, signedAt: now, deliveredTo: recipients }, version: doc.version + 1, updatedAt: now,
  }
  try {
    await commitWithRetry(ctx, () => {
      const tx = new Transaction()
        .put(documentItem(done), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
        .audit({ unitId: unit.unitId, action: 'document.issue', target: doc.documentId, details: { symbol: issued.symbol, type: typeName(doc.type), sha256: signedFile.sha256, recipients } })
      recipients.forEach((r, i) => {
        const copy: OfficialDocument = {
          documentId: incomingCopyId(r, doc.documentId), ownerUnitId: r, flow: 'incoming', status: 'arrived',
          symbol: issued.symbol, symbolStyle: doc.symbolStyle, number: issued.number, type: doc.type,
          issuer: { code: unit.code, name: unit.name, unitId: unit.unitId }, documentDate: issued.date, summary: doc.summary,
          urgency: doc.urgency, confidentiality: 'none', pageCount: signedFile.pageCount, file: copies[i],
          source: { kind: 'platform', documentId: doc.documentId, unitId: unit.unitId }, arrivedAt: now,
          readerUnitIds: [], createdBy: person(ctx.actor), version: 1, createdAt: now, updatedAt: now,
        }
        tx.put(documentItem(copy), { expectVersion: 'new', onConflict: new DocumentChangedError() })
        tx.audit({ unitId: r, action: 'document.arrive', target: copy.documentId, details: { from: unit.unitId, symbol: issued.symbol } })
      })
      return tx
    })
  } catch (err) {
    await Promise.all(written.map((k) => files.remove(k).catch(() => undefined)))
    if (!(err instanceof DocumentChangedError)) throw err
    const current = await reload(doc.documentId)
    if (current.status === 'issued') return { document: current, alreadyIssued: true }
    throw err
  }
  await notifyRecipients(done, recipients).catch(() => undefined)
  return { document: done, alreadyIssued: false }
}

/** Mails the clerks of each recipient unit that a document arrived (best effort: the inbox is the record). */
async function notifyRecipients(doc: OfficialDocument, recipients: string[]): Promise<void> {
  for (const unitId of recipients) {
    const clerks = (await orgStore.listMembers(unitId)).filter((m) => m.role.split(',').some((r) => (DOCUMENT_PERMISSIONS as Record<string, readonly string[]>)[r]?.includes('document.register')))
    const to = (await orgStore.getUsers(clerks.map((m) => m.userId))).map((u) => u.email).filter((e): e is string => !!e)
    if (to.length === 0) continue
    await mail().send({
      to, subject: `[Digital Office] Văn bản đến ${doc.issued!.symbol} / Incoming document`,
      text: `${doc.issuer.name} đã ban hành văn bản ${doc.issued!.symbol}: ${doc.summary}.\nĐề nghị xác nhận đã nhận trong ngày.\n\nA document arrived in your inbox; please confirm receipt today.`,
    })
  }
}
