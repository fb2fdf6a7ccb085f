/**
 * The meetings module's contracts (phòng họp không giấy): a meeting of a
 * Party body — its agenda with presenters, time and documents, its members
 * (who count for the quorum and vote) and invitees, their answers, check-in,
 * the speakers' list, votes (open, or secret by blind signatures), the
 * minutes and the conclusions that become tasks. Request bodies are strict.
 * Shared by the Lambda handlers and the SPA.
 */
import { z } from 'zod'
import { isoDate, unitId } from '../org/contracts.js'
import { documentId, type PersonRef } from '../documents/contracts.js'
import type { Confidentiality } from '../documents/confidentiality.js'
import type { ObjectPatch } from './live.js'

/** `<organising unit id>.m<random>`: the organising body is part of the id, so the meeting's key derives from it. */
export const meetingId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}\.m[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
export const meetingOwnerOf = (id: string): string => id.slice(0, id.indexOf('.'))
export const voteId = z.string().regex(/^v[a-z0-9]{4,40}$/, { message: 'field.invalidFormat' })
/** A document of a meeting's agenda. */
export const docId = z.string().regex(/^[a-f0-9]{10}$/, { message: 'field.invalidFormat' })
const userRef = z.string().min(1).max(256)
const text = (max: number) => z.string().trim().min(1).max(max)
const b64 = (max: number) => z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'field.invalidFormat' }).max(max)

/** Committee (Ban Chấp hành), standing committee (Ban Thường vụ), a cell's meeting (sinh hoạt chi bộ), a conference across sites (điểm cầu). */
export const MEETING_KINDS = ['committee', 'standing-committee', 'cell', 'conference'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MEETING_STATUSES = ['planned', 'invited', 'in-progress', 'ended'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

/** A person, or every person of a unit (its members in the organisation's records). */
export const PartyRef = z.union([z.strictObject({ userId: userRef }), z.strictObject({ unitId })])
export type PartyRef = z.infer<typeof PartyRef>

/** A document of an agenda item: a register entry (by id, found through search) or an upload through the documents' upload slot. */
export const AgendaDocumentInput = z.union([
  z.strictObject({ documentId }),
  z.strictObject({ objectKey: z.string().min(1).max(400), fileName: text(200), title: text(300), draft: z.boolean().default(false) }),
])

export const AgendaItemInput = z.strictObject({
  title: text(500),
  presenterUserId: userRef.optional(),
  minutes: z.number().int().min(1).max(600),
  documents: z.array(AgendaDocumentInput).max(30).default([]),
})

export const CreateMeetingBody = z.strictObject({
  unitId,
  title: text(300),
  kind: z.enum(MEETING_KINDS),
  startsAt: z.iso.datetime({ offset: true }),
  place: text(300),
  /** The sites of a conference (điểm cầu), by name. */
  sites: z.array(text(200)).max(1000).default([]),
  chairUserId: userRef,
  secretaryUserId: userRef,
  /** Members of the body: they count for the quorum and vote. */
  members: z.array(PartyRef).min(1).max(1000),
  /** Invited without a vote (khách mời). */
  invitees: z.array(PartyRef).max(1000).default([]),
  agenda: z.array(AgendaItemInput).min(1).max(50),
})
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>

export const ANSWERS = ['attend', 'absent', 'delegate'] as const
export const AnswerBody = z.strictObject({
  answer: z.enum(ANSWERS),
  reason: z.string().trim().max(1000).optional(),
  delegateUserId: userRef.optional(),
})
export type AnswerBody = z.infer<typeof AnswerBody>

/** Check-in: a scanned QR token (the participant's own), or the secretary ticking a participant. */
export const CheckInBody = z.union([z.strictObject({ token: b64(600) }), z.strictObject({ userId: userRef })])
export const AgendaMoveBody = z.strictObject({ itemId: text(40) })
export const SpeakerBody = z.union([
  z.strictObject({ action: z.literal('request'), itemId: text(40).optional() }),
  z.strictObject({ action: z.enum(['start', 'finish', 'withdraw']), speakerId: text(40) }),
])
export type SpeakerBody = z.infer<typeof SpeakerBody>

export const VOTE_SUBJECTS = ['resolution', 'personnel', 'document'] as const
export const OpenVoteBody = z.strictObject({
  title: text(300),
  subject: z.enum(VOTE_SUBJECTS),
  secret: z.boolean(),
  itemId: text(40).optional(),
  /** Personnel: the candidates by user id (names on the ballot), and how many seats. */
  candidateUserIds: z.array(userRef).max(50).default([]),
  seats: z.number().int().min(1).max(50).optional(),
})
export type OpenVoteBody = z.infer<typeof OpenVoteBody>

export const RESOLUTION_CHOICES = ['agree', 'disagree', 'abstain'] as const
/** A choice: agree / disagree / abstain, or the candidates approved (personnel: at most the seats). */
export const Choice = z.union([z.strictObject({ option: z.enum(RESOLUTION_CHOICES) }), z.strictObject({ candidates: z.array(userRef).max(50) })])
export type Choice = z.infer<typeof Choice>
export const OpenBallotBody = z.strictObject({ choice: Choice })
/** RFC 9474: the blinded message (base64url) — the server signs it without seeing the token. */
export const BlindSignBody = z.strictObject({ blindedMsg: b64(1200) })
/** The secret ballot, sent without a token: the token (prepared message) and its unblinded signature, base64url. */
export const SecretBallotBody = z.strictObject({ token: b64(400), signature: b64(1200), choice: Choice })

export const ConclusionBody = z.strictObject({ title: text(300), leadUnitId: unitId, leadUserId: userRef.optional(), deadline: isoDate, itemId: text(40).optional() })
export type ConclusionBody = z.infer<typeof ConclusionBody>
export const MinutesBody = z.strictObject({ version: z.number().int().min(1), notes: z.string().trim().max(20_000).default('') })
export const SignMinutesBody = z.strictObject({ version: z.number().int().min(1) })

export interface MeetingDocument {
  docId: string
  title: string
  symbol?: string
  /** Register entry, or a file uploaded for this meeting. */
  source: 'register' | 'upload'
  documentId?: string
  objectKey?: string
  fileName?: string
  draft: boolean
  confidentiality: Confidentiality
  /** MẬT and above: only the catalogue entry (title, symbol); no file on this platform. */
  catalogueOnly: boolean
}
export interface AgendaItem { itemId: string; title: string; presenter?: PersonRef; minutes: number; documents: MeetingDocument[] }
export interface Answer { answer: (typeof ANSWERS)[number]; reason?: string; delegate?: PersonRef; at: string }
export interface Participant {
  userId: string
  fullName: string
  /** Members vote and count for the quorum; invitees and delegates attend and read. */
  role: 'member' | 'invitee' | 'delegate'
  /** A delegate: the member they attend for (they see what that member sees). */
  delegateFor?: PersonRef
  answer?: Answer
  checkedInAt?: string
  checkedInBy?: 'qr' | 'secretary'
}
export interface Speaker { speakerId: string; itemId: string; person: PersonRef; status: 'waiting' | 'speaking' | 'done' | 'withdrawn'; requestedAt: string; startedAt?: string; endedAt?: string; seconds: number }
export interface MeetingEvent { at: string; kind: string; text: string }
export interface Conclusion { title: string; taskId: string; leadName: string; deadline: string; itemId?: string }
export interface SignedPaper { objectKey: string; sha256: string; at: string }

export interface Meeting {
  meetingId: string
  ownerUnitId: string
  ownerUnitName: string
  title: string
  kind: MeetingKind
  startsAt: string
  /** Việt Nam's day of the start (YYYY-MM-DD). */
  day: string
  place: string
  sites: string[]
  chair: PersonRef
  secretary: PersonRef
  status: MeetingStatus
  agenda: AgendaItem[]
  participants: Participant[]
  /** The units invited as a whole, by name (the invitation's "Kính gửi"). */
  invitedUnits: { unitId: string; name: string }[]
  currentItemId?: string
  speakers: Speaker[]
  events: MeetingEvent[]
  voteIds: string[]
  conclusions: Conclusion[]
  invitation?: SignedPaper & { number: string }
  minutes?: { notes: string; draftedAt: string; signedBy: PersonRef[]; paper?: SignedPaper }
  /** Key of the check-in tokens' MAC (never leaves the server). */
  checkInKey: string
  createdBy: PersonRef
  createdAt: string
  updatedAt: string
  version: number
}

export interface Vote {
  meetingId: string
  voteId: string
  title: string
  subject: (typeof VOTE_SUBJECTS)[number]
  secret: boolean
  itemId?: string
  candidates: PersonRef[]
  seats?: number
  status: 'open' | 'closed'
  openedAt: string
  closedAt?: string
  /** Members of the body when the vote opened: the base of every share (Party rules count of the total). */
  electorate: PersonRef[]
  /** Open votes: each person's choice, on record. */
  openBallots: { voter: PersonRef; choice: Choice }[]
  /** Secret votes: the RSA public key (SPKI, base64url) voters blind against and anyone verifies with. */
  publicKey?: string
  result?: VoteResult
  record?: SignedPaper
  version: number
}

export interface Tally { key: string; label: string; count: number; shareOfMembers: number; passed: boolean }
export interface VoteResult { members: number; cast: number; tallies: Tally[]; published?: { tokenHash: string; choice: Choice }[] }

/**
 * Live updates (WebSocket): the one message a client sends — follow a
 * meeting — and those it receives: the meeting's state as this person may
 * see it (on subscribing, and after every change), or a refusal in the
 * person's language.
 */
export const LIVE_PROTOCOL = 'digital-office.live'
export const LiveSubscribe = z.strictObject({ action: z.literal('subscribe'), meetingId })
export type LiveSubscribe = z.infer<typeof LiveSubscribe>
/** A vote as everyone present sees it live: never who received a secret ballot's signature, nor anything of a ballot but its token hash and choice. */
export type LiveVote = Omit<Vote, 'openBallots' | 'record'> & { openBallots: Vote['openBallots']; hasRecord: boolean }
export type LiveMessage<M = unknown> =
  | { type: 'state'; meetingId: string; meeting: M; votes: LiveVote[] }
  | { type: 'refused'; meetingId?: string; code: string; message: string }
  /** One change (shared/meetings/live.ts): the meeting from version `from` to `to` with my part of it (`mine`: me, can) whole, or a vote (new: whole). */
  | {
    type: 'patch'; meetingId: string
    meeting?: { from: number; to: number; patch: ObjectPatch }; mine?: Record<string, unknown>
    vote?: { voteId: string; full: LiveVote } | { voteId: string; from: number; to: number; patch: ObjectPatch }
  }
/** A meeting as its page receives it: names only, never the check-in key nor a file's object key; my place in it and what I may do. */
export interface MeetingView extends Omit<Meeting, 'checkInKey' | 'agenda'> {
  agenda: (Omit<AgendaItem, 'documents'> & { documents: (Omit<MeetingDocument, 'objectKey'> & { canOpen: boolean })[] })[]
  quorum: { members: number; present: number; needed: number; reached: boolean }
  me?: { role: Participant['role']; answer?: Answer; checkedInAt?: string; delegateFor?: PersonRef }
  can: { organise: boolean; lead: boolean; chair: boolean; readDocuments: boolean }
}
/** A line of "my meetings". */
export interface MeetingSummary { meetingId: string; title: string; kind: MeetingKind; startsAt: string; place: string; status: MeetingStatus; ownerUnitName: string; myAnswer?: (typeof ANSWERS)[number]; role?: Participant['role']; organising: boolean }
/** A vote as a participant reads it; a secret vote says whether I already took my blind signature. */
export type VoteView = Vote & { iHaveSignature?: boolean }
/** A vote on the meeting's pages: as it travels live, with whether I hold a secret vote's signature (from the API, kept across pushes). */
export type MeetingVoteView = LiveVote & { iHaveSignature?: boolean }
/** A file of the meeting (invitation, minutes, a document, a result record): a short-lived download link. */
export interface MeetingFileLink { url: string; expiresIn: number }
