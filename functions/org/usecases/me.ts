/** The caller's profile and the units they work in (for the unit switcher). */
import { viewOn } from '../../../shared/org/tree.js'
import { orgStore } from '../adapters/store.js'
import type { OrgContext } from './context.js'

export async function getMe(ctx: OrgContext) {
  const index = await ctx.tree()
  const user = await orgStore.getUser(ctx.actor.userId)
  const assignments = ctx.actor.assignments
    .filter((a) => index.has(a.unitId))
    .map((a) => ({ ...a, unit: viewOn(index.get(a.unitId)!, ctx.date) }))
  return { user, assignments }
}
