/**
 * What a signature looks like on paper, following how signed documents are
 * presented in state practice (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn
 * 36-HD/VPTW for Party documents):
 *
 * - the signer's signature sits where the wet signature would, between the
 *   title line (e.g. "T/M BAN THƯỜNG VỤ / BÍ THƯ") and the full name;
 * - the organisation's seal is the red round seal, real size, overlapping
 *   about a third of the personal signature on its left;
 * - the seal signature's information — organisation name and signing time in
 *   ISO 8601 — is shown in a red-framed box in the top right corner of the
 *   first page.
 *
 * Each appearance is drawn on a scratch page (with the embedded DejaVu font)
 * and brought into the document as a form XObject for the widget's /AP.
 */
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib'
import { embedFonts, wrap, type FontStyle } from './fonts.js'

const SEAL_RED = rgb(0.84, 0.07, 0.09)
const SIGNATURE_BLUE = rgb(0.07, 0.17, 0.6)
const INFO_BLUE = rgb(0, 0.12, 0.72)
const INK = rgb(0, 0, 0)

/** Personal signature box, points: wide enough for a two-line title in capitals. */
export const PERSONAL_SIZE = { width: 200, height: 128 }
/** A round seal of 36 mm, the usual size of a Party committee's seal. */
export const SEAL_DIAMETER = 102

type Fonts = Record<FontStyle, PDFFont>

export interface Appearance { ref: PDFRef; width: number; height: number }
type Size = { width: number; height: number }

async function formXObject(doc: PDFDocument, size: Size | ((fonts: Fonts) => Size), draw: (page: PDFPage, fonts: Fonts) => void): Promise<Appearance> {
  const scratch = await PDFDocument.create({ updateMetadata: false })
  const fonts = await embedFonts(scratch, ['regular', 'bold', 'oblique'] as const)
  const { width, height } = typeof size === 'function' ? size(fonts) : size
  const page = scratch.addPage([width, height])
  draw(page, fonts)
  const [embedded] = await doc.embedPdf(await scratch.save())
  await embedded.embed()
  return { ref: embedded.ref, width, height }
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, maxWidth: number, color = INK): void {
  const fitted = Math.min(size, (size * maxWidth) / Math.max(font.widthOfTextAtSize(text, size), 1))
  const x = (page.getWidth() - font.widthOfTextAtSize(text, fitted)) / 2
  page.drawText(text, { x, y, size: fitted, font, color })
}

/** A small deterministic pseudo-random sequence, so one name always gets the same flourish. */
function seeded(text: string): () => number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619)
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    h ^= h >>> 16
    return (h >>> 0) / 4294967296
  }
}

/**
 * Title, a handwriting-like mark (the given name in slanted script over a
 * flourish), full name. `showName: false` (and no title) when the page prints
 * them already, in the document's own signing block: the mark alone.
 */
export function personalAppearance(doc: PDFDocument, p: { name: string; title?: string; showName?: boolean; width: number; height: number }): Promise<Appearance> {
  return formXObject(doc, p, (page, fonts) => {
    const { width, height } = p
    const titleLines = (p.title ?? '').split('\n').map((l) => l.trim()).filter(Boolean)
    titleLines.forEach((line, i) => centred(page, line.toLocaleUpperCase('vi'), height - 12 - i * 13, fonts.bold, 10, width - 6))
    const showName = p.showName ?? true
    if (showName) centred(page, p.name, 6, fonts.bold, 11, width - 6)

    const top = titleLines.length ? height - 12 - titleLines.length * 13 : height - 2
    const bottom = showName ? 22 : 2
    const middle = (top + bottom) / 2
    const random = seeded(p.name)
    const given = p.name.trim().split(/\s+/).pop() ?? p.name
    const size = Math.min(24, (top - bottom) * 0.55)
    const markWidth = fonts.oblique.widthOfTextAtSize(given, size)
    const x0 = (width - markWidth) / 2
    page.drawText(given, { x: x0, y: middle - size * 0.2, size, font: fonts.oblique, color: SIGNATURE_BLUE })
    // The flourish: a loop rising from the first letter and a long stroke underneath.
    const w = Math.min(width * 0.72, markWidth + 60)
    const left = (width - w) / 2
    const base = height - (middle - size * 0.35)
    const dy = () => (random() - 0.5) * 10
    page.drawSvgPath(
      `M 0 ${6 + dy()} C ${w * 0.12} ${-size * 0.9}, ${w * 0.28} ${-size * 0.2 + dy()}, ${w * 0.2} ${8 + dy()}`
      + ` S ${w * 0.55} ${14 + dy()}, ${w * 0.7} ${4 + dy()} S ${w * 0.92} ${-2 + dy()}, ${w} ${-8 + dy()}`,
      { x: left, y: height - base, borderColor: SIGNATURE_BLUE, borderWidth: 1.3 },
    )
  })
}

/**
 * The red round seal: two rings and a star. With a superior body, its name
 * runs around the ring and the issuing body's name stands in the centre
 * under the star, as on a Party committee's seal; without one (the top of the
 * tree), the organisation's own name runs around the ring.
 */
export function sealAppearance(doc: PDFDocument, p: { organisation: string; superior?: string; width: number; height: number }): Promise<Appearance> {
  return formXObject(doc, p, (page, fonts) => {
    const r = Math.min(p.width, p.height) / 2
    const c = { x: p.width / 2, y: p.height / 2 }
    const outer = r - 1.6
    const inner = outer - 17
    const style = { borderColor: SEAL_RED, borderOpacity: 0.92 }
    page.drawCircle({ ...c, size: outer, borderWidth: 2.2, ...style })
    page.drawCircle({ ...c, size: outer - 3, borderWidth: 0.6, ...style })
    page.drawCircle({ ...c, size: inner, borderWidth: 1, ...style })
    const superior = p.superior && p.superior !== p.organisation ? p.superior : undefined
    if (!superior) {
      star(page, c.x, c.y, inner * 0.42)
    } else {
      star(page, c.x, c.y + inner * 0.5, inner * 0.26)
      const name = p.organisation.toLocaleUpperCase('vi')
      let size = 6.4
      let lines = wrap(name, fonts.bold, size, inner * 1.5)
      while (size > 3.5 && (lines.length > 3 || lines.some((l) => fonts.bold.widthOfTextAtSize(l, size) > inner * 1.6))) {
        size -= 0.2
        lines = wrap(name, fonts.bold, size, inner * 1.5)
      }
      const leading = size * 1.2
      const top = c.y + inner * 0.12
      lines.forEach((line, i) => page.drawText(line, {
        x: c.x - fonts.bold.widthOfTextAtSize(line, size) / 2, y: top - i * leading - size * 0.35,
        size, font: fonts.bold, color: SEAL_RED, opacity: 0.92,
      }))
    }

    // The ring's name runs clockwise, centred on the top.
    const text = (superior ?? p.organisation).toLocaleUpperCase('vi')
    const baseline = inner + 4.2
    const maxSpan = 2 * Math.PI * 0.86
    let size = 8.6
    const spacing = 0.9
    const spanAt = (s: number) => [...text].reduce((sum, ch) => sum + fonts.bold.widthOfTextAtSize(ch, s) + spacing, 0) / baseline
    while (spanAt(size) > maxSpan && size > 4) size -= 0.2
    let angle = Math.PI / 2 + spanAt(size) / 2
    for (const ch of text) {
      const w = fonts.bold.widthOfTextAtSize(ch, size)
      const mid = angle - (w / 2) / baseline
      page.drawText(ch, {
        x: c.x + baseline * Math.cos(mid) - (w / 2) * Math.sin(mid),
        y: c.y + baseline * Math.sin(mid) + (w / 2) * Math.cos(mid),
        size, font: fonts.bold, color: SEAL_RED, opacity: 0.92,
        rotate: degrees(((mid - Math.PI / 2) * 180) / Math.PI),
      })
      angle -= (w + spacing) / baseline
    }
  })
}

function star(page: PDFPage, cx: number, cy: number, radius: number): void {
  const points: string[] = []
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    const rr = i % 2 === 0 ? radius : radius * 0.4
    points.push(`${(rr * Math.cos(a)).toFixed(2)} ${(rr * Math.sin(a)).toFixed(2)}`)
  }
  page.drawSvgPath(`M ${points.join(' L ')} Z`, { x: cx, y: cy, color: SEAL_RED, opacity: 0.92 })
}

const INFO_FONT_SIZE = 8
const INFO_PADDING = 5
const INFO_LEADING = 10.5

/** Organisation name and ISO 8601 signing time, blue, in a red frame; sized to its text. */
export async function sealInfoAppearance(doc: PDFDocument, p: { organisation: string; signedAtIso: string }): Promise<Appearance & { lines: string[] }> {
  const lines = [p.organisation, `Thời gian ký: ${p.signedAtIso}`]
  const size = (fonts: Fonts) => ({
    width: Math.ceil(Math.max(...lines.map((l) => fonts.regular.widthOfTextAtSize(l, INFO_FONT_SIZE))) + 2 * INFO_PADDING),
    height: Math.ceil(lines.length * INFO_LEADING + 2 * INFO_PADDING - 2),
  })
  const appearance = await formXObject(doc, size, (page, fonts) => {
    const { width, height } = page.getSize()
    page.drawRectangle({ x: 0.5, y: 0.5, width: width - 1, height: height - 1, borderColor: SEAL_RED, borderWidth: 0.8 })
    lines.forEach((line, i) => page.drawText(line, {
      x: INFO_PADDING, y: height - INFO_PADDING - INFO_FONT_SIZE - i * INFO_LEADING + 1,
      size: INFO_FONT_SIZE, font: fonts.regular, color: INFO_BLUE,
    }))
  })
  return { ...appearance, lines }
}
