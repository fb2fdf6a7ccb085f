/**
 * What kind of body a unit is for the titles of its people and the form of
 * its signatures (DOMAIN.md §1 "Who uses it", §2 "Signing authority"): a
 * Party committee or cell (collective, led by a Bí thư), the inspection
 * commission (collective, led by a Chủ nhiệm), an advisory board (Ban Tổ
 * chức, Ban Tuyên giáo và Dân vận...: a Trưởng ban), the Office (a Chánh Văn
 * phòng), the Fatherland Front and the socio-political organisations (a Chủ
 * tịch; the Youth Union alone is led by a Bí thư [R]). A board's deputy head
 * is a Phó Trưởng ban, never a Phó Bí thư.
 */
import { fold } from '../text/fold.js'
import type { UnitKind } from './levels.js'

export type Body = 'committee' | 'cell' | 'inspection' | 'board' | 'office' | 'front' | 'youth'

const YOUTH = /(doan thanh nien|thanh doan|tinh doan|doan tncs)/

/** The body a unit of `kind` is (its name tells the Youth Union from the other organisations). */
export function bodyOf(kind: UnitKind, name = ''): Body {
  switch (kind) {
    case 'party-committee': case 'grassroots-organisation': return 'committee'
    case 'cell': return 'cell'
    case 'inspection-commission': return 'inspection'
    case 'advisory-board': return 'board'
    case 'office': return 'office'
    case 'front': return 'front'
    case 'socio-political': return YOUTH.test(fold(name)) ? 'youth' : 'front'
  }
}

/**
 * The body an issuing-body line names ("BAN TỔ CHỨC", "ỦY BAN KIỂM TRA",
 * "THÀNH ỦY"), when its unit is not known. Undefined: cannot tell.
 */
export function bodyOfName(text: string): Body | undefined {
  const f = fold(text)
  if (/^uy ban kiem tra\b/.test(f)) return 'inspection'
  if (/^chi bo\b/.test(f)) return 'cell'
  if (/^(ban chap hanh|ban thuong vu|ban can su|dang doan|thanh uy|tinh uy|dang uy|huyen uy|quan uy|thi uy|dang bo)\b/.test(f)) return 'committee'
  if (/^van phong\b/.test(f)) return 'office'
  if (YOUTH.test(f)) return 'youth'
  if (/^ban\s/.test(f)) return 'board'
  if (/^(uy ban )?(mat tran|mttq)\b|^(hoi|lien doan|hoi lien hiep)\b/.test(f)) return 'front'
  return undefined
}

type Label = { vi: string; en: string }

/** The head's and the deputy's titles in each body, for people's labels. */
export const BODY_ROLE_TITLES: Readonly<Record<Body, { head: Label; deputy: Label }>> = {
  committee: { head: { vi: 'Bí thư', en: 'Secretary' }, deputy: { vi: 'Phó Bí thư', en: 'Deputy secretary' } },
  cell: { head: { vi: 'Bí thư', en: 'Secretary' }, deputy: { vi: 'Phó Bí thư', en: 'Deputy secretary' } },
  inspection: { head: { vi: 'Chủ nhiệm', en: 'Chair' }, deputy: { vi: 'Phó Chủ nhiệm', en: 'Deputy chair' } },
  board: { head: { vi: 'Trưởng ban', en: 'Head of the board' }, deputy: { vi: 'Phó Trưởng ban', en: 'Deputy head of the board' } },
  office: { head: { vi: 'Chánh Văn phòng', en: 'Office chief' }, deputy: { vi: 'Phó Chánh Văn phòng', en: 'Deputy office chief' } },
  front: { head: { vi: 'Chủ tịch', en: 'President' }, deputy: { vi: 'Phó Chủ tịch', en: 'Vice-president' } },
  youth: { head: { vi: 'Bí thư', en: 'Secretary' }, deputy: { vi: 'Phó Bí thư', en: 'Deputy secretary' } },
}
