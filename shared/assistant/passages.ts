/**
 * Passages: a document's text cut where its structure is (phần, chương, mục,
 * điều, numbered points), each with the place a citation points to — the
 * page and the article/section label — and a header passage built from the
 * register entry (symbol, type, issuer, date, summary), so "when was 42-CT/TU
 * issued?" has a passage that says so.
 */
import { typeName } from '../documents/types.js'
import { instructionSentences, sentences, viDate } from './text.js'

export interface PassageLocation {
  /**
   * `header`: the register entry; `masthead`: the PDF's own header block (issuing body, number, place and date,
   * type and summary), `signature`: recipients and the signing block; otherwise where the text is.
   */
  kind: 'header' | 'masthead' | 'section' | 'article' | 'point' | 'page' | 'signature'
  /** "Điều 2", "Mục II, điểm 3", "Trang 1": what a citation shows. */
  label: string
  /** 1-based page of the PDF where the passage starts. */
  page?: number
  /** The heading of the section the passage is in ("MỤC TIÊU"), searched with it. */
  heading?: string
  /**
   * Sentences that address an assistant or a model (instructions planted in a document), cut out of the
   * passage at indexing: such a passage is kept for the record, never retrieved nor quoted.
   */
  quarantined?: boolean
}

export interface Passage {
  /** Order within the document, 0 = header. */
  ordinal: number
  location: PassageLocation
  text: string
}

export interface DocumentMeta {
  symbol?: string
  type: string
  issuerName: string
  documentDate?: string
  summary: string
}

/** Longest passage before it is cut at a sentence boundary (characters). */
export const MAX_PASSAGE = 900

const SECTION = /^(Phần|Chương|Mục|Part|Chapter|Section)\s+([IVXLC]+|\d+)\b\.?/iu
const ROMAN = /^([IVX]{1,5})\s*[.-]\s+\S/u
const ARTICLE = /^(Điều|Article)\s+(\d+)\b\.?/iu
const POINT = /^(\d{1,2})\s*[.)]\s+\S/u
/** Lines of a PDF's header block: national/party motto, issuing body in capitals, "*", "Số 12-TB/ĐU", "Hà Nội, ngày …". */
const MASTHEAD_LINE = /^(\*|Số\s*:?\s*\S+|[^,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?|[^\p{Ll}]{2,80})$/u
/** The first line of the recipients or signing block ("Nơi nhận:", "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"). */
const SIGNATURE_START = /^(Nơi nhận\s*:|(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.)\s+\p{Lu})/u

export function headerPassage(meta: DocumentMeta): Passage {
  const type = typeName(meta.type)
  const parts = [
    `${type}${meta.symbol ? ` số ${meta.symbol}` : ''}`,
    `do ${meta.issuerName} ban hành`,
    meta.documentDate ? `ngày ${viDate(meta.documentDate)} (ngày ${Number(meta.documentDate.slice(8, 10))} tháng ${Number(meta.documentDate.slice(5, 7))} năm ${meta.documentDate.slice(0, 4)})` : '',
  ].filter(Boolean)
  return { ordinal: 0, location: { kind: 'header', label: 'Trích yếu' }, text: `${parts.join(' ')}: ${meta.summary}.` }
}

interface Open { section?: string; heading?: string; article?: string; point?: string; page: number; lines: string[]; kind: PassageLocation['kind'] }

/**
 * Cuts the pages of a document into passages. Lines wrapped by the PDF
 * layout are joined; a heading starts a new passage; a long passage is cut
 * at a sentence boundary and keeps its label.
 */
export function chunkPages(pages: readonly string[], firstOrdinal = 1): Passage[] {
  const out: Passage[] = []
  let cur: Open = { page: 1, lines: [], kind: 'page' }
  let section: string | undefined
  let article: string | undefined
  let heading: string | undefined
  let inMasthead = true
  let afterTypeLine = false
  const flush = () => {
    const text = cur.lines.join(' ').replace(/\s+/g, ' ').trim()
    if (text.length >= 3) {
      const label = cur.kind === 'signature' ? 'Nơi nhận, chữ ký' : cur.kind === 'masthead' ? `Trang ${cur.page}` : [cur.section, cur.article, cur.point].filter(Boolean).join(', ') || `Trang ${cur.page}`
      for (const piece of cut(text)) out.push({ ordinal: firstOrdinal + out.length, location: { kind: cur.kind, label, page: cur.page, ...(cur.heading && cur.kind !== 'section' ? { heading: cur.heading } : {}) }, text: piece })
    }
  }
  pages.forEach((pageText, i) => {
    const page = i + 1
    for (const raw of pageText.split(/\r?\n/)) {
      const line = raw.replace(/\s+/g, ' ').trim()
      if (!line) continue
      let m: RegExpExecArray | null
      // The header block of the first page (and the summary line under the type in capitals) is one passage of its own.
      if (inMasthead && page === 1 && !SECTION.test(line) && !ROMAN.test(line) && !ARTICLE.test(line) && !POINT.test(line)
        && (MASTHEAD_LINE.test(line) || (afterTypeLine && /^\p{Ll}/u.test(line)))) {
        afterTypeLine = (/^[^\p{Ll}]{3,40}$/u.test(line) && !/\d/.test(line)) || (afterTypeLine && /^\p{Ll}/u.test(line))
        cur = { page, lines: [...cur.lines, line], kind: 'masthead' }
        continue
      }
      if (inMasthead) { if (cur.kind === 'masthead') { flush(); cur = { page, lines: [], kind: 'page' } } inMasthead = false }
      if (cur.kind === 'signature' || SIGNATURE_START.test(line)) {
        if (cur.kind !== 'signature') { flush(); cur = { section, heading, page, lines: [], kind: 'signature' } }
        cur.lines.push(line)
        continue
      }
      // A list introduced by a colon ("gồm bốn thủ tục sau:") keeps its numbered items with it.
      if (POINT.test(line) && cur.lines.some((l) => /:$/.test(l)) && cur.lines.join(' ').length < MAX_PASSAGE) {
        cur.lines.push(line)
        continue
      }
      if ((m = SECTION.exec(line)) || (m = ROMAN.exec(line))) {
        flush()
        section = m.length > 2 ? `${cap(m[1])} ${m[2].toUpperCase()}` : `Mục ${m[1]}`
        heading = line.replace(/^(Phần|Chương|Mục|Part|Chapter|Section)\s+([IVXLC]+|\d+)\b\.?|^[IVX]{1,5}\s*[.-]/iu, '').replace(/^[\s.:-]+/, '').trim().slice(0, 120) || undefined
        article = undefined
        cur = { section, heading, page, lines: [line], kind: 'section' }
      } else if ((m = ARTICLE.exec(line))) {
        flush()
        article = `${/^article/i.test(m[1]) ? 'Article' : 'Điều'} ${m[2]}`
        cur = { section, heading, article, page, lines: [line], kind: 'article' }
      } else if ((m = POINT.exec(line))) {
        flush()
        cur = { section, heading, article, point: `điểm ${m[1]}`, page, lines: [line], kind: 'point' }
      } else if (cur.lines.length === 0 && cur.kind === 'page') {
        cur = { ...cur, page, lines: [line] }
      } else {
        cur.lines.push(line)
      }
      if (cur.lines.join(' ').length > MAX_PASSAGE * 2) { flush(); cur = { ...cur, lines: [] } }
    }
    // A page break inside a passage keeps it whole; a passage with no heading yet is per page.
    if (cur.kind === 'page' || cur.kind === 'masthead') { flush(); cur = { page: page + 1, lines: [], kind: 'page' }; inMasthead = false }
  })
  flush()
  return out.map((p, i) => ({ ...p, ordinal: firstOrdinal + i }))
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()

function cut(text: string): string[] {
  if (text.length <= MAX_PASSAGE) return [text]
  const pieces: string[] = []
  let rest = text
  while (rest.length > MAX_PASSAGE) {
    const window = rest.slice(0, MAX_PASSAGE)
    const at = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '))
    const end = at > MAX_PASSAGE / 3 ? at + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : MAX_PASSAGE
    pieces.push(rest.slice(0, end).trim())
    rest = rest.slice(end).trim()
  }
  if (rest) pieces.push(rest)
  return pieces
}

/**
 * Passages of a document: the header, then its text. Sentences that address
 * an assistant (instructionSentences) are cut out of their passage into a
 * quarantined one, which retrieval never returns.
 */
export function documentPassages(meta: DocumentMeta, pages: readonly string[]): Passage[] {
  const out: Passage[] = [headerPassage(meta)]
  for (const p of chunkPages(pages, 1)) {
    const ss = sentences(p.text)
    const bad = instructionSentences(ss)
    if (bad.size === 0) { out.push(p); continue }
    const clean = ss.filter((_, i) => !bad.has(i)).join(' ')
    if (clean.length >= 3) out.push({ ...p, text: clean })
    out.push({ ...p, location: { ...p.location, quarantined: true }, text: ss.filter((_, i) => bad.has(i)).join(' ') })
  }
  return out.map((p, i) => ({ ...p, ordinal: i }))
}
