import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/auth/policy.js'
import { DOCUMENT_PERMISSIONS, REVIEW_ROLES, clearedFor, documentPolicy } from '../../../shared/documents/policy.js'
import { REQUIRED_CLEARANCE, contentAllowed, isClassified } from '../../../shared/documents/confidentiality.js'
import { ForbiddenError } from '../../../shared/errors/index.js'
import { ROLE_IDS, type Clearance } from '../../../shared/org/roles.js'
import { cityTree } from '../support/units.js'
const { authorize: authorizeDocument, can: canDocument, reach: documentReach } = documentPolicy

const TODAY = '2026-01-15'
const actor = (assignments: Actor['assignments'], clearance: Clearance = 'internal'): Actor => ({ userId: 'u', username: 'u', fullName: 'U', clearance, mfa: false, assignments })

describe('document permissions', () => {
  const index = cityTree()

  it('gives every role reading, and only the listed roles anything else', () => {
    expect(ROLE_IDS.every((r) => DOCUMENT_PERMISSIONS[r].includes('document.read'))).toBe(true)
    expect(DOCUMENT_PERMISSIONS.clerk).toEqual(['document.read', 'document.register'])
    expect(DOCUMENT_PERMISSIONS.member).toEqual(['document.read'])
    expect(REVIEW_ROLES.sort()).toEqual(['admin', 'deputy-secretary', 'office-chief', 'secretary'])
  })

  it('lets the leadership sign, never an administrator, a clerk or a specialist', () => {
    const signers = ROLE_IDS.filter((r) => DOCUMENT_PERMISSIONS[r].includes('document.sign')).sort()
    expect(signers).toEqual(['deputy-secretary', 'office-chief', 'secretary'])
  })

  it('applies a role to the unit and its subtree only', () => {
    const clerk = actor([{ unitId: 'p-hoankiem', role: 'clerk' }])
    expect(canDocument(clerk, 'document.register', 'cb-hangdao', index, TODAY)).toBe(true)
    expect(canDocument(clerk, 'document.register', 'p-badinh', index, TODAY)).toBe(false)
    expect(() => authorizeDocument(clerk, 'document.direct', 'p-hoankiem', index, TODAY)).toThrow(ForbiddenError)
    expect([...documentReach(clerk, 'document.read', index, TODAY)].sort()).toEqual(['cb-hangbac', 'cb-hangdao', 'p-hoankiem'])
  })

  it('keeps the fonds of an ended unit readable from above', () => {
    const city = actor([{ unitId: 'hn-tu', role: 'inspector' }])
    expect(documentReach(city, 'document.read', index, TODAY).has('q-hoankiem')).toBe(true)
  })
})

describe('confidentiality', () => {
  it('allows no content for MẬT and above, and needs the matching clearance to see the entry', () => {
    expect(contentAllowed('none')).toBe(true)
    expect(['mat', 'toi-mat', 'tuyet-mat'].every((c) => isClassified(c as never) && !contentAllowed(c as never))).toBe(true)
    expect(REQUIRED_CLEARANCE).toEqual({ none: 'internal', mat: 'confidential', 'toi-mat': 'secret', 'tuyet-mat': 'top-secret' })
    expect(clearedFor({ clearance: 'internal' }, 'mat')).toBe(false)
    expect(clearedFor({ clearance: 'confidential' }, 'mat')).toBe(true)
    expect(clearedFor({ clearance: 'confidential' }, 'toi-mat')).toBe(false)
    expect(clearedFor({ clearance: 'public' }, 'none')).toBe(false)
  })
})
