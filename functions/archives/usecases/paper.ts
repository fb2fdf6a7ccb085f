/**
 * What the archive's papers share (the handover record, the fonds'
 * inventory, the disposition report): the Party header of the unit that
 * issues them (its superior, its name, the place its papers are dated at),
 * the A4 page with the Party margins (36-HD/VPTW), the unit's seal at the
 * foot of the last page, and storing the file with a download link.
 */
import { PDFDocument } from 'pdf-lib'
import { ancestorsOn, nameOn, parentOn, type UnitIndex } from '../../../shared/org/tree.js'
import { dateLine, placeOf } from '../../../shared/documents/numbering.js'
import { files } from '../../lib/adapters/blobs.js'
import { embedFonts, wrap } from '../../lib/signing/fonts.js'
import { drawPartyHeader } from '../../lib/signing/party-header.js'
import { signPdf } from '../../lib/signing/index.js'
import type { Flow } from '../../lib/signing/table.js'

export const PAGE: [number, number] = [595.28, 841.89]
/** Margins of the Party format (36-HD/VPTW): left 30 mm, right 15-20 mm, top and bottom 20 mm. */
export const MARGIN = { left: 85, right: 57, top: 57, bottom: 57 }
export const TEXT_WIDTH = PAGE[0] - MARGIN.left - MARGIN.right

/** The header of a unit's paper: its superior, its name, and the place its papers are dated at. */
export function recordHeader(index: UnitIndex, unitId: string, date: string) {
  const unit = index.get(unitId)!
  const chain = [unit, ...ancestorsOn(index, unitId, date).map((id) => index.get(id)!)].map((u) => ({ name: nameOn(u, date).name, level: u.level }))
  const parent = parentOn(unit, date)
  return { issuerName: nameOn(unit, date).name, parentName: parent && index.has(parent) ? nameOn(index.get(parent)!, date).name : 'Đảng Cộng sản Việt Nam', place: placeOf(chain) }
}

export type Paper = ReturnType<typeof recordHeader>

/** A new A4 document with the unit's Party header drawn on its first page (no number line: the paper is not registered). */
export async function unitPaper(paper: Paper, date: string, title: string) {
  const doc = await PDFDocument.create()
  doc.setTitle(title)
  doc.setAuthor(paper.issuerName)
  const fonts = await embedFonts(doc, ['regular', 'bold', 'oblique'] as const)
  const page = doc.addPage(PAGE)
  drawPartyHeader(page, fonts, { parentName: paper.parentName, issuerName: paper.issuerName, numberLine: '', dateLine: dateLine(paper.place, date) })
  const flow: Flow = { doc, page, y: 705, size: PAGE, top: MARGIN.top, bottom: MARGIN.bottom }
  return { doc, fonts, flow }
}

const SEAL_BLOCK = 150
/**
 * Ends the paper with the unit's name at the right and its seal (the
 * organisation's signature through the signing port) under it.
 */
export async function sealed(d: Awaited<ReturnType<typeof unitPaper>>, unit: { unitId: string } & Paper, reason: string, at: Date): Promise<Uint8Array> {
  const { doc, fonts, flow } = d
  if (flow.y - SEAL_BLOCK < flow.bottom) { flow.page = doc.addPage(PAGE); flow.y = PAGE[1] - MARGIN.top }
  const cx = 420
  const lines = wrap(`T/M ${unit.issuerName.toUpperCase()}`, fonts.bold, 11, 2 * (PAGE[0] - MARGIN.right - cx))
  lines.forEach((l, k) => flow.page.drawText(l, { x: cx - fonts.bold.widthOfTextAtSize(l, 11) / 2, y: flow.y - 16 - 14 * k, size: 11, font: fonts.bold }))
  const top = flow.y - 16 - 14 * (lines.length - 1)
  const page = doc.getPageCount()
  const pdf = await doc.save({ useObjectStreams: false })
  return signPdf(pdf, {
    signer: { kind: 'organisation', id: unit.unitId, commonName: unit.issuerName, organisation: unit.issuerName },
    kind: 'seal', reason, location: unit.place, signedAt: at, superior: unit.parentName,
    appearance: { page, rect: [cx - 70, top - 130, cx + 70, top - 10] },
  })
}

/** Stores a paper and hands back a link to download it under its file name. */
export async function stored(key: string, bytes: Uint8Array, fileName: string, contentType: string) {
  await files.put(key, bytes, contentType)
  const link = await files.presignDownload(key, fileName, contentType)
  return { url: link.url, fileName }
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** dd/mm/yyyy of an ISO date or instant, in Việt Nam's day. */
export const dmy = (isoDay: string) => `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`
