/**
 * Who may do what with meetings: role × unit subtree, deny by default, from
 * the one engine (shared/auth/engine.ts). `meeting.organise` over a body lets
 * its office prepare a meeting and send the invitations; `meeting.read` lets
 * leaders and the office see the meetings of the units they oversee (not their
 * documents: those are for the participants). Chairing, keeping the minutes,
 * attending and voting belong to people named on the meeting: the use case's
 * check.
 */
import { definePolicy } from '../auth/engine.js'
import type { Role } from '../org/roles.js'

export type MeetingAction = 'meeting.read' | 'meeting.organise'

export const MEETING_PERMISSIONS: Readonly<Record<Role, readonly MeetingAction[]>> = {
  admin: ['meeting.read'],
  secretary: ['meeting.read', 'meeting.organise'],
  'deputy-secretary': ['meeting.read', 'meeting.organise'],
  'office-chief': ['meeting.read', 'meeting.organise'],
  clerk: ['meeting.read', 'meeting.organise'],
  specialist: ['meeting.read'],
  inspector: ['meeting.read'],
  member: [],
}

/** Meetings' policy; no meeting is prepared for a unit that has ended. */
export const meetingPolicy = definePolicy(MEETING_PERMISSIONS, { readAction: 'meeting.read', reachIncludesEnded: false })
