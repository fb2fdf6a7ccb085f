/** HTTP handlers of records management (issue 21: file plan, holds, disposition, the fonds' inventory): parse (zod), call one use case. */
import { parse } from '../../lib/validation.js'
import {
  archiveFileId, CouncilDecisionBody, DispositionReportQuery, DueQuery, FileCloseBody, HoldBody, InventoryQuery, ProposeDispositionBody, ReleaseHoldBody, UnitQuery, VersionBody, dispositionId, holdId,
} from '../../../shared/archives/contracts.js'
import { closeFile, filePlan, listHolds, placeHold, releaseHold } from '../usecases/records.js'
import { fondsInventory } from '../usecases/inventory.js'
import { dispositionReport } from '../usecases/disposition-report.js'
import { carryOutDisposition, decideDisposition, dueList, listDispositions, proposeDisposition, showDisposition } from '../usecases/disposition.js'
import type { ArchiveRoute } from './routes.js'

export const plan: ArchiveRoute = async ({ ctx }) => ({ body: filePlan(ctx) })
export const close: ArchiveRoute = async ({ ctx, params, body }) => ({ body: await closeFile(ctx, parse(archiveFileId, params.fileId), parse(FileCloseBody, body).version) })
export const holds: ArchiveRoute = async ({ ctx, query }) => ({ body: await listHolds(ctx, parse(UnitQuery, query).unitId) })
export const newHold: ArchiveRoute = async ({ ctx, body }) => ({ status: 201, body: await placeHold(ctx, parse(HoldBody, body)) })
export const release: ArchiveRoute = async ({ ctx, params, body }) => ({ body: await releaseHold(ctx, parse(holdId, params.holdId), parse(ReleaseHoldBody, body)) })
export const due: ArchiveRoute = async ({ ctx, query }) => { const q = parse(DueQuery, query); return { body: await dueList(ctx, q.unitId, q.year) } }
export const dispositions: ArchiveRoute = async ({ ctx, query }) => ({ body: await listDispositions(ctx, parse(UnitQuery, query).unitId) })
export const propose: ArchiveRoute = async ({ ctx, body }) => ({ status: 201, body: await proposeDisposition(ctx, parse(ProposeDispositionBody, body)) })
export const disposition: ArchiveRoute = async ({ ctx, params }) => ({ body: await showDisposition(ctx, parse(dispositionId, params.dispositionId)) })
export const decide: ArchiveRoute = async ({ ctx, params, body }) => ({ body: await decideDisposition(ctx, parse(dispositionId, params.dispositionId), parse(CouncilDecisionBody, body)) })
export const carryOut: ArchiveRoute = async ({ ctx, params, body }) => carryOutDisposition(ctx, parse(dispositionId, params.dispositionId), parse(VersionBody, body).version)
export const inventory: ArchiveRoute = async ({ ctx, query }) => { const q = parse(InventoryQuery, query); return { body: await fondsInventory(ctx, q.unitId, q.format) } }
export const report: ArchiveRoute = async ({ ctx, query }) => { const q = parse(DispositionReportQuery, query); return { body: await dispositionReport(ctx, q.unitId, q.year, q.format) } }
