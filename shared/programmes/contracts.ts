/**
 * Work programmes (chương trình công tác) of a unit: by term, year, quarter
 * or month, for the committee, its standing committee or its office. Items
 * name the content, the preparing unit, the presiding leader, the month or
 * date, the expected output (a document type) and, for a cascaded item, the
 * superior level's item it carries out. A programme is drafted by the office,
 * submitted and approved (or returned) by the standing committee; after
 * approval an item is only moved or dropped with a reason, and turned into
 * tasks through the tasks module. Request bodies are strict.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import type { PersonRef } from '../documents/contracts.js'

/** `<unit id>.w<random>`: the unit the programme belongs to is part of its id. */
export const programmeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.w[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const programmeOwnerOf = (id: string): string => id.slice(0, id.indexOf('.'))
export const itemId = z.string().regex(/^i[0-9]{1,4}$/, { message: 'field.invalidFormat' })
const text = (max: number) => z.string().trim().min(1).max(max)

export const PROGRAMME_KINDS = ['term', 'year', 'quarter', 'month'] as const
export const PROGRAMME_BODIES = ['committee', 'standing', 'office'] as const
export const PROGRAMME_STATES = ['draft', 'submitted', 'approved'] as const
export type ProgrammeState = (typeof PROGRAMME_STATES)[number]
export const ITEM_STATES = ['planned', 'moved', 'dropped'] as const

export const CreateProgrammeBody = z.strictObject({
  unitId,
  body: z.enum(PROGRAMME_BODIES),
  kind: z.enum(PROGRAMME_KINDS),
  /** The first year (of a term: its first of five years). */
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).optional(),
  month: z.number().int().min(1).max(12).optional(),
  title: text(300),
}).superRefine((b, ctx) => {
  if ((b.kind === 'quarter') !== (b.quarter !== undefined)) ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'programme.quarterNeeded' })
  if ((b.kind === 'month') !== (b.month !== undefined)) ctx.addIssue({ code: 'custom', path: ['month'], message: 'programme.monthNeeded' })
})
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>

const versioned = { version: z.number().int().min(1) }
export const ItemBody = z.strictObject({
  ...versioned,
  content: text(2000),
  preparingUnitId: unitId,
  presidingLeaderId: z.string().min(1).max(256).optional(),
  /** The day it is planned for, within the programme's period. */
  dueOn: isoDate,
  output: text(200),
  /** The superior programme's item this one carries out (cascade). */
  cascadedFrom: z.strictObject({ programmeId, itemId }).optional(),
})
export type ItemBody = z.infer<typeof ItemBody>
export const VersionBody = z.strictObject(versioned)
export const DecisionBody = z.strictObject({ ...versioned, approve: z.boolean(), comment: z.string().trim().max(2000).optional() })
export const MoveItemBody = z.strictObject({ ...versioned, dueOn: isoDate, reason: text(2000) })
export const DropItemBody = z.strictObject({ ...versioned, reason: text(2000) })
export const ItemTaskBody = z.strictObject({ title: text(300).optional(), leadUnitId: unitId.optional(), deadline: isoDate })
export const ProgrammeListQuery = z.strictObject({ unitId })
export type ItemTaskBody = z.infer<typeof ItemTaskBody>

export interface ProgrammeItem {
  itemId: string
  content: string
  preparingUnitId: string
  presidingLeader?: PersonRef
  dueOn: string
  output: string
  cascadedFrom?: { programmeId: string; itemId: string; content: string }
  state: (typeof ITEM_STATES)[number]
  reason?: string
  /** The planned day before it was moved. */
  movedFrom?: string
  taskIds: string[]
}

export interface Programme {
  programmeId: string
  unitId: string
  body: (typeof PROGRAMME_BODIES)[number]
  kind: (typeof PROGRAMME_KINDS)[number]
  year: number
  quarter?: number
  month?: number
  title: string
  state: ProgrammeState
  items: ProgrammeItem[]
  createdBy: PersonRef
  submittedBy?: PersonRef
  submittedAt?: string
  approvedBy?: PersonRef
  approvedAt?: string
  returnComment?: string
  createdAt: string
  updatedAt: string
  version: number
}
