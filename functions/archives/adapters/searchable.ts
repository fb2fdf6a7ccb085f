/**
 * A searchable PDF of one page when the OCR engine makes none (the AWS
 * engine): the page image, with the recognised lines written over it as
 * invisible text (PDF text render mode 3), spread from top to bottom in
 * reading order, so viewers find and copy the words.
 */
import { PDFDocument, PDFOperator, PDFOperatorNames, PDFNumber } from 'pdf-lib'
import type { OcrLine } from '../../../shared/archives/metadata.js'
import { embedFonts } from '../../lib/signing/fonts.js'

const A4 = [595.28, 841.89] as const

export async function searchablePdfOf(png: Uint8Array, lines: readonly OcrLine[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const { regular } = await embedFonts(doc, ['regular'] as const)
  const image = await doc.embedPng(png)
  const page = doc.addPage([...A4])
  page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] })
  const step = (A4[1] - 100) / Math.max(1, lines.length)
  const size = Math.max(6, Math.min(11, step * 0.8))
  page.pushOperators(PDFOperator.of(PDFOperatorNames.SetTextRenderingMode, [PDFNumber.of(3)]))
  lines.forEach((l, i) => {
    const text = l.text.replace(/\s+/g, ' ')
    page.drawText(text, { x: 50, y: A4[1] - 60 - i * step, size, font: regular })
  })
  return doc.save()
}
