/**
 * Lambda entry of the data requests module (HTTP API): socio-economic data
 * requests (yêu cầu số liệu) sent by a committee to many units, the units'
 * answers (in the form or as the XLSX template filled in), reminders, the
 * consolidated table and its files, the lists and a unit's KPI. The daily
 * reminders run in the ops module (functions/datarequests/usecases/sweep.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { dataRequestId } from '../../shared/datarequests/contracts.js'
import { unitId } from '../../shared/org/contracts.js'
import * as h from './handlers/routes.js'

export const DATA_REQUEST_ROUTES: Record<string, h.DataRequestRoute> = {
  'GET /api/datarequests': h.list,
  'POST /api/datarequests': h.create,
  'GET /api/datarequests/recipients': h.recipients,
  'GET /api/datarequests/kpis': h.kpis,
  'POST /api/datarequests/uploads': h.uploads,
  'GET /api/datarequests/{requestId}': h.show,
  'POST /api/datarequests/{requestId}/send': h.send,
  'POST /api/datarequests/{requestId}/close': h.close,
  'POST /api/datarequests/{requestId}/remind': h.remind,
  'GET /api/datarequests/{requestId}/consolidated': h.consolidated,
  'GET /api/datarequests/{requestId}/export': h.exportFile,
  'GET /api/datarequests/{requestId}/answers/{unitId}': h.form,
  'POST /api/datarequests/{requestId}/answers/{unitId}': h.answer,
  'GET /api/datarequests/{requestId}/answers/{unitId}/template': h.template,
  'POST /api/datarequests/{requestId}/answers/{unitId}/import': h.importFile,
}

export const handler = httpModuleWithContext({ service: 'datarequests', routes: DATA_REQUEST_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { requestId: dataRequestId, unitId } })
