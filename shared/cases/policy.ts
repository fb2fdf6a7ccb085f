/**
 * Who may do what with cases and petitions, from the one engine
 * (shared/auth/engine.ts), deny by default.
 *
 * Complaints, denunciations and signs of violation belong to an inspection
 * commission (ủy ban kiểm tra): each step needs its action held *in the
 * commission itself* (`holdsIn`, not a superior's subtree — the use case
 * checks it so), which is also "the inspector must belong to the
 * commission". `case.identity` — reading who denounced — is the chair's
 * (secretary of the commission: Chủ nhiệm); the inspector assigned to the
 * case reads it too (a person, the use case's check). Voters' petitions and
 * resolutions follow-up: `petition.manage` over the office's subtree,
 * `petition.answer` for the people of the responsible agency.
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type CaseAction =
  | 'case.read' | 'case.intake' | 'case.handle' | 'case.decide' | 'case.identity'
  | 'petition.read' | 'petition.manage' | 'petition.answer'

export const CASE_PERMISSIONS: Readonly<Record<Role, readonly CaseAction[]>> = {
  admin: [],
  secretary: ['case.read', 'case.intake', 'case.handle', 'case.decide', 'case.identity', 'petition.read', 'petition.manage', 'petition.answer'],
  'deputy-secretary': ['case.read', 'case.intake', 'case.handle', 'case.decide', 'petition.read', 'petition.manage', 'petition.answer'],
  'office-chief': ['petition.read', 'petition.manage', 'petition.answer'],
  clerk: ['case.read', 'case.intake', 'petition.read'],
  specialist: ['petition.read', 'petition.manage', 'petition.answer'],
  inspector: ['case.read', 'case.intake', 'case.handle'],
  member: [],
}

export const casePolicy = definePolicy(CASE_PERMISSIONS, { readAction: 'case.read', reachIncludesEnded: false })
