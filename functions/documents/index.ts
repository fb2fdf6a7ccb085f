/**
 * Lambda entry of the official documents module (HTTP API): incoming and
 * outgoing registers, drafts and their review chain, issue with numbering
 * and signatures, distribution, search and verification. Each route's
 * handler lives in handlers/.
 */
import { httpModuleWithContext } from '../lib/module.js'
import { documentId } from '../../shared/documents/contracts.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import type { DocRoute } from './routes.js'
import { complete, direct, giveBack, receipt, register } from './handlers/incoming.js'
import { agencies, comment, decide, draft, email, issue, submitDraft, version } from './handlers/drafts.js'
import { list, search, show, upload, verify } from './handlers/read.js'
import { saveChain, showChain } from './handlers/chains.js'

export const DOCUMENT_ROUTES: Record<string, DocRoute> = {
  'POST /api/documents/uploads': upload,
  'POST /api/documents/incoming': register,
  'POST /api/documents/{documentId}/receipt': receipt,
  'POST /api/documents/{documentId}/return': giveBack,
  'POST /api/documents/{documentId}/direction': direct,
  'POST /api/documents/{documentId}/complete': complete,
  'POST /api/documents/drafts': draft,
  'POST /api/documents/{documentId}/versions': version,
  'POST /api/documents/{documentId}/comments': comment,
  'POST /api/documents/{documentId}/submit': submitDraft,
  'POST /api/documents/{documentId}/review': decide,
  'POST /api/documents/{documentId}/issue': issue,
  'POST /api/documents/{documentId}/email': email,
  'GET /api/agencies': agencies,
  'GET /api/documents': list,
  'GET /api/documents/search': search,
  'GET /api/documents/{documentId}': show,
  'POST /api/documents/verify': verify,
  'GET /api/documents/chains': showChain,
  'PUT /api/documents/chains': saveChain,
}

/** Every route needs the tree: its read starts while the caller is resolved. A malformed id is a 400 on every route. */
export const handler = httpModuleWithContext({
  service: 'documents', routes: DOCUMENT_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { documentId },
  // A client's retry with the same Idempotency-Key gets the first answer, not a second record.
  idempotentRoutes: ['POST /api/documents/incoming', 'POST /api/documents/drafts'],
})
