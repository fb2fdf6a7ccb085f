/**
 * Metadata of a Party document read from the text of its scanned pages, by
 * the format rules of guide 36-HD/VPTW (DOMAIN.md §2): issuing body under
 * the national header, "Số <num>-<TYPE>/<ISSUER>", the place-and-date line,
 * the type name and its summary (trích yếu, "V/v" for công văn), the
 * signing block, and a confidentiality mark. Every field carries a
 * confidence in [0, 1]: the OCR engine's confidence in the lines it came
 * from times how well the text fits the rule. Pure: used by the pipeline and
 * by the bench.
 */
import { fold } from '../text/fold.js'
import { canonical, parseSymbol } from '../documents/symbols.js'
import { DOCUMENT_TYPES, findType } from '../documents/types.js'
import { markOfLine } from '../documents/marks.js'

/** One line of recognised text and the engine's confidence in it (0..1). */
export interface OcrLine { text: string; confidence: number }

export const FIELD_NAMES = ['issuer', 'symbol', 'date', 'type', 'summary', 'signer', 'confidentiality'] as const
export type FieldName = (typeof FIELD_NAMES)[number]
export interface ExtractedField { value: string | null; confidence: number }
export type ExtractedFields = Record<FieldName, ExtractedField>

/** Below this a field waits for a clerk in the verification queue. */
export const CONFIDENCE_THRESHOLD = 0.8

const NATIONAL_HEADER = 'dang cong san viet nam'
/** The national header as OCR reads it from a bold heading ("PANG CỘNG SAN VIỆT NAM"). */
const HEADER_RE = /\b[a-z]{3,5} cong san viet nam\b/
const isHeader = (s: string): boolean => HEADER_RE.test(bare(s)) || bare(s) === NATIONAL_HEADER
const DATE_RE = /^(.*?)[,.]?\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/
const AUTHORITY_RE = /^(t\/m|k\/t|t\/l|tm\.|kt\.|tl\.)\s/
const TYPES_BY_NAME = DOCUMENT_TYPES.map((t) => ({ code: t.code, folded: fold(t.name.vi) }))

const round = (n: number): number => Math.round(Math.max(0, Math.min(1, n)) * 1000) / 1000
const field = (value: string | null, confidence: number): ExtractedField => ({ value, confidence: value === null ? 0 : round(confidence) })
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim()
/** Letters only, folded: "— MẬT —" → "mat". */
const bare = (s: string): string => fold(s).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim()
const isUpper = (s: string): boolean => /\p{L}/u.test(s) && s === s.toUpperCase()

/**
 * The confidentiality mark: a line that is only "MẬT", "TỐI MẬT" or "TUYỆT
 * MẬT" (in capitals, as stamped), or such a mark standing apart at the end
 * of a line that shares the row with the number. Body text that says "bí
 * mật" is not a mark.
 */
export function findConfidentiality(lines: readonly OcrLine[]): ExtractedField {
  for (const l of lines) {
    const mark = markOfLine(clean(l.text))
    if (mark) return field(mark, l.confidence)
  }
  return { value: 'none', confidence: lines.length ? round(Math.min(1, average(lines) + 0.05)) : 0 }
}

export interface ExtractedMetadata {
  fields: ExtractedFields
  /** Canonical type code, when the symbol or the title gives it. */
  typeCode?: string
  /** ISO date of the document, when the date line reads. */
  documentDate?: string
}

/** Reads the fields of one document from its lines, in reading order. */
export function extractMetadata(lines: readonly OcrLine[]): ExtractedMetadata {
  // Two columns printed on one row come out as one line with a wide gap: split there first.
  const rows = lines.flatMap((l) => l.text.split(/\s{3,}|\t/).map((t) => ({ ...l, text: clean(t) }))).filter((l) => l.text.length > 0)
  const parts = rows.flatMap((l) => splitColumns(l))
  const headerIdx = parts.findIndex((p) => isHeader(p.text))
  const symbolIdx = parts.findIndex((p) => /^so\s*:?\s*\d/.test(fold(p.text)))
  const dateIdx = parts.findIndex((p) => DATE_RE.test(fold(p.text)))

  // Number and symbol.
  let symbol = field(null, 0)
  let symbolType: string | undefined
  if (symbolIdx >= 0) {
    const raw = parts[symbolIdx].text.replace(/^s[ốo]\s*:?\s*/iu, '')
    const parsed = parseSymbol(raw)
    if (parsed.ok) { symbol = field(canonical(parsed.symbol), parts[symbolIdx].confidence); symbolType = parsed.symbol.type }
    else symbol = field(clean(raw), parts[symbolIdx].confidence * 0.3)
  }

  // Place and date.
  let date = field(null, 0)
  let documentDate: string | undefined
  if (dateIdx >= 0) {
    const m = DATE_RE.exec(fold(parts[dateIdx].text))!
    const [d, mo, y] = [Number(m[2]), Number(m[3]), Number(m[4])]
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    const valid = !Number.isNaN(Date.parse(iso)) && new Date(`${iso}T00:00:00Z`).getUTCDate() === d && y >= 1930 && y <= 2100
    date = field(valid ? iso : null, valid ? parts[dateIdx].confidence : 0)
    if (valid) documentDate = iso
  }

  // Issuing body: the capitals above the number, without the national header and the "*". The block's first line
  // names the superior body (36-HD/VPTW: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"); the issuer is the line under it (a long name
  // wrapped onto two lines is joined). A block of one line is the issuer itself ("BAN CHẤP HÀNH TRUNG ƯƠNG").
  const top = parts.slice(0, symbolIdx >= 0 ? symbolIdx : Math.min(parts.length, 4))
  const blockLines = top.filter((p, i) => i !== headerIdx && isUpper(p.text) && bare(p.text).length > 1
    && !isHeader(p.text) && !markOfLine(p.text) && !/^[*\s]+$/.test(p.text))
  const issuerLines = blockLines.length > 1 ? blockLines.slice(1) : blockLines
  const issuer = issuerLines.length
    ? field(issuerLines.map((p) => correctHeading(p.text.replace(/\s*\*\s*$/, ''))).join(' '), Math.min(...issuerLines.map((p) => p.confidence)))
    : field(null, 0)

  // Type name and summary: the title in capitals after the date, then its summary lines; a công văn has "V/v ...".
  const after = parts.slice(Math.max(symbolIdx, dateIdx, headerIdx) + 1)
  let type = field(null, 0)
  let typeCode: string | undefined = symbolType
  let summary = field(null, 0)
  const vvIdx = after.findIndex((p) => /^v\/v\b/.test(fold(p.text)))
  const titleIdx = after.findIndex((p) => isUpper(p.text) && TYPES_BY_NAME.some((t) => bare(p.text) === t.folded))
  if (titleIdx >= 0 && (vvIdx < 0 || titleIdx < vvIdx)) {
    const title = TYPES_BY_NAME.find((t) => bare(after[titleIdx].text) === t.folded)!
    const agrees = !symbolType || symbolType === title.code || (symbolType === 'QĐ' && title.code === 'QĐi')
    typeCode = symbolType ?? title.code
    type = field(findType(typeCode)!.code, after[titleIdx].confidence * (agrees ? 1 : 0.5))
    const body = takeSummary(after.slice(titleIdx + 1))
    if (body.length) summary = field(body.map((p) => p.text).join(' '), Math.min(...body.map((p) => p.confidence)) * 0.95)
  } else if (vvIdx >= 0) {
    typeCode = symbolType ?? 'CV'
    type = field(typeCode, (symbolType ? 1 : 0.6) * after[vvIdx].confidence)
    const body = [after[vvIdx], ...takeSummary(after.slice(vvIdx + 1), true)]
    summary = field(body.map((p) => p.text).join(' ').replace(/^V\/v\s*/i, '').trim() || null, Math.min(...body.map((p) => p.confidence)) * 0.95)
  } else if (symbolType) {
    type = field(symbolType, symbol.confidence * 0.7)
  }

  return { fields: { issuer, symbol, date, type, summary, signer: findSigner(parts), confidentiality: findConfidentiality(rows) }, typeCode, documentDate }
}

/**
 * Words of issuing-body headings. OCR of bold capitals often drops or
 * confuses the marks ("THANH ỦY", "PHO", "PANG" for ĐẢNG); a heading word
 * whose folded form is one of these (or is one with Đ read as P) is
 * written as the lexicon has it.
 */
const HEADING_WORDS = [
  'ĐẢNG', 'BỘ', 'ỦY', 'THÀNH', 'PHỐ', 'TỈNH', 'PHƯỜNG', 'XÃ', 'THỊ', 'TRẤN', 'QUẬN', 'HUYỆN', 'CHI', 'BAN', 'THƯỜNG', 'VỤ',
  'CHẤP', 'HÀNH', 'TRUNG', 'ƯƠNG', 'VĂN', 'PHÒNG', 'TỔ', 'CHỨC', 'KIỂM', 'TRA', 'TUYÊN', 'GIÁO', 'DÂN', 'VẬN', 'KHU', 'CƠ', 'SỞ',
  'HÀ', 'NỘI', 'HOÀN', 'KIẾM', 'ĐÌNH', 'CỬA', 'NAM', 'NGỌC', 'HẢI', 'CHÍNH', 'TRỊ', 'MINH',
]
const HEADING_BY_FOLD = new Map(HEADING_WORDS.map((w) => [fold(w), w]))

export function correctHeading(text: string): string {
  return text.split(' ').map((w) => {
    if (!isUpper(w) || !/^\p{L}+$/u.test(w)) return w
    const f = fold(w)
    return HEADING_BY_FOLD.get(f) ?? (f.startsWith('p') ? HEADING_BY_FOLD.get(`d${f.slice(1)}`) : undefined) ?? w
  }).join(' ')
}

const SUMMARY_LINES = 5
/** The summary runs from the title to the first line that starts the body (sentence case after a short title block). */
function takeSummary(rest: OcrLine[], vv = false): OcrLine[] {
  const out: OcrLine[] = []
  for (const p of rest) {
    const f = fold(p.text)
    if (/^[-–]{2,}|^-+$/.test(p.text) || /^(kinh gui|can cu|noi nhan)/.test(f)) break
    if (!vv && out.length > 0 && !isUpper(p.text) && /[.:;]$/.test(out[out.length - 1].text)) break
    // The V/v block sits in the narrow left column: a full-width line is the body.
    if (vv && (out.length >= 4 || p.text.length > 55)) break
    if (!vv && out.length >= SUMMARY_LINES) break
    if (vv && (isUpper(p.text) || /^(kinh gui)/.test(f))) break
    // A sentence-case summary wrapped onto more lines goes on in lower case ("về tăng cường công tác … / trong các
    // cơ quan đảng"); the body starts with a capital ("Thực hiện …").
    const last = out[out.length - 1]
    if (!vv && last && !isUpper(last.text) && !/^\p{Ll}/u.test(p.text)) break
    out.push(p)
  }
  return out
}

/**
 * The signer: the full name written under the signing authority (T/M, K/T,
 * T/L) and the title, before "Nơi nhận" or after it at the page's foot.
 */
export function findSigner(parts: readonly OcrLine[]): ExtractedField {
  const authority = parts.findIndex((p) => AUTHORITY_RE.test(fold(p.text)))
  const start = authority >= 0 ? authority + 1 : Math.max(0, parts.length - 8)
  for (let i = start; i < parts.length; i++) {
    const t = parts[i].text.replace(/\(.*?\)/g, '').trim()
    if (isPersonName(t)) return field(t, parts[i].confidence * (authority >= 0 ? 1 : 0.6))
  }
  return field(null, 0)
}

/** 2–6 words, each a capitalised Vietnamese word ("Nguyễn Văn An"), not a heading in capitals. */
function isPersonName(t: string): boolean {
  const words = t.split(' ')
  if (words.length < 2 || words.length > 6 || isUpper(t)) return false
  if (/^(noi|kinh|luu|nhu|v\/v)\b/.test(fold(t))) return false
  return words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))
}

/** A row holding both header columns: "ĐẢNG BỘ ... ĐẢNG CỘNG SẢN VIỆT NAM", "Số 42-CT/TU Hà Nội, ngày ..." → two parts. */
function splitColumns(l: OcrLine): OcrLine[] {
  const t = l.text
  const f = fold(t)
  // Folding keeps one character per character, so positions in the folded text are positions in the text.
  const hm = /[a-z]{3,5} cong san viet nam/.exec(f)
  if (hm && hm.index > 0) return [{ ...l, text: t.slice(0, hm.index).trim() }, { ...l, text: t.slice(hm.index).trim() }].filter((p) => p.text)
  if (hm && f.length > hm[0].length + 2) return [{ ...l, text: t.slice(0, hm[0].length).trim() }, { ...l, text: t.slice(hm[0].length).trim() }]
  const d = /\S+(\s+\S+)*?,\s*ngay\s+\d/.exec(f)
  if (d && d.index > 0 && /^so\b/.test(f)) {
    const comma = f.indexOf(',', d.index)
    const placeStart = f.lastIndexOf('  ', comma) >= 0 ? f.lastIndexOf('  ', comma) : placeStartOf(f, comma)
    if (placeStart > 0) return [{ ...l, text: t.slice(0, placeStart).trim() }, { ...l, text: t.slice(placeStart).trim() }]
  }
  return [l]
}

/** Where the place name before ", ngày" begins on a row that starts with the number: after the symbol token. */
function placeStartOf(f: string, comma: number): number {
  const m = /^so\s*:?\s*\S+\s+/.exec(f)
  return m && m[0].length < comma ? m[0].length : -1
}

function average(lines: readonly OcrLine[]): number {
  return lines.reduce((s, l) => s + l.confidence, 0) / lines.length
}

/** Fields a clerk must look at: low confidence or not found. */
export function fieldsToVerify(fields: ExtractedFields): FieldName[] {
  return FIELD_NAMES.filter((n) => fields[n].confidence < CONFIDENCE_THRESHOLD)
}

/** Does the text look like the first page of a document (the national header or a number line near the top)? */
export function startsDocument(lines: readonly OcrLine[]): boolean {
  const head = lines.slice(0, 8).map((l) => fold(l.text))
  return head.some((t) => HEADER_RE.test(t.replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' '))) || head.some((t) => /^so\s*:?\s*\d+\s*[-/]/.test(t))
}

/**
 * Groups pages into documents: a document starts at a page that looks like a
 * first page; pages without text are left out (reported on their own);
 * pages before any first page form a document of their own.
 */
export function segmentPages<P extends { pageNo: number; lines: readonly OcrLine[] }>(pages: readonly P[]): P[][] {
  const docs: P[][] = []
  for (const p of [...pages].sort((a, b) => a.pageNo - b.pageNo)) {
    if (!p.lines.some((l) => l.text.trim().length > 0)) continue
    if (docs.length === 0 || startsDocument(p.lines)) docs.push([p])
    else docs[docs.length - 1].push(p)
  }
  return docs
}
