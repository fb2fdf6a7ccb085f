/**
 * Document ids: new ones sort by creation with the owner unit first; derived
 * ones (a recipient's copy) are the same whatever the retries.
 */
import { randomBytes } from 'node:crypto'
import { sha256 } from '../../lib/hash.js'

/** `<unitId>.<time><random>`: sortable by creation, owner first. */
export function newDocumentId(ownerUnitId: string, now: Date): string {
  return `${ownerUnitId}.${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`
}

/** The copy a recipient unit gets of an issued document: one per (document, recipient), whatever the retries. */
export function incomingCopyId(recipientUnitId: string, sourceDocumentId: string): string {
  return `${recipientUnitId}.in-${sha256(sourceDocumentId).slice(0, 24)}`
}
