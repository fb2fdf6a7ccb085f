/**
 * Lambda entry of the meetings module (HTTP API): paperless meetings —
 * preparation and invitations, answers, check-in, the chair's agenda and
 * speakers, open and secret votes, minutes and conclusions. The ballot box
 * (`POST /api/ballots/...`) is its one public route: a secret ballot travels
 * without the voter's token.
 */
import { httpModuleWithContext } from '../lib/module.js'
import { ORG_MODULE_CONTEXT } from '../org/usecases/context.js'
import { docId, meetingId, voteId } from '../../shared/meetings/contracts.js'
import * as h from './handlers/routes.js'

export const MEETING_ROUTES: Record<string, h.MeetingRoute> = {
  'GET /api/meetings': h.list,
  'POST /api/meetings': h.create,
  'GET /api/meetings/{meetingId}': h.show,
  'POST /api/meetings/{meetingId}/invitation': h.invite,
  'GET /api/meetings/{meetingId}/invitation': h.invitation,
  'POST /api/meetings/{meetingId}/answer': h.answer,
  'GET /api/meetings/{meetingId}/checkin-code': h.checkInCode,
  'POST /api/meetings/{meetingId}/checkins': h.checkIn,
  'POST /api/meetings/{meetingId}/open': h.open,
  'POST /api/meetings/{meetingId}/agenda': h.agenda,
  'POST /api/meetings/{meetingId}/end': h.end,
  'POST /api/meetings/{meetingId}/speakers': h.speakers,
  'GET /api/meetings/{meetingId}/documents/{docId}': h.document,
  'POST /api/meetings/{meetingId}/conclusions': h.conclusion,
  'POST /api/meetings/{meetingId}/minutes': h.minutes,
  'POST /api/meetings/{meetingId}/minutes/sign': h.signMinutes,
  'GET /api/meetings/{meetingId}/minutes': h.minutesFile,
  'POST /api/meetings/{meetingId}/votes': h.openVote,
  'GET /api/meetings/{meetingId}/votes/{voteId}': h.showVote,
  'POST /api/meetings/{meetingId}/votes/{voteId}/ballots': h.castOpen,
  'POST /api/meetings/{meetingId}/votes/{voteId}/blind-signatures': h.blindSign,
  'POST /api/meetings/{meetingId}/votes/{voteId}/close': h.closeVote,
  'GET /api/meetings/{meetingId}/votes/{voteId}/record': h.voteRecord,
  'POST /api/ballots/{meetingId}/{voteId}': h.castSecret,
}

export const handler = httpModuleWithContext({
  service: 'meetings', routes: MEETING_ROUTES, ...ORG_MODULE_CONTEXT, validateParams: { meetingId, voteId, docId },
  // The public ballot box has no caller, hence no context.
  context: (req) => (req.actor ? ORG_MODULE_CONTEXT.context(req) : (undefined as never)),
  publicRoutes: ['POST /api/ballots/{meetingId}/{voteId}'],
})
