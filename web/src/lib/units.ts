/**
 * The units within the caller's reach (today's tree, ended units included),
 * loaded once and shared by pickers and name look-ups.
 */
import { vietnamDate } from '../../../shared/calendar/vietnam-time'
import { useEffect, useMemo, useState } from 'react'
import type { TreeNode } from '../../../shared/org/tree'
import { endpoints } from '../api/endpoints'
import { session } from '../api/session'
import { flattenTree } from './search'

let cache: { token: string | null; promise: Promise<TreeNode[]> } | null = null
const listeners = new Set<() => void>()

function load(): Promise<TreeNode[]> {
  const token = session.token()
  if (!cache || cache.token !== token) {
    const promise = endpoints.tree({ includeEnded: true }).then((r) => r.roots)
    promise.catch(() => { if (cache?.promise === promise) cache = null })
    cache = { token, promise }
  }
  return cache.promise
}

/** Drop the cached tree after a change (create, move, rename, reorganise). */
export function invalidateUnits(): void {
  cache = null
  for (const l of listeners) l()
}

/**
 * Names of units outside the caller's tree (a recipient in another ward, the
 * sender of an incoming document), from the directory: asked for in batches
 * when a page names them, kept for the session.
 */
const directory = new Map<string, string>()
const asked = new Set<string>()
let batch: string[] = []

function askNames(id: string): void {
  if (asked.has(id)) return
  asked.add(id)
  batch.push(id)
  if (batch.length > 1) return
  queueMicrotask(() => {
    const ids = batch.splice(0, batch.length)
    for (let i = 0; i < ids.length; i += 50) {
      const part = ids.slice(i, i + 50)
      endpoints.unitNames(part).then((r) => {
        for (const m of r.matches) directory.set(m.unitId, m.name)
        for (const l of listeners) l()
      }, () => { for (const x of part) asked.delete(x) })
    }
  })
}

/** Remember names the page already has (a picker's search results). */
export function rememberUnitNames(entries: readonly { unitId: string; name: string }[]): void {
  for (const e of entries) directory.set(e.unitId, e.name)
}

/** A unit's name from the directory, asking for it once if unknown ("…" until it arrives, never the id). */
export function directoryName(id: string): string {
  const known = directory.get(id)
  if (known) return known
  askNames(id)
  return '…'
}

export interface UnitOption { value: string; label: string; node: TreeNode; depth: number; ended: boolean }

export function useUnits(): { roots: TreeNode[]; options: UnitOption[]; activeOptions: UnitOption[]; byId: Map<string, TreeNode>; name: (id: string) => string; loading: boolean } {
  const [roots, setRoots] = useState<TreeNode[] | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const l = () => setTick((t) => t + 1)
    listeners.add(l)
    return () => { listeners.delete(l) }
  }, [])
  useEffect(() => {
    let live = true
    load().then((r) => { if (live) setRoots(r) }, () => { if (live) setRoots([]) })
    return () => { live = false }
  }, [tick])
  return useMemo(() => {
    const flat = flattenTree(roots ?? [])
    const options = flat.map(({ node, depth }) => ({
      value: node.unitId,
      label: `${node.name} (${node.code})`,
      node,
      depth,
      ended: !!node.validTo && node.validTo < vietnamDate(),
    }))
    const byId = new Map(flat.map(({ node }) => [node.unitId, node]))
    return {
      roots: roots ?? [],
      options,
      activeOptions: options.filter((o) => !o.ended),
      byId,
      // Outside the tree (or before it has loaded): the directory's name, never the id.
      name: (id: string) => byId.get(id)?.name ?? (roots === null ? '…' : directoryName(id)),
      loading: roots === null,
    }
    // A tick also brings names the directory has just answered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roots, tick])
}
