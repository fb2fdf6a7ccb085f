/** HTTP handlers of the assistant: ask, conversations, ratings, appraisal. */
import { AppraiseBody, AskBody, PassageQuery, RateBody, conversationId } from '../../../shared/assistant/contracts.js'
import { documentId } from '../../../shared/documents/contracts.js'
import type { Actor } from '../../../shared/auth/policy.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import { parse } from '../../lib/validation.js'
import type { OrgContext } from '../../org/usecases/context.js'
import { ask as askQuestion, citedPassage, getConversation, listConversations, rate as rateAnswer } from '../usecases/ask.js'
import { appraiseDraft } from '../usecases/appraise.js'
import { exportRatings } from '../ratings.js'

export type AssistantRoute = (req: HttpRequest<Actor> & { ctx: OrgContext }) => Promise<HttpResult>

export const ask: AssistantRoute = async ({ ctx, body }) => ({ body: await askQuestion(ctx, parse(AskBody, body)) })
export const conversations: AssistantRoute = async ({ ctx }) => ({ body: { items: await listConversations(ctx) } })
export const conversation: AssistantRoute = async ({ ctx, params }) => ({ body: await getConversation(ctx, parse(conversationId, params.conversationId)) })
export const rate: AssistantRoute = async ({ ctx, params, body }) =>
  ({ body: await rateAnswer(ctx, parse(conversationId, params.conversationId), parse(RateBody, body)) })
export const appraise: AssistantRoute = async ({ ctx, body, lang }) => ({ body: await appraiseDraft(ctx, parse(AppraiseBody, body), lang) })
export const passage: AssistantRoute = async ({ ctx, params, query }) =>
  ({ body: await citedPassage(ctx, parse(documentId, params.documentId), parse(PassageQuery, query).ordinal) })
export const ratingsExport: AssistantRoute = async ({ ctx, lang }) => ({ body: await exportRatings(ctx, lang) })
