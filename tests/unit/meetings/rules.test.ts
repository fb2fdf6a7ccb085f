/** The meeting's rules as the Party counts: quorum and results of all members, not of those present. */
import { describe, expect, it } from 'vitest'
import { checkChoice, quorum, tally } from '../../../shared/meetings/rules.js'
import type { Participant } from '../../../shared/meetings/contracts.js'

const person = (i: number) => ({ userId: `u${i}`, fullName: `Người ${i}` })
const member = (i: number, present: boolean): Participant => ({ ...person(i), role: 'member', ...(present ? { checkedInAt: '2026-01-05T01:00:00Z' } : {}) })

describe('quorum and tally', () => {
  it('needs more than half of all members present; a delegate does not count', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map((i) => member(i, i <= 3))
    const delegate: Participant = { ...person(9), role: 'delegate', delegateFor: person(4), checkedInAt: '2026-01-05T01:00:00Z' }
    expect(quorum({ participants: [...seven, delegate] })).toEqual({ members: 7, present: 3, needed: 4, reached: false })
    expect(quorum({ participants: [...seven.slice(0, 3), member(4, true), ...seven.slice(4)] }).reached).toBe(true)
  })

  it('counts shares of all members: 3 agreeing of 4 present in a body of 8 do not pass', () => {
    const electorate = [1, 2, 3, 4, 5, 6, 7, 8].map(person)
    const r = tally({ subject: 'resolution', candidates: [], electorate }, [{ option: 'agree' }, { option: 'agree' }, { option: 'agree' }, { option: 'disagree' }])
    expect(r.tallies[0]).toEqual({ key: 'agree', label: 'Tán thành', count: 3, shareOfMembers: 37.5, passed: false })
    const five = tally({ subject: 'resolution', candidates: [], electorate }, Array(5).fill({ option: 'agree' }))
    expect(five.tallies[0].passed).toBe(true)
  })

  it('refuses a personnel choice over the seats or naming someone not on the ballot', () => {
    const v = { subject: 'personnel' as const, candidates: [person(1), person(2)], seats: 1 }
    expect(() => checkChoice(v, { candidates: ['u1', 'u2'] })).toThrow(expect.objectContaining({ code: 'vote.tooManyCandidates' }))
    expect(() => checkChoice(v, { candidates: ['u3'] })).toThrow(expect.objectContaining({ code: 'vote.badChoice' }))
    expect(() => checkChoice(v, { candidates: ['u2'] })).not.toThrow()
  })
})
