/**
 * Units: the tree as of a date, one unit's page, create, rename, move.
 * Every change is checked against the dated tree and audited in the same
 * transaction.
 */
import { randomBytes } from 'node:crypto'
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import { orgPolicy } from '../../../shared/auth/policy.js'
import type { CreateUnitBody, MoveUnitBody, TreeQuery, Unit, UpdateUnitBody } from '../../../shared/org/contracts.js'
import { fold } from '../../../shared/text/fold.js'
import {
  ancestorsOn, assertValidParent, childrenOn, dayBefore, existsOn, nameOn, parentOn, subtreeOn, topmost, treeOn, viewOn, type UnitIndex,
} from '../../../shared/org/tree.js'
import { Transaction } from '../../lib/adapters/transaction.js'
import { orgStore, unitItem } from '../adapters/store.js'
import type { OrgContext } from './context.js'

/** The tree within reach on a date: whole (the default) or `levels` levels below the caller's roots. */
export async function getTree(ctx: OrgContext, q: Pick<TreeQuery, 'asOf' | 'includeEnded' | 'levels'>) {
  const index = await ctx.tree()
  const asOf = q.asOf ?? ctx.date
  const roots = topmost(index, orgPolicy.grantingUnits(ctx.actor, 'unit.read', index, ctx.date), ctx.date)
  return { asOf, roots: treeOn(index, roots, asOf, q.includeEnded === 'true', q.levels) }
}

/** The children of one unit on a date (a tree page opening a branch), `levels` levels below them filled in (none by default). */
export async function getChildren(ctx: OrgContext, parentId: string, q: Pick<TreeQuery, 'asOf' | 'includeEnded' | 'levels'>) {
  const index = await ctx.tree()
  const asOf = q.asOf ?? ctx.date
  requireUnit(index, parentId)
  orgPolicy.authorize(ctx.actor, 'unit.read', parentId, index, ctx.date)
  return { asOf, parentId, roots: treeOn(index, [parentId], asOf, q.includeEnded === 'true', 1 + (q.levels ?? 0))[0]?.children ?? [] }
}

const SEARCH_LIMIT = 20

/**
 * Units whose name or code holds every folded word, best first (name starts
 * with the words), with the names of their parents for telling alike names
 * apart: within reach, or in the whole city's directory (`scope:
 * 'directory'`: anyone who reads a unit may address any unit, and sees of it
 * what a letterhead shows — name, code, parents).
 */
export async function searchUnits(ctx: OrgContext, text: string, q: Pick<TreeQuery, 'asOf' | 'includeEnded' | 'scope'>) {
  const index = await ctx.tree()
  const date = q.asOf ?? ctx.date
  const includeEnded = q.includeEnded === 'true'
  const words = fold(text).split(/\s+/).filter(Boolean)
  const granting = orgPolicy.grantingUnits(ctx.actor, 'unit.read', index, ctx.date)
  if (q.scope === 'directory' && granting.length === 0) throw new ForbiddenError('auth.forbidden')
  // The units the tree would show (the caller's roots today, their subtrees on the date), or every unit of the directory.
  const candidates = q.scope === 'directory'
    ? [...index.values()].filter((u) => u.validFrom <= date && (includeEnded || existsOn(u, date))).map((u) => u.unitId)
    : subtreeOn(index, granting, date, includeEnded)
  const hits: { view: ReturnType<typeof viewOn>; starts: boolean }[] = []
  for (const id of candidates) {
    const u = index.get(id)!
    const { name, code } = nameOn(u, date)
    const folded = fold(`${name} ${code}`)
    if (words.every((w) => folded.includes(w))) hits.push({ view: viewOn(u, date, index), starts: fold(name).startsWith(words[0] ?? '') })
  }
  hits.sort((a, b) => Number(b.starts) - Number(a.starts) || a.view.name.localeCompare(b.view.name, 'vi'))
  const path = (unitId: string) => ancestorsOn(index, unitId, date).reverse().map((a) => nameOn(index.get(a)!, date).name)
  return {
    asOf: date, total: hits.length,
    matches: hits.slice(0, SEARCH_LIMIT).map(({ view }) => (q.scope === 'directory' ? directoryEntry(view, path(view.unitId)) : { ...view, path: path(view.unitId) })),
  }
}

/** What the directory shows of a unit: a letterhead's worth. */
const directoryEntry = (v: ReturnType<typeof viewOn>, path: string[]) => ({ unitId: v.unitId, name: v.name, code: v.code, level: v.level, kind: v.kind, validFrom: v.validFrom, validTo: v.validTo, path })

const DIRECTORY_IDS = 50

/** The directory's names of the given units on the date (a unit ended before it, by its last name); unknown ids are left out. */
export async function directoryNames(ctx: OrgContext, ids: readonly string[], q: Pick<TreeQuery, 'asOf'>) {
  const index = await ctx.tree()
  const date = q.asOf ?? ctx.date
  if (ids.length > DIRECTORY_IDS) throw new ValidationError([{ path: 'ids', code: 'field.tooLong', params: { max: DIRECTORY_IDS } }])
  if (orgPolicy.grantingUnits(ctx.actor, 'unit.read', index, ctx.date).length === 0) throw new ForbiddenError('auth.forbidden')
  const matches = [...new Set(ids)].flatMap((id) => {
    const u = index.get(id)
    if (!u) return []
    const on = u.validTo && u.validTo < date ? u.validTo : u.validFrom > date ? u.validFrom : date
    return [directoryEntry(viewOn(u, on, index), ancestorsOn(index, id, on).reverse().map((a) => nameOn(index.get(a)!, on).name))]
  })
  return { asOf: date, total: matches.length, matches }
}

export function requireUnit(index: UnitIndex, unitId: string): Unit {
  const u = index.get(unitId)
  if (!u) throw new NotFoundError('unit', unitId)
  return u
}

export async function getUnit(ctx: OrgContext, unitId: string, asOf?: string) {
  const index = await ctx.tree()
  const unit = requireUnit(index, unitId)
  orgPolicy.authorize(ctx.actor, 'unit.read', unitId, index, ctx.date)
  const date = asOf ?? (existsOn(unit, ctx.date) ? ctx.date : unit.validTo ?? ctx.date)
  const ancestors = ancestorsOn(index, unitId, date).reverse().map((id) => viewOn(index.get(id)!, date))
  const children = (childrenOn(index, date, true).get(unitId) ?? []).map((c) => viewOn(c, date))
  const members = await orgStore.listMembers(unitId)
  members.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
  return { unit: viewOn(unit, date, index), ancestors, children, members, canManage: orgPolicy.can(ctx.actor, 'unit.manage', unitId, index, ctx.date) }
}

/** A readable id from the code and name: "VPTU" "Văn phòng Thành ủy" → "vptu-3f9a". */
function newUnitId(code: string): string {
  const base = fold(code).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'unit'
  return `${base}-${randomBytes(3).toString('hex')}`
}

/** `workingTree`: an import passes the tree with the rows it already accepted. */
export async function createUnit(ctx: OrgContext, body: CreateUnitBody, workingTree?: UnitIndex) {
  const index = workingTree ?? await ctx.tree()
  const parent = requireUnit(index, body.parentId)
  orgPolicy.authorize(ctx.actor, 'unit.manage', parent.unitId, index, ctx.date)
  const validFrom = body.validFrom ?? ctx.date
  if (validFrom < parent.validFrom) throw new RuleError('rule.effectiveDateBeforeStart')
  assertValidParent(index, { level: body.level }, parent, validFrom)
  const unitId = body.unitId ?? newUnitId(body.code)
  if (!workingTree && index.has(unitId)) throw new ConflictError('conflict.unitExists', { unitId })
  const now = ctx.now.toISOString()
  const unit: Unit = {
    unitId, code: body.code, name: body.name, level: body.level, kind: body.kind, parentId: parent.unitId,
    validFrom, parents: [{ parentId: parent.unitId, from: validFrom }], names: [{ name: body.name, code: body.code, from: validFrom }],
    predecessors: [], successors: [], version: 1, createdAt: now, updatedAt: now,
  }
  await new Transaction()
    .put(unitItem(unit), { expectVersion: 'new', onConflict: new ConflictError('conflict.unitExists', { unitId }) })
    .audit({ unitId, action: 'unit.create', target: unitId, details: { code: unit.code, name: unit.name, parentId: parent.unitId, level: unit.level } })
    .commit(ctx.auditActor, ctx.now)
  return { unit: viewOn(unit, ctx.date) }
}

function assertAlive(unit: Unit, date: string): void {
  if (!existsOn(unit, date) && unit.validTo && unit.validTo < date) throw new RuleError('rule.unitEnded', { unitId: unit.unitId })
}

export async function updateUnit(ctx: OrgContext, unitId: string, body: UpdateUnitBody) {
  const index = await ctx.tree()
  const unit = requireUnit(index, unitId)
  orgPolicy.authorize(ctx.actor, 'unit.manage', unitId, index, ctx.date)
  assertAlive(unit, ctx.date)
  if (unit.version !== body.version) throw new ConflictError('conflict.version')
  const from = body.effectiveDate ?? ctx.date
  if (from <= unit.validFrom) throw new RuleError('rule.effectiveDateBeforeStart')
  const name = body.name ?? unit.name
  const code = body.code ?? unit.code
  const names = unit.names.filter((n) => n.from < from).map((n) => (n.to && n.to < from ? n : { ...n, to: dayBefore(from) }))
  const updated: Unit = {
    ...unit, name, code, kind: body.kind ?? unit.kind,
    names: name !== unit.name || code !== unit.code ? [...names, { name, code, from }] : unit.names,
    version: unit.version + 1, updatedAt: ctx.now.toISOString(),
  }
  await new Transaction()
    .put(unitItem(updated), { expectVersion: unit.version })
    .audit({ unitId, action: 'unit.rename', target: unitId, details: { from: { name: unit.name, code: unit.code, kind: unit.kind }, to: { name, code, kind: updated.kind }, effectiveDate: from } })
    .commit(ctx.auditActor, ctx.now)
  return { unit: viewOn(updated, ctx.date) }
}

export async function moveUnit(ctx: OrgContext, unitId: string, body: MoveUnitBody) {
  const index = await ctx.tree()
  const unit = requireUnit(index, unitId)
  const newParent = requireUnit(index, body.newParentId)
  orgPolicy.authorize(ctx.actor, 'unit.manage', unitId, index, ctx.date)
  orgPolicy.authorize(ctx.actor, 'unit.manage', newParent.unitId, index, ctx.date)
  assertAlive(unit, ctx.date)
  if (unit.version !== body.version) throw new ConflictError('conflict.version')
  const oldParent = parentOn(unit, ctx.date)
  if (!oldParent) throw new RuleError('rule.rootImmutable')
  const from = body.effectiveDate ?? ctx.date
  if (from <= unit.validFrom) throw new RuleError('rule.effectiveDateBeforeStart')
  assertValidParent(index, unit, newParent, from)
  if (oldParent === newParent.unitId) return { unit: viewOn(unit, ctx.date) }
  const parents = unit.parents.filter((p) => p.from < from).map((p) => (p.to && p.to < from ? p : { ...p, to: dayBefore(from) }))
  const moved: Unit = {
    ...unit, parentId: newParent.unitId, parents: [...parents, { parentId: newParent.unitId, from }],
    version: unit.version + 1, updatedAt: ctx.now.toISOString(),
  }
  await new Transaction()
    .put(unitItem(moved), { expectVersion: unit.version })
    .audit({ unitId, action: 'unit.move', target: unitId, details: { from: oldParent, to: newParent.unitId, effectiveDate: from } })
    .audit({ unitId: newParent.unitId, action: 'unit.childAdded', target: unitId, details: { from: oldParent, effectiveDate: from } })
    .commit(ctx.auditActor, ctx.now)
  return { unit: viewOn(moved, ctx.date) }
}
