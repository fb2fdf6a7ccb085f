/** HTTP handlers: the review chain of a unit and document type. */
import { ChainQuery, PutChainBody } from '../../../shared/documents/contracts.js'
import { parse } from '../../lib/validation.js'
import type { DocRoute } from '../routes.js'
import { getChain, putChain } from '../usecases/chains.js'

export const showChain: DocRoute = async ({ ctx, query }) => ({ body: await getChain(ctx, parse(ChainQuery, query)) })
export const saveChain: DocRoute = async ({ ctx, body }) => ({ body: await putChain(ctx, parse(PutChainBody, body)) })
