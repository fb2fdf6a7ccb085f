/** HTTP handlers: presigned upload of an import file, then the import with its report. */
import { ImportBody, UploadRequestBody } from '../../../shared/org/contracts.js'
import { orgPolicy } from '../../../shared/auth/policy.js'
import { ForbiddenError } from '../../../shared/errors/index.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { createUpload, runImport } from '../usecases/imports.js'
import type { OrgContext } from '../usecases/context.js'

/** Importing needs the import right somewhere; each row is then checked against the caller's reach. */
async function mayImport(ctx: OrgContext): Promise<void> {
  const index = await ctx.tree()
  const unit = ctx.actor.assignments.find((a) => { try { orgPolicy.authorize(ctx.actor, 'import.run', a.unitId, index, ctx.date); return true } catch { return false } })
  if (!unit) throw new ForbiddenError()
}

export const requestUpload: OrgRoute = async ({ ctx, body }) => {
  await mayImport(ctx)
  return { status: 201, body: await createUpload(ctx, parse(UploadRequestBody, body)) }
}
export const importFile: OrgRoute = async ({ ctx, body, lang }) => {
  await mayImport(ctx)
  const { status, report } = await runImport(ctx, parse(ImportBody, body), lang)
  return { status, body: { report } }
}
