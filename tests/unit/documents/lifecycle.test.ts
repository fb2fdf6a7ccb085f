import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/auth/policy.js'
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { ConflictError, DomainError, ForbiddenError, RuleError, ValidationError } from '../../../shared/errors/index.js'
import {
  DEFAULT_CHAIN, assertMutable, assertReceivedDates, decideReview, mayReviewNow, requireSymbol, resolveChain, submitDraft,
} from '../../../shared/documents/lifecycle.js'
import { cityTree } from '../support/units.js'

const TODAY = '2026-01-15'
const actor = (userId: string, assignments: Actor['assignments']): Actor => ({ userId, username: userId, fullName: userId, clearance: 'internal', mfa: false, assignments })
const drafter = actor('drafter', [{ unitId: 'p-hoankiem', role: 'specialist' }])
const chief = actor('chief', [{ unitId: 'p-hoankiem', role: 'office-chief' }])
const secretary = actor('secretary', [{ unitId: 'p-hoankiem', role: 'secretary' }])
const citySecretary = actor('city', [{ unitId: 'hn-tu', role: 'secretary' }])

function draft(extra: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    documentId: 'p-hoankiem.abc123', ownerUnitId: 'p-hoankiem', flow: 'outgoing', status: 'draft', type: 'CV',
    issuer: { code: 'ĐU', name: 'Đảng ủy phường Hoàn Kiếm' }, summary: 'Công văn thử', urgency: 'normal', confidentiality: 'none',
    drafter: { userId: 'drafter', fullName: 'drafter' }, signer: { userId: 'secretary', fullName: 'secretary' },
    versions: [{ version: 1, objectKey: 'k', fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x', uploadedBy: { userId: 'drafter', fullName: 'drafter' }, at: '' }],
    readerUnitIds: [], createdBy: { userId: 'drafter', fullName: 'drafter' }, version: 1, createdAt: '', updatedAt: '', ...extra,
  }
}

const codeOf = (fn: () => unknown): string | undefined => {
  try { fn() } catch (err) { return (err as DomainError).code }
  return undefined
}

describe('review chain', () => {
  const index = cityTree()
  const steps = resolveChain([{ roles: ['office-chief'], scope: 'unit' }, { roles: ['secretary'], scope: 'parent' }], 'p-hoankiem', index, TODAY)

  it('fixes each step to the owner or its parent at submission', () => {
    expect(steps.map((s) => s.unitId)).toEqual(['p-hoankiem', 'hn-tu'])
  })

  it('walks the steps in order: only the person at the current step decides, the drafter never', () => {
    // Prepare
    const submitted = submitDraft(draft(), steps, { userId: 'drafter', fullName: 'drafter' }, 't1')

    // Act / Assess
    expect(submitted).toMatchObject({ status: 'in-review', review: { stepIndex: 0, round: 1 } })
    expect(mayReviewNow(chief, submitted)).toBe(true)
    expect(mayReviewNow(citySecretary, submitted)).toBe(false)
    expect(codeOf(() => decideReview(submitted, citySecretary, 'approve', undefined, 't2'))).toBe('document.notReviewer')
    expect(codeOf(() => decideReview(submitted, drafter, 'approve', undefined, 't2'))).toBe('document.selfReview')
    const first = decideReview(submitted, chief, 'approve', undefined, 't2')
    expect(first).toMatchObject({ status: 'in-review', review: { stepIndex: 1 } })
    const second = decideReview(first, citySecretary, 'approve', 'Đồng ý', 't3')
    expect(second.status).toBe('approved')
    expect(second.review!.history.map((h) => h.decision)).toEqual(['submit', 'approve', 'approve'])
  })

  it('sends a returned draft back to the drafter, and a resubmission starts again from the first step in a new round', () => {
    const submitted = submitDraft(draft(), steps, { userId: 'drafter', fullName: 'drafter' }, 't1')
    const returned = decideReview(decideReview(submitted, chief, 'approve', undefined, 't2'), citySecretary, 'return', 'Sửa lại', 't3')
    expect(returned.status).toBe('revising')

    const again = submitDraft(returned, steps, { userId: 'drafter', fullName: 'drafter' }, 't4')

    expect(again).toMatchObject({ status: 'in-review', review: { stepIndex: 0, round: 2 } })
  })

  it('approves at once with an empty chain, and refuses a submission without any file', () => {
    expect(submitDraft(draft(), [], { userId: 'drafter', fullName: 'drafter' }, 't').status).toBe('approved')
    expect(codeOf(() => submitDraft(draft({ versions: [] }), steps, { userId: 'drafter', fullName: 'drafter' }, 't'))).toBe('document.noVersion')
  })

  it('uses the unit leadership as the default chain', () => {
    const submitted = submitDraft(draft(), resolveChain(DEFAULT_CHAIN, 'p-hoankiem', index, TODAY), { userId: 'drafter', fullName: 'drafter' }, 't')
    expect(mayReviewNow(secretary, submitted)).toBe(true)
    expect(mayReviewNow(chief, submitted)).toBe(true)
    expect(mayReviewNow(drafter, submitted)).toBe(false)
  })

  it('refuses a parent step for the root unit', () => {
    expect(() => resolveChain([{ roles: ['secretary'], scope: 'parent' }], 'hn-tu', index, TODAY)).toThrow(RuleError)
  })
})

describe('states', () => {
  it('makes an issued document immutable (409)', () => {
    expect(() => assertMutable(draft({ status: 'issued', issued: { symbol: '01-CV/ĐU' } as OfficialDocument['issued'] }))).toThrow(ConflictError)
    expect(codeOf(() => assertMutable(draft({ status: 'issuing' })))).toBe('document.immutable')
    expect(() => assertMutable(draft())).not.toThrow()
  })

  it('refuses future dates for received documents, and a receipt before the document\'s own date', () => {
    expect(codeOf(() => assertReceivedDates('2026-01-16', '2026-01-15', TODAY))).toBe('document.dateInFuture')
    expect(codeOf(() => assertReceivedDates('2026-01-10', '2026-01-16', TODAY))).toBe('document.dateInFuture')
    expect(codeOf(() => assertReceivedDates('2026-01-10', '2026-01-09', TODAY))).toBe('document.receivedBeforeWritten')
    expect(() => assertReceivedDates('2026-01-15', '2026-01-15', TODAY)).not.toThrow()
  })

  it('turns an unreadable symbol into a 400 whose issue names the reason', () => {
    try {
      requireSymbol('57-XYZ/TW')
      throw new Error('expected a ValidationError')
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError)
      expect((err as ValidationError).issues).toEqual([{ path: 'symbol', code: 'symbol.unknownType', params: { path: 'symbol', input: '57-XYZ/TW', type: 'XYZ' } }])
    }
    expect(requireSymbol('57/NQ-TW')).toMatchObject({ canonical: '57-NQ/TW', key: '57nqtw' })
  })

  it('uses ForbiddenError for the wrong reviewer (403), not a conflict', () => {
    const submitted = submitDraft(draft(), resolveChain(DEFAULT_CHAIN, 'p-hoankiem', cityTree(), TODAY), { userId: 'drafter', fullName: 'drafter' }, 't')
    expect(() => decideReview(submitted, citySecretary, 'approve', undefined, 't')).toThrow(ForbiddenError)
  })
})
