/**
 * Ask: retrieve what the caller may read, answer with citations, keep the
 * turn in the conversation (one transaction with its audit entry). Rate:
 * keep the user's rating of an answer, for evaluation.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, DomainError } from '../../../shared/errors/index.js'
import type { AskBody, AskResult, Conversation, RateBody } from '../../../shared/assistant/contracts.js'
import { detectLang } from '../../../shared/assistant/engine.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { visibility } from '../../documents/usecases/lists.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { conversationItem, conversationStore } from '../adapters/conversations.js'
import { passageOf } from '../adapters/passages.js'
import { loadVisible } from '../../documents/usecases/visibility.js'
import { assistantEngines } from '../environment.js'
import { collect, type AnswerEvent } from '../engines.js'

/** Turns kept per conversation (the item stays far below DynamoDB's 400 KB). */
export const MAX_TURNS = 40

export { assistantEngines } from '../environment.js'

const auditUnit = (ctx: OrgContext) => ctx.actor.assignments[0]?.unitId

/**
 * Answers a question. `onEvent` receives the answer's text as the engine
 * produces it (the streaming endpoint writes each piece to the response);
 * the turn is kept once the whole answer is known.
 */
export async function ask(ctx: OrgContext, body: AskBody, deps = assistantEngines(), onEvent?: (e: AnswerEvent) => void | Promise<void>): Promise<AskResult> {
  const existing = body.conversationId ? await conversationStore.get(ctx.actor.userId, body.conversationId) : undefined
  if (body.conversationId && !existing) throw new DomainError('assistant.conversationNotFound', 404)
  if (existing && existing.turns.length >= MAX_TURNS) throw new ConflictError('assistant.conversationFull', { max: MAX_TURNS })
  const history = (existing?.turns ?? []).map((t) => ({ question: t.question, answer: t.answer.text, citedDocumentIds: t.answer.citations.map((c) => c.documentId) }))
  const v = await visibility(ctx)
  const { passages, terms } = await deps.retriever.retrieve(v, { question: body.question, history })
  const lang = detectLang(body.question)
  const answer = await collect(deps.engine.answer({ question: body.question, lang, history, passages, terms }), onEvent)
  const at = ctx.now.toISOString()
  const conversation: Conversation = existing
    ? { ...existing, turns: [...existing.turns, { question: body.question, answer, engine: deps.engine.name, at }], version: existing.version + 1, updatedAt: at }
    : { conversationId: newConversationId(ctx.now), userId: ctx.actor.userId, ...(auditUnit(ctx) ? { unitId: auditUnit(ctx) } : {}), title: body.question.slice(0, 120), turns: [{ question: body.question, answer, engine: deps.engine.name, at }], version: 1, createdAt: at, updatedAt: at }
  const tx = new Transaction().put(conversationItem(conversation), { expectVersion: existing ? existing.version : 'new' })
  const unit = auditUnit(ctx)
  // The audit keeps who asked and which documents were cited, not the question text.
  if (unit) tx.audit({ unitId: unit, action: 'assistant.ask', target: conversation.conversationId, details: { turn: conversation.turns.length - 1, answered: answer.answered, cited: answer.citations.map((c) => c.documentId).join(' '), engine: deps.engine.name } })
  await tx.commit(ctx.auditActor, ctx.now)
  return { conversationId: conversation.conversationId, turn: conversation.turns.length - 1, answer, engine: deps.engine.name }
}

export async function getConversation(ctx: OrgContext, conversationId: string): Promise<Conversation> {
  const c = await conversationStore.get(ctx.actor.userId, conversationId)
  if (!c) throw new DomainError('assistant.conversationNotFound', 404)
  return c
}

export const listConversations = (ctx: OrgContext) => conversationStore.list(ctx.actor.userId)

export async function rate(ctx: OrgContext, conversationId: string, body: RateBody): Promise<Conversation> {
  const c = await getConversation(ctx, conversationId)
  const turn = c.turns[body.turn]
  if (!turn) throw new DomainError('assistant.answerNotFound', 404)
  const at = ctx.now.toISOString()
  const updated: Conversation = {
    ...c, version: c.version + 1, updatedAt: at,
    turns: c.turns.map((t, i) => (i === body.turn ? { ...t, rating: { value: body.value, ...(body.comment ? { comment: body.comment } : {}), at } } : t)),
  }
  const tx = new Transaction().put(conversationItem(updated), { expectVersion: c.version })
  const unit = auditUnit(ctx)
  if (unit) tx.audit({ unitId: unit, action: 'assistant.rate', target: conversationId, details: { turn: body.turn, value: body.value, engine: turn.engine } })
  await tx.commit(ctx.auditActor, ctx.now)
  return updated
}

const newConversationId = (now: Date) => `${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`

/** The cited passage, for the document page: only for a document the caller may see (404/403 as the document itself). */
export async function citedPassage(ctx: OrgContext, documentId: string, ordinal: number) {
  await loadVisible(ctx, documentId)
  const p = await passageOf(documentId, ordinal)
  if (!p) throw new DomainError('assistant.passageNotFound', 404)
  return { documentId, ...p }
}
