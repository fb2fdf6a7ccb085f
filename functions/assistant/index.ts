/**
 * Lambda entry of the assistant module (HTTP API): document Q&A with
 * citations over what the caller may read, conversations and ratings, and
 * the appraisal of drafts. The passages it searches are filled by the
 * read-model projector (indexing.ts).
 */
import { httpModule, type HttpRequest, type RouteHandler } from '../lib/http.js'
import type { Actor } from '../../shared/auth/policy.js'
import { orgContext, resolveActor } from '../org/usecases/context.js'
import { orgStore } from '../org/adapters/store.js'
import { indexUnits, type UnitIndex } from '../../shared/org/tree.js'
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

const withContext = (route: AssistantRoute): RouteHandler<Actor> => (req: HttpRequest<Actor>) =>
  route({ ...req, ctx: orgContext(req.actor, req.sourceIp, new Date(), req.prefetched as Promise<UnitIndex> | undefined) })

export const handler = httpModule<Actor>({
  routes: Object.fromEntries(Object.entries(ASSISTANT_ROUTES).map(([k, r]) => [k, withContext(r)])),
  resolveActor,
  prefetch: () => orgStore.listUnits().then(indexUnits),
})
