/**
 * Who may do what with data requests, from the one engine (role × unit
 * subtree, deny by default): `datarequest.send` over every recipient unit
 * lets a committee's leaders and specialists send a request from their unit
 * (and remind, close, consolidate, export it); `datarequest.answer` over a
 * recipient unit lets its people answer for it; `datarequest.read` shows the
 * requests of the units in reach.
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type DataRequestAction = 'datarequest.read' | 'datarequest.send' | 'datarequest.answer'

export const DATA_REQUEST_PERMISSIONS: Readonly<Record<Role, readonly DataRequestAction[]>> = {
  admin: ['datarequest.read'],
  secretary: ['datarequest.read', 'datarequest.send', 'datarequest.answer'],
  'deputy-secretary': ['datarequest.read', 'datarequest.send', 'datarequest.answer'],
  'office-chief': ['datarequest.read', 'datarequest.send', 'datarequest.answer'],
  specialist: ['datarequest.read', 'datarequest.send', 'datarequest.answer'],
  clerk: ['datarequest.read', 'datarequest.answer'],
  inspector: ['datarequest.read'],
  member: [],
}

/** Data requests' policy; its reach leaves out ended units (no request goes to a unit that no longer exists). */
export const dataRequestPolicy = definePolicy(DATA_REQUEST_PERMISSIONS, { readAction: 'datarequest.read', reachIncludesEnded: false })
