/**
 * Lambda entry of the organisation module (HTTP API). One function for the
 * module's routes; each route's handler lives in handlers/.
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from './usecases/context.js'
import type { OrgRoute } from './routes.js'
import { addUnit, listTree, relocateUnit, renameUnit, showUnit } from './handlers/units.js'
import { addUser, changeUser, searchUsers, showUser, unlockUser } from './handlers/users.js'
import { createRequest, decideRequest, listRequests, showRequest } from './handlers/reorganisations.js'
import { importFile, requestUpload } from './handlers/imports.js'
import { auditTrail, auditVerify, me, work } from './handlers/audit.js'

export const ORG_ROUTES: Record<string, OrgRoute> = {
  'GET /api/me': me,
  'GET /api/me/work': work,
  'GET /api/units': listTree,
  'POST /api/units': addUnit,
  'GET /api/units/{unitId}': showUnit,
  'PATCH /api/units/{unitId}': renameUnit,
  'POST /api/units/{unitId}/move': relocateUnit,
  'GET /api/users': searchUsers,
  'POST /api/users': addUser,
  'GET /api/users/{userId}': showUser,
  'PATCH /api/users/{userId}': changeUser,
  'DELETE /api/users/{userId}/sign-in-lock': unlockUser,
  'POST /api/reorganisations': createRequest,
  'GET /api/reorganisations': listRequests,
  'GET /api/reorganisations/{requestId}': showRequest,
  'POST /api/reorganisations/{requestId}/decision': decideRequest,
  'POST /api/imports/uploads': requestUpload,
  'POST /api/imports': importFile,
  'GET /api/audit': auditTrail,
  'GET /api/audit/verify': auditVerify,
}

// Every organisation route reads the tree: it is fetched while the caller is looked up.
export const handler = httpModuleWithContext({ service: 'org', routes: ORG_ROUTES, ...ORG_MODULE_CONTEXT })
