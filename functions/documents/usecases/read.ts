/**
 * One document as its page shows it: the record, a short-lived download link
 * to its file (never for classified entries: they have none), the state of
 * its deliveries once issued, and what the caller may do next. Reading a
 * classified register entry is itself audited.
 */
import { RuleError } from '../../../shared/errors/index.js'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { isClassified } from '../../../shared/documents/confidentiality.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { mayReviewNow } from '../../../shared/documents/lifecycle.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { files } from '../../lib/adapters/blobs.js'
import { deliveriesOf } from '../adapters/search.js'
import type { DocContext } from './context.js'
import { loadVisible } from './visibility.js'

/** The file a reader gets: the signed PDF once issued, the registered scan, or a draft's latest version. */
export function currentFile(doc: OfficialDocument) {
  return doc.file ?? doc.versions?.at(-1)
}

export function allowedActions(ctx: DocContext, doc: OfficialDocument, index: UnitIndex) {
  const can = (action: Parameters<typeof documentPolicy.can>[1]) => documentPolicy.can(ctx.actor, action, doc.ownerUnitId, index, ctx.date)
  const open = doc.status !== 'issued' && doc.status !== 'issuing'
  const drafter = doc.drafter?.userId === ctx.actor.userId
  return {
    confirmReceipt: doc.status === 'arrived' && can('document.register'),
    return: (doc.status === 'arrived' || doc.status === 'received') && doc.flow === 'incoming' && can('document.register'),
    direct: (doc.status === 'received' || doc.status === 'directed') && can('document.direct'),
    complete: doc.status === 'directed' && (can('document.direct') || doc.direction?.leadUser?.userId === ctx.actor.userId),
    addVersion: drafter && (doc.status === 'draft' || doc.status === 'revising'),
    comment: doc.flow === 'outgoing' && open,
    submit: drafter && (doc.status === 'draft' || doc.status === 'revising') && (doc.versions?.length ?? 0) > 0,
    review: mayReviewNow(ctx.actor, doc),
    issue: doc.signer?.userId === ctx.actor.userId && (doc.status === 'approved' || doc.status === 'issuing'),
    verify: doc.file?.contentType === 'application/pdf',
  }
}

export async function getDocument(ctx: DocContext, documentId: string, version?: number) {
  const { doc, index } = await loadVisible(ctx, documentId)
  if (isClassified(doc.confidentiality)) {
    await new Transaction().audit({ unitId: doc.ownerUnitId, action: 'document.read', target: documentId, details: { confidentiality: doc.confidentiality } }).commit(ctx.auditActor, ctx.now)
  }
  const file = version === undefined ? currentFile(doc) : doc.versions?.find((v) => v.version === version)
  if (version !== undefined && !file) throw new RuleError('document.noSuchVersion', { version })
  const download = file ? { ...(await files.presignDownload(file.objectKey, file.fileName, file.contentType)), fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 } : undefined
  const deliveries = doc.flow === 'outgoing' && doc.status === 'issued' && (doc.recipients?.length ?? 0) > 0 ? await deliveriesOf(documentId) : undefined
  return { document: doc, ...(download ? { download } : {}), ...(deliveries ? { deliveries } : {}), actions: allowedActions(ctx, doc, index) }
}
