/**
 * Outgoing documents before issue (dự thảo): the specialist drafts (DOCX or
 * PDF, in versions), colleagues and reviewers comment, the draft goes
 * through the review chain of its unit and type (ordered steps of roles),
 * comes back with comments, is resubmitted, and is finally approved for the
 * signer. Every step is audited in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto'
import { ConflictError, ForbiddenError, RuleError } from '../../../shared/errors/index.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { signingTitle } from '../../../shared/documents/authority.js'
import { numberingStyle } from '../../../shared/documents/numbering.js'
import { ancestorsOn } from '../../../shared/org/tree.js'
import type { AddVersionBody, CommentBody, CreateDraftBody, OfficialDocument, ReviewBody } from '../../../shared/documents/contracts.js'
import { DEFAULT_CHAIN, assertMutable, assertStatus, decideReview, person, resolveChain, submitDraft } from '../../../shared/documents/lifecycle.js'
import { typeName } from '../../../shared/documents/types.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore } from '../../org/adapters/store.js'
import { documentItem, documentStore } from '../adapters/store.js'
import { requireLiveUnit, type DocContext } from './context.js'
import { DocumentChangedError } from './errors.js'
import { newDocumentId } from './ids.js'
import { commitWithRetry } from './retry.js'
import { acceptUpload, keepFile } from './uploaded-files.js'
import { loadVisible } from './visibility.js'

/** The signer must be able to sign for the unit (a leader of it or above it); the title follows the role held. */
async function resolveSigner(ctx: DocContext, username: string, unitId: string) {
  const index = await ctx.tree()
  const user = await orgStore.getUserByUsername(username)
  const signer: Actor | undefined = user && user.status === 'active'
    ? { userId: user.userId, username: user.username, fullName: user.fullName, clearance: user.clearance, mfa: user.mfa, assignments: user.assignments }
    : undefined
  if (!signer || !documentPolicy.can(signer, 'document.sign', unitId, index, ctx.date)) throw new RuleError('document.signerNotAllowed', { username })
  const assignment = [unitId, ...ancestorsOn(index, unitId, ctx.date)]
    .map((u) => documentPolicy.holdingAssignments(signer.assignments, 'document.sign', u)[0])
    .find((a) => !!a)!
  const unit = index.get(assignment.unitId)!
  const title = signingTitle(unit.kind, assignment.role, numberingStyle(unit.kind), unit.name)
  return { userId: signer.userId, fullName: signer.fullName, ...(title ? { title } : {}) }
}

export async function createDraft(ctx: DocContext, body: CreateDraftBody) {
  const index = await ctx.tree()
  const unit = requireLiveUnit(index, body.unitId, ctx.date)
  documentPolicy.authorize(ctx.actor, 'document.draft', body.unitId, index, ctx.date)
  const recipients = [...new Set(body.recipients)]
  for (const r of recipients) requireLiveUnit(index, r, ctx.date, 'document.recipientEnded')
  const signer = await resolveSigner(ctx, body.signer, body.unitId)
  if (body.correctionOf) {
    const original = await documentStore.getDocument(body.correctionOf)
    if (!original || original.status !== 'issued') throw new RuleError('document.correctionTarget', { id: body.correctionOf })
    await loadVisible(ctx, body.correctionOf)
  }
  const documentId = newDocumentId(body.unitId, ctx.now)
  const now = ctx.now.toISOString()
  const accepted = body.file ? await acceptUpload(ctx, body.file, ['pdf', 'docx'], 'file.objectKey', { unsigned: true }) : undefined
  const file = accepted ? await keepFile(body.unitId, documentId, 'v1', accepted) : undefined
  const doc: OfficialDocument = {
    documentId, ownerUnitId: body.unitId, flow: 'outgoing', status: 'draft', type: body.type,
    issuer: { code: unit.code, name: unit.name, unitId: unit.unitId }, summary: body.summary, urgency: body.urgency, confidentiality: 'none',
    drafter: person(ctx.actor), ...(body.drafterCode ? { drafterCode: body.drafterCode } : {}), signer, recipients,
    versions: file ? [{ ...file, version: 1, uploadedBy: person(ctx.actor), at: now }] : [], comments: [],
    ...(body.correctionOf ? { correctionOf: body.correctionOf } : {}),
    readerUnitIds: [], createdBy: person(ctx.actor), version: 1, createdAt: now, updatedAt: now,
  }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(doc), { expectVersion: 'new', onConflict: new DocumentChangedError() })
    .audit({ unitId: body.unitId, action: 'document.draft', target: documentId, details: { type: typeName(body.type), signer: signer.fullName, recipients, correctionOf: body.correctionOf } }))
  return { document: doc }
}

function assertDrafter(ctx: DocContext, doc: OfficialDocument): void {
  if (doc.flow !== 'outgoing') throw new ConflictError('document.wrongState', { status: doc.status })
  assertMutable(doc)
  if (doc.drafter?.userId !== ctx.actor.userId) throw new ForbiddenError('document.notDrafter')
}

export async function addVersion(ctx: DocContext, documentId: string, body: AddVersionBody) {
  const { doc } = await loadVisible(ctx, documentId)
  assertDrafter(ctx, doc)
  assertStatus(doc, ['draft', 'revising'])
  const accepted = await acceptUpload(ctx, body, ['pdf', 'docx'], 'objectKey', { unsigned: true })
  const version = (doc.versions?.length ?? 0) + 1
  const file = await keepFile(doc.ownerUnitId, documentId, `v${version}`, accepted)
  const now = ctx.now.toISOString()
  const updated: OfficialDocument = {
    ...doc, versions: [...(doc.versions ?? []), { ...file, version, uploadedBy: person(ctx.actor), at: now, ...(body.note ? { note: body.note } : {}) }],
    version: doc.version + 1, updatedAt: now,
  }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
    .audit({ unitId: doc.ownerUnitId, action: 'document.version', target: documentId, details: { version, fileName: file.fileName, sha256: file.sha256 } }))
  return { document: updated }
}

const MAX_COMMENTS = 300

export async function addComment(ctx: DocContext, documentId: string, body: CommentBody) {
  const { doc } = await loadVisible(ctx, documentId)
  if (doc.flow !== 'outgoing') throw new ConflictError('document.wrongState', { status: doc.status })
  assertMutable(doc)
  if ((doc.comments?.length ?? 0) >= MAX_COMMENTS) throw new RuleError('document.tooManyComments', { max: MAX_COMMENTS })
  if (body.version && !(doc.versions ?? []).some((v) => v.version === body.version)) throw new RuleError('document.noSuchVersion', { version: body.version })
  const now = ctx.now.toISOString()
  const comment = { commentId: randomUUID(), by: person(ctx.actor), at: now, text: body.text, ...(body.version ? { version: body.version } : {}) }
  const updated: OfficialDocument = { ...doc, comments: [...(doc.comments ?? []), comment], version: doc.version + 1, updatedAt: now }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
    .audit({ unitId: doc.ownerUnitId, action: 'document.comment', target: documentId, details: { commentId: comment.commentId, version: body.version } }))
  return { document: updated, comment }
}

/** The chain configured for the unit and type, else the unit's default, else the platform's. */
export async function effectiveChain(unitId: string, type: string) {
  const configured = (await documentStore.getChain(unitId, type)) ?? (await documentStore.getChain(unitId, '*'))
  return configured ? { steps: configured.steps, source: 'configured' as const, stored: configured } : { steps: [...DEFAULT_CHAIN], source: 'default' as const }
}

export async function submit(ctx: DocContext, documentId: string) {
  const { doc, index } = await loadVisible(ctx, documentId)
  assertDrafter(ctx, doc)
  const chain = await effectiveChain(doc.ownerUnitId, doc.type)
  const steps = resolveChain(chain.steps, doc.ownerUnitId, index, ctx.date)
  const now = ctx.now.toISOString()
  const submitted = submitDraft(doc, steps, person(ctx.actor), now)
  const updated: OfficialDocument = { ...submitted, version: doc.version + 1, updatedAt: now }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
    .audit({ unitId: doc.ownerUnitId, action: 'document.submit', target: documentId, details: { round: updated.review!.round, steps: steps.length, chain: chain.source } }))
  return { document: updated }
}

export async function review(ctx: DocContext, documentId: string, body: ReviewBody) {
  const { doc } = await loadVisible(ctx, documentId)
  const now = ctx.now.toISOString()
  const decided = decideReview(doc, ctx.actor, body.decision, body.comment, now)
  const comments = body.comment
    ? [...(doc.comments ?? []), { commentId: randomUUID(), by: person(ctx.actor), at: now, text: body.comment, ...(doc.versions?.length ? { version: doc.versions.length } : {}) }]
    : doc.comments
  const updated: OfficialDocument = { ...decided, comments, version: doc.version + 1, updatedAt: now }
  await commitWithRetry(ctx, () => new Transaction()
    .put(documentItem(updated), { expectVersion: doc.version, onConflict: new DocumentChangedError() })
    .audit({ unitId: doc.ownerUnitId, action: body.decision === 'approve' ? 'document.approve' : 'document.returnForRevision', target: documentId, details: { round: doc.review?.round, step: doc.review?.stepIndex, comment: body.comment } }))
  return { document: updated }
}
