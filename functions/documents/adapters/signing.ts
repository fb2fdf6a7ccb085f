/**
 * Every call of the documents module into the signing port
 * (functions/lib/signing): checking PDFs, stamping the number and date,
 * the personal and seal signatures, verification. A change of the port's
 * signatures touches this file only.
 */
import { dateParts } from '../../../shared/documents/numbering.js'

/**
 * The port is loaded on first use: PDF, font and certificate libraries are
 * most of the module's bundle, and lists, search and directions (most
 * requests, and every cold start they meet) never touch them.
 */
type Port = typeof import('../../lib/signing/index.js')
let loading: Promise<Port> | undefined
const signingPort = (): Promise<Port> => (loading ??= import('../../lib/signing/index.js'))

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: 'notPdf' | 'encrypted' | 'corrupt' }

export interface Signatory {
  userId: string
  fullName: string
  /** Title lines above the personal signature ("T/M BAN THƯỜNG VỤ\nBÍ THƯ"). */
  title?: string
}
/** The body that issues, whose seal it is; its superior's name runs around the seal's ring. */
export interface IssuingOrganisation { unitId: string; name: string; superior?: string }

export interface IssueInput {
  symbolLine: string
  dateLine: string
  /** For the draft's own blanks: the number as the symbol writes it ("05") and the issue date (YYYY-MM-DD, Việt Nam's day). */
  number: string
  date: string
  signatory: Signatory
  organisation: IssuingOrganisation
  /** Place for the signature dictionary (the date line's place). */
  location: string
  reason: string
}

/** What the verification of a PDF found, as the API returns it. */
export type VerificationReport = Awaited<ReturnType<Port['verifyPdf']>>

/**
 * Signing is CPU work (PDF parsing, fonts, RSA): computing many at once in
 * one process only interleaves them and starves every other request of the
 * process (the embedded runtime serves all of them in one). A few at a time
 * finish as fast in total and leave room for the rest.
 */
const SIGNING_SLOTS = 2
let busy = 0
const queue: (() => void)[] = []
async function fewAtATime<T>(fn: () => Promise<T>): Promise<T> {
  if (busy >= SIGNING_SLOTS) await new Promise<void>((resolve) => queue.push(resolve))
  else busy++
  try {
    return await fn()
  } finally {
    const next = queue.shift()
    if (next) next()
    else busy--
  }
}

export const pdfEngine = {
  async check(bytes: Uint8Array): Promise<PdfCheck> {
    const r = await (await signingPort()).isPdf(bytes)
    if (r.ok) return { ok: true, pages: r.pages }
    const reason = r.reason === 'pdf.encrypted' ? 'encrypted' : r.reason === 'pdf.corrupt' ? 'corrupt' : 'notPdf'
    return { ok: false, reason }
  },

  pageCount: async (bytes: Uint8Array) => (await signingPort()).pageCount(bytes),

  /**
   * Issue: the number and date written onto the first page, then the
   * signer's personal signature, then the organisation's seal over it.
   */
  issue: (pdf: Uint8Array, input: IssueInput, signedAt = new Date()): Promise<Uint8Array> => fewAtATime(async () => {
    const port = await signingPort()
    const stamped = await port.stampNumberAndDate(pdf, {
      symbolLine: input.symbolLine, dateLine: input.dateLine, blanks: { number: input.number, ...dateParts(input.date) },
    })
    const block = await port.signingBlock(stamped, input.signatory.fullName)
    const organisation = input.organisation.name
    const personal = await port.signPdf(stamped, {
      signer: { kind: 'person', id: input.signatory.userId, commonName: input.signatory.fullName, organisation },
      kind: 'personal', reason: input.reason, location: input.location, title: input.signatory.title, signedAt,
      ...(block ? { appearance: { page: block.page, rect: block.rect, printed: block.printed } } : {}),
    })
    return port.signPdf(personal, {
      signer: { kind: 'organisation', id: input.organisation.unitId, commonName: organisation, organisation },
      kind: 'seal', reason: input.reason, location: input.location, signedAt, superior: input.organisation.superior,
      ...(block ? { appearance: { page: block.page } } : {}),
    })
  }),

  async verify(pdf: Uint8Array): Promise<VerificationReport> {
    const port = await signingPort()
    return port.verifyPdf(pdf, { roots: await port.trustRoots() })
  },
}
export type PdfEngine = typeof pdfEngine
