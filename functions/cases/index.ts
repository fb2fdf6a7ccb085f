/**
 * Lambda entry of the cases module (HTTP API): the inspection commissions'
 * cases (complaints, denunciations, signs of violation) from intake to the
 * sealed file, the denouncer's identity read apart, the register's export
 * and KPIs; voters' petitions and the follow-up of council resolutions. The
 * legal time limits run in the `case-deadlines` workflow (functions/cases/tasks.ts).
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { caseId, petitionId, resolutionId } from '../../shared/cases/contracts.js'
import * as h from './handlers/routes.js'
import * as hp from './handlers/petitions.js'

export const CASE_ROUTES: Record<string, h.CaseRoute> = {
  'GET /api/cases/commissions': h.commissions,
  'GET /api/cases': h.list,
  'POST /api/cases': h.intake,
  'GET /api/cases/kpis': h.kpis,
  'GET /api/cases/export': h.exportXlsx,
  'GET /api/cases/{caseId}': h.show,
  'GET /api/cases/{caseId}/identity': h.identity,
  'POST /api/cases/{caseId}/register': h.register,
  'POST /api/cases/{caseId}/classify': h.classify,
  'POST /api/cases/{caseId}/forward': h.forward,
  'POST /api/cases/{caseId}/assign': h.assign,
  'POST /api/cases/{caseId}/extend': h.extend,
  'POST /api/cases/{caseId}/verify': h.verify,
  'POST /api/cases/{caseId}/conclude': h.conclude,
  'POST /api/cases/{caseId}/measures': h.measures,
  'POST /api/cases/{caseId}/follow-up': h.followUp,
  'POST /api/cases/{caseId}/close': h.close,
  'GET /api/petitions': hp.petitions,
  'POST /api/petitions': hp.createPetition,
  'GET /api/petitions/{petitionId}': hp.showPetition,
  'POST /api/petitions/{petitionId}/forward': hp.forwardPetition,
  'POST /api/petitions/{petitionId}/answer': hp.answerPetition,
  'POST /api/petitions/{petitionId}/publish': hp.publishPetition,
  'GET /api/resolutions': hp.resolutions,
  'POST /api/resolutions': hp.createResolution,
  'GET /api/resolutions/{resolutionId}': hp.showResolution,
  'POST /api/resolutions/{resolutionId}/tasks': hp.resolutionTask,
}

export const handler = httpModuleWithContext({ service: 'cases', routes: CASE_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { caseId, petitionId, resolutionId } })
