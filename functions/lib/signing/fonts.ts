/**
 * The TrueType fonts drawn into documents. Vietnamese needs glyphs with
 * stacked diacritics (ệ, ữ, ặ), which the 14 standard PDF fonts lack, so
 * DejaVu is embedded (subset) through fontkit.
 *
 * Found in the `dejavu-fonts-ttf` package; a Lambda bundle, which has no
 * node_modules, ships the .ttf files and sets `SIGNING_FONT_DIR`.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFFont } from 'pdf-lib'
import { envNow } from '../env.js'

export type FontStyle = 'regular' | 'bold' | 'oblique'

const FILES: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
}

const cache = new Map<FontStyle, Promise<Uint8Array>>()

function fontDir(): string {
  const configured = envNow().SIGNING_FONT_DIR
  if (configured) return configured
  try {
    return join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  } catch {
    throw new Error('DejaVu fonts not found: install dejavu-fonts-ttf or set SIGNING_FONT_DIR to a folder with DejaVuSans*.ttf')
  }
}

function fontBytes(style: FontStyle): Promise<Uint8Array> {
  let bytes = cache.get(style)
  if (!bytes) {
    bytes = readFile(join(fontDir(), FILES[style])).then((b) => new Uint8Array(b))
    cache.set(style, bytes)
    bytes.catch(() => cache.delete(style))
  }
  return bytes
}

/** Embed the fonts in `doc`, subset: only the glyphs drawn are written. */
export async function embedFonts<S extends FontStyle>(doc: PDFDocument, styles: readonly S[]): Promise<Record<S, PDFFont>> {
  doc.registerFontkit(fontkit)
  const fonts = {} as Record<S, PDFFont>
  for (const style of styles) fonts[style] = await doc.embedFont(await fontBytes(style), { subset: true })
  return fonts
}

/** Words of `text` in lines no wider than `width` at `size` (a word longer than a line stays whole). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(next, size) > width && line) { lines.push(line); line = word } else line = next
  }
  if (line) lines.push(line)
  return lines
}

let measuring: Promise<(text: string) => number> | undefined

/** Width of a text at size 1 in the regular face: how layouts measure words read from a page (scaled to their real width there). */
export function textMeasure(): Promise<(text: string) => number> {
  measuring ??= (async () => {
    const scratch = await PDFDocument.create({ updateMetadata: false })
    const { regular } = await embedFonts(scratch, ['regular'] as const)
    return (text: string) => regular.widthOfTextAtSize(text, 1)
  })()
  measuring.catch(() => { measuring = undefined })
  return measuring
}
