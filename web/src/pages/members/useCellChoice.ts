/**
 * The cell a members page works on: the one chosen in its picker, else the
 * workspace's unit when it is a cell, else the first cell. `includeEnded`
 * lists ended cells too (history pages).
 */
import { useState } from 'react'
import { useWorkspace } from '../../auth/workspace'
import { useUnits } from '../../lib/units'

export function useCellChoice(options: { initial?: string | null; includeEnded?: boolean } = {}) {
  const ws = useWorkspace()
  const units = useUnits()
  const cells = (options.includeEnded ? units.options : units.activeOptions).filter((o) => o.node.level === 'cell')
  const [chosen, setCellId] = useState<string | null>(options.initial ?? null)
  const fallback = ws.unitId && units.byId.get(ws.unitId)?.level === 'cell' ? ws.unitId : cells[0]?.value ?? null
  return { cells, current: chosen ?? fallback, setCellId }
}
