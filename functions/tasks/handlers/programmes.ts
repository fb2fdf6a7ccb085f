/** HTTP handlers of work programmes: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import * as k from '../../../shared/programmes/contracts.js'
import * as uc from '../usecases/programmes.js'
import { exportProgramme } from '../usecases/programme-export.js'
import type { TaskRoute } from './routes.js'

const pid = (params: Record<string, string>) => parse(k.programmeId, params.programmeId)
const iid = (params: Record<string, string>) => parse(k.itemId, params.itemId)

export const units: TaskRoute = async ({ ctx }) => ({ body: await uc.programmeUnits(ctx) })
export const list: TaskRoute = async ({ ctx, query }) => ({ body: await uc.listProgrammes(ctx, parse(k.ProgrammeListQuery, query).unitId) })
export const create: TaskRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createProgramme(ctx, parse(k.CreateProgrammeBody, body)) })
export const show: TaskRoute = async ({ ctx, params }) => ({ body: await uc.showProgramme(ctx, pid(params)) })
export const addItem: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.addItem(ctx, pid(params), parse(k.ItemBody, body)) })
export const submit: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.submitProgramme(ctx, pid(params), parse(k.VersionBody, body).version) })
export const decide: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.decideProgramme(ctx, pid(params), parse(k.DecisionBody, body)) })
export const move: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.moveItem(ctx, pid(params), iid(params), parse(k.MoveItemBody, body)) })
export const drop: TaskRoute = async ({ ctx, params, body }) => ({ body: await uc.dropItem(ctx, pid(params), iid(params), parse(k.DropItemBody, body)) })
export const task: TaskRoute = async ({ ctx, params, body }) => ({ status: 201, body: await uc.itemTask(ctx, pid(params), iid(params), parse(k.ItemTaskBody, body)) })
export const exportXlsx: TaskRoute = async ({ ctx, params }) => ({ body: await exportProgramme(ctx, pid(params)) })
