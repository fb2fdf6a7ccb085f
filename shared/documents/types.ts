/**
 * Document types and issuer codes of Party documents (format guide
 * 36-HD/VPTW 2018; types by 399-QĐ/TW 2026). Tags as in DOMAIN.md: [V] seen
 * in a source, [R] unverified (kept, but only as data). Codes are matched
 * after folding, so "QD", "qd" and "QĐ" all find QĐ.
 */
import { fold } from '../text/fold.js'

export type { Named } from '../i18n/named.js'
import type { Named } from '../i18n/named.js'
export interface DocumentType {
  /** Canonical code as written in a symbol: NQ, QĐ, QĐi, CTr ... */
  readonly code: string
  readonly name: Named
  readonly certainty: 'V' | 'R'
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { code: 'NQ', name: { vi: 'Nghị quyết', en: 'Resolution' }, certainty: 'V' },
  { code: 'QĐ', name: { vi: 'Quyết định', en: 'Decision' }, certainty: 'V' },
  { code: 'QĐi', name: { vi: 'Quy định', en: 'Regulation' }, certainty: 'V' },
  { code: 'CT', name: { vi: 'Chỉ thị', en: 'Directive' }, certainty: 'V' },
  { code: 'KL', name: { vi: 'Kết luận', en: 'Conclusion' }, certainty: 'V' },
  { code: 'QC', name: { vi: 'Quy chế', en: 'Rules of procedure' }, certainty: 'V' },
  { code: 'HD', name: { vi: 'Hướng dẫn', en: 'Guidance' }, certainty: 'V' },
  { code: 'TB', name: { vi: 'Thông báo', en: 'Notice' }, certainty: 'V' },
  { code: 'BC', name: { vi: 'Báo cáo', en: 'Report' }, certainty: 'V' },
  { code: 'KH', name: { vi: 'Kế hoạch', en: 'Plan' }, certainty: 'V' },
  { code: 'CTr', name: { vi: 'Chương trình', en: 'Programme' }, certainty: 'V' },
  { code: 'TTr', name: { vi: 'Tờ trình', en: 'Submission' }, certainty: 'V' },
  { code: 'CV', name: { vi: 'Công văn', en: 'Official letter' }, certainty: 'V' },
  { code: 'BB', name: { vi: 'Biên bản', en: 'Minutes' }, certainty: 'V' },
  { code: 'TT', name: { vi: 'Thông tri', en: 'Circular notice' }, certainty: 'R' },
  { code: 'ĐA', name: { vi: 'Đề án', en: 'Scheme' }, certainty: 'R' },
  { code: 'PA', name: { vi: 'Phương án', en: 'Option paper' }, certainty: 'R' },
  { code: 'GGT', name: { vi: 'Giấy giới thiệu', en: 'Letter of introduction' }, certainty: 'R' },
  { code: 'GM', name: { vi: 'Giấy mời', en: 'Invitation' }, certainty: 'R' },
]

/** Types seen in state-style symbols ("30/2020/NĐ-CP", "724/HD-TCQT") that Party style does not use. */
export const STATE_ONLY_TYPES: readonly DocumentType[] = [
  { code: 'NĐ', name: { vi: 'Nghị định', en: 'Decree' }, certainty: 'V' },
  { code: 'QH', name: { vi: 'Luật / Nghị quyết Quốc hội', en: 'Law / National Assembly resolution' }, certainty: 'R' },
]

export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [string, ...string[]]

export interface IssuerCode {
  readonly code: string
  readonly name: Named
  /** Historic codes (district level, abolished 2025-07-01) stay valid for look-ups, not for new documents. */
  readonly validTo?: string
}

export const ISSUER_CODES: readonly IssuerCode[] = [
  { code: 'TW', name: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' } },
  { code: 'VPTW', name: { vi: 'Văn phòng Trung ương Đảng', en: 'Party Central Office' } },
  { code: 'BTCTW', name: { vi: 'Ban Tổ chức Trung ương', en: 'Central Organisation Commission' } },
  { code: 'UBKTTW', name: { vi: 'Ủy ban Kiểm tra Trung ương', en: 'Central Inspection Commission' } },
  { code: 'TU', name: { vi: 'Tỉnh ủy / Thành ủy', en: 'Provincial / City Party Committee' } },
  { code: 'VPTU', name: { vi: 'Văn phòng Tỉnh ủy / Thành ủy', en: 'Office of the Provincial / City Party Committee' } },
  { code: 'BTCTU', name: { vi: 'Ban Tổ chức Tỉnh ủy / Thành ủy', en: 'Organisation Board of the Provincial / City Committee' } },
  { code: 'UBKTTU', name: { vi: 'Ủy ban Kiểm tra Tỉnh ủy / Thành ủy', en: 'Inspection Commission of the Provincial / City Committee' } },
  // The boards merged in 2025 (Kết luận 121-KL/TW): propaganda and mass mobilisation became one board, centrally and in each province. [R]
  { code: 'BTGDVTW', name: { vi: 'Ban Tuyên giáo và Dân vận Trung ương', en: 'Central Propaganda and Mass Mobilisation Commission' } },
  { code: 'BTGDVTU', name: { vi: 'Ban Tuyên giáo và Dân vận Tỉnh ủy / Thành ủy', en: 'Propaganda and Mass Mobilisation Board of the Provincial / City Committee' } },
  { code: 'BNCTW', name: { vi: 'Ban Nội chính Trung ương', en: 'Central Internal Affairs Commission' } },
  { code: 'BNCTU', name: { vi: 'Ban Nội chính Tỉnh ủy / Thành ủy', en: 'Internal Affairs Board of the Provincial / City Committee' } },
  { code: 'BCSĐ', name: { vi: 'Ban cán sự đảng', en: 'Party delegation' } },
  { code: 'ĐĐ', name: { vi: 'Đảng đoàn', en: 'Party caucus' } },
  // Before the merger: cited by older documents, not issued any more. [R] the day differs by province; the central merger took effect in February 2025.
  { code: 'BTGTW', name: { vi: 'Ban Tuyên giáo Trung ương', en: 'Central Propaganda Commission' }, validTo: '2025-02-28' },
  { code: 'BDVTW', name: { vi: 'Ban Dân vận Trung ương', en: 'Central Mass Mobilisation Commission' }, validTo: '2025-02-28' },
  { code: 'BTGTU', name: { vi: 'Ban Tuyên giáo Tỉnh ủy / Thành ủy', en: 'Propaganda Board of the Provincial / City Committee' }, validTo: '2025-02-28' },
  { code: 'BDVTU', name: { vi: 'Ban Dân vận Tỉnh ủy / Thành ủy', en: 'Mass Mobilisation Board of the Provincial / City Committee' }, validTo: '2025-02-28' },
  { code: 'ĐU', name: { vi: 'Đảng ủy', en: 'Party Committee' } },
  { code: 'CB', name: { vi: 'Chi bộ', en: 'Party cell' } },
  { code: 'QU', name: { vi: 'Quận ủy', en: 'Urban district Party Committee' }, validTo: '2025-06-30' },
  { code: 'HU', name: { vi: 'Huyện ủy', en: 'Rural district Party Committee' }, validTo: '2025-06-30' },
]

const typeByFold = new Map([...DOCUMENT_TYPES, ...STATE_ONLY_TYPES].map((t) => [fold(t.code), t]))
const partyTypeByFold = new Map(DOCUMENT_TYPES.map((t) => [fold(t.code), t]))
const issuerByFold = new Map(ISSUER_CODES.map((i) => [fold(i.code), i]))

/** "qd" → QĐ, "Ctr" → CTr; `partyOnly` excludes the state-only types. */
export function findType(code: string, partyOnly = false): DocumentType | undefined {
  return (partyOnly ? partyTypeByFold : typeByFold).get(fold(code))
}

export function findIssuer(code: string): IssuerCode | undefined {
  return issuerByFold.get(fold(code))
}

export function typeName(code: string, lang: 'vi' | 'en' = 'vi'): string {
  return findType(code)?.name[lang] ?? code
}
