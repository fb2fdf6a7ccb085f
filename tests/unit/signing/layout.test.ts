/**
 * The number and date written into the blanks of a draft's own lines, for
 * the ways offices type them: spaces, dots, underscores, a blank year, and
 * blanks too narrow for the value (the line is then written again over a
 * cover). Read back with poppler's `pdftotext -bbox`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { stampNumberAndDate } from '../../../functions/lib/signing/index.js'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const work = mkdtempSync(join(tmpdir(), 'layout-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function header(numberLine: string, dateLine: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(readFileSync(join(fontDir, 'DejaVuSans.ttf')), { subset: true })
  const bold = await doc.embedFont(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')), { subset: true })
  const page = doc.addPage([595.28, 841.89])
  page.drawText('THÀNH ỦY HÀ NỘI', { x: 120, y: 790, size: 12, font: bold })
  page.drawText('ĐẢNG CỘNG SẢN VIỆT NAM', { x: 330, y: 790, size: 12, font: bold })
  page.drawText(numberLine, { x: 120, y: 750, size: 13, font: regular })
  page.drawText(dateLine, { x: 320, y: 750, size: 13, font: regular })
  page.drawText('NGHỊ QUYẾT', { x: 250, y: 700, size: 14, font: bold })
  return doc.save()
}

interface Word { text: string; x0: number; x1: number; y0: number }
function words(pdf: Uint8Array): Word[] {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], text: m[4] }))
}
const at = (ws: Word[], text: string) => ws.find((w) => w.text === text)!

const VALUES = { symbolLine: 'Số 12-NQ/TU', dateLine: 'Hà Nội, ngày 05 tháng 01 năm 2026', blanks: { number: '12', day: '05', month: '01', year: '2026' } }

describe('filling the blanks of a draft', () => {
  it('writes the number over a dotted or underscored blank, before the symbol, and nothing else', async () => {
    for (const line of ['Số: ......-NQ/TU', 'Số ______-NQ/TU']) {
      const ws = words(await stampNumberAndDate(await header(line, 'Hà Nội, ngày      tháng      năm 2026'), VALUES))
      const number = at(ws, '12')
      const label = ws.find((w) => w.text.startsWith('Số'))!
      const symbol = ws.find((w) => w.text.endsWith('-NQ/TU'))!
      expect(number.x0, line).toBeGreaterThan(label.x1)
      expect(number.x1, line).toBeLessThan(symbol.x1 - 40)
      expect(number.y0).toBeCloseTo(label.y0, 0)
      expect(ws.filter((w) => w.text.startsWith('Số'))).toHaveLength(1)
    }
  })

  it('writes a year left blank after "năm", with or without dots', async () => {
    for (const line of ['Hà Nội, ngày      tháng      năm', 'Hà Nội, ngày ...... tháng ...... năm .........']) {
      const ws = words(await stampNumberAndDate(await header('Số      -NQ/TU', line), VALUES))
      expect(at(ws, '2026').x0, line).toBeGreaterThan(at(ws, 'năm').x1)
      expect(at(ws, '05').x0, line).toBeGreaterThan(at(ws, 'ngày').x1)
      expect(at(ws, '01').x1, line).toBeLessThan(at(ws, 'năm').x0)
    }
  })

  it('keeps a year the draft prints, even another one', async () => {
    const ws = words(await stampNumberAndDate(await header('Số      -NQ/TU', 'Hà Nội, ngày      tháng      năm 2025'), VALUES))
    expect(ws.map((w) => w.text)).toContain('2025')
    expect(ws.map((w) => w.text)).not.toContain('2026')
  })

  it('writes the line again over its blanks when they are too narrow for the values', async () => {
    const ws = words(await stampNumberAndDate(await header('Số -NQ/TU', 'Hà Nội, ngày tháng năm 2026'), VALUES))
    const text = ws.map((w) => w.text)
    expect(text).toContain('12-NQ/TU')
    const day = at(ws, '05')
    const month = at(ws, '01')
    expect(day.x0).toBeLessThan(month.x0)
    // No separate number or date line elsewhere on the page.
    expect(ws.filter((w) => w.text === 'Nội,')).toHaveLength(1)
  })
})
