/**
 * Administrative levels and unit kinds are configuration with effective dates,
 * not code: the district level existed until 2025-06-30 (abolished from
 * 1 July 2025); old units stay readable with their historic level.
 */
export interface LevelDefinition {
  readonly id: string
  /** 0 = highest. A unit's level rank is never above (smaller than) its parent's. */
  readonly rank: number
  readonly name: { readonly vi: string; readonly en: string }
  readonly validFrom: string
  readonly validTo?: string
}

export const LEVELS: readonly LevelDefinition[] = [
  { id: 'central', rank: 0, name: { vi: 'Trung ương', en: 'Central' }, validFrom: '1930-02-03' },
  { id: 'city', rank: 1, name: { vi: 'Tỉnh/Thành phố', en: 'Province/City' }, validFrom: '1930-02-03' },
  { id: 'district', rank: 2, name: { vi: 'Quận/Huyện', en: 'District' }, validFrom: '1930-02-03', validTo: '2025-06-30' },
  { id: 'commune', rank: 3, name: { vi: 'Xã/Phường', en: 'Commune/Ward' }, validFrom: '1930-02-03' },
  { id: 'grassroots', rank: 4, name: { vi: 'Cơ sở', en: 'Grassroots' }, validFrom: '1930-02-03' },
  { id: 'cell', rank: 5, name: { vi: 'Chi bộ', en: 'Cell' }, validFrom: '1930-02-03' },
]

export const UNIT_KINDS = {
  'party-committee': { vi: 'Cấp ủy', en: 'Party committee' },
  'advisory-board': { vi: 'Ban tham mưu', en: 'Advisory board' },
  office: { vi: 'Văn phòng', en: 'Office' },
  'inspection-commission': { vi: 'Ủy ban kiểm tra', en: 'Inspection commission' },
  front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  'socio-political': { vi: 'Tổ chức chính trị - xã hội', en: 'Socio-political organisation' },
  'grassroots-organisation': { vi: 'Tổ chức cơ sở đảng', en: 'Grassroots Party organisation' },
  cell: { vi: 'Chi bộ', en: 'Party cell' },
} as const
export type UnitKind = keyof typeof UNIT_KINDS
export const UNIT_KIND_IDS = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]]

export function levelById(id: string): LevelDefinition | undefined {
  return LEVELS.find((l) => l.id === id)
}

export function levelInForce(level: LevelDefinition, date: string): boolean {
  return level.validFrom <= date && (!level.validTo || date <= level.validTo)
}
