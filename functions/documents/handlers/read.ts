/** HTTP handlers: boxes and registers, search, one document, verification, upload slots. */
import { ListQuery, SearchQuery, ShowQuery, UploadBody, VerifyBody } from '../../../shared/documents/contracts.js'
import { parse } from '../../lib/validation.js'
import type { DocRoute } from '../routes.js'
import { listBox, searchDocuments } from '../usecases/lists.js'
import { getDocument } from '../usecases/read.js'
import { verifyPdf } from '../usecases/verify.js'
import { createUpload } from '../usecases/uploads.js'

export const list: DocRoute = async ({ ctx, query }) => ({ body: await listBox(ctx, parse(ListQuery, query)) })
export const search: DocRoute = async ({ ctx, query }) => ({ body: await searchDocuments(ctx, parse(SearchQuery, query)) })
export const show: DocRoute = async ({ ctx, params, query }) => ({ body: await getDocument(ctx, params.documentId, parse(ShowQuery, query).version) })
export const verify: DocRoute = async ({ ctx, body }) => ({ body: await verifyPdf(ctx, parse(VerifyBody, body)) })
export const upload: DocRoute = async ({ ctx, body }) => ({ status: 201, body: await createUpload(ctx, parse(UploadBody, body)) })
