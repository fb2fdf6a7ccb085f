/** HTTP handlers of voters' petitions and council resolutions (the cases module): parse (zod), call one use case. */
import { parse } from '../../lib/validation.js'
import * as k from '../../../shared/cases/contracts.js'
import * as pt from '../usecases/petitions.js'
import type { CaseRoute } from './routes.js'

const pid = (params: Record<string, string | undefined>) => parse(k.petitionId, params.petitionId)
const rid = (params: Record<string, string | undefined>) => parse(k.resolutionId, params.resolutionId)

export const petitions: CaseRoute = async ({ ctx, query }) => ({ body: await pt.listPetitions(ctx, parse(k.PetitionListQuery, query)) })
export const createPetition: CaseRoute = async ({ ctx, body }) => ({ status: 201, body: await pt.createPetition(ctx, parse(k.PetitionBody, body)) })
export const showPetition: CaseRoute = async ({ ctx, params }) => ({ body: await pt.showPetition(ctx, pid(params)) })
export const forwardPetition: CaseRoute = async ({ ctx, params, body }) => ({ body: await pt.forwardPetition(ctx, pid(params), parse(k.PetitionForwardBody, body)) })
export const answerPetition: CaseRoute = async ({ ctx, params, body }) => ({ body: await pt.answerPetition(ctx, pid(params), parse(k.PetitionAnswerBody, body)) })
export const publishPetition: CaseRoute = async ({ ctx, params, body }) => ({ body: await pt.publishPetition(ctx, pid(params), parse(k.PetitionPublishBody, body)) })
export const resolutions: CaseRoute = async ({ ctx, query }) => ({ body: await pt.listResolutions(ctx, parse(k.ResolutionListQuery, query).officeUnitId) })
export const createResolution: CaseRoute = async ({ ctx, body }) => ({ status: 201, body: await pt.createResolution(ctx, parse(k.ResolutionBody, body)) })
export const showResolution: CaseRoute = async ({ ctx, params }) => ({ body: await pt.showResolution(ctx, rid(params)) })
export const resolutionTask: CaseRoute = async ({ ctx, params, body }) => ({ status: 201, body: await pt.addResolutionTask(ctx, rid(params), parse(k.ResolutionTaskBody, body)) })
