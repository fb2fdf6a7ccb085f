/**
 * Confidentiality marks (độ mật). Documents marked MẬT, TỐI MẬT or TUYỆT MẬT
 * are never stored or processed on this Internet-facing platform: only a
 * metadata entry in the register, visible to users cleared for the mark.
 */
import { clearanceRank, type Clearance } from '../org/roles.js'
import type { Named } from './types.js'

export const CONFIDENTIALITY = ['none', 'mat', 'toi-mat', 'tuyet-mat'] as const
export type Confidentiality = (typeof CONFIDENTIALITY)[number]

export const CONFIDENTIALITY_NAMES: Record<Confidentiality, Named> = {
  none: { vi: 'Thường', en: 'Not classified' },
  mat: { vi: 'MẬT', en: 'Confidential' },
  'toi-mat': { vi: 'TỐI MẬT', en: 'Secret' },
  'tuyet-mat': { vi: 'TUYỆT MẬT', en: 'Top secret' },
}

/** The clearance needed to see a register entry with this mark (ordinary documents: internal). */
export const REQUIRED_CLEARANCE: Record<Confidentiality, Clearance> = {
  none: 'internal',
  mat: 'confidential',
  'toi-mat': 'secret',
  'tuyet-mat': 'top-secret',
}

export const isClassified = (c: Confidentiality): boolean => c !== 'none'

/** Classified documents: a register entry only, never content. */
export const contentAllowed = (c: Confidentiality): boolean => !isClassified(c)

export const requiredRank = (c: Confidentiality): number => clearanceRank(REQUIRED_CLEARANCE[c])

export const mayRead = (clearance: Clearance, c: Confidentiality): boolean => clearanceRank(clearance) >= requiredRank(c)
