import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import {
  isPdf, pageCount, signPdf, stampNumberAndDate, trustRoots, verifyPdf, type SignRequest,
} from '../../../functions/lib/signing/index.js'
import { openForUpdate } from '../../../functions/lib/signing/incremental.js'
import {
  COMMITTEE, SECRETARY, STAMP, draftResolution, foreignAuthority, pageText, signElsewhere, useTemporarySigningDir,
} from './fixtures.js'

const PERSONAL: SignRequest = {
  signer: SECRETARY, kind: 'personal', reason: 'Ký ban hành nghị quyết', location: 'Hà Nội', title: 'T/M BAN THƯỜNG VỤ\nBÍ THƯ',
}
const SEAL: SignRequest = { signer: COMMITTEE, kind: 'seal', reason: 'Đóng dấu ban hành', location: 'Hà Nội' }

const keyDir = useTemporarySigningDir()
let roots: string[]
let draft: Uint8Array
let stamped: Uint8Array
let personal: Uint8Array
let sealed: Uint8Array

beforeAll(async () => {
  draft = await draftResolution()
  stamped = await stampNumberAndDate(draft, STAMP)
  personal = await signPdf(stamped, PERSONAL)
  sealed = await signPdf(personal, SEAL)
  roots = await trustRoots()
})
afterAll(() => keyDir.cleanup())

/** Flip one byte inside the first stream after `from`: the file still parses, its content differs. */
function tamper(pdf: Uint8Array, from = 0): Uint8Array {
  const copy = new Uint8Array(pdf)
  const at = Buffer.from(copy).indexOf('stream\n', from) + 'stream\n'.length + 12
  copy[at] ^= 0x01
  return copy
}

describe('stampNumberAndDate', () => {
  it('writes the number and the place and date, with their diacritics, onto the first page only', async () => {
    // Act
    const first = pageText(stamped, 1)
    const last = pageText(stamped, 2)

    // Assess
    expect(await pageCount(stamped)).toBe(2)
    expect(first).toContain('Số 12-NQ/TU')
    expect(first).toContain('Hà Nội, ngày 05 tháng 01 năm 2026')
    expect(pageText(draft, 1)).not.toContain('Số 12-NQ/TU')
    expect(last).not.toContain('Số 12-NQ/TU')
  })

  it('refuses to stamp a signed document, which would break its signatures', async () => {
    await expect(stampNumberAndDate(personal, STAMP)).rejects.toMatchObject({ code: 'pdf.alreadySigned' })
  })

  it('refuses a page the document does not have', async () => {
    await expect(stampNumberAndDate(draft, { ...STAMP, page: 3 })).rejects.toMatchObject({ code: 'pdf.pageOutOfRange', params: { page: 3, pages: 2 } })
  })
})

describe('signPdf then verifyPdf', () => {
  it('validates the signer\'s signature and the seal, in signing order, with Vietnamese names intact', async () => {
    // Act
    const report = await verifyPdf(sealed, { roots })

    // Assess
    expect(report.valid).toBe(true)
    expect(report.problems).toEqual([])
    expect(report.signatures.map((s) => [s.field, s.signerName, s.organisation, s.reason])).toEqual([
      ['PersonalSignature1', 'Nguyễn Thị Thanh Hương', 'Thành ủy Hà Nội', 'Ký ban hành nghị quyết'],
      ['OrganisationSeal1', 'Ban Thường vụ Thành ủy Hà Nội', 'Ban Thường vụ Thành ủy Hà Nội', 'Đóng dấu ban hành'],
    ])
    expect(report.signatures.map((s) => [s.integrity, s.trusted, s.coversWholeDocument])).toEqual([
      ['intact', true, false], ['intact', true, true],
    ])
    expect(report.signatures[0].chain.map((c) => c.subject)).toEqual([
      'CN=Nguyễn Thị Thanh Hương, O=Thành ủy Hà Nội, C=VN',
      'CN=Digital Office Development CA, O=Digital Office, C=VN',
    ])
  })

  it('keeps the stamped original and the first signed revision byte for byte (incremental updates)', () => {
    expect(Buffer.from(personal.subarray(0, stamped.length)).equals(Buffer.from(stamped))).toBe(true)
    expect(Buffer.from(sealed.subarray(0, personal.length)).equals(Buffer.from(personal))).toBe(true)
  })

  it('records the given signing time', async () => {
    // Prepare
    const signedAt = new Date(Date.now() - 60_000)

    // Act
    const signed = await signPdf(stamped, { ...PERSONAL, signedAt })

    // Assess
    const [signature] = (await verifyPdf(signed, { roots })).signatures
    expect(signature.signedAt).toBe(new Date(Math.floor(signedAt.getTime() / 1000) * 1000).toISOString())
  })

  it('reports a document changed inside the signed bytes as modified, for every signature covering the change', async () => {
    // Act
    const report = await verifyPdf(tamper(sealed), { roots })

    // Assess
    expect(report.valid).toBe(false)
    expect(report.problems).toContain('signature.modified')
    expect(report.signatures.map((s) => s.integrity)).toEqual(['modified', 'modified'])
  })

  it('reports a change made only after the first signature against the seal alone', async () => {
    const report = await verifyPdf(tamper(sealed, personal.length), { roots })

    expect(report.signatures.map((s) => s.integrity)).toEqual(['intact', 'modified'])
    expect(report.valid).toBe(false)
  })

  it('reports an unsigned change appended after the last signature as not covering the whole document', async () => {
    // Prepare
    const update = await openForUpdate(sealed)
    update.doc.setTitle('Bản đã sửa')

    // Act
    const report = await verifyPdf(update.save(), { roots })

    // Assess
    expect(report.valid).toBe(false)
    expect(report.problems).toEqual(['signature.notWholeDocument'])
    expect(report.signatures.map((s) => [s.integrity, s.coversWholeDocument])).toEqual([['intact', false], ['intact', false]])
  })

  it('signs and verifies a PDF indexed by cross-reference streams (object streams), keeping that form', async () => {
    // Prepare
    const compact = await (await PDFDocument.load(stamped)).save({ useObjectStreams: true })

    // Act
    const signed = await signPdf(await signPdf(compact, PERSONAL), SEAL)

    // Assess
    expect(Buffer.from(signed).includes('/Type /XRef')).toBe(true)
    const report = await verifyPdf(signed, { roots })
    expect(report.valid).toBe(true)
    expect(report.signatures).toHaveLength(2)
  })

  it('places the seal on a page and rectangle given by the caller', async () => {
    // Act
    const signed = await signPdf(stamped, { ...SEAL, appearance: { page: 1, rect: [60, 60, 160, 160] } })

    // Assess
    const doc = await PDFDocument.load(signed)
    expect(doc.getPage(0).node.Annots()?.size()).toBe(2) // the seal and its information box
    expect(doc.getPage(1).node.Annots()?.size() ?? 0).toBe(0)
    expect((await verifyPdf(signed, { roots })).valid).toBe(true)
  })
})

describe('signatures from elsewhere', () => {
  const authority = foreignAuthority()

  it('reports a document signed under an unknown CA as untrusted, although intact', async () => {
    // Prepare
    const signed = await signElsewhere(draft, authority)

    // Act
    const report = await verifyPdf(signed, { roots })

    // Assess
    expect(report.valid).toBe(false)
    expect(report.problems).toEqual(['signature.untrustedChain'])
    expect(report.signatures[0]).toMatchObject({ signerName: 'Trần Văn Bình', integrity: 'intact', trusted: false, coversWholeDocument: true })
  })

  it('validates the same document once that CA is trusted, with the signing time from the signature', async () => {
    const report = await verifyPdf(await signElsewhere(draft, authority), { roots: [...roots, authority.caPem] })

    expect(report.valid).toBe(true)
    expect(report.signatures[0].chain.map((c) => c.subject)).toEqual(['CN=Trần Văn Bình, O=Tỉnh ủy Mẫu, C=VN', 'CN=Sample Province CA, C=VN'])
    expect(Math.abs(Date.parse(report.signatures[0].signedAt!) - Date.now())).toBeLessThan(120_000)
  })

  it('validates a document time-stamp (RFC 3161) from a trusted authority, and sees a change made after it', async () => {
    // Prepare
    const stampedByTsa = await signElsewhere(draft, authority, 'documentTimestamp')
    const trust = { roots: [...roots, authority.caPem] }

    // Act
    const report = await verifyPdf(stampedByTsa, trust)
    const tampered = await verifyPdf(tamper(stampedByTsa), trust)

    // Assess
    expect(report.valid).toBe(true)
    expect(report.signatures[0]).toMatchObject({ integrity: 'intact', trusted: true, problems: [] })
    expect(tampered.problems).toEqual(['signature.modified'])
  })

  it('adds our seal after a foreign signature without breaking it', async () => {
    // Act
    const signed = await signPdf(await signElsewhere(draft, authority), SEAL)

    // Assess
    const report = await verifyPdf(signed, { roots: [...roots, authority.caPem] })
    expect(report.valid).toBe(true)
    expect(report.signatures.map((s) => s.signerName)).toEqual(['Trần Văn Bình', 'Ban Thường vụ Thành ủy Hà Nội'])
  })
})

describe('files that are not signed PDFs', () => {
  it('reports an unsigned PDF as having no signature', async () => {
    expect(await verifyPdf(stamped, { roots })).toEqual({ valid: false, signatures: [], problems: ['signature.none'] })
  })

  it('reports a file that is not a PDF as unreadable, and isPdf says why', async () => {
    const bytes = new Uint8Array(Buffer.from('PK\u0003\u0004 this is a .docx, not a PDF'))

    expect(await verifyPdf(bytes, { roots })).toEqual({ valid: false, signatures: [], problems: ['signature.malformed'] })
    expect(await isPdf(bytes)).toEqual({ ok: false, reason: 'pdf.notPdf' })
  })

  it('tells an encrypted PDF and a damaged one apart, and accepts a good one', async () => {
    // Prepare
    const encrypted = new Uint8Array(Buffer.from(Buffer.from(draft).toString('latin1').replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 >>'), 'latin1'))
    const damaged = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'))

    // Act / Assess
    expect(await isPdf(encrypted)).toEqual({ ok: false, reason: 'pdf.encrypted' })
    expect(await isPdf(damaged)).toEqual({ ok: false, reason: 'pdf.corrupt' })
    expect(await isPdf(draft)).toEqual({ ok: true, pages: 2 })
    await expect(signPdf(encrypted, PERSONAL)).rejects.toMatchObject({ code: 'pdf.encrypted' })
  })
})
