/**
 * Lambda entry of the archives module (HTTP API): digitisation of paper
 * archives (upload slots, files of a fonds, batches and their progress, the
 * verification queue), digitisation progress, and the handover of a closed
 * fonds. The pipeline's steps run in tasks.ts (the workflow's Lambda).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import * as h from './handlers/routes.js'
import * as hr from './handlers/records.js'

export const ARCHIVE_ROUTES: Record<string, h.ArchiveRoute> = {
  'POST /api/archives/uploads': h.upload,
  'GET /api/archives/files': h.files,
  'POST /api/archives/files': h.newFile,
  'GET /api/archives/files/{fileId}': h.file,
  'POST /api/archives/batches': h.newBatch,
  'GET /api/archives/batches/{batchId}': h.batch,
  'GET /api/archives/verification': h.queue,
  'GET /api/archives/documents/{scanDocumentId}': h.document,
  'POST /api/archives/documents/{scanDocumentId}/verify': h.verify,
  'GET /api/archives/progress': h.kpis,
  'POST /api/archives/handovers': h.newHandover,
  'GET /api/archives/handovers': h.handovers,
  'POST /api/archives/handovers/{fromUnitId}/{handoverId}/receipt': h.receive,
  'GET /api/archives/file-plan': hr.plan,
  'POST /api/archives/files/{fileId}/close': hr.close,
  'GET /api/archives/holds': hr.holds,
  'POST /api/archives/holds': hr.newHold,
  'POST /api/archives/holds/{holdId}/release': hr.release,
  'GET /api/archives/disposition/due': hr.due,
  'GET /api/archives/dispositions': hr.dispositions,
  'POST /api/archives/dispositions': hr.propose,
  'GET /api/archives/dispositions/{dispositionId}': hr.disposition,
  'POST /api/archives/dispositions/{dispositionId}/decision': hr.decide,
  'POST /api/archives/dispositions/{dispositionId}/carry-out': hr.carryOut,
  'GET /api/archives/handover-receivers': h.receivers,
  'GET /api/archives/handovers/{fromUnitId}/{handoverId}/files': h.handoverFiles,
  'GET /api/archives/inventory': hr.inventory,
  'GET /api/archives/disposition/report': hr.report,
}

export const handler = httpModuleWithContext({ service: 'archives', routes: ARCHIVE_ROUTES, ...ORG_MODULE_CONTEXT })
