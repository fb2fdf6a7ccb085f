/**
 * The signing authority line above a signature (thể thức ký; DOMAIN.md §2
 * "Signing authority", guide 36-HD/VPTW) [V]: collective bodies (a Party
 * committee, a cell, the inspection commission) sign on behalf, "T/M BAN
 * THƯỜNG VỤ" over "BÍ THƯ" or "PHÓ BÍ THƯ" (never "K/T BÍ THƯ"), "T/M ỦY BAN
 * KIỂM TRA" over "CHỦ NHIỆM", a deputy chair "K/T CHỦ NHIỆM / PHÓ CHỦ NHIỆM";
 * advisory agencies (the boards: Ban Tổ chức, Ban Tuyên giáo và Dân vận...,
 * and the Office) are not collective bodies: their head signs directly
 * ("TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"), a deputy signs K/T ("K/T TRƯỞNG BAN /
 * PHÓ TRƯỞNG BAN"). T/L (thừa lệnh) by delegation [R]: the office chief signs
 * a committee's document "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG". Party style
 * writes the slash ("T/M"), state style "TM." (the Front and the
 * socio-political organisations, whose heads are chairs, never secretaries —
 * except the Youth Union, whose head is its Bí thư [R]).
 *
 * Roles in shared/org are generic ("secretary" is the head of whatever unit
 * holds it, "deputy-secretary" its deputy); the titles here follow the unit.
 */
import { bodyOf, type Body } from '../org/bodies.js'
import type { UnitKind } from '../org/levels.js'
import type { Role } from '../org/roles.js'
import type { SymbolStyle } from './symbols.js'

export interface BodyTitles {
  /** The head's and the deputy's titles, as written above the name. */
  head: string
  deputy: string
  /** A collective body signs "T/M <collective>" over its head's or deputy's title. */
  collective?: string
  /** A deputy of this collective body signs K/T the head (the inspection commission) instead of T/M. */
  deputyKt?: boolean
}

export const BODY_TITLES: Readonly<Record<Body, BodyTitles>> = {
  committee: { head: 'BÍ THƯ', deputy: 'PHÓ BÍ THƯ', collective: 'BAN THƯỜNG VỤ' },
  cell: { head: 'BÍ THƯ', deputy: 'PHÓ BÍ THƯ', collective: 'CHI BỘ' },
  inspection: { head: 'CHỦ NHIỆM', deputy: 'PHÓ CHỦ NHIỆM', collective: 'ỦY BAN KIỂM TRA', deputyKt: true },
  board: { head: 'TRƯỞNG BAN', deputy: 'PHÓ TRƯỞNG BAN' },
  office: { head: 'CHÁNH VĂN PHÒNG', deputy: 'PHÓ CHÁNH VĂN PHÒNG' },
  // [R]: the Front's and the unions' own format rules are not in DOMAIN.md; the chair signs directly.
  front: { head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH' },
  youth: { head: 'BÍ THƯ', deputy: 'PHÓ BÍ THƯ', collective: 'BAN THƯỜNG VỤ' },
}

/** Every title a signature block may carry, for finding it in a text. */
export const ALL_TITLES: readonly string[] = [...new Set(Object.values(BODY_TITLES).flatMap((t) => [t.head, t.deputy]))]

export type Holder = 'head' | 'deputy' | 'delegate'

const mark = (style: SymbolStyle, m: 'T/M' | 'K/T' | 'T/L') => (style === 'party' ? m : `${m.replace('/', '')}.`)

/** The lines (top to bottom) a body's head, deputy or delegate (T/L, the office chief) writes above the name. */
export function authorityLines(body: Body, holder: Holder, style: SymbolStyle = 'party'): string[] {
  const t = BODY_TITLES[body]
  if (holder === 'delegate') return [`${mark(style, 'T/L')} ${t.collective ?? t.head}`, 'CHÁNH VĂN PHÒNG']
  if (holder === 'head') return t.collective ? [`${mark(style, 'T/M')} ${t.collective}`, t.head] : [t.head]
  if (t.collective && !t.deputyKt) return [`${mark(style, 'T/M')} ${t.collective}`, t.deputy]
  return [`${mark(style, 'K/T')} ${t.head}`, t.deputy]
}

const HOLDERS: Partial<Record<Role, Holder>> = { secretary: 'head', 'deputy-secretary': 'deputy', 'office-chief': 'delegate' }

/**
 * Title lines (joined by "\n") for a signer holding `role` in a unit of
 * `kind` (named `name`). The office chief is the head of an office, and
 * signs any other body's document by delegation (T/L).
 */
export function signingTitle(kind: UnitKind, role: Role, style: SymbolStyle = 'party', name = ''): string | undefined {
  const body = bodyOf(kind, name)
  let holder = HOLDERS[role]
  if (!holder) return undefined
  if (holder === 'delegate' && body === 'office') holder = 'head'
  return authorityLines(body, holder, style).join('\n')
}
