/**
 * The rules of a meeting, pure: answers (a delegate is a named person, not the
 * member themself, and only a member delegates), who counts as present, the
 * quorum (more than half of the members of the body, counted of the total),
 * the agenda's order, the speakers' list, and the tally of a vote as the
 * Party counts it — each share of all members, not of those present; a
 * resolution passes and a candidate is elected with more than half of all
 * members.
 */
import { RuleError } from '../errors/index.js'
import type { PersonRef } from '../documents/contracts.js'
import type { AnswerBody, Choice, Meeting, Participant, Speaker, Tally, Vote } from './contracts.js'
import { RESOLUTION_CHOICES } from './contracts.js'

/** Seconds a speaker is given by default (a cell's practice: five minutes). */
export const SPEAKER_SECONDS = 300

export const members = (m: Pick<Meeting, 'participants'>): Participant[] => m.participants.filter((p) => p.role === 'member')

/**
 * Members present: checked in themselves. A delegate attends and reads for the
 * member but neither makes them present nor votes for them: the Party's rules
 * count the members who attend, and a vote is the member's own.
 */
export const presentMembers = (m: Pick<Meeting, 'participants'>): number => members(m).filter((p) => p.checkedInAt).length

export interface Quorum { members: number; present: number; needed: number; reached: boolean }
/** More than half of the members: 7 of 13, 5 of 8. */
export const neededOf = (total: number): number => Math.floor(total / 2) + 1
export function quorum(m: Pick<Meeting, 'participants'>): Quorum {
  const total = members(m).length
  const present = presentMembers(m)
  return { members: total, present, needed: neededOf(total), reached: present >= neededOf(total) }
}

export function checkAnswer(m: Meeting, who: Participant, body: AnswerBody, delegate?: PersonRef): void {
  if (m.status === 'ended') throw new RuleError('meeting.ended', { title: m.title })
  if (body.answer === 'absent' && !body.reason) throw new RuleError('meeting.reasonNeeded')
  if (body.answer === 'delegate') {
    if (who.role !== 'member') throw new RuleError('meeting.onlyMembersDelegate')
    if (!delegate) throw new RuleError('meeting.delegateNeeded')
    if (delegate.userId === who.userId) throw new RuleError('meeting.delegateSelf')
  }
}


export function checkRunning(m: Meeting): void {
  if (m.status === 'ended') throw new RuleError('meeting.ended', { title: m.title })
  if (m.status !== 'in-progress') throw new RuleError('meeting.notStarted', { title: m.title })
}

export function moveTo(m: Meeting, itemId: string): void {
  checkRunning(m)
  if (!m.agenda.some((i) => i.itemId === itemId)) throw new RuleError('meeting.unknownItem')
}

export function requestToSpeak(m: Meeting, person: PersonRef, itemId: string, at: string, speakerId: string): Speaker {
  checkRunning(m)
  if (!m.agenda.some((i) => i.itemId === itemId)) throw new RuleError('meeting.unknownItem')
  if (m.speakers.some((s) => s.person.userId === person.userId && s.itemId === itemId && (s.status === 'waiting' || s.status === 'speaking'))) {
    throw new RuleError('meeting.alreadyListed')
  }
  return { speakerId, itemId, person, status: 'waiting', requestedAt: at, seconds: SPEAKER_SECONDS }
}

/** The chair gives the floor: one speaker at a time, in the order asked. */
export function startSpeaker(m: Meeting, speakerId: string, at: string): Speaker {
  checkRunning(m)
  const s = m.speakers.find((x) => x.speakerId === speakerId)
  if (!s || s.status !== 'waiting') throw new RuleError('meeting.speakerNotWaiting')
  if (m.speakers.some((x) => x.status === 'speaking')) throw new RuleError('meeting.someoneSpeaking')
  return { ...s, status: 'speaking', startedAt: at }
}

export function finishSpeaker(m: Meeting, speakerId: string, at: string, withdraw: boolean): Speaker {
  const s = m.speakers.find((x) => x.speakerId === speakerId)
  if (!s || s.status === 'done' || s.status === 'withdrawn') throw new RuleError('meeting.speakerNotWaiting')
  if (withdraw) return { ...s, status: 'withdrawn', endedAt: at }
  if (s.status !== 'speaking') throw new RuleError('meeting.speakerNotWaiting')
  return { ...s, status: 'done', endedAt: at }
}

/** A choice fits its vote: the resolution's options, or at most `seats` distinct candidates of the ballot. */
export function checkChoice(v: Pick<Vote, 'subject' | 'candidates' | 'seats'>, choice: Choice): void {
  if (v.subject === 'personnel') {
    if (!('candidates' in choice)) throw new RuleError('vote.badChoice')
    const ids = new Set(choice.candidates)
    if (ids.size !== choice.candidates.length || choice.candidates.some((c) => !v.candidates.some((k) => k.userId === c))) throw new RuleError('vote.badChoice')
    if (ids.size > (v.seats ?? 1)) throw new RuleError('vote.tooManyCandidates', { seats: v.seats ?? 1 })
    return
  }
  if (!('option' in choice)) throw new RuleError('vote.badChoice')
}

const LABELS: Record<(typeof RESOLUTION_CHOICES)[number], string> = { agree: 'Tán thành', disagree: 'Không tán thành', abstain: 'Không biểu quyết' }

/** The tally: every count as a share of all members (percent, two decimals); passed / elected with more than half of them. */
export function tally(v: Pick<Vote, 'subject' | 'candidates' | 'electorate'>, choices: readonly Choice[]): { members: number; cast: number; tallies: Tally[] } {
  const total = v.electorate.length
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 100)
  const passed = (n: number) => n >= neededOf(total)
  if (v.subject === 'personnel') {
    return {
      members: total, cast: choices.length,
      tallies: v.candidates.map((c) => {
        const n = choices.filter((x) => 'candidates' in x && x.candidates.includes(c.userId)).length
        return { key: c.userId, label: c.fullName, count: n, shareOfMembers: share(n), passed: passed(n) }
      }),
    }
  }
  return {
    members: total, cast: choices.length,
    tallies: RESOLUTION_CHOICES.map((o) => {
      const n = choices.filter((x) => 'option' in x && x.option === o).length
      return { key: o, label: LABELS[o], count: n, shareOfMembers: share(n), passed: o === 'agree' && passed(n) }
    }),
  }
}
