/**
 * PAdES signing of an issued document: a visible signature field, a detached
 * CAdES container over the ByteRange, the signature value from the key port.
 *
 * Every signature is appended as an incremental update, so the organisation's
 * seal added after the signer's signature leaves the first one valid, and the
 * stamped original stays byte-for-byte inside the signed file.
 *
 * @signpdf/signpdf does the ByteRange and /Contents arithmetic; the placeholder
 * is written here rather than with @signpdf/placeholder-pdf-lib because that
 * helper rewrites the whole file on save (breaking earlier signatures) and
 * names every field "Signature1".
 */
import { SignPdf } from '@signpdf/signpdf'
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, ANNOTATION_FLAGS, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'
import {
  PDFArray, PDFDict, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage,
} from 'pdf-lib'
import { RuleError } from '../../../shared/errors/index.js'
import { PERSONAL_SIZE, SEAL_DIAMETER, personalAppearance, sealAppearance, sealInfoAppearance, type Appearance } from './appearance.js'
import { cadesDetached } from './cms.js'
import { openForUpdate } from './incremental.js'
import { signingKeys } from './keys.js'
import type { SignerRef, SigningKeyStore } from './keys-port.js'
import { pemToDer } from './pem.js'

export type Rect = [number, number, number, number]

export interface SignRequest {
  signer: SignerRef
  /** `personal`: the signer's own signature. `seal`: the organisation's seal signature on an issued document. */
  kind: 'personal' | 'seal'
  reason: string
  location: string
  /** The title above a personal signature, one line per `\n`, e.g. "T/M BAN THƯỜNG VỤ\nBÍ THƯ". */
  title?: string
  signedAt?: Date
  /** A seal's superior body (its name around the ring; the organisation's own name in the centre). */
  superior?: string
  appearance?: {
    /** 1-based page; the last page by default (where the signature block is). */
    page?: number
    /** [x1, y1, x2, y2] in points from the bottom left. By default a seal overlaps the left third of the page's last personal signature. */
    rect?: Rect
    /** A personal signature inside the document's own signing block: the page prints the title (and the name) already. */
    printed?: { title: boolean; name: boolean }
  }
}

const FIELD_PREFIX = { personal: 'PersonalSignature', seal: 'OrganisationSeal' } as const
/** Printed, and locked so a viewer's form tools cannot move the signature. */
const WIDGET_FLAGS = ANNOTATION_FLAGS.PRINT | 128
/** Printed, read-only, locked, contents locked: the information box is part of the signed document. */
const INFO_FLAGS = ANNOTATION_FLAGS.PRINT | ANNOTATION_FLAGS.READ_ONLY | 128 | 512

/** ISO 8601 in Vietnam's time (UTC+7, no daylight saving), as the appearance shows it. */
export function vietnamTime(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 19)
  return `${local}+07:00`
}

export async function signPdf(pdf: Uint8Array, req: SignRequest, keys: SigningKeyStore = signingKeys()): Promise<Uint8Array> {
  const chain = await keys.certificateChain(req.signer)
  const signedAt = req.signedAt ?? new Date()
  const update = await openForUpdate(pdf)
  const { doc } = update
  const pages = doc.getPageCount()
  const pageNumber = req.appearance?.page ?? pages
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pages) {
    throw new RuleError('pdf.pageOutOfRange', { page: pageNumber, pages })
  }
  const page = doc.getPage(pageNumber - 1)
  const form = acroForm(doc)
  const existing = signatureWidgets(doc, form.fields)

  const signature = doc.context.register(signatureDictionary(doc, req, signedAt, placeholderBytes(chain)))
  const name = fieldName(FIELD_PREFIX[req.kind], existing.map((w) => w.field))
  let rect: Rect
  let appearance: Appearance
  if (req.kind === 'personal') {
    rect = req.appearance?.rect ?? defaultPersonalRect(page)
    const printed = req.appearance?.printed
    appearance = await personalAppearance(doc, {
      name: req.signer.commonName, title: printed?.title ? undefined : req.title, showName: !printed?.name, width: width(rect), height: height(rect),
    })
  } else {
    const personal = existing.filter((w) => w.field.startsWith(FIELD_PREFIX.personal) && w.page === page.ref.tag).pop()
    rect = req.appearance?.rect ?? sealRect(personal?.rect ?? defaultPersonalRect(page))
    // The seal and its information box name the organisation that signs: the certificate's subject.
    appearance = await sealAppearance(doc, { organisation: req.signer.commonName, superior: req.superior, width: width(rect), height: height(rect) })
    await addSealInformation(doc, req.signer.commonName, signedAt)
  }
  // One dictionary is both the field and its widget.
  const fieldRef = doc.context.register(doc.context.obj({
    Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFHexString.fromText(name), V: signature,
    Rect: rect, F: WIDGET_FLAGS, P: page.ref, AP: { N: appearance.ref },
  }))
  annotate(page, fieldRef)
  form.fields.push(fieldRef)
  form.dict.set(PDFName.of('SigFlags'), PDFNumber.of(form.flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY))

  const withPlaceholder = update.save()
  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new KeyStoreSigner(keys, req.signer, chain))
  return new Uint8Array(signed)
}

/** The @signpdf signer interface, answered by the key port: the CMS is built here, the signature value made there. */
class KeyStoreSigner extends Signer {
  constructor(private readonly keys: SigningKeyStore, private readonly subject: SignerRef, private readonly chain: string[]) { super() }
  async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(await cadesDetached(new Uint8Array(content), this.chain, (digest) => this.keys.sign(this.subject, digest)))
  }
}

/** Room for the CMS: the chain, the signature and the attributes, with slack for longer keys. */
function placeholderBytes(chain: string[]): number {
  const certificates = chain.reduce((sum, pem) => sum + pemToDer(pem).length, 0)
  return Math.ceil((certificates + 3072) / 1024) * 1024
}

function signatureDictionary(doc: PDFDocument, req: SignRequest, signedAt: Date, contentsBytes: number): PDFInvalidObject {
  const byteRange = PDFArray.withContext(doc.context)
  byteRange.push(PDFNumber.of(0))
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER))
  const dict = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('00'.repeat(contentsBytes)),
    M: PDFString.fromDate(signedAt),
    Name: PDFHexString.fromText(req.signer.commonName),
    Reason: PDFHexString.fromText(req.reason),
    Location: PDFHexString.fromText(req.location),
    Prop_Build: { App: { Name: 'DigitalOffice' } },
  })
  // Written verbatim, so the placeholder keeps its exact position and width until @signpdf fills it.
  const bytes = new Uint8Array(dict.sizeInBytes())
  dict.copyBytesInto(bytes, 0)
  return PDFInvalidObject.of(bytes)
}

function acroForm(doc: PDFDocument): { dict: PDFDict; fields: PDFArray; flags: number } {
  let dict = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)
  if (!dict) {
    dict = doc.context.obj({ Fields: [] })
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(dict))
  }
  let fields = dict.lookupMaybe(PDFName.of('Fields'), PDFArray)
  if (!fields) {
    fields = doc.context.obj([])
    dict.set(PDFName.of('Fields'), fields)
  }
  const flags = dict.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0
  return { dict, fields, flags }
}

interface ExistingWidget { field: string; page?: string; rect: Rect }

/** Signature fields already in the document, with their widgets: for unique names and for placing the seal. */
function signatureWidgets(doc: PDFDocument, fields: PDFArray): ExistingWidget[] {
  const out: ExistingWidget[] = []
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict)
    const name = field?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText()
    if (!field || !name) continue
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray)
    const widgets = kids ? kids.asArray().map((k) => doc.context.lookupMaybe(k, PDFDict)).filter((w): w is PDFDict => !!w) : [field]
    for (const w of widgets) {
      const rect = w.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n as PDFNumber).asNumber())
      const pageRef = w.get(PDFName.of('P'))
      if (rect?.length === 4) out.push({ field: name, page: pageRef instanceof PDFRef ? pageRef.tag : undefined, rect: rect as Rect })
    }
  }
  return out
}

function fieldName(prefix: string, taken: string[]): string {
  let n = 1
  while (taken.includes(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

const width = (r: Rect) => Math.abs(r[2] - r[0])
const height = (r: Rect) => Math.abs(r[3] - r[1])

/** Bottom right, where the signature block of a Party document stands when the template gives no position. */
function defaultPersonalRect(page: PDFPage): Rect {
  const { width: w, height: h } = page.getSize()
  const right = w - 0.075 * w
  const bottom = 0.2 * h
  return [right - PERSONAL_SIZE.width, bottom, right, bottom + PERSONAL_SIZE.height]
}

/** The seal covers the left third of the personal signature and is centred on it vertically. */
function sealRect(personal: Rect): Rect {
  const [x1, y1, x2, y2] = [Math.min(personal[0], personal[2]), Math.min(personal[1], personal[3]), Math.max(personal[0], personal[2]), Math.max(personal[1], personal[3])]
  const right = x1 + (x2 - x1) / 3
  const middle = (y1 + y2) / 2
  return [right - SEAL_DIAMETER, middle - SEAL_DIAMETER / 2, right, middle + SEAL_DIAMETER / 2]
}

/** Top right corner of the first page, inside the top margin. */
function infoRect(page: PDFPage, info: Appearance): Rect {
  const { width: w, height: h } = page.getSize()
  const right = w - 0.035 * w
  const top = h - 0.015 * h
  return [right - info.width, top - info.height, right, top]
}

/**
 * The seal signature's information box on the first page. A locked stamp
 * annotation, not a second widget of the seal's field: verifiers such as
 * poppler read each widget of a field as a signature of its own, and an
 * annotation (unlike new page content) is a change earlier signatures allow.
 */
async function addSealInformation(doc: PDFDocument, organisation: string, signedAt: Date): Promise<void> {
  const first = doc.getPage(0)
  const info = await sealInfoAppearance(doc, { organisation, signedAtIso: vietnamTime(signedAt) })
  annotate(first, doc.context.register(doc.context.obj({
    Type: 'Annot', Subtype: 'Stamp', Rect: infoRect(first, info), F: INFO_FLAGS, P: first.ref, AP: { N: info.ref },
    Contents: PDFHexString.fromText(info.lines.join('\n')),
  })))
}

function annotate(page: PDFPage, ref: PDFRef): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (annots) annots.push(ref)
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]))
}
