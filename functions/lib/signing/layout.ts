/**
 * Where things go on a Party document (Hướng dẫn 36-HD/VPTW), read from its
 * text layer: the blanks the drafter left for the number ("Số      -KH/ĐU")
 * and for the day and month ("Hoàn Kiếm, ngày   tháng   năm 2026"), the
 * header columns (the issuing body on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on
 * the right) and the signing block ("T/M BAN THƯỜNG VỤ / BÍ THƯ" over the
 * signer's name). Pure geometry on words in PDF points (origin bottom left).
 */
import type { PdfTextPage } from '../adapters/extract.js'

export interface Box { x0: number; x1: number; bottom: number; top: number }
export interface Word extends Box { text: string; baseline: number; size: number }

/** Width of `text` at size 1 in some font: positions inside a run are measured with it and scaled to the run's real width. */
export type Measure = (text: string) => number

/** How far a word's box reaches above and below its baseline, as a share of its size (accents of capitals included). */
const ASCENT = 0.92
const DESCENT = 0.25

export function boxAt(x: number, baseline: number, width: number, size: number): Box {
  return { x0: x, x1: x + width, bottom: baseline - DESCENT * size, top: baseline + ASCENT * size }
}

export const overlaps = (a: Box, b: Box, margin = 0): boolean =>
  a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.bottom < b.top + margin && b.bottom < a.top + margin

/** The words of a page, each with its box; a run holding several words is cut where its spaces are. */
export function wordsOf(page: PdfTextPage, measure: Measure): Word[] {
  const out: Word[] = []
  for (const run of page.runs) {
    const scale = run.width / Math.max(measure(run.text), 1e-6)
    let at = 0
    for (const part of run.text.split(/(\s+)/)) {
      const w = measure(part) * scale
      if (part.trim()) out.push({ text: part, baseline: run.baseline, size: run.size, ...boxAt(run.x + at, run.baseline, w, run.size) })
      at += w
    }
  }
  return out
}

interface Glyph { ch: string; x0: number; x1: number }
interface Line { baseline: number; size: number; words: Word[]; glyphs: Glyph[]; text: string }

/** Words on one baseline, left to right, with the position of every character (a gap between words is one space). */
function linesOf(words: Word[], measure: Measure): Line[] {
  const lines: Line[] = []
  for (const w of [...words].sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs(l.baseline - w.baseline) <= 0.3 * Math.min(l.size, w.size))
    if (line) line.words.push(w)
    else lines.push({ baseline: w.baseline, size: w.size, words: [w], glyphs: [], text: '' })
  }
  for (const line of lines) {
    line.words.sort((a, b) => a.x0 - b.x0)
    line.words.forEach((w, i) => {
      if (i > 0) line.glyphs.push({ ch: ' ', x0: line.words[i - 1].x1, x1: w.x0 })
      const chars = [...w.text]
      const scale = (w.x1 - w.x0) / Math.max(measure(w.text), 1e-6)
      let prefix = ''
      for (const ch of chars) {
        const x0 = w.x0 + measure(prefix) * scale
        prefix += ch
        line.glyphs.push({ ch, x0, x1: w.x0 + measure(prefix) * scale })
      }
    })
    line.text = line.glyphs.map((g) => g.ch).join('')
  }
  return lines
}

/** A place left blank in a line: from the end of the word before it to the start of the word after it. */
/** `leader`: the blank is printed (dots, underscores), not only spaces. */
export interface Blank { x0: number; x1: number; baseline: number; size: number; leader?: boolean }

/** Index of the glyph where character offset `offset` of the line's text starts (texts are built glyph by glyph). */
function glyphIndex(line: Line, offset: number): number {
  let chars = 0
  for (let i = 0; i < line.glyphs.length; i++) {
    if (chars >= offset) return i
    chars += line.glyphs[i].ch.length
  }
  return line.glyphs.length
}

function span(line: Line, start: number, end: number): Blank {
  const first = glyphIndex(line, start)
  const last = glyphIndex(line, end)
  const x0 = first > 0 ? line.glyphs[first - 1].x1 : line.glyphs[0].x0
  const x1 = last < line.glyphs.length ? line.glyphs[last].x0 : Math.max(x0, line.glyphs.at(-1)!.x1)
  return { x0, x1, baseline: line.baseline, size: line.size }
}

const BLANK = '[\\s._…]'

/** The printed words a blank belongs to, from the first glyph to the last: a blank too narrow for its value is written again with them. */
export interface Printed { x0: number; x1: number; baseline: number; size: number }

export interface Blanks {
  /** Between "Số" (or "Số:") and the "-KH/ĐU" (Party) or "/KH-MTTQ" (state) of the symbol. */
  number?: Blank
  /** "Số      -KH/ĐU" as printed, and its symbol part ("-KH/ĐU"). */
  numberLine?: Printed & { label: string; symbol: string }
  day?: Blank
  month?: Blank
  /** After "năm", only when the year is left blank too. */
  year?: Blank
  /** "ngày   tháng   năm 2026" as printed, and the year it prints (if any). */
  dateWords?: Printed & { year?: string }
}

function extent(line: Line, start: number, end: number, size: number): Printed {
  return { x0: line.glyphs[glyphIndex(line, start)].x0, x1: line.glyphs[glyphIndex(line, end) - 1].x1, baseline: line.baseline, size }
}

/** The blanks of the draft's own number and date lines on a page, if it has them. */
export function findBlanks(page: PdfTextPage, measure: Measure): Blanks {
  const lines = linesOf(wordsOf(page, measure), measure)
  const out: Blanks = {}
  for (const line of lines) {
    // The size of the words around a blank: the word it follows.
    const sized = (b: Blank): Blank => ({ ...b, size: [...line.words].reverse().find((w) => w.x1 <= b.x0 + 0.5)?.size ?? line.size })
    const number = new RegExp(`(^|\\s)(Số:?)(${BLANK}+)([-/][A-ZĐ]\\S*)`, 'u').exec(line.text)
    if (number && !out.number) {
      const label = number.index + number[1].length
      const start = label + number[2].length
      const end = start + number[3].length
      out.number = { ...sized(span(line, start, end)), leader: /\S/u.test(number[3]) }
      out.numberLine = { ...extent(line, label, end + number[4].length, out.number.size), label: number[2], symbol: number[4] }
    }
    const date = new RegExp(`ngày(${BLANK}+)tháng(${BLANK}+)năm(${BLANK}*)(\\d{4})?`, 'iu').exec(line.text)
    if (date && !out.day) {
      const day = date.index + 4
      const month = day + date[1].length + 5
      const year = month + date[2].length + 3
      out.day = { ...sized(span(line, day, day + date[1].length)), leader: /\S/u.test(date[1]) }
      out.month = { ...sized(span(line, month, month + date[2].length)), leader: /\S/u.test(date[2]) }
      out.dateWords = { ...extent(line, date.index, date[4] ? year + date[3].length + 4 : year, out.day.size), ...(date[4] ? { year: date[4] } : {}) }
      if (!date[4]) {
        const blank = { ...sized(span(line, year, year + date[3].length)), leader: /\S/u.test(date[3]) }
        // A year left blank at the end of the line: room up to the page's right margin.
        out.year = blank.x1 > blank.x0 + 1 ? blank : { ...blank, x1: page.width - 20 }
      }
    }
  }
  return out
}

export interface HeaderColumns {
  /** Centre of the issuing body's block (left) and of "ĐẢNG CỘNG SẢN VIỆT NAM" (right). */
  left: number
  right: number
  /** Lowest point of the header (the star under the issuing body, the motto's rule). */
  bottom: number
}

const MOTTO = 'ĐẢNG CỘNG SẢN VIỆT NAM'

/** The two header columns, found by the motto; undefined when the page has no Party header. */
export function headerColumns(page: PdfTextPage, measure: Measure): HeaderColumns | undefined {
  const words = wordsOf(page, measure)
  const lines = linesOf(words, measure)
  for (const line of lines) {
    const at = line.text.toLocaleUpperCase('vi').indexOf(MOTTO)
    if (at < 0) continue
    const first = line.glyphs[glyphIndex(line, at)]
    const last = line.glyphs[glyphIndex(line, at + MOTTO.length) - 1]
    const right = (first.x0 + last.x1) / 2
    const mid = first.x0 - 10
    // The issuing body's block: the words left of the motto from the top of the page to a few lines under it.
    const block = words.filter((w) => w.x1 <= mid && w.top >= line.baseline - 3 * line.size)
    const left = block.length ? (Math.min(...block.map((w) => w.x0)) + Math.max(...block.map((w) => w.x1))) / 2 : mid / 2
    const bottom = Math.min(line.baseline - DESCENT * line.size - 4, ...block.map((w) => w.bottom))
    return { left, right, bottom }
  }
  return undefined
}

/**
 * The highest baseline at or below `from` where every box of `place(baseline)`
 * is clear of every word of the page (by `margin`), stepping down; undefined
 * if there is none within `depth` points.
 */
export function clearBaseline(words: Box[], from: number, place: (baseline: number) => Box[], margin = 2, depth = 260): number | undefined {
  for (let y = from; y >= from - depth; y -= 1) {
    if (place(y).every((b) => b.bottom > 0 && !words.some((w) => overlaps(w, b, margin)))) return y
  }
  return undefined
}

/** The signature's place in the document's own signing block. */
export interface SigningBlock {
  /** 1-based page. */
  page: number
  rect: [number, number, number, number]
  /** What the page prints already: the title lines, the name. The appearance draws the rest. */
  printed: { title: boolean; name: boolean }
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()
const AUTHORITY = /^(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|Q\.)$/u

/**
 * The signing block, from the last page back: the signer's full name as
 * printed, with the title lines above it in the same column; or, when the
 * name is not printed, the title ("T/M BAN THƯỜNG VỤ", "BÍ THƯ") alone. The
 * signature goes between the title and the name, clear of every other word.
 */
export function findSigningBlock(pages: PdfTextPage[], signerName: string, measure: Measure, size: { width: number; height: number }): SigningBlock | undefined {
  const name = fold(signerName).split(' ')
  for (let p = pages.length - 1; p >= 0; p--) {
    const words = wordsOf(pages[p], measure)
    const lines = linesOf(words, measure)
    for (const line of [...lines].reverse()) {
      const ws = line.words
      for (let i = 0; i + name.length <= ws.length; i++) {
        if (!name.every((n, k) => fold(ws[i + k].text).replace(/[.,;:]$/, '') === n)) continue
        const box = union(ws.slice(i, i + name.length))
        const centre = (box.x0 + box.x1) / 2
        const column = (w: Box) => w.x1 > centre - size.width / 2 && w.x0 < centre + size.width / 2
        const above = words.filter((w) => w.bottom > box.top && column(w)).sort((a, b) => a.bottom - b.bottom)
        const ceiling = above[0]?.bottom ?? Math.min(box.top + size.height, pages[p].height - 20)
        const title = above.length > 0 && ceiling - box.top < 2.5 * size.height
        const top = title ? ceiling : Math.min(ceiling, box.top + size.height * 0.75)
        return { page: p + 1, rect: fitted(words, centre, box.top + 1, top - 1, size.width), printed: { title, name: true } }
      }
    }
    // No printed name: the authority line ("T/M BAN THƯỜNG VỤ") and the title lines under it, the signature below them.
    const head = [...lines].reverse().find((l) => l.words.some((w) => AUTHORITY.test(w.text)))
    if (head) {
      const start = head.words.findIndex((w) => AUTHORITY.test(w.text))
      const centre = (head.words[start].x0 + head.words.at(-1)!.x1) / 2
      const column = (w: Box) => w.x1 > centre - size.width / 2 && w.x0 < centre + size.width / 2
      let bottom = union(head.words.slice(start)).bottom
      for (const l of lines.filter((l) => l.baseline < head.baseline && l.baseline > head.baseline - 4 * head.size)) {
        const ws = l.words.filter(column)
        if (ws.length && ws.every((w) => w.text === w.text.toLocaleUpperCase('vi')) && union(ws).top > bottom - 1.6 * head.size) bottom = union(ws).bottom
      }
      const below = words.filter((w) => w.top < bottom && column(w)).sort((a, b) => b.top - a.top)
      const floor = Math.max(below[0]?.top ?? 0, bottom - size.height)
      return { page: p + 1, rect: fitted(words, centre, floor + 1, bottom - 1, size.width), printed: { title: true, name: false } }
    }
  }
  return undefined
}

function union(boxes: Box[]): Box {
  return { x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)), bottom: Math.min(...boxes.map((b) => b.bottom)), top: Math.max(...boxes.map((b) => b.top)) }
}

/** A box centred on `centre` between `bottom` and `top`, narrowed until no word of the page falls inside it. */
function fitted(words: Box[], centre: number, bottom: number, top: number, width: number): [number, number, number, number] {
  let half = width / 2
  while (half > 30 && words.some((w) => overlaps(w, { x0: centre - half, x1: centre + half, bottom, top }))) half -= 4
  return [centre - half, bottom, centre + half, top]
}
