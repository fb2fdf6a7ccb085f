/** HTTP handlers of the meetings module: parse (zod), call one use case, map the result. */
import { parse } from '../../lib/validation.js'
import type { HttpRequest, HttpResult } from '../../lib/http.js'
import type { Actor } from '../../../shared/auth/policy.js'
import {
  docId, meetingId, voteId, AgendaMoveBody, AnswerBody, BlindSignBody, CheckInBody, ConclusionBody, CreateMeetingBody, MinutesBody, OpenBallotBody, OpenVoteBody,
  SecretBallotBody, SignMinutesBody, SpeakerBody,
} from '../../../shared/meetings/contracts.js'
import * as uc from '../usecases/meetings.js'
import * as votes from '../usecases/votes.js'

export type MeetingRoute = (req: HttpRequest<Actor> & { ctx: uc.MeetingContext }) => Promise<HttpResult>
type Req = Parameters<MeetingRoute>[0]
const mid = (r: Req) => parse(meetingId, r.params.meetingId)
const vid = (r: Req) => parse(voteId, r.params.voteId)

export const list: MeetingRoute = async ({ ctx }) => ({ body: await uc.listMeetings(ctx) })
export const create: MeetingRoute = async ({ ctx, body }) => ({ status: 201, body: await uc.createMeeting(ctx, parse(CreateMeetingBody, body)) })
export const show: MeetingRoute = async (r) => ({ body: await uc.showMeeting(r.ctx, mid(r)) })
export const invite: MeetingRoute = async (r) => ({ body: await uc.sendInvitation(r.ctx, mid(r)) })
export const invitation: MeetingRoute = async (r) => ({ body: await uc.invitationFile(r.ctx, mid(r)) })
export const answer: MeetingRoute = async (r) => ({ body: await uc.answer(r.ctx, mid(r), parse(AnswerBody, r.body)) })
export const checkInCode: MeetingRoute = async (r) => ({ body: await uc.myCheckInCode(r.ctx, mid(r)) })
export const checkIn: MeetingRoute = async (r) => ({ body: await uc.checkIn(r.ctx, mid(r), parse(CheckInBody, r.body)) })
export const open: MeetingRoute = async (r) => ({ body: await uc.openMeeting(r.ctx, mid(r)) })
export const agenda: MeetingRoute = async (r) => ({ body: await uc.moveAgenda(r.ctx, mid(r), parse(AgendaMoveBody, r.body).itemId) })
export const end: MeetingRoute = async (r) => ({ body: await uc.endMeeting(r.ctx, mid(r)) })
export const speakers: MeetingRoute = async (r) => ({ body: await uc.speakers(r.ctx, mid(r), parse(SpeakerBody, r.body)) })
export const document: MeetingRoute = async (r) => ({ body: await uc.documentFile(r.ctx, mid(r), parse(docId, r.params.docId)) })
export const conclusion: MeetingRoute = async (r) => ({ status: 201, body: await uc.addConclusion(r.ctx, mid(r), parse(ConclusionBody, r.body)) })
export const minutes: MeetingRoute = async (r) => ({ body: await uc.draftMinutes(r.ctx, mid(r), parse(MinutesBody, r.body)) })
export const signMinutes: MeetingRoute = async (r) => ({ body: await uc.signMinutes(r.ctx, mid(r), parse(SignMinutesBody, r.body)) })
export const minutesFile: MeetingRoute = async (r) => ({ body: await uc.minutesFile(r.ctx, mid(r)) })
export const openVote: MeetingRoute = async (r) => ({ status: 201, body: await votes.openVote(r.ctx, mid(r), parse(OpenVoteBody, r.body)) })
export const showVote: MeetingRoute = async (r) => ({ body: await votes.showVote(r.ctx, mid(r), vid(r)) })
export const castOpen: MeetingRoute = async (r) => ({ body: await votes.castOpen(r.ctx, mid(r), vid(r), parse(OpenBallotBody, r.body).choice) })
export const blindSign: MeetingRoute = async (r) => ({ body: await votes.issueBlindSignature(r.ctx, mid(r), vid(r), parse(BlindSignBody, r.body).blindedMsg) })
export const closeVote: MeetingRoute = async (r) => ({ body: await votes.closeVote(r.ctx, mid(r), vid(r)) })
export const voteRecord: MeetingRoute = async (r) => ({ body: await votes.voteRecord(r.ctx, mid(r), vid(r)) })
/** The ballot box: no caller (the route is public), so nothing of the session travels with the ballot. */
export const castSecret: MeetingRoute = async (r) => ({ status: 201, body: await votes.castSecret(mid(r), vid(r), parse(SecretBallotBody, r.body)) })
