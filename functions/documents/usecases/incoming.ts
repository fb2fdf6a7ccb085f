/**
 * Incoming documents (văn bản đến): the clerk registers one received on paper
 * or by mail (with its PDF, or a metadata-only entry for a classified one),
 * confirms receipt of those arriving from the platform the same day, or
 * returns a misdirected or invalid one with a reason; a leader writes the
 * processing direction (bút phê) with a lead unit or person, coordinating
 * units and a deadline; the lead marks it done. Every step is audited in the
 * transaction that makes it.
 */
import { ConflictError, ForbiddenError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import { clearedFor, documentPolicy } from '../../../shared/documents/policy.js'
import type { DirectionBody, OfficialDocument, RegisterIncomingBody, VerificationSummary } from '../../../shared/documents/contracts.js'
import { isClassified } from '../../../shared/documents/confidentiality.js'
import { deadlineFor } from '../../../shared/documents/urgency.js'
import { assertReceivedDates, assertStatus, person, requireSymbol } from '../../../shared/documents/lifecycle.js'
import { findIssuer, typeName } from '../../../shared/documents/types.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { documentItem, symbolClaimItem } from '../adapters/store.js'
import { files } from '../../lib/adapters/blobs.js'
import { pdfEngine } from '../adapters/signing.js'
import { commitNumbered } from './commit-numbered.js'
import { requireLiveUnit, type DocContext } from './context.js'
import { DocumentChangedError } from './errors.js'
import { newDocumentId } from './ids.js'
import { commitWithRetry } from './retry.js'
import { acceptUpload, keepFile } from './uploaded-files.js'
import { loadVisible } from './visibility.js'

const arrivalSeries = (unitId: string, year: number) => ({ unitId, scope: `arrival|${year}`, label: `Sổ văn bản đến năm ${year}` })

export async function registerIncoming(ctx: DocContext, body: RegisterIncomingBody) {
  const index = await ctx.tree()
  requireLiveUnit(index, body.unitId, ctx.date)
  documentPolicy.authorize(ctx.actor, 'document.register', body.unitId, index, ctx.date)
  if (!clearedFor(ctx.actor, body.confidentiality)) throw new ForbiddenError('document.clearanceTooLow')
  const sym = requireSymbol(body.symbol)
  const receivedDate = body.receivedDate ?? ctx.date
  assertReceivedDates(body.documentDate, receivedDate, ctx.date)
  if (isClassified(body.confidentiality) && body.file) throw new RuleError('document.secretNoContent')
  if (!isClassified(body.confidentiality) && !body.file) throw new ValidationError([{ path: 'file', code: 'field.required', params: { path: 'file' } }])

  const accepted = body.file ? await acceptUpload(ctx, body.file, ['pdf']) : undefined
  const documentId = newDocumentId(body.unitId, ctx.now)
  const file = accepted ? await keepFile(body.unitId, documentId, 'scan', accepted) : undefined
  const now = ctx.now.toISOString()
  const year = Number(receivedDate.slice(0, 4))
  const issuerCode = sym.symbol.issuer
  let doc: OfficialDocument | undefined
  try {
    await commitNumbered(ctx, arrivalSeries(body.unitId, year), (number) => {
      doc = {
        documentId, ownerUnitId: body.unitId, flow: 'incoming', status: 'received',
        symbol: sym.canonical, symbolStyle: sym.symbol.style, number: sym.symbol.number, type: sym.symbol.type,
        issuer: { code: issuerCode, name: body.issuerName || findIssuer(issuerCode)?.name.vi || issuerCode },
        documentDate: body.documentDate, summary: body.summary, urgency: body.urgency, confidentiality: body.confidentiality,
        pageCount: body.pageCount ?? accepted?.pageCount, ...(file ? { file } : {}),
        source: { kind: 'manual' },
        arrival: { year, number, receivedDate, by: person(ctx.actor), at: now },
        deadline: deadlineFor(receivedDate, body.urgency),
        readerUnitIds: [], createdBy: person(ctx.actor), version: 1, createdAt: now, updatedAt: now,
      }
      return new Transaction()
        .put(documentItem(doc), { expectVersion: 'new', onConflict: new DocumentChangedError() })
        .put(symbolClaimItem(body.unitId, sym.key, body.documentDate, documentId), { expectVersion: 'new', onConflict: new ConflictError('document.duplicate', { symbol: sym.canonical }) })
        .audit({ unitId: body.unitId, action: 'document.register', target: documentId, details: { symbol: sym.canonical, type: typeName(sym.symbol.type), arrivalNumber: number, confidentiality: body.confidentiality } })
    })
  } catch (err) {
    if (file) await files.remove(file.objectKey).catch(() => undefined)
    throw err
  }
  return { document: doc! }
}

/** The signatures of a PDF arriving from the platform, summarised for the register. */
async function verifyOnReceipt(doc: OfficialDocument, at: string): Promise<VerificationSummary | undefined> {
  if (!doc.file || doc.source?.kind !== 'platform') return undefined
  const bytes = new Uint8Array(await files.read(doc.file.objectKey, 64 * 1024 * 1024))
  const report = await pdfEngine.verify(bytes)
  return { valid: report.valid, signatures: report.signatures.length, checkedAt: at, problems: [...report.problems] }
}

export async function confirmReceipt(ctx: DocContext, documentId: string) {
  const { doc, index } = await loadVisible(ctx, documentId)
  documentPolicy.authorize(ctx.actor, 'document.register', doc.ownerUnitId, index, ctx.date)
  assertStatus(doc, ['arrived'])
  const now = ctx.now.toISOString()
  const verification = await verifyOnReceipt(doc, now)
  const year = Number(ctx.date.slice(0, 4))
  let updated: OfficialDocument | undefined
  await commitNumbered(ctx, arrivalSeries(doc.ownerUnitId, year), (number) => {
    updated = {
      ...doc, status: 'received', arrival: { year, number, receivedDate: ctx.date, by: person(ctx.actor), at: now, ...(verification ? { verification } : {}) },
      deadline: deadlineFor(ctx.date, doc.urgency), version: doc.version + 1, updatedAt: now,
    }
    return new Transaction()
      .put(documentItem(updated), { expectVersion: doc.version, onConflict: new ConflictError('document.wrongState', { status: 'received' }) })
      .audit({ unitId: doc.ownerUnitId, action: 'document.receive', target: documentId, details: { arrivalNumber: number, sameDay: doc.arrivedAt?.slice(0, 10) === ctx.date, signaturesValid: verification?.valid } })
  })
  return { document: updated! }
}

export async function returnDocument(ctx: DocContext, documentId: string, reason: string) {
  const { doc, index } = await loadVisible(ctx, documentId)
  documentPolicy.authorize(ctx.actor, 'document.register', doc.ownerUnitId, index, ctx.date)
  if (doc.flow !== 'incoming') throw new ConflictError('document.wrongState', { status: doc.status })
  assertStatus(doc, ['arrived', 'received'])
  const now = ctx.now.toISOString()
  const updated: OfficialDocument = { ...doc, status: 'returned', returned: { by: person(ctx.actor), at: now, reason }, version: doc.version + 1, updatedAt: now }
  const sender = doc.source?.kind === 'platform' ? doc.source.unitId : undefined
  await commitWithRetry(ctx, () => {
    const tx = new Transaction()
      .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
      .audit({ unitId: doc.ownerUnitId, action: 'document.return', target: documentId, details: { reason, symbol: doc.symbol } })
    // The sender learns it through the system: an entry in its own trail, next to its issued document.
    if (sender && index.has(sender)) tx.audit({ unitId: sender, action: 'document.returnedByRecipient', target: doc.source!.documentId!, details: { recipient: doc.ownerUnitId, reason } })
    return tx
  })
  return { document: updated }
}

export async function writeDirection(ctx: DocContext, documentId: string, body: DirectionBody) {
  const { doc, index } = await loadVisible(ctx, documentId)
  documentPolicy.authorize(ctx.actor, 'document.direct', doc.ownerUnitId, index, ctx.date)
  if (doc.flow !== 'incoming') throw new ConflictError('document.wrongState', { status: doc.status })
  assertStatus(doc, ['received', 'directed'])
  const named = [...new Set([body.leadUnitId, ...body.coordinatingUnitIds].filter((u): u is string => !!u))]
  for (const unitId of named) {
    requireLiveUnit(index, unitId, ctx.date)
    documentPolicy.authorize(ctx.actor, 'document.read', unitId, index, ctx.date)
  }
  let leadUser: { userId: string; fullName: string } | undefined
  if (body.leadUserId) {
    const user = await orgStore.getUser(body.leadUserId)
    const units = [doc.ownerUnitId, ...(body.leadUnitId ? [body.leadUnitId] : [])]
    if (!user || user.status !== 'active' || !user.assignments.some((a) => units.includes(a.unitId))) throw new RuleError('document.leadUserNotInUnit', { userId: body.leadUserId })
    leadUser = { userId: user.userId, fullName: user.fullName }
  }
  const urgency = body.urgency ?? doc.urgency
  if (body.deadline && body.deadline < ctx.date) throw new RuleError('document.deadlineInPast', { date: body.deadline })
  const deadline = body.deadline ?? deadlineFor(ctx.date, urgency)
  const now = ctx.now.toISOString()
  const updated: OfficialDocument = {
    ...doc, status: 'directed', urgency, deadline,
    direction: { text: body.text, by: person(ctx.actor), at: now, ...(body.leadUnitId ? { leadUnitId: body.leadUnitId } : {}), ...(leadUser ? { leadUser } : {}), coordinatingUnitIds: body.coordinatingUnitIds, deadline, urgency },
    readerUnitIds: named.filter((u) => u !== doc.ownerUnitId),
    version: doc.version + 1, updatedAt: now,
  }
  await commitWithRetry(ctx, () => {
    const tx = new Transaction()
      .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
      .audit({ unitId: doc.ownerUnitId, action: 'document.direct', target: documentId, details: { leadUnitId: body.leadUnitId, leadUserId: body.leadUserId, coordinating: body.coordinatingUnitIds, deadline } })
    for (const unitId of updated.readerUnitIds) tx.audit({ unitId, action: 'document.assigned', target: documentId, details: { lead: unitId === body.leadUnitId, deadline } })
    return tx
  })
  return { document: updated }
}

export async function completeDocument(ctx: DocContext, documentId: string, note?: string) {
  const { doc, index } = await loadVisible(ctx, documentId)
  const d = doc.direction
  const allowed = documentPolicy.can(ctx.actor, 'document.direct', doc.ownerUnitId, index, ctx.date)
    || d?.leadUser?.userId === ctx.actor.userId
    || (!!d?.leadUnitId && documentPolicy.can(ctx.actor, 'document.draft', d.leadUnitId, index, ctx.date))
  if (!allowed) throw new ForbiddenError('auth.forbidden')
  assertStatus(doc, ['directed'])
  const now = ctx.now.toISOString()
  const updated: OfficialDocument = { ...doc, status: 'done', completed: { by: person(ctx.actor), at: now, ...(note ? { note } : {}) }, version: doc.version + 1, updatedAt: now }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
    .audit({ unitId: doc.ownerUnitId, action: 'document.complete', target: documentId, details: { onTime: !doc.deadline || ctx.date <= doc.deadline } }))
  return { document: updated }
}
