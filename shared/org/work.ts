/**
 * "My work today" (`GET /api/me/work`): what waits for the caller across
 * modules. Each module contributes its sections from its own use cases,
 * only where the caller may act; an item names things (document summaries,
 * member and unit names), never ids, and links to where the work is done.
 */

export const WORK_SECTIONS = [
  'schedules.today',
  'documents.to-confirm', 'documents.to-direct', 'documents.to-review', 'documents.overdue',
  'members.transfers', 'members.comments', 'org.reorganisations', 'archives.handovers',
  'members.fees', 'members.notices', 'tasks.due', 'tasks.to-evaluate',
  'meetings.today', 'meetings.to-answer',
  'cases.to-handle',
  'datarequests.to-answer',
  'documents.to-sign',
] as const
export type WorkSectionId = (typeof WORK_SECTIONS)[number]

/** Sections whose items are decisions of an approval chain (the approvals page lists them). */
export const APPROVAL_SECTIONS: readonly WorkSectionId[] = ['org.reorganisations', 'members.transfers', 'members.comments']

/** Items listed per section at most (the count is of all). */
export const WORK_ITEMS = 5

export interface WorkItem {
  title: string
  subtitle?: string
  href: string
  /** ISO date or date-time the work is due. */
  due?: string
  overdue?: boolean
  /** A system notice of the handbook: `title` is its key (`transfer.pending`, `fees.flagged`, …), `subtitle` its detail. */
  system?: boolean
}

export interface WorkSection {
  id: WorkSectionId
  count: number
  /** Where the whole list is. */
  href: string
  items: WorkItem[]
}

export interface MyWork { sections: WorkSection[] }

export const workSection = (id: WorkSectionId, href: string, all: readonly WorkItem[], count = all.length): WorkSection =>
  ({ id, href, count, items: all.slice(0, WORK_ITEMS) })
