/**
 * A confirmed scan document enters the document register (and so the search
 * read model) as an incoming-flow register entry of its fonds' unit, done,
 * with the searchable PDF as its content and the scan as its source. A
 * classified scan enters as a metadata-only entry (no content, ever).
 * The entry's id derives from the scan document's, so registering twice
 * writes once.
 */
import type { OfficialDocument } from '../../../shared/documents/contracts.js'
import { parseSymbol, canonical } from '../../../shared/documents/symbols.js'
import { findIssuer, findType } from '../../../shared/documents/types.js'
import type { ScanDocument } from '../../../shared/archives/contracts.js'
import { Transaction, type AuditActor } from '../../lib/adapters/transaction.js'
import { sha256 } from '../../lib/hash.js'
import { documentItem, documentStore } from '../../documents/adapters/store.js'
import { archiveStore, scanDocumentItem } from '../adapters/store.js'
import { files } from '../../lib/adapters/blobs.js'

export const registeredIdOf = (doc: Pick<ScanDocument, 'unitId' | 'scanDocumentId'>): string =>
  `${doc.unitId}.a-${sha256(doc.scanDocumentId).slice(0, 24)}`

/** The register entry a scan document becomes. */
export async function registerEntry(doc: ScanDocument, actor: AuditActor, now: Date): Promise<OfficialDocument> {
  const f = doc.fields
  const parsed = f.symbol.value ? parseSymbol(f.symbol.value) : undefined
  const symbol = parsed?.ok ? parsed.symbol : undefined
  const type = findType(f.type.value ?? '', false)?.code ?? symbol?.type ?? 'CV'
  const issuerCode = symbol ? symbol.issuer : 'KXĐ'
  const classified = doc.status === 'catalogued'
  let file: OfficialDocument['file']
  if (!classified && doc.pdfKey) {
    const bytes = await files.read(doc.pdfKey, 500 * 1024 * 1024)
    file = { objectKey: doc.pdfKey, fileName: `${symbol ? canonical(symbol).replace(/\//g, '_') : doc.scanDocumentId}.pdf`, contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), pageCount: doc.pageTo - doc.pageFrom + 1 }
  }
  const at = now.toISOString()
  return {
    documentId: registeredIdOf(doc), ownerUnitId: doc.unitId, flow: 'incoming', status: 'done',
    ...(symbol ? { symbol: canonical(symbol), symbolStyle: symbol.style, number: symbol.number } : {}),
    type, issuer: { code: findIssuer(issuerCode)?.code ?? issuerCode, name: f.issuer.value ?? '' },
    ...(f.date.value ? { documentDate: f.date.value } : {}),
    summary: f.summary.value ?? '', urgency: 'normal', confidentiality: doc.confidentiality,
    pageCount: doc.pageTo - doc.pageFrom + 1, ...(file ? { file } : {}),
    source: { kind: 'digitised', documentId: doc.scanDocumentId, unitId: doc.unitId },
    readerUnitIds: [], createdBy: { userId: actor.userId, fullName: actor.name }, version: 1, createdAt: at, updatedAt: at,
  }
}

/** Registers a scan document (confirmed, or catalogued) once: the scan document records the entry in the same transaction. */
export async function registerScanDocument(actor: AuditActor, scanDocumentId: string, verified: Pick<ScanDocument, 'fields' | 'corrections' | 'verifiedBy' | 'verifiedAt'> | undefined, now = new Date()): Promise<ScanDocument> {
  const doc = await archiveStore.getDocument(scanDocumentId)
  if (!doc) throw new Error(`scan document ${scanDocumentId} not found`)
  if (doc.registeredDocumentId) return doc
  const next: ScanDocument = {
    ...doc, ...(verified ?? {}), status: doc.status === 'catalogued' ? 'catalogued' : 'confirmed', toVerify: [], version: doc.version + 1,
  }
  const entry = await registerEntry(next, actor, now)
  next.registeredDocumentId = entry.documentId
  const existing = await documentStore.getDocument(entry.documentId)
  const tx = new Transaction().put(scanDocumentItem(next), { expectVersion: doc.version })
  if (!existing) tx.put(documentItem(entry), { expectVersion: 'new' })
  tx.audit({ unitId: doc.unitId, action: 'archive.register', target: scanDocumentId, details: { documentId: entry.documentId, symbol: entry.symbol, confidentiality: entry.confidentiality } })
  await tx.commit(actor, now)
  return next
}
