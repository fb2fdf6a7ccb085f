/**
 * The signing authority line above a signature (thể thức ký) [V]: collective
 * bodies (a Party committee) sign "T/M BAN THƯỜNG VỤ" over the secretary's or
 * deputy's title (never "K/T BÍ THƯ"); the head of an advisory agency or
 * office signs directly. Party style writes the slash ("T/M"), state style
 * "TM.".
 */
import type { UnitKind } from '../org/levels.js'
import type { Role } from '../org/roles.js'
import type { SymbolStyle } from './symbols.js'

const TITLES: Partial<Record<Role, string>> = {
  secretary: 'BÍ THƯ',
  'deputy-secretary': 'PHÓ BÍ THƯ',
  'office-chief': 'CHÁNH VĂN PHÒNG',
}

const COLLECTIVE: readonly UnitKind[] = ['party-committee', 'grassroots-organisation', 'cell']

/** Title lines (joined by "\n") for a signer holding `role` in a unit of `kind`. */
export function signingTitle(kind: UnitKind, role: Role, style: SymbolStyle = 'party'): string | undefined {
  const title = TITLES[role]
  if (!title) return undefined
  if (!COLLECTIVE.includes(kind) || role === 'office-chief') return title
  const body = kind === 'cell' ? 'CHI BỘ' : 'BAN THƯỜNG VỤ'
  return `${style === 'party' ? 'T/M' : 'TM.'} ${body}\n${title}`
}
