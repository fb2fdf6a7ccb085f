/**
 * The shape of a demo account. Its own file so each module's list of demo
 * users (demo-document-users.ts, demo-member-users.ts) and demo-data.ts, which
 * gathers them into DEMO_USERS, depend on it and not on each other.
 */
import type { Assignment } from '../../shared/org/contracts.js'

export interface DemoUser { username: string; fullName: string; email: string; clearance: 'internal' | 'confidential' | 'secret'; mfa: boolean; assignments: Assignment[]; note: string }
