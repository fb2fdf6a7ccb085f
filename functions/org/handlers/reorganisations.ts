/** HTTP handlers: reorganisation requests and the superior unit's decision. */
import { CreateReorganisationBody, DecisionBody, ReorganisationListQuery } from '../../../shared/org/contracts.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { decideReorganisation, getReorganisation, listReorganisations, requestReorganisation } from '../usecases/reorganisations.js'

export const createRequest: OrgRoute = async ({ ctx, body }) => ({ status: 202, body: await requestReorganisation(ctx, parse(CreateReorganisationBody, body)) })
export const listRequests: OrgRoute = async ({ ctx, query }) => ({ body: await listReorganisations(ctx, parse(ReorganisationListQuery, query).scope) })
export const showRequest: OrgRoute = async ({ ctx, params }) => ({ body: await getReorganisation(ctx, params.requestId) })
export const decideRequest: OrgRoute = async ({ ctx, params, body }) => ({ body: await decideReorganisation(ctx, params.requestId, parse(DecisionBody, body)) })
