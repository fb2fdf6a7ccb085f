/**
 * The meeting's papers as A4 PDFs, signed through the signing port
 * (functions/lib/signing, as the documents module signs): the invitation
 * (giấy mời) under the organising body's seal, the minutes (biên bản) signed
 * by the secretary and then the chair, and each vote's result record under
 * the body's seal. Names only, never ids.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { signPdf } from '../../lib/signing/index.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import { vietnamDay } from '../../../shared/calendar/vietnam-time.js'
import { dateLine } from '../../../shared/documents/numbering.js'
import type { PersonRef } from '../../../shared/documents/contracts.js'

export interface Body { unitId: string; name: string; parentName: string }
export interface PaperInput {
  body: Body
  /** "Số 03-GM/ĐU" or nothing. */
  number?: string
  title: string
  subtitle?: string
  lines: string[]
  at: Date
}

const A4: [number, number] = [595.28, 841.89]
const ink = rgb(0, 0, 0)

interface Drawn { doc: PDFDocument; page: PDFPage; y: number; regular: PDFFont; bold: PDFFont }

async function draw(input: PaperInput): Promise<Drawn> {
  const doc = await PDFDocument.create()
  const { regular, bold } = await embedFonts(doc, ['regular', 'bold'] as const)
  doc.setTitle(input.title)
  doc.setAuthor(input.body.name)
  doc.setCreationDate(input.at)
  doc.setModificationDate(input.at)
  let page = doc.addPage(A4)
  const centre = (p: PDFPage, t: string, font: PDFFont, size: number, cx: number, y: number) => p.drawText(t, { x: cx - font.widthOfTextAtSize(t, size) / 2, y, size, font, color: ink })
  centre(page, input.body.parentName.toUpperCase(), regular, 11, 150, 790)
  centre(page, input.body.name.toUpperCase(), bold, 11, 150, 774)
  centre(page, '*', regular, 11, 150, 760)
  if (input.number) centre(page, `Số ${input.number}`, regular, 11, 150, 744)
  centre(page, 'ĐẢNG CỘNG SẢN VIỆT NAM', bold, 12, 420, 790)
  centre(page, dateLine('Hà Nội', vietnamDay(input.at)), regular, 11, 420, 760)
  centre(page, input.title.toUpperCase(), bold, 14, 297, 700)
  let y = 682
  if (input.subtitle) for (const w of wrap(input.subtitle, bold, 12, 480)) { centre(page, w, bold, 12, 297, y); y -= 16 }
  y -= 14
  for (const l of input.lines) {
    for (const w of wrap(l, regular, 12, 480)) {
      if (y < 70) { page = doc.addPage(A4); y = 790 }
      page.drawText(w, { x: 60, y, size: 12, font: regular, color: ink })
      y -= 18
    }
  }
  // The signing block needs 200 points below the text.
  if (y < 260) { page = doc.addPage(A4); y = 790 }
  return { doc, page, y, regular, bold }
}

const centreOn = (d: Drawn, t: string, font: PDFFont, cx: number, y: number) => d.page.drawText(t, { x: cx - font.widthOfTextAtSize(t, 12) / 2, y, size: 12, font, color: ink })

/** A paper under the body's seal: the authority lines, the seal, the signer's name below it. */
export async function sealedPaper(input: PaperInput & { signer: { lines: string[]; fullName: string }; reason: string }): Promise<Uint8Array> {
  const d = await draw(input)
  const top = d.y - 20
  input.signer.lines.forEach((l, i) => centreOn(d, l, d.bold, 420, top - i * 16))
  centreOn(d, input.signer.fullName, d.bold, 420, top - 170)
  const pdf = await d.doc.save({ useObjectStreams: false })
  return signPdf(pdf, {
    signer: { kind: 'organisation', id: input.body.unitId, commonName: input.body.name, organisation: input.body.name },
    kind: 'seal', reason: input.reason, location: 'Hà Nội', signedAt: input.at, superior: input.body.parentName,
    appearance: { page: d.doc.getPageCount(), rect: [340, top - 150, 500, top - 30] },
  })
}

/** The minutes' layout: the secretary's block on the left, the chair's on the right; each signs in turn into its own rectangle. */
export async function minutesPaper(input: PaperInput & { secretary: PersonRef; chair: PersonRef }): Promise<{ pdf: Uint8Array; rects: { secretary: [number, number, number, number]; chair: [number, number, number, number] }; page: number }> {
  const d = await draw(input)
  const top = d.y - 20
  centreOn(d, 'THƯ KÝ', d.bold, 150, top)
  centreOn(d, 'CHỦ TRÌ', d.bold, 420, top)
  centreOn(d, input.secretary.fullName, d.bold, 150, top - 130)
  centreOn(d, input.chair.fullName, d.bold, 420, top - 130)
  return {
    pdf: await d.doc.save({ useObjectStreams: false }),
    rects: { secretary: [70, top - 115, 230, top - 15], chair: [340, top - 115, 500, top - 15] },
    page: d.doc.getPageCount(),
  }
}

export function signPersonally(pdf: Uint8Array, who: PersonRef, body: Body, rect: [number, number, number, number], page: number, reason: string, at: Date): Promise<Uint8Array> {
  return signPdf(pdf, {
    signer: { kind: 'person', id: who.userId, commonName: who.fullName, organisation: body.name },
    kind: 'personal', reason, location: 'Hà Nội', signedAt: at,
    appearance: { page, rect, printed: { title: true, name: true } },
  })
}
