/** Display labels for levels, kinds, roles and clearances from shared/org, in the UI language. */
import { useTranslation } from 'react-i18next'
import { LEVELS, UNIT_KINDS, levelById, levelInForce, type UnitKind } from '../../../shared/org/levels'
import { CLEARANCES, CLEARANCE_NAMES, ROLES, ROLE_IDS, roleTitle, type Clearance, type Role } from '../../../shared/org/roles'
import type { Lang } from '../../../shared/i18n/messages'
import type { UnitView } from '../../../shared/org/tree'
import { addDays, formatDate } from './dates'

export function levelLabel(id: string, lang: Lang): string {
  return levelById(id)?.name[lang] ?? id
}
export function kindLabel(id: string, lang: Lang): string {
  return (UNIT_KINDS as Record<string, { vi: string; en: string }>)[id]?.[lang] ?? id
}
/** A unit, when known, names its head's and deputy's titles: a board's deputy is "Phó Trưởng ban", never "Phó Bí thư". */
type RoleUnit = { kind: string; name?: string } | null | undefined
export function roleLabel(id: string, lang: Lang, unit?: RoleUnit): string {
  if (!(id in ROLES)) return id
  return roleTitle(id as Role, unit?.kind as UnitKind | undefined, unit?.name)[lang]
}
export function clearanceLabel(id: string, lang: Lang): string {
  return CLEARANCE_NAMES[id as Clearance]?.[lang] ?? id
}

export const levelOptions = (lang: Lang, onDate?: string, minRank = 0) =>
  LEVELS.filter((l) => l.rank >= minRank && (!onDate || levelInForce(l, onDate))).map((l) => ({ value: l.id, label: l.name[lang] }))
export const kindOptions = (lang: Lang) =>
  (Object.keys(UNIT_KINDS) as UnitKind[]).map((k) => ({ value: k, label: UNIT_KINDS[k][lang] }))
export const roleOptions = (lang: Lang, unit?: RoleUnit) => ROLE_IDS.map((r: Role) => ({ value: r, label: roleLabel(r, lang, unit) }))
export const clearanceOptions = (lang: Lang) => CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_NAMES[c][lang] }))

/** The UI language as 'vi' | 'en', re-rendering on change. */
export function useLang(): Lang {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'vi'
}

/** "Đã sáp nhập ngày 01/07/2025": the first day the unit no longer exists. */
export function endedText(unit: Pick<UnitView, 'validTo' | 'endedBy'>, t: (k: string, o?: Record<string, unknown>) => string, lang: 'vi' | 'en'): string | null {
  if (!unit.validTo) return null
  const date = formatDate(addDays(unit.validTo, 1), lang)
  return t(`units.ended.${unit.endedBy ?? 'other'}`, { date })
}
