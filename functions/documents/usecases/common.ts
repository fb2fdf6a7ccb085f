/**
 * What the document use cases share: loading a document the caller may see,
 * accepting an uploaded file (the bytes are checked again at use), numbering
 * inside the transaction that uses the number, and retries on lost races.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import type { Actor } from '../../../shared/auth/policy.js'
import { existsOn, type UnitIndex } from '../../../shared/org/tree.js'
import type { Unit } from '../../../shared/org/contracts.js'
import type { FileRef, OfficialDocument } from '../../../shared/documents/contracts.js'
import { ACCEPTED_CONTENT_TYPES } from '../../../shared/documents/contracts.js'
import { canDocument, clearedFor } from '../../../shared/documents/policy.js'
import { includesAscii, objectKeys, sniff, type FileKind } from '../../../shared/documents/files.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { env } from '../../lib/env.js'
import { counterItem, documentStore } from '../adapters/store.js'
import { files } from '../adapters/files.js'
import { pdfEngine } from '../adapters/signing.js'
import type { OrgContext } from '../../org/usecases/context.js'

export type DocContext = OrgContext

/** `<unitId>.<time><random>`: sortable by creation, owner first. */
export function newDocumentId(ownerUnitId: string, now: Date): string {
  return `${ownerUnitId}.${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
}

/** The copy a recipient unit gets of an issued document: one per (document, recipient), whatever the retries. */
export function incomingCopyId(recipientUnitId: string, sourceDocumentId: string): string {
  return `${recipientUnitId}.in-${createHash('sha256').update(sourceDocumentId).digest('hex').slice(0, 24)}`
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export function requireUnit(index: UnitIndex, unitId: string): Unit {
  const u = index.get(unitId)
  if (!u) throw new NotFoundError('unit', unitId)
  return u
}

/** A unit that must exist today (a receiving unit, a lead unit, a recipient). */
export function requireLiveUnit(index: UnitIndex, unitId: string, date: string, code = 'rule.unitEnded'): Unit {
  const u = requireUnit(index, unitId)
  if (!existsOn(u, date)) throw new RuleError(code, { unitId })
  return u
}

export const notFound = (documentId: string) => new DomainError('notFound.document', 404, { id: documentId })

/**
 * May the actor see this document? Classified entries need the clearance;
 * drafts are seen by their drafter, signer and the unit's drafting and
 * reviewing staff; registered and issued documents by readers of the owner
 * and of the units the direction named.
 */
export function mayView(actor: Actor, doc: OfficialDocument, index: UnitIndex, date: string): boolean {
  if (!clearedFor(actor, doc.confidentiality)) return false
  if (doc.flow === 'outgoing' && doc.status !== 'issued') {
    if (doc.drafter?.userId === actor.userId || doc.signer?.userId === actor.userId) return true
    if (doc.review?.steps.some((s) => actor.assignments.some((a) => a.unitId === s.unitId && (s.roles as string[]).includes(a.role)))) return true
    return canDocument(actor, 'document.review', doc.ownerUnitId, index, date) || canDocument(actor, 'document.draft', doc.ownerUnitId, index, date)
  }
  return [doc.ownerUnitId, ...doc.readerUnitIds].some((u) => canDocument(actor, 'document.read', u, index, date))
}

/** Loads a document the caller may see; one they may not see does not exist for them (404), one outside their units is 403. */
export async function loadVisible(ctx: DocContext, documentId: string): Promise<{ doc: OfficialDocument; index: UnitIndex }> {
  const doc = await documentStore.getDocument(documentId)
  if (!doc) throw notFound(documentId)
  const index = await ctx.tree()
  if (!clearedFor(ctx.actor, doc.confidentiality)) throw notFound(documentId)
  if (!mayView(ctx.actor, doc, index, ctx.date)) throw new ForbiddenError('auth.outsideSubtree', { unitId: doc.ownerUnitId })
  return { doc, index }
}

export interface AcceptedFile { bytes: Uint8Array; kind: FileKind; fileName: string; sha256: string; pageCount?: number }

/**
 * The caller's own upload, checked for real: the magic bytes, and for a PDF
 * that it loads and is not encrypted. The declared kind (the slot's
 * extension) must match what the bytes are.
 */
export async function acceptUpload(
  ctx: DocContext, input: { objectKey: string; fileName: string }, allowed: readonly FileKind[], path = 'file.objectKey', opts: { unsigned?: boolean } = {},
): Promise<AcceptedFile> {
  if (!input.objectKey.startsWith(objectKeys.uploadPrefix(ctx.actor.userId))) {
    throw new ValidationError([{ path, code: 'field.invalidValue', params: { path } }])
  }
  const declared = input.objectKey.split('.').pop() as FileKind
  if (!allowed.includes(declared)) throw new DomainError('upload.badType', 415, { type: ACCEPTED_CONTENT_TYPES[declared] ?? declared })
  const bytes = new Uint8Array(await files.read(input.objectKey, env().MAX_UPLOAD_BYTES))
  const kind = sniff(bytes)
  if (declared === 'pdf') {
    if (kind !== 'pdf') throw new RuleError('upload.notPdf')
    const check = await pdfEngine.check(bytes)
    if (!check.ok) throw new RuleError(check.reason === 'encrypted' ? 'upload.pdfEncrypted' : check.reason === 'corrupt' ? 'upload.pdfCorrupt' : 'upload.notPdf')
    // A draft is signed by the platform once numbered; a file signed already cannot take the number.
    if (opts.unsigned && isSigned(bytes)) throw new RuleError('pdf.alreadySigned')
    return { bytes, kind, fileName: input.fileName, sha256: sha256(bytes), pageCount: check.pages }
  }
  if (kind !== 'docx') throw new RuleError('upload.notDocx')
  return { bytes, kind, fileName: input.fileName, sha256: sha256(bytes) }
}

/** Does the PDF carry a signature already (a signature dictionary's byte range)? */
export const isSigned = (bytes: Uint8Array): boolean => includesAscii(bytes, '/ByteRange')

/** Copies an accepted upload under its document's unit; returns its reference. */
export async function keepFile(ownerUnitId: string, documentId: string, name: string, file: AcceptedFile): Promise<FileRef> {
  const objectKey = objectKeys.content(ownerUnitId, documentId, `${name}.${file.kind}`)
  const contentType = ACCEPTED_CONTENT_TYPES[file.kind]
  await files.put(objectKey, file.bytes, contentType)
  return { objectKey, fileName: file.fileName, contentType, size: file.bytes.length, sha256: file.sha256, ...(file.pageCount ? { pageCount: file.pageCount } : {}) }
}

/** Thrown by the counter's put when another request took the number first. */
export class CounterRaceError extends ConflictError {
  constructor() { super('document.busy') }
}
/** Thrown by the document's put when someone else changed it meanwhile. */
export class DocumentChangedError extends ConflictError {
  constructor() { super('conflict.version') }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Jittered exponential backoff, capped: many writers on one counter take turns. */
export const backoff = (attempt: number) => sleep(Math.random() * Math.min(400, 15 * 2 ** Math.min(attempt, 6)))

/** A lost race that a fresh attempt may win: the counter moved, or the audit chain head did. */
export function isRace(err: unknown): boolean {
  return err instanceof CounterRaceError || (err instanceof ConflictError && !(err instanceof DocumentChangedError) && err.code === 'conflict.version')
}

export const MAX_ATTEMPTS = 150

/**
 * At most this many numbering attempts per series at once in one process.
 * The table's conditions alone guarantee the series; this only keeps a
 * burst of requests in one process (the embedded runtime serves every
 * request in one) from retrying in a herd: with dozens of transactions in
 * flight on one counter, DynamoDB answers most of them with a transaction
 * conflict and each retry costs more than the write it waits for.
 * A few at once still race, and the conditions settle who wins.
 */
export const SERIES_SLOTS = 3

const slots = new Map<string, { active: number; waiting: (() => void)[] }>()
async function withSlot<T>(key: string, limit: number, fn: () => Promise<T>): Promise<T> {
  let slot = slots.get(key)
  if (!slot) { slot = { active: 0, waiting: [] }; slots.set(key, slot) }
  const s = slot
  if (s.active >= limit) await new Promise<void>((resolve) => s.waiting.push(resolve))
  else s.active++
  try {
    return await fn()
  } finally {
    const next = s.waiting.shift()
    if (next) next()
    else if (--s.active === 0) slots.delete(key)
  }
}

/**
 * Takes the next number of a series and commits it with the change that
 * uses it, in one transaction: the counter moves only if the change is
 * written, and the change is written only with the counter's move — so the
 * series has neither gaps nor duplicates. A lost race re-reads and retries.
 */
export async function commitNumbered(
  ctx: Pick<DocContext, 'auditActor' | 'now'>,
  series: { unitId: string; scope: string; label: string },
  build: (next: number) => Transaction,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const taken = await withSlot(`${series.unitId}|${series.scope}`, SERIES_SLOTS, async () => {
      const current = (await documentStore.counterValue(series.unitId, series.scope)) ?? 0
      const next = current + 1
      const tx = build(next)
      tx.put(counterItem({ unitId: series.unitId, scope: series.scope, value: next }, series.label), { expectVersion: current === 0 ? 'new' : current, onConflict: new CounterRaceError() })
      try {
        await tx.commit(ctx.auditActor, ctx.now)
        return next
      } catch (err) {
        if (!isRace(err) || attempt >= MAX_ATTEMPTS) throw err
        return undefined
      }
    })
    if (taken !== undefined) return taken
    await backoff(attempt)
  }
}

/** Commits a change built from the current state, rebuilding it when the audit chain head moved meanwhile. */
export async function commitWithRetry(ctx: Pick<DocContext, 'auditActor' | 'now'>, build: () => Transaction): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await build().commit(ctx.auditActor, ctx.now)
      return
    } catch (err) {
      if (!isRace(err) || attempt >= MAX_ATTEMPTS) throw err
      await backoff(attempt)
    }
  }
}
