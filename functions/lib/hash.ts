/**
 * The one content hash of the platform: SHA-256 in lowercase hex, for file
 * fingerprints (FileRef.sha256) and for ids derived from another id, so that
 * a retried write lands on the same item.
 */
import { createHash } from 'node:crypto'

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex')
