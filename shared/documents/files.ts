/**
 * Files of documents: what may be uploaded (PDF and DOCX, up to a size) and a
 * first look at the bytes (magic numbers) before the PDF engine loads them.
 */
import { ACCEPTED_CONTENT_TYPES } from './contracts.js'

export type FileKind = keyof typeof ACCEPTED_CONTENT_TYPES
const EXTENSIONS: Record<string, FileKind> = { pdf: 'pdf', docx: 'docx' }

/** The kind of an upload from its declared name and type, or undefined when not accepted. */
export function uploadKind(fileName: string, contentType: string): FileKind | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  const kind = EXTENSIONS[ext]
  if (!kind) return undefined
  const type = contentType.toLowerCase().split(';')[0].trim()
  return type === ACCEPTED_CONTENT_TYPES[kind] ? kind : undefined
}

/** Does `bytes` contain the ASCII `text` (within the first `limit` bytes)? Plain loops: the SPA has no Buffer. */
export function includesAscii(bytes: Uint8Array, text: string, limit = bytes.length): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0))
  const end = Math.min(bytes.length, limit) - needle.length
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** What the bytes are, by their magic numbers (a PDF header may sit anywhere in the first 1024 bytes). */
export function sniff(bytes: Uint8Array): FileKind | 'unknown' {
  if (includesAscii(bytes, '%PDF-', 1024)) return 'pdf'
  // A DOCX is a ZIP whose entries include word/document.xml (entry names are stored uncompressed).
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  if (zip && includesAscii(bytes, 'word/document.xml') && includesAscii(bytes, '[Content_Types].xml')) return 'docx'
  return 'unknown'
}
