/**
 * Independent checks with poppler (Debian's poppler-utils): pdfsig must accept
 * what the platform signs, with the development CA trusted through an NSS
 * database (certutil, from libnss3-tools), and pdftoppm must draw the
 * signatures where state practice puts them.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signPdf, stampNumberAndDate, trustRoots, type SignRequest } from '../../../functions/lib/signing/index.js'
import { COMMITTEE, SECRETARY, STAMP, draftResolution, useTemporarySigningDir } from './fixtures.js'

const PERSONAL: SignRequest = {
  signer: SECRETARY, kind: 'personal', reason: 'Ký ban hành nghị quyết', location: 'Hà Nội', title: 'T/M BAN THƯỜNG VỤ\nBÍ THƯ',
}
const SEAL: SignRequest = { signer: COMMITTEE, kind: 'seal', reason: 'Đóng dấu ban hành', location: 'Hà Nội' }

const keyDir = useTemporarySigningDir()
const work = mkdtempSync(join(tmpdir(), 'pdfsig-'))
const trustingDb = join(work, 'nss-trusting')
const emptyDb = join(work, 'nss-empty')
let signed: Uint8Array

function certutil(...args: string[]): void {
  const run = spawnSync('certutil', args, { encoding: 'utf8' })
  if (run.error) throw new Error('certutil not found: install Debian\'s libnss3-tools')
  if (run.status !== 0) throw new Error(`certutil ${args.join(' ')}: ${run.stderr}`)
}

/** pdfsig's report, split per signature. */
function pdfsig(pdf: Uint8Array, nssDb: string): string[] {
  const file = join(work, `doc-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${nssDb}`, file], { encoding: 'utf8' })
  return run.stdout.split(/^Signature #\d+:$/m).slice(1)
}

beforeAll(async () => {
  writeFileSync(join(work, 'ca.pem'), (await trustRoots())[0])
  for (const db of [trustingDb, emptyDb]) {
    execFileSync('mkdir', ['-p', db])
    certutil('-N', '-d', `sql:${db}`, '--empty-password')
  }
  certutil('-A', '-d', `sql:${trustingDb}`, '-n', 'digital-office-dev-ca', '-t', 'CT,C,C', '-i', join(work, 'ca.pem'))
  signed = await signPdf(await signPdf(await stampNumberAndDate(await draftResolution(), STAMP), PERSONAL), SEAL)
})
afterAll(() => {
  keyDir.cleanup()
  rmSync(work, { recursive: true, force: true })
})

describe('pdfsig (poppler, NSS)', () => {
  it('finds both signatures valid and their certificates trusted, the seal covering the whole file', () => {
    // Act
    const [personal, seal, ...others] = pdfsig(signed, trustingDb)

    // Assess
    expect(others).toEqual([])
    for (const report of [personal, seal]) {
      expect(report).toContain('- Signature Validation: Signature is Valid.')
      expect(report).toContain('- Certificate Validation: Certificate is Trusted.')
      expect(report).toContain('- Signing Hash Algorithm: SHA-256')
      expect(report).toContain('- Signature Type: ETSI.CAdES.detached')
    }
    expect(personal).toContain('- Signer Certificate Common Name: Nguyễn Thị Thanh Hương')
    expect(personal).toContain('- Not total document signed')
    expect(seal).toContain('- Signer Certificate Common Name: Ban Thường vụ Thành ủy Hà Nội')
    expect(seal).toContain('- Total document signed')
  })

  it('does not trust the signatures when the development CA is not in its database', () => {
    const reports = pdfsig(signed, emptyDb)

    expect(reports).toHaveLength(2)
    for (const report of reports) {
      expect(report).toContain('- Signature Validation: Signature is Valid.')
      expect(report).not.toContain('Certificate is Trusted.')
    }
  })

  it('reads the updates appended to a PDF indexed by cross-reference streams', async () => {
    // Prepare
    const compact = await (await PDFDocument.load(await draftResolution())).save({ useObjectStreams: true })

    // Act
    const reports = pdfsig(await signPdf(await signPdf(compact, PERSONAL), SEAL), trustingDb)

    // Assess
    expect(reports).toHaveLength(2)
    for (const report of reports) expect(report).toContain('- Signature Validation: Signature is Valid.')
  })
})

/** A page rendered by pdftoppm as raw RGB (PPM), to look at colours where the signatures should be. */
function render(pdf: Uint8Array, page: number, dpi: number): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const file = join(work, `render-${page}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(work, `page-${page}`)])
  const ppm = readFileSync(join(work, `page-${page}.ppm`))
  const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))![0].length
  const width = Number(w)
  return {
    width, height: Number(h),
    rgb: (x, y) => {
      const at = header + (y * width + x) * 3
      return [ppm[at], ppm[at + 1], ppm[at + 2]]
    },
  }
}

const isRed = ([r, g, b]: number[]) => r > 150 && g < 110 && b < 110
const isBlue = ([r, g, b]: number[]) => b > 120 && r < 110 && g < 130

/** Pixels of `colour` in a rectangle given in PDF points. */
function count(image: ReturnType<typeof render>, dpi: number, pageHeight: number, rect: number[], colour: (p: number[]) => boolean): number {
  const scale = dpi / 72
  let n = 0
  for (let x = Math.round(rect[0] * scale); x < Math.round(rect[2] * scale); x++) {
    for (let y = Math.round((pageHeight - rect[3]) * scale); y < Math.round((pageHeight - rect[1]) * scale); y++) {
      if (colour(image.rgb(x, y))) n++
    }
  }
  return n
}

describe('the appearance, as pdftoppm draws it', () => {
  it('shows the seal in red over the left third of the personal signature only, and the signature in blue', async () => {
    // Prepare: where the personal signature's widget is.
    const doc = await PDFDocument.load(signed)
    const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray)
    const [x1, y1, x2, y2] = form.lookup(0, PDFDict).lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())
    const third = (x2 - x1) / 3
    const height = doc.getPage(1).getHeight()

    // Act
    const image = render(signed, 2, 72)

    // Assess
    expect(count(image, 72, height, [x1, y1, x1 + third, y2], isRed)).toBeGreaterThan(150)
    expect(count(image, 72, height, [x1 + third + 2, y1, x2, y2], isRed)).toBe(0)
    expect(count(image, 72, height, [x1 + third, y1, x2, y2], isBlue)).toBeGreaterThan(100)
  })

  it('shows the seal signature\'s information in blue in a red frame at the top right of the first page', async () => {
    const { width, height } = (await PDFDocument.load(signed)).getPage(0).getSize()
    const image = render(signed, 1, 72)

    const topRight = [width / 2, height - 60, width, height]
    expect(count(image, 72, height, topRight, isRed)).toBeGreaterThan(100)
    expect(count(image, 72, height, topRight, isBlue)).toBeGreaterThan(100)
    expect(count(image, 72, height, [0, height - 60, width / 2, height], isBlue)).toBe(0)
  })
})
