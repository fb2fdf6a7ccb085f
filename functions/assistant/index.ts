/**
 * Lambda entry of the assistant module (HTTP API): document Q&A with
 * citations over what the caller may read, conversations and ratings, and
 * the appraisal of drafts. The passages it searches are filled by the
 * read-model projector (indexing.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { appraise, ask, conversation, conversations, passage, rate, ratingsExport, type AssistantRoute } from './handlers/assistant.js'

export const ASSISTANT_ROUTES: Record<string, AssistantRoute> = {
  'POST /api/assistant/ask': ask,
  'GET /api/assistant/conversations': conversations,
  'GET /api/assistant/conversations/{conversationId}': conversation,
  'POST /api/assistant/conversations/{conversationId}/ratings': rate,
  'POST /api/assistant/appraisals': appraise,
  'GET /api/assistant/passages/{documentId}': passage,
  'GET /api/assistant/ratings/export': ratingsExport,
}

export const handler = httpModuleWithContext({ service: 'assistant', routes: ASSISTANT_ROUTES, ...ORG_MODULE_CONTEXT })
