/** HTTP handlers of the archives module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import {
  archiveFileId, batchId, handoverId, scanDocumentId, sourceUnitId, CreateBatchBody, EmptyBody, CreateFileBody, HandoverBody, ScanUploadBody, UnitQuery, VerifyBody,
} from '../../../shared/archives/contracts.js'
import type { ArchiveContext } from '../usecases/archives.js'
import {
  createBatch, createFile, createScanUpload, listFiles, showBatch, showFile, showScanDocument, verificationQueue, verifyScanDocument,
} from '../usecases/archives.js'
import { progress } from '../usecases/progress.js'
import { createHandover, handoverFilesPage, handoverReceivers, listHandovers, receiveHandover } from '../usecases/handover.js'
import { HandoverFilesQuery, HandoverRoutesQuery } from '../../../shared/archives/contracts.js'

export type ArchiveRoute = (req: HttpRequest<Actor> & { ctx: ArchiveContext }) => Promise<HttpResult>

export const upload: ArchiveRoute = async ({ ctx, body }) => ({ status: 201, body: await createScanUpload(ctx, parse(ScanUploadBody, body)) })
export const files: ArchiveRoute = async ({ ctx, query }) => ({ body: await listFiles(ctx, parse(UnitQuery, query).unitId) })
export const newFile: ArchiveRoute = async ({ ctx, body }) => ({ status: 201, body: await createFile(ctx, parse(CreateFileBody, body)) })
export const file: ArchiveRoute = async ({ ctx, params }) => ({ body: await showFile(ctx, parse(archiveFileId, params.fileId)) })
export const newBatch: ArchiveRoute = async ({ ctx, body }) => ({ status: 202, body: await createBatch(ctx, parse(CreateBatchBody, body)) })
export const batch: ArchiveRoute = async ({ ctx, params }) => ({ body: await showBatch(ctx, parse(batchId, params.batchId)) })
export const queue: ArchiveRoute = async ({ ctx, query }) => ({ body: await verificationQueue(ctx, parse(UnitQuery, query).unitId) })
export const document: ArchiveRoute = async ({ ctx, params }) => ({ body: await showScanDocument(ctx, parse(scanDocumentId, params.scanDocumentId)) })
export const verify: ArchiveRoute = async ({ ctx, params, body }) => ({ body: await verifyScanDocument(ctx, parse(scanDocumentId, params.scanDocumentId), parse(VerifyBody, body)) })
export const kpis: ArchiveRoute = async ({ ctx, query }) => ({ body: await progress(ctx, parse(UnitQuery, query).unitId) })
export const newHandover: ArchiveRoute = async ({ ctx, body }) => createHandover(ctx, parse(HandoverBody, body))
export const handovers: ArchiveRoute = async ({ ctx, query }) => ({ body: await listHandovers(ctx, parse(UnitQuery, query).unitId) })
export const receive: ArchiveRoute = async ({ ctx, params, body }) => {
  parse(EmptyBody, body)
  return { body: await receiveHandover(ctx, parse(sourceUnitId, params.fromUnitId), parse(handoverId, params.handoverId)) }
}

export const receivers: ArchiveRoute = async ({ ctx, query }) => ({ body: await handoverReceivers(ctx, parse(HandoverRoutesQuery, query).fromUnitId) })
export const handoverFiles: ArchiveRoute = async ({ ctx, params, query }) => {
  const q = parse(HandoverFilesQuery, query)
  return { body: await handoverFilesPage(ctx, parse(sourceUnitId, params.fromUnitId), parse(handoverId, params.handoverId), q.after, q.limit) }
}
