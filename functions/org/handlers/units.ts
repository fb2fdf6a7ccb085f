/** HTTP handlers: the organisation tree and units. */
import { CreateUnitBody, MoveUnitBody, TreeQuery, UpdateUnitBody } from '../../../shared/org/contracts.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { createUnit, directoryNames, getChildren, getTree, getUnit, moveUnit, searchUnits, updateUnit } from '../usecases/units.js'

export const listTree: OrgRoute = async ({ ctx, query }) => {
  const q = parse(TreeQuery, query)
  if (q.ids !== undefined) return { body: await directoryNames(ctx, q.ids.split(',').map((x) => x.trim()).filter(Boolean), q) }
  if (q.q !== undefined) return { body: await searchUnits(ctx, q.q, q) }
  if (q.parentId !== undefined) return { body: await getChildren(ctx, q.parentId, q) }
  return { body: await getTree(ctx, q) }
}
export const showUnit: OrgRoute = async ({ ctx, params, query }) => ({ body: await getUnit(ctx, params.unitId, parse(TreeQuery, query).asOf) })
export const addUnit: OrgRoute = async ({ ctx, body }) => ({ status: 201, body: await createUnit(ctx, parse(CreateUnitBody, body)) })
export const renameUnit: OrgRoute = async ({ ctx, params, body }) => ({ body: await updateUnit(ctx, params.unitId, parse(UpdateUnitBody, body)) })
export const relocateUnit: OrgRoute = async ({ ctx, params, body }) => ({ body: await moveUnit(ctx, params.unitId, parse(MoveUnitBody, body)) })
