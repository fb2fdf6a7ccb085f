/**
 * Boxes (inbox, to confirm, overdue, drafts, to review, outbox, the incoming
 * and outgoing registers) and search, served by the read model. The caller's
 * reach (unit subtrees from the document policy) and clearance go into the
 * query itself.
 */
import { ForbiddenError } from '../../../shared/errors/index.js'
import { clearanceRank } from '../../../shared/org/roles.js'
import type { ListQuery, SearchQuery } from '../../../shared/documents/contracts.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { canonical, parseSymbol, symbolKey, textKey } from '../../../shared/documents/symbols.js'
import { queryDocuments, type DocumentQuery, type Visibility } from '../adapters/search.js'
import type { DocContext } from './context.js'

export async function visibility(ctx: DocContext): Promise<Visibility> {
  const index = await ctx.tree()
  const read = documentPolicy.reach(ctx.actor, 'document.read', index, ctx.date)
  const drafts = new Set([...documentPolicy.reach(ctx.actor, 'document.draft', index, ctx.date), ...documentPolicy.reach(ctx.actor, 'document.review', index, ctx.date)])
  return {
    userId: ctx.actor.userId, rank: clearanceRank(ctx.actor.clearance), readUnits: [...read], draftUnits: [...drafts],
    pairs: ctx.actor.assignments.map((a) => `${a.unitId}|${a.role}`),
  }
}

function assertUnitInReach(v: Visibility, unitId: string | undefined): void {
  if (unitId && !v.readUnits.includes(unitId) && !v.draftUnits.includes(unitId)) throw new ForbiddenError('auth.outsideSubtree', { unitId })
}

export async function listBox(ctx: DocContext, q: ListQuery) {
  const v = await visibility(ctx)
  assertUnitInReach(v, q.unitId)
  const result = await queryDocuments(v, { box: q.box, unitId: q.unitId, year: q.year, today: ctx.date, limit: q.limit ?? 50, offset: q.offset ?? 0 })
  return { box: q.box, ...result }
}

/**
 * Search: a query that is a whole symbol in any form ("57/NQ-TW", "57 NQ TW")
 * finds that symbol; other text matches the folded words ("chuyen doi so"
 * finds "chuyển đổi số"), or a fragment of a symbol ("NQ/TW").
 */
export async function searchDocuments(ctx: DocContext, q: SearchQuery) {
  const v = await visibility(ctx)
  assertUnitInReach(v, q.unitId)
  const { query, interpretedAs } = searchQuery(q, ctx.date)
  return { interpretedAs, ...(await queryDocuments(v, query)) }
}

/** How a search request becomes a read-model query (pure: the benchmark runs the same mapping). */
export function searchQuery(q: SearchQuery, today: string): { query: DocumentQuery; interpretedAs: { symbol: string } | { words: string[] } } {
  const text = q.q?.trim() ?? ''
  const parsed = text ? parseSymbol(text) : undefined
  const words = parsed?.ok ? undefined : text.split(/\s+/).filter(Boolean).slice(0, 12)
  const fragment = textKey(text)
  const query: DocumentQuery = {
    q: text || undefined,
    ...(parsed?.ok ? { symbolKey: symbolKey(parsed.symbol) } : {}),
    ...(words?.length ? { words } : {}),
    ...(words?.length && /\d/.test(fragment) && /[a-z]/.test(fragment) ? { symbolFragment: fragment } : {}),
    issuer: q.issuer, type: q.type, from: q.from, to: q.to, status: q.status, flow: q.flow, unitId: q.unitId,
    today, limit: q.limit ?? 50, offset: q.offset ?? 0,
  }
  return { query, interpretedAs: parsed?.ok ? { symbol: canonical(parsed.symbol) } : { words: words ?? [] } }
}
