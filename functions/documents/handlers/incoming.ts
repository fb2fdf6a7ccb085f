/** HTTP handlers: registering incoming documents, receipt, return, direction (bút phê), completion. */
import { CompleteBody, DirectionBody, EmptyBody, RegisterIncomingBody, ReturnBody } from '../../../shared/documents/contracts.js'
import { parse } from '../../lib/validation.js'
import type { DocRoute } from '../routes.js'
import { completeDocument, confirmReceipt, registerIncoming, returnDocument, writeDirection } from '../usecases/incoming.js'

export const register: DocRoute = async ({ ctx, body }) => ({ status: 201, body: await registerIncoming(ctx, parse(RegisterIncomingBody, body)) })
export const receipt: DocRoute = async ({ ctx, params, body }) => { parse(EmptyBody, body); return { body: await confirmReceipt(ctx, params.documentId) } }
export const giveBack: DocRoute = async ({ ctx, params, body }) => ({ body: await returnDocument(ctx, params.documentId, parse(ReturnBody, body).reason) })
export const direct: DocRoute = async ({ ctx, params, body }) => ({ body: await writeDirection(ctx, params.documentId, parse(DirectionBody, body)) })
export const complete: DocRoute = async ({ ctx, params, body }) => ({ body: await completeDocument(ctx, params.documentId, parse(CompleteBody, body ?? {}).note) })
