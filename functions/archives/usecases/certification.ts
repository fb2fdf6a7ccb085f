/**
 * Certification of a digitised copy (DOMAIN §3, guide 03-HD/VPTW: "the
 * archive unit applies a certification signature"): the merged PDF of a
 * scanned document is signed in the name of the unit whose fonds it is —
 * its organisation key, as an issued document carries its issuing body's
 * seal — through the documents' signing port, with a reason stating that the
 * copy matches the original. The seal sits small in the last page's bottom
 * right margin so it never covers the scanned text.
 */
import { nameOn, parentOn } from '../../../shared/org/tree.js'
import type { UnitIndex } from '../../../shared/org/tree.js'
import { signPdf } from '../../lib/signing/index.js'
import { PDFDocument } from 'pdf-lib'

/** The reason the signature states. [unverified]: the wording of the Party's guide was not found; "sao y bản chính" is the state practice for a certified copy. */
export const CERTIFICATION_REASON = 'Sao y bản chính - Bản số hóa đúng với bản gốc'

export interface ArchiveUnit { unitId: string; name: string; superior?: string }

/** The unit that certifies a file's copies: its fonds' unit, by its name on the day. */
export function archiveUnitOf(index: UnitIndex, unitId: string, date: string): ArchiveUnit {
  const unit = index.get(unitId)
  if (!unit) return { unitId, name: unitId }
  const parentId = parentOn(unit, date)
  const parent = parentId ? index.get(parentId) : undefined
  return { unitId, name: nameOn(unit, date).name, ...(parent ? { superior: nameOn(parent, date).name } : {}) }
}

const SEAL = 84
const MARGIN = 12

export async function certifiedCopy(pdf: Uint8Array, unit: ArchiveUnit, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const pages = doc.getPageCount()
  const { width } = doc.getPage(pages - 1).getSize()
  return signPdf(pdf, {
    signer: { kind: 'organisation', id: unit.unitId, commonName: unit.name, organisation: unit.name },
    kind: 'seal', reason: CERTIFICATION_REASON, location: unit.name, signedAt: at, ...(unit.superior ? { superior: unit.superior } : {}),
    appearance: { page: pages, rect: [width - MARGIN - SEAL, MARGIN, width - MARGIN, MARGIN + SEAL] },
  })
}
