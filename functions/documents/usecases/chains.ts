/**
 * Review chains (quy trình trình duyệt): per unit and document type, the
 * ordered steps of roles a draft goes through before the signer; `*` is a
 * unit's default. Read by anyone who reads the unit's documents, changed by
 * those who configure it; every change is audited.
 */
import { ConflictError } from '../../../shared/errors/index.js'
import type { PutChainBody, ReviewChain } from '../../../shared/documents/contracts.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { person, resolveChain } from '../../../shared/documents/lifecycle.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { chainItem, documentStore, type StoredChain } from '../adapters/store.js'
import { effectiveChain } from './drafts.js'
import { requireLiveUnit, requireUnit, type DocContext } from './context.js'

export async function getChain(ctx: DocContext, q: { unitId: string; type: string }): Promise<{ chain: ReviewChain }> {
  const index = await ctx.tree()
  requireUnit(index, q.unitId)
  documentPolicy.authorize(ctx.actor, 'document.read', q.unitId, index, ctx.date)
  const found = q.type === '*' ? await documentStore.getChain(q.unitId, '*') : undefined
  const chain = found ? { steps: found.steps, source: 'configured' as const, stored: found } : await effectiveChain(q.unitId, q.type)
  const stored = 'stored' in chain ? chain.stored : undefined
  return {
    chain: {
      unitId: q.unitId, type: stored?.type ?? q.type, steps: chain.steps, source: chain.source, version: stored?.version ?? 0,
      ...(stored ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy } : {}),
    },
  }
}

export async function putChain(ctx: DocContext, body: PutChainBody): Promise<{ chain: ReviewChain }> {
  const index = await ctx.tree()
  requireLiveUnit(index, body.unitId, ctx.date)
  documentPolicy.authorize(ctx.actor, 'document.configure', body.unitId, index, ctx.date)
  resolveChain(body.steps, body.unitId, index, ctx.date) // a "parent" step needs a parent
  const existing = await documentStore.getChain(body.unitId, body.type)
  if (body.version !== undefined && (existing?.version ?? 0) !== body.version) throw new ConflictError('conflict.version')
  const next: StoredChain = {
    unitId: body.unitId, type: body.type, steps: body.steps, version: (existing?.version ?? 0) + 1,
    updatedAt: ctx.now.toISOString(), updatedBy: person(ctx.actor),
  }
  await new Transaction()
    .put(chainItem(next), { expectVersion: existing ? existing.version : 'new' })
    .audit({ unitId: body.unitId, action: 'document.chain', target: `${body.unitId}/${body.type}`, details: { steps: body.steps.map((s) => `${s.scope}:${s.roles.join('|')}`) } })
    .commit(ctx.auditActor, ctx.now)
  return { chain: { ...next, source: 'configured' } }
}
