/**
 * The meetings API calls the SPA makes, typed with the shared contracts. The
 * one call without the session is the secret ballot (`castSecret`): a fresh
 * fetch with no Authorization header and no cookies, so nothing of the
 * voter travels with the ballot.
 */
import type { z } from 'zod'
import type {
  AnswerBody, Choice, ConclusionBody, CreateMeetingBody, MeetingFileLink, MeetingSummary, MeetingView, OpenVoteBody, SecretBallotBody, SpeakerBody, VoteView,
} from '../../../shared/meetings/contracts'
import { ApiError, api } from './client'
import { currentLang } from '../i18n'

const enc = encodeURIComponent
const m = (id: string) => `/api/meetings/${enc(id)}`
export type NewMeeting = z.input<typeof CreateMeetingBody>
export type NewVote = z.input<typeof OpenVoteBody>

export const meetings = {
  list: (signal?: AbortSignal) => api.get<{ meetings: MeetingSummary[] }>('/api/meetings', undefined, signal),
  create: (body: NewMeeting) => api.post<MeetingView>('/api/meetings', body),
  get: (id: string, signal?: AbortSignal) => api.get<MeetingView>(m(id), undefined, signal),
  invite: (id: string) => api.post<MeetingView>(`${m(id)}/invitation`, {}),
  invitation: (id: string) => api.get<MeetingFileLink>(`${m(id)}/invitation`),
  answer: (id: string, body: AnswerBody) => api.post<MeetingView>(`${m(id)}/answer`, body),
  checkInCode: (id: string, signal?: AbortSignal) => api.get<{ token: string; svg: string }>(`${m(id)}/checkin-code`, undefined, signal),
  checkIn: (id: string, body: { token: string } | { userId: string }) => api.post<MeetingView>(`${m(id)}/checkins`, body),
  open: (id: string) => api.post<MeetingView>(`${m(id)}/open`, {}),
  moveTo: (id: string, itemId: string) => api.post<MeetingView>(`${m(id)}/agenda`, { itemId }),
  end: (id: string) => api.post<MeetingView>(`${m(id)}/end`, {}),
  speakers: (id: string, body: SpeakerBody) => api.post<MeetingView>(`${m(id)}/speakers`, body),
  document: (id: string, docId: string) => api.get<MeetingFileLink>(`${m(id)}/documents/${enc(docId)}`),
  conclude: (id: string, body: ConclusionBody) => api.post<MeetingView>(`${m(id)}/conclusions`, body),
  draftMinutes: (id: string, version: number, notes: string) => api.post<MeetingView & { lines: string[] }>(`${m(id)}/minutes`, { version, notes }),
  signMinutes: (id: string, version: number) => api.post<MeetingView>(`${m(id)}/minutes/sign`, { version }),
  minutes: (id: string) => api.get<MeetingFileLink>(`${m(id)}/minutes`),
  openVote: (id: string, body: NewVote) => api.post<VoteView>(`${m(id)}/votes`, body),
  vote: (id: string, voteId: string, signal?: AbortSignal) => api.get<VoteView>(`${m(id)}/votes/${enc(voteId)}`, undefined, signal),
  castOpen: (id: string, voteId: string, choice: Choice) => api.post<VoteView>(`${m(id)}/votes/${enc(voteId)}/ballots`, { choice }),
  blindSignature: (id: string, voteId: string, blindedMsg: string) => api.post<{ blindSignature: string }>(`${m(id)}/votes/${enc(voteId)}/blind-signatures`, { blindedMsg }),
  closeVote: (id: string, voteId: string) => api.post<VoteView>(`${m(id)}/votes/${enc(voteId)}/close`, {}),
  voteRecord: (id: string, voteId: string) => api.get<MeetingFileLink>(`${m(id)}/votes/${enc(voteId)}/record`),
}

/** The ballot box: a fresh fetch, no Authorization header, no credentials. */
export async function castSecret(meetingId: string, voteId: string, body: z.input<typeof SecretBallotBody>): Promise<{ counted: true; tokenHash: string }> {
  const res = await fetch(`/api/ballots/${enc(meetingId)}/${enc(voteId)}`, {
    method: 'POST', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': currentLang() },
    body: JSON.stringify(body),
  })
  const data = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string } } | undefined
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `http.${res.status}`, data?.error?.message ?? `HTTP ${res.status}`)
  return data as unknown as { counted: true; tokenHash: string }
}
