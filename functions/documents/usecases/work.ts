/**
 * The documents' part of "my work today": arrivals to confirm, registered
 * documents to direct, drafts waiting for the caller's review, overdue ones,
 * approved drafts waiting for the caller's signature.
 * Each box only where a role of the caller allows acting on it; the lists
 * are the same read-model queries as the boxes, with the caller's reach and
 * clearance in the WHERE clause.
 */
import type { DocumentSummary } from '../../../shared/documents/contracts.js'
import { type DocumentAction, documentPolicy } from '../../../shared/documents/policy.js'
import { WORK_ITEMS, workSection, type WorkItem, type WorkSection, type WorkSectionId } from '../../../shared/org/work.js'
import { queryDocuments, type DocumentQuery } from '../adapters/search.js'
import type { DocContext } from './context.js'
import { visibility } from './lists.js'

const item = (d: DocumentSummary): WorkItem => ({
  title: d.summary,
  subtitle: [d.symbol, d.issuer.name].filter(Boolean).join(' · '),
  href: `/documents/${encodeURIComponent(d.documentId)}`,
  ...(d.deadline ? { due: d.deadline } : {}),
  ...(d.overdue ? { overdue: true } : {}),
})

const BOXES: { id: WorkSectionId; action: DocumentAction; href: string; query: Pick<DocumentQuery, 'box' | 'flow' | 'status'> }[] = [
  { id: 'documents.to-confirm', action: 'document.register', href: '/documents/incoming?box=to-confirm', query: { box: 'to-confirm' } },
  { id: 'documents.to-direct', action: 'document.direct', href: '/documents/incoming', query: { flow: 'incoming', status: 'received' } },
  { id: 'documents.to-review', action: 'document.review', href: '/documents/outgoing?box=to-review', query: { box: 'to-review' } },
  { id: 'documents.overdue', action: 'document.read', href: '/documents/incoming?box=overdue', query: { box: 'overdue' } },
  { id: 'documents.to-sign', action: 'document.sign', href: '/documents/outgoing?box=to-sign', query: { box: 'to-sign' } },
]

export async function documentWork(ctx: DocContext): Promise<WorkSection[]> {
  const index = await ctx.tree()
  const shown = BOXES.filter((b) => documentPolicy.reach(ctx.actor, b.action, index, ctx.date).size > 0)
  if (!shown.length) return []
  const v = await visibility(ctx)
  return Promise.all(shown.map(async (b) => {
    const r = await queryDocuments(v, { ...b.query, today: ctx.date, limit: WORK_ITEMS, offset: 0 })
    return workSection(b.id, b.href, r.items.map(item), r.total)
  }))
}
