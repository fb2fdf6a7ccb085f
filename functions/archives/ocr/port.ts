/**
 * The OCR port: one page image in, its text as lines with a confidence, and
 * a searchable single-page PDF (image + invisible text layer) when the engine
 * makes one. Embedded: tesseract.js with the Vietnamese and English models
 * shipped in npm. On AWS: Textract for layout where it helps and a Bedrock
 * multimodal model for the Vietnamese text (Textract reads no Vietnamese).
 */
import type { OcrLine } from '../../../shared/archives/metadata.js'
import type { OcrWord } from '../../../shared/archives/boxes.js'

export interface OcrPageResult {
  lines: OcrLine[]
  /** Mean confidence of the page (0..1); 0 for a page without text. */
  confidence: number
  /** A one-page PDF of the image with the recognised text as an invisible layer, when the engine makes one. */
  searchablePdf?: Uint8Array
  /** The words read and their boxes on the page (fractions of its size), for the verification view. */
  words?: OcrWord[]
  engine: string
}

export interface OcrEngine {
  readonly name: string
  recognise(image: Uint8Array, opts?: { mediaType?: 'image/png' | 'image/jpeg' }): Promise<OcrPageResult>
  close?(): Promise<void>
}

export const meanConfidence = (lines: readonly OcrLine[]): number =>
  lines.length ? Math.round((lines.reduce((s, l) => s + l.confidence, 0) / lines.length) * 1000) / 1000 : 0
