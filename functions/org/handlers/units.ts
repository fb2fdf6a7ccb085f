/** HTTP handlers: the organisation tree and units. */
import { CreateUnitBody, MoveUnitBody, TreeQuery, UpdateUnitBody } from '../../../shared/org/contracts.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { createUnit, getTree, getUnit, moveUnit, updateUnit } from '../usecases/units.js'

export const listTree: OrgRoute = async ({ ctx, query }) => ({ body: await getTree(ctx, parse(TreeQuery, query)) })
export const showUnit: OrgRoute = async ({ ctx, params, query }) => ({ body: await getUnit(ctx, params.unitId, parse(TreeQuery, query).asOf) })
export const addUnit: OrgRoute = async ({ ctx, body }) => ({ status: 201, body: await createUnit(ctx, parse(CreateUnitBody, body)) })
export const renameUnit: OrgRoute = async ({ ctx, params, body }) => ({ body: await updateUnit(ctx, params.unitId, parse(UpdateUnitBody, body)) })
export const relocateUnit: OrgRoute = async ({ ctx, params, body }) => ({ body: await moveUnit(ctx, params.unitId, parse(MoveUnitBody, body)) })
