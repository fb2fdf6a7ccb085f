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
      name: (id: string) => byId.get(id)?.name ?? id,
      loading: roots === null,
    }
  }, [roots])
}
