/**
 * Live deltas of a meeting: a follower's page, holding the full state once and
 * then each patch the broadcaster builds (functions/meetings/usecases/live.ts),
 * shows after every change exactly the full state a fresh subscriber gets —
 * for random sequences of changes (check-ins, answers, delegates, people
 * leaving and reordered, speakers, the agenda, minutes, events rewritten) and
 * of a vote's life. A missed change makes the page ask for the full state.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/auth/engine.js'
import type { LiveMessage, Meeting, Participant, Vote } from '../../../shared/meetings/contracts.js'
import { LiveMirror, liveVote } from '../../../shared/meetings/live.js'
import { meetingPatch, votePatch } from '../../../functions/meetings/usecases/live.js'
import { view, type MeetingContext } from '../../../functions/meetings/usecases/meetings.js'
import type { UnitIndex } from '../../../shared/org/tree.js'

const index: UnitIndex = new Map()
const person = (i: number) => ({ userId: `u${i}`, fullName: `Đồng chí ${i}` })
const ctxOf = (userId: string): MeetingContext => ({
  actor: { userId, username: userId, fullName: userId, clearance: 'internal', mfa: false, assignments: [] } as Actor,
  now: new Date('2026-12-03T02:00:00Z'), date: '2026-12-03',
} as unknown as MeetingContext)
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x))

function meeting(): Meeting {
  const participants: Participant[] = [1, 2, 3, 4].map((i): Participant => ({ ...person(i), role: 'member' })).concat([{ ...person(5), role: 'invitee' as const }])
  return {
    meetingId: 'p-a.mabcd1234', ownerUnitId: 'p-a', ownerUnitName: 'Đảng ủy phường A', title: 'Hội nghị', kind: 'cell', startsAt: '2026-12-03T01:00:00.000Z', day: '2026-12-03',
    place: 'Phòng họp', sites: [], chair: person(1), secretary: person(5), status: 'invited',
    agenda: [1, 2, 3].map((i) => ({ itemId: `i${i}`, title: `Nội dung ${i}`, minutes: 10, documents: i === 1 ? [{ docId: 'abcdef0123', title: 'Dự thảo', source: 'upload', objectKey: 'k', fileName: 'a.pdf', draft: true, confidentiality: 'none', catalogueOnly: false }] : [] })),
    participants, invitedUnits: [], speakers: [], events: [], voteIds: [], conclusions: [], checkInKey: 'secret',
    createdBy: person(5), createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', version: 1,
  }
}

const at = (n: number) => new Date(Date.UTC(2026, 11, 3, 1, 0, n)).toISOString()
type Step = (m: Meeting, n: number) => void
const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

const steps: fc.Arbitrary<Step>[] = [
  fc.nat().map((i): Step => (m, n) => { const p = pick(m.participants, i); if (p && !p.checkedInAt) { p.checkedInAt = at(n); p.checkedInBy = 'qr'; m.events.push({ at: at(n), kind: 'checkin', text: `${p.fullName} điểm danh` }) } }),
  fc.tuple(fc.nat(), fc.constantFrom('attend', 'absent', 'delegate')).map(([i, answer]): Step => (m, n) => { const p = pick(m.participants, i); if (p) p.answer = { answer: answer as 'attend', ...(answer === 'absent' ? { reason: 'Đi công tác' } : {}), at: at(n) } }),
  fc.nat().map((i): Step => (m) => { if (!m.participants.some((p) => p.userId === `d${i}`)) m.participants.push({ userId: `d${i}`, fullName: `Dự thay ${i}`, role: 'delegate', delegateFor: person(2) }) }),
  fc.nat().map((i): Step => (m) => { if (m.participants.length > 1) m.participants.splice(i % m.participants.length, 1) }),
  fc.constant<Step>((m) => { m.participants.reverse() }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Step => (m, n) => { const p = pick(m.participants, i); const item = pick(m.agenda, j); if (p && item) m.speakers.push({ speakerId: `s${n}`, itemId: item.itemId, person: { userId: p.userId, fullName: p.fullName }, status: 'waiting', requestedAt: at(n), seconds: 300 }) }),
  fc.tuple(fc.nat(), fc.constantFrom('speaking', 'done', 'withdrawn')).map(([i, status]): Step => (m, n) => { const s = pick(m.speakers, i); if (s) Object.assign(s, { status, ...(status === 'speaking' ? { startedAt: at(n) } : { endedAt: at(n) }) }) }),
  fc.nat().map((j): Step => (m, n) => { const item = pick(m.agenda, j)!; m.status = 'in-progress'; m.currentItemId = item.itemId; m.events.push({ at: at(n), kind: 'agenda', text: `Chuyển sang nội dung: ${item.title}` }) }),
  fc.constant<Step>((m) => { delete m.currentItemId; m.status = 'ended' }),
  fc.string().map((notes): Step => (m, n) => { m.minutes = { notes, draftedAt: at(n), signedBy: m.minutes?.signedBy.length ? [] : [person(5)] } }),
  fc.string().map((title): Step => (m, n) => { m.conclusions.push({ title: title || 'Kết luận', taskId: `t${n}`, leadName: 'Văn phòng', deadline: '2026-12-31' }) }),
  fc.string().map((text): Step => (m) => { if (m.events.length) m.events[0] = { ...m.events[0]!, text } }),
  fc.string().map((title): Step => (m) => { m.agenda[0]!.documents[0] = { ...m.agenda[0]!.documents[0]!, title: title || 'Dự thảo' } }),
  fc.constant<Step>((m) => { m.agenda.push(m.agenda.shift()!) }),
  fc.nat().map((i): Step => (m, n) => { m.voteIds.push(`v${n}x${i}`) }),
]

describe('live patches of a meeting', () => {
  it('leave each follower\'s page equal to the full state after every change', () => {
    fc.assert(fc.property(fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 25 }), fc.constantFrom('u1', 'u3', 'u5', 'd1'), (changes, userId) => {
      // Prepare: the page holds the state it got on subscribing
      const ctx = ctxOf(userId)
      let m = meeting()
      const page = new LiveMirror()
      page.receive(json({ type: 'state', meetingId: m.meetingId, meeting: view(ctx, index, m), votes: [] }) as unknown as LiveMessage<{ version: number }>)
      for (const [n, change] of changes.entries()) {
        // Act: a change, and the message the broadcaster sends this person
        const next = structuredClone(m)
        change(next, n)
        next.version = m.version + 1
        next.updatedAt = at(n)
        const outcome = page.receive(JSON.parse(meetingPatch(m, next, index)(ctx)))
        m = next
        // Assess
        expect(outcome).toBe('changed')
        expect(page.meeting).toEqual(json(view(ctx, index, m)))
      }
    }), { numRuns: 300 })
  })

  it('leave the page\'s votes equal to the votes as they travel, from the vote opened to its result', () => {
    const opened: Vote = {
      meetingId: 'p-a.mabcd1234', voteId: 'vabcd1', title: 'Thông qua', subject: 'resolution', secret: false, candidates: [], status: 'open', openedAt: at(0),
      electorate: [1, 2, 3, 4].map(person), openBallots: [], version: 1,
    }
    const voteSteps: fc.Arbitrary<(v: Vote) => void>[] = [
      fc.tuple(fc.nat(), fc.constantFrom('agree', 'disagree', 'abstain')).map(([i, option]) => (v: Vote) => { v.openBallots.push({ voter: person(i % 4 + 1), choice: { option: option as 'agree' } }) }),
      fc.constant((v: Vote) => { v.status = 'closed'; v.closedAt = at(9) }),
      fc.nat().map((c) => (v: Vote) => { v.result = { members: 4, cast: c % 5, tallies: [{ key: 'agree', label: 'Tán thành', count: c % 5, shareOfMembers: 25 * (c % 5), passed: c % 5 > 2 }] } }),
      fc.constant((v: Vote) => { v.record = { objectKey: 'k', sha256: 'h', at: at(10) } }),
      fc.constant((v: Vote) => { v.electorate.pop() }),
    ]
    fc.assert(fc.property(fc.boolean(), fc.array(fc.oneof(...voteSteps), { maxLength: 15 }), (secret, changes) => {
      const page = new LiveMirror()
      page.receive(json({ type: 'state', meetingId: opened.meetingId, meeting: { version: 1 }, votes: [] }) as unknown as LiveMessage<{ version: number }>)
      let v: Vote = { ...structuredClone(opened), secret }
      expect(page.receive(JSON.parse(votePatch(v.meetingId, undefined, v)))).toBe('changed')
      for (const change of changes) {
        const next = structuredClone(v)
        change(next)
        next.version = v.version + 1
        expect(page.receive(JSON.parse(votePatch(v.meetingId, v, next)))).toBe('changed')
        v = next
        expect(page.votes).toEqual([json(liveVote(v))])
      }
      // A secret vote's ballots never travel with a name.
      if (secret) expect(page.votes[0]!.openBallots).toEqual([])
    }), { numRuns: 200 })
  })

  it('asks for the full state when a change is missing, ignores an old one, and applies one that came before the state', () => {
    const ctx = ctxOf('u3')
    const v1 = meeting()
    const v2 = { ...structuredClone(v1), status: 'in-progress' as const, version: 2 }
    const v3 = { ...structuredClone(v2), currentItemId: 'i2', version: 3 }
    const p12 = JSON.parse(meetingPatch(v1, v2, index)(ctx))
    const p23 = JSON.parse(meetingPatch(v2, v3, index)(ctx))
    const state = (m: Meeting) => json({ type: 'state', meetingId: m.meetingId, meeting: view(ctx, index, m), votes: [] }) as unknown as LiveMessage<{ version: number }>

    const behind = new LiveMirror()
    behind.receive(state(v1))
    expect(behind.receive(p23)).toBe('resync')
    expect(behind.meeting).toEqual(json(view(ctx, index, v1)))

    const ahead = new LiveMirror()
    ahead.receive(state(v2))
    expect(ahead.receive(p12)).toBe('stale')

    const early = new LiveMirror()
    expect(early.receive(p12)).toBe('stale')
    expect(early.receive(state(v1))).toBe('changed')
    expect(early.meeting).toEqual(json(view(ctx, index, v2)))
  })
})
