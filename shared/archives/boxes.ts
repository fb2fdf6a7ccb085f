/**
 * Where an extracted field sits on the page image: the words the OCR engine
 * (or the PDF's text layer) read, each with its box, and the run of words
 * that spells the field's value. The verification view highlights them
 * beside the field a clerk is checking. Pure: used by the SPA and the tests.
 */
import { fold } from '../text/fold.js'
import { findType } from '../documents/types.js'
import type { FieldName } from './metadata.js'

/** A word and its box on the page: left, top, right, bottom as fractions of the page's width and height (origin top left). */
export interface OcrWord { text: string; box: [number, number, number, number] }

const tokens = (s: string): string[] => fold(s).split(/[^a-z0-9]+/).filter(Boolean)
const round = (n: number): number => Math.round(Math.max(0, Math.min(1, n)) * 10000) / 10000

/** A box in pixels of an image `width` × `height` → fractions. */
export const boxOf = (x0: number, y0: number, x1: number, y1: number, width: number, height: number): OcrWord['box'] =>
  [round(x0 / width), round(y0 / height), round(x1 / width), round(y1 / height)]

/** What to look for on the page for a field's stored value (an ISO date is printed "ngày D tháng M năm Y"; a type code as its name). */
export function printedForms(field: FieldName, value: string): string[][] {
  if (field === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (m) {
      const [y, mo, d] = [m[1], m[2], m[3]]
      const days = [...new Set([d, String(Number(d))])]
      const months = [...new Set([mo, String(Number(mo))])]
      return days.flatMap((dd) => months.map((mm) => ['ngay', dd, 'thang', mm, 'nam', y]))
    }
  }
  if (field === 'type') {
    const t = findType(value)
    if (t) return [tokens(t.name.vi)]
  }
  if (field === 'confidentiality') return value === 'none' ? [] : [tokens(value.replace('-', ' '))]
  if (field === 'issuer') return value.split('/').map((part) => tokens(part)).filter((t) => t.length)
  return [tokens(value)]
}

/**
 * The indexes of the words spelling `value` for `field` (every printed form
 * and, for an issuer, each of its lines), first occurrence of each; empty
 * when the value is not on the page.
 */
export function locateField(words: readonly OcrWord[], field: FieldName, value: string | null | undefined): number[] {
  if (!value) return []
  const stream: { token: string; word: number }[] = []
  words.forEach((w, i) => { for (const token of tokens(w.text)) stream.push({ token, word: i }) })
  const found = new Set<number>()
  for (const form of printedForms(field, value)) {
    if (form.length === 0) continue
    for (let i = 0; i + form.length <= stream.length; i++) {
      if (form.every((t, k) => stream[i + k].token === t)) {
        for (let k = 0; k < form.length; k++) found.add(stream[i + k].word)
        break
      }
    }
  }
  return [...found].sort((a, b) => a - b)
}
