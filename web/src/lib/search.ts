/** Diacritic-insensitive matching (shared fold) for trees and select boxes. */
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { fold } from '../../../shared/text/fold'
import type { TreeNode } from '../../../shared/org/tree'

export const matches = (query: string, ...texts: (string | undefined)[]): boolean => {
  const q = fold(query)
  if (!q) return true
  return texts.some((t) => t !== undefined && fold(t).includes(q))
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
