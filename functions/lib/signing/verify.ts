/**
 * Validation of the signatures in a PDF, ours or anyone's: integrity (the
 * bytes each signature covers still hash to what was signed), the signature
 * value (made by the key in the signer's certificate), the chain (up to a
 * root the caller trusts, each certificate valid when the document was
 * signed) and whether anything was appended after the last signature.
 *
 * Every problem is reported as a message key, so the user is told why a
 * document is not valid, not just that it is not.
 */
import type { X509Certificate } from 'node:crypto'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib'
import { buildChain, parseRoots, summary, validAt, type CertificateSummary } from './chain.js'
import { checkContainer, nameAttribute, readContainer } from './container.js'
import { distinguishedName } from './pem.js'
import { loadPdf } from './stamp.js'

export type { CertificateSummary }

export type SignatureProblem =
  | 'signature.none'
  | 'signature.modified'
  | 'signature.untrustedChain'
  | 'signature.badSignature'
  | 'signature.certificateExpired'
  | 'signature.notWholeDocument'
  | 'signature.malformed'

export interface SignatureReport {
  field: string
  signerName: string
  organisation?: string
  /** ISO 8601, UTC: a time-stamp's time, else the signing-time attribute, else the dictionary's /M (PAdES). */
  signedAt?: string
  reason?: string
  /** False when bytes were appended after this signature (normal for all but the last one). */
  coversWholeDocument: boolean
  integrity: 'intact' | 'modified'
  /** The signer's certificate first, up to the root that was found (trusted or not). */
  chain: CertificateSummary[]
  trusted: boolean
  problems: SignatureProblem[]
}

export interface VerificationReport {
  /** Every signature intact and trusted, and the last one covers the whole file. */
  valid: boolean
  /** In signing order. */
  signatures: SignatureReport[]
  /** Every problem found, once. */
  problems: SignatureProblem[]
}

interface FoundSignature { field: string; byteRange: number[]; reason?: string; claimedTime?: Date }

export async function verifyPdf(pdf: Uint8Array, trust: { roots: string[] }): Promise<VerificationReport> {
  let found: FoundSignature[]
  try {
    found = fieldSignatures(await loadPdf(pdf))
  } catch {
    // A file pdf-lib cannot read any more may still carry signatures whose ranges tell what was changed.
    found = Buffer.from(pdf.subarray(0, 1024)).includes('%PDF-') ? rawSignatures(pdf) : []
    if (found.length === 0) return { valid: false, signatures: [], problems: ['signature.malformed'] }
  }
  if (found.length === 0) return { valid: false, signatures: [], problems: ['signature.none'] }

  const roots = parseRoots(trust.roots)
  const fileEnd = contentEnd(pdf)
  const reports = found
    .sort((a, b) => (a.byteRange[2] + a.byteRange[3]) - (b.byteRange[2] + b.byteRange[3]))
    .map((sig) => verifyOne(pdf, sig, roots, fileEnd))
  const last = reports[reports.length - 1]
  if (!last.coversWholeDocument && !last.problems.includes('signature.malformed')) last.problems.push('signature.notWholeDocument')

  const problems = [...new Set(reports.flatMap((r) => r.problems))]
  const valid = reports.every((r) => r.integrity === 'intact' && r.trusted && r.problems.length === 0)
  return { valid, signatures: reports, problems }
}

/** Signature fields of the AcroForm (terminal fields with /FT /Sig and a value), with full names. */
function fieldSignatures(doc: PDFDocument): FoundSignature[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray)
  const out: FoundSignature[] = []
  const visit = (field: PDFDict, parentName: string, inheritedType: string | undefined, depth: number) => {
    if (depth > 32) return
    const partial = field.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText()
    const name = [parentName, partial].filter(Boolean).join('.')
    const type = field.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() ?? inheritedType
    const value = field.lookupMaybe(PDFName.of('V'), PDFDict)
    if (type === '/Sig' && value) {
      const byteRange = value.lookupMaybe(PDFName.of('ByteRange'), PDFArray)?.asArray()
        .map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN)) ?? []
      out.push({
        field: name,
        byteRange,
        reason: value.lookupMaybe(PDFName.of('Reason'), PDFString, PDFHexString)?.decodeText(),
        claimedTime: parsePdfDate(value.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString)?.decodeText()),
      })
      return
    }
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray)
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookupMaybe(i, PDFDict)
      if (kid) visit(kid, name, type, depth + 1)
    }
  }
  for (let i = 0; fields && i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict)
    if (field) visit(field, '', undefined, 0)
  }
  return out
}

function rawSignatures(pdf: Uint8Array): FoundSignature[] {
  const text = Buffer.from(pdf).toString('latin1')
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)]
    .map((m, i) => ({ field: `#${i + 1}`, byteRange: m.slice(1, 5).map(Number) }))
}

/** The file's length without trailing line ends and padding, which some writers add after %%EOF. */
function contentEnd(pdf: Uint8Array): number {
  let end = pdf.length
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x00, 0x09].includes(pdf[end - 1])) end--
  return end
}

function verifyOne(pdf: Uint8Array, sig: FoundSignature, roots: X509Certificate[], fileEnd: number): SignatureReport {
  const report: SignatureReport = {
    field: sig.field, signerName: '', reason: sig.reason, signedAt: sig.claimedTime?.toISOString(),
    coversWholeDocument: false, integrity: 'modified', chain: [], trusted: false, problems: ['signature.malformed'],
  }
  const [start, firstLength, second, secondLength] = sig.byteRange
  if (sig.byteRange.length !== 4 || !sig.byteRange.every(Number.isInteger) || start !== 0
    || firstLength <= 0 || second <= firstLength + 1 || second + secondLength > pdf.length) return report
  report.coversWholeDocument = second + secondLength >= fileEnd

  // The signature is whatever sits in the gap between the two ranges: the /Contents hex string.
  if (pdf[firstLength] !== 0x3c /* < */ || pdf[second - 1] !== 0x3e /* > */) return report
  const hex = Buffer.from(pdf.subarray(firstLength + 1, second - 1)).toString('latin1').replace(/\s+/g, '')
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return report
  const container = readContainer(new Uint8Array(Buffer.from(hex, 'hex')))
  if (!container) return report

  report.signerName = nameAttribute(container.signer.subject, '2.5.4.3') ?? distinguishedName(container.leaf, 'subject')
  report.organisation = nameAttribute(container.signer.subject, '2.5.4.10')
  const problems = new Set<SignatureProblem>()
  const content = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(second, second + secondLength)])
  const check = checkContainer(container, content)
  if (check.intact) report.integrity = 'intact'
  else problems.add('signature.modified')
  if (!check.signatureHolds) problems.add('signature.badSignature')
  const time = check.time ?? sig.claimedTime
  if (time) report.signedAt = time.toISOString()

  const { chain, trusted } = buildChain(container.leaf, container.others, roots)
  report.chain = chain.map(summary)
  report.trusted = trusted
  if (!trusted) problems.add('signature.untrustedChain')
  if (!validAt(chain, time ?? new Date())) problems.add('signature.certificateExpired')
  report.problems = [...problems]
  return report
}

/** PDF dates: D:YYYYMMDDHHmmSS with an optional Z or ±HH'mm' offset. */
export function parsePdfDate(text: string | undefined): Date | undefined {
  const m = text && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text)
  if (!m) return undefined
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
  return Number.isNaN(date.getTime()) ? undefined : date
}
