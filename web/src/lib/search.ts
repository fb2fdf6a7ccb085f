/** Diacritic-insensitive matching (shared fold) for trees and select boxes. */
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { fold } from '../../../shared/text/fold'
import type { TreeNode } from '../../../shared/org/tree'

export const matches = (query: string, ...texts: (string | undefined)[]): boolean => {
  const q = fold(query)
  if (!q) return true
  return texts.some((t) => t !== undefined && fold(t).includes(q))
}

/** Keeps nodes that match and the ancestors of those that do. */
export function filterTree(nodes: TreeNode[], query: string): { nodes: TreeNode[]; hits: number } {
  let hits = 0
  const walk = (list: TreeNode[]): TreeNode[] => {
    const out: TreeNode[] = []
    for (const n of list) {
      const self = matches(query, n.name, n.code, n.unitId)
      if (self) hits++
      const kids = walk(n.children)
      if (self || kids.length) out.push({ ...n, children: self && !kids.length ? [] : kids })
    }
    return out
  }
  return { nodes: walk(nodes), hits }
}

export function flattenTree(nodes: TreeNode[], depth = 0, out: { node: TreeNode; depth: number }[] = []) {
  for (const n of nodes) {
    out.push({ node: n, depth })
    flattenTree(n.children, depth + 1, out)
  }
  return out
}

/** Mantine Select/MultiSelect filter that ignores Vietnamese diacritics. */
export const foldFilter: OptionsFilter = ({ options, search, limit }) => {
  const q = fold(search)
  const out: ComboboxParsedItem[] = []
  for (const o of options) {
    if (out.length >= limit) break
    if ('group' in o) {
      const items = o.items.filter((i: ComboboxItem) => fold(i.label).includes(q))
      if (items.length) out.push({ ...o, items })
    } else if (fold(o.label).includes(q)) out.push(o)
  }
  return out
}
