/**
 * Who sees a document: clearance first, then the draft's people or the
 * readers of the owner and of the units the direction named. A document the
 * caller may not see does not exist for them.
 */
import type { Actor } from '../../../shared/auth/policy.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { clearedFor, documentPolicy } from '../../../shared/documents/policy.js'
import { documentStore } from '../adapters/store.js'
import type { DocContext } from './context.js'
import { notFound } from './errors.js'

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
    return documentPolicy.can(actor, 'document.review', doc.ownerUnitId, index, date) || documentPolicy.can(actor, 'document.draft', doc.ownerUnitId, index, date)
  }
  return [doc.ownerUnitId, ...doc.readerUnitIds].some((u) => documentPolicy.can(actor, 'document.read', u, index, date))
}

/** Loads a document the caller may see; one they may not see does not exist for them (404), one outside their units is 403. */
export async function loadVisible(ctx: DocContext, documentId: string): Promise<{ doc: OfficialDocument; index: UnitIndex }> {
  const doc = await documentStore.getDocument(documentId)
  if (!doc) throw notFound(documentId)
  const index = await ctx.tree()
  if (!clearedFor(ctx.actor, doc.confidentiality)) throw notFound(documentId)
  // Outside the caller's reach a document answers as one that does not exist: ids of other units cannot be told apart.
  if (!mayView(ctx.actor, doc, index, ctx.date)) throw notFound(documentId)
  return { doc, index }
}
