/** The case engine and the two kinds' rules, as pure functions. */
import { describe, expect, it } from 'vitest'
import { CALENDAR } from '../../../shared/calendar/working-days.js'
import { stepsFrom, transition } from '../../../shared/cases/engine.js'
import { limitDue, limitOn, TIME_LIMITS } from '../../../shared/cases/limits.js'
import * as rules from '../../../shared/cases/complaints.js'
import * as pet from '../../../shared/cases/petitions.js'
import type { Case, Petition } from '../../../shared/cases/contracts.js'
import { MESSAGES } from '../../../shared/i18n/messages.js'

const by = { userId: 'u1', fullName: 'Tạ Minh Khoa' }
const ch = (today = '2026-09-01'): rules.Change => ({ at: `${today}T02:00:00.000Z`, by, today })
const fresh = (over: Partial<Case> = {}): Case => ({
  caseId: 'hn-ubkttu.cabcd', commissionId: 'hn-ubkttu', type: 'denunciation', source: 'mail', receivedOn: '2026-09-01', subject: 's', summary: 'm', concerns: 'c',
  anonymous: false, hasIdentity: true, state: 'received', acceptance: rules.acceptanceDeadline('denunciation', '2026-09-01', CALENDAR),
  verifications: [], followUps: [], events: [], createdAt: '2026-09-01T02:00:00.000Z', updatedAt: '2026-09-01T02:00:00.000Z', version: 1, ...over,
})
const code = (f: () => unknown) => { try { f() } catch (e) { return (e as { code: string }).code } return 'no error' }

describe('the case engine', () => {
  it('moves only along the kind\'s steps and refuses anything on a sealed file', () => {
    expect(transition(rules.COMPLAINT_KIND, 'received', 'register')).toBe('registered')
    expect(code(() => transition(rules.COMPLAINT_KIND, 'received', 'conclude'))).toBe('case.stepNotAllowed')
    expect(code(() => transition(rules.COMPLAINT_KIND, 'closed', 'followUp'))).toBe('case.sealed')
    expect(stepsFrom(rules.COMPLAINT_KIND, 'closed')).toEqual([])
    expect(stepsFrom(rules.COMPLAINT_KIND, 'classified').sort()).toEqual(['assign', 'forward'])
    expect(stepsFrom(pet.PETITION_KIND, 'answered').sort()).toEqual(['answer', 'publish'])
  })

  it('has a vi/en message for every rule code the kinds raise', () => {
    for (const k of ['case.sealed', 'case.stepNotAllowed', 'case.deadlinePastLegalLimit', 'case.alreadyConcluded', 'case.extensionPastLimit', 'case.anonymousEvidenceRequired', 'petition.answerDuePastLimit', 'case.inspectorNotInCommission', 'case.forwardToEndedUnit']) {
      expect(MESSAGES[k]?.vi, k).toBeTruthy()
      expect(MESSAGES[k]?.en, k).toBeTruthy()
    }
  })
})

describe('time limits as data', () => {
  it('are marked unverified and chosen by the day received', () => {
    expect(TIME_LIMITS.every((l) => !l.verified && l.source.includes('unverified'))).toBe(true)
    expect(limitOn('complaint', 'handling', '2026-01-05').workingDays).toBe(60)
    expect(() => limitOn('complaint', 'handling', '2020-01-01')).toThrow()
    const custom = [...TIME_LIMITS, { kind: 'complaint' as const, step: 'handling' as const, workingDays: 45, validFrom: '2027-01-01', source: 'x', verified: true }]
    expect(limitOn('complaint', 'handling', '2027-03-01', custom).workingDays).toBe(45)
    expect(limitOn('complaint', 'handling', '2026-12-31', custom).workingDays).toBe(60)
  })

  it('counts working days: the acceptance limit skips weekends and holidays', () => {
    // 2026-09-01 is a Tuesday; 2 September (National Day) is a holiday
    const d = rules.acceptanceDeadline('complaint', '2026-09-01', CALENDAR)
    expect(d.due).toBe(limitDue('2026-09-01', 10, CALENDAR))
    expect(CALENDAR.workingDaysBetween('2026-09-01', d.due)).toBe(10)
  })
})

describe('complaint rules', () => {
  it('refuses a handling deadline past the legal limit, and an extension past its own', () => {
    const c = fresh({ state: 'classified', withinCompetence: true })
    const legal = limitDue('2026-09-01', 60, CALENDAR)
    expect(code(() => rules.assign(c, ch(), by, CALENDAR, limitDue(legal, 1, CALENDAR)))).toBe('case.deadlinePastLegalLimit')
    const a = rules.assign(c, ch(), by, CALENDAR)
    expect(a.handling).toMatchObject({ due: legal, legalDue: legal, limitDays: 60 })
    expect(code(() => rules.extend(a, ch(), limitDue(legal, 31, CALENDAR), 'r', CALENDAR))).toBe('case.extensionPastLimit')
    const e = rules.extend(a, ch(), limitDue(legal, 30, CALENDAR), 'r', CALENDAR)
    expect(code(() => rules.extend(e, ch(), limitDue(legal, 30, CALENDAR), 'r', CALENDAR))).toBe('case.alreadyExtended')
  })

  it('archives an anonymous denunciation without concrete evidence, handles one with it', () => {
    const c = fresh({ state: 'registered', anonymous: true, hasIdentity: false })
    expect(code(() => rules.classify(c, ch(), true, undefined))).toBe('case.anonymousEvidenceRequired')
    expect(rules.classify(c, ch(), true, false).state).toBe('archived')
    expect(rules.classify(c, ch(), true, true).state).toBe('classified')
  })

  it('concludes once, and closes within the limit only when concluded by the deadline', () => {
    const a = rules.assign(fresh({ state: 'classified', withinCompetence: true }), ch(), by, CALENDAR)
    const v = rules.verify(a, ch(), 'x')
    const k = rules.conclude(v, ch(), 'founded', 'y')
    expect(code(() => rules.conclude({ ...k, state: 'verifying' }, ch(), 'founded', 'z'))).toBe('case.alreadyConcluded')
    expect(rules.close(k, ch()).withinLimit).toBe(true)
    const late = rules.conclude(v, ch(CALENDAR.addWorkingDays(a.handling!.due, 1)), 'founded', 'y')
    expect(rules.close(late, ch(CALENDAR.addWorkingDays(a.handling!.due, 1))).withinLimit).toBe(false)
  })

  it('KPIs: the share closed within the limit', () => {
    const within = { ...fresh({ state: 'closed' }), withinLimit: true }
    const late = { ...fresh({ state: 'closed' }), withinLimit: false }
    expect(rules.kpisOf('hn-ubkttu', [within, within, late, fresh()], '2026-09-01')).toMatchObject({ received: 4, closed: 3, closedWithinLimit: 2, open: 1, withinLimitPercent: 66.7 })
  })
})

describe('petition rules', () => {
  const p: Petition = {
    petitionId: 'p-hoankiem.kabcd', officeUnitId: 'p-hoankiem', term: '2021-2026', text: 't', meeting: 'm', place: 'p', meetingOn: '2026-06-10', area: 'a', topic: 'x',
    agencyUnitId: 'p-hoankiem-mttq', agencyName: 'MTTQ', state: 'received', events: [], createdAt: '', updatedAt: '', version: 1,
  }
  it('forwards within the answer limit, lets an "in progress" answer be answered again, seals on publication', () => {
    expect(code(() => pet.forward(p, ch(), CALENDAR, limitDue('2026-09-01', 31, CALENDAR)))).toBe('petition.answerDuePastLimit')
    const f = pet.forward(p, ch(), CALENDAR)
    const a1 = pet.answer(f, ch(), 'đang làm', 'in-progress', '2026-09-01')
    const a2 = pet.answer(a1, ch(), 'xong', 'solved', '2026-09-01')
    expect(code(() => pet.answer(a2, ch(), 'lại', 'explained', '2026-09-01'))).toBe('petition.alreadyAnswered')
    expect(code(() => pet.answer(pet.publish(a2, ch()), ch(), 'lại', 'explained', '2026-09-01'))).toBe('case.sealed')
  })
  it('derives a resolution\'s status from its tasks', () => {
    expect(pet.resolutionStatus([], '2026-09-01')).toBe('no-tasks')
    expect(pet.resolutionStatus([{ status: 'done', deadline: '2026-08-01' }], '2026-09-01')).toBe('done')
    expect(pet.resolutionStatus([{ status: 'accepted', deadline: '2026-08-01' }], '2026-09-01')).toBe('overdue')
    expect(pet.resolutionStatus([{ status: 'accepted', deadline: '2026-09-10' }, { status: 'done', deadline: '2026-08-01' }], '2026-09-01')).toBe('in-progress')
  })
})
