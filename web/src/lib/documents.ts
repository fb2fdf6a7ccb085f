/**
 * Official documents in the UI: labels from shared/documents (types, issuer
 * codes, urgency and confidentiality marks) in the UI language, the file
 * upload used by every document form (slot → presigned PUT with progress),
 * and which documents this browser's user has already opened.
 */
import { useSyncExternalStore } from 'react'
import { ACCEPTED_CONTENT_TYPES, type DocumentStatus } from '../../../shared/documents/contracts'
import { CONFIDENTIALITY, CONFIDENTIALITY_NAMES, type Confidentiality } from '../../../shared/documents/confidentiality'
import { URGENCIES, URGENCY_NAMES, type Urgency } from '../../../shared/documents/urgency'
import { DOCUMENT_TYPES, ISSUER_CODES, typeName } from '../../../shared/documents/types'
import type { Lang } from '../../../shared/i18n/messages'
import { endpoints } from '../api/endpoints'
import { session } from '../api/session'
import { UploadError, uploadFile } from '../api/upload'
import i18n from '../i18n'

export const typeLabel = (code: string, lang: Lang): string => typeName(code, lang)
export const urgencyLabel = (u: string, lang: Lang): string => URGENCY_NAMES[u as Urgency]?.[lang] ?? u
export const confidentialityLabel = (c: string, lang: Lang): string => CONFIDENTIALITY_NAMES[c as Confidentiality]?.[lang] ?? c

export const typeOptions = (lang: Lang) => DOCUMENT_TYPES.map((t) => ({ value: t.code, label: `${t.name[lang]} (${t.code})` }))
export const urgencyOptions = (lang: Lang) => URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[u][lang] }))
export const confidentialityOptions = (lang: Lang) => CONFIDENTIALITY.map((c) => ({ value: c, label: CONFIDENTIALITY_NAMES[c][lang] }))
/** Issuer names (current codes only) as suggestions for the "issuing body" field. */
export const issuerSuggestions = (lang: Lang) => [...new Set(ISSUER_CODES.filter((i) => !i.validTo).map((i) => i.name[lang]))]

export const STATUS_COLOR: Record<DocumentStatus, string> = {
  arrived: 'orange', received: 'blue', directed: 'indigo', done: 'green', returned: 'gray',
  draft: 'gray', 'in-review': 'blue', revising: 'orange', approved: 'teal', issuing: 'yellow', issued: 'green',
}
export const URGENCY_COLOR: Record<Urgency, string> = { normal: 'gray', khan: 'orange', 'thuong-khan': 'red', 'hoa-toc': 'red' }

// ---------- files ----------

export type DocFileKind = 'pdf' | 'docx'

export function fileKind(file: File): DocFileKind | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.pdf')) return 'pdf'
  if (name.endsWith('.docx')) return 'docx'
  return null
}

/** `accept` attribute for the kinds a field takes. */
export const acceptOf = (kinds: readonly DocFileKind[]) =>
  kinds.flatMap((k) => [`.${k}`, ACCEPTED_CONTENT_TYPES[k]]).join(',')

/** Asks for an upload slot and PUTs the file there; returns what the API takes as `file`. */
export async function uploadDocumentFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<{ objectKey: string; fileName: string }> {
  const kind = fileKind(file)
  const contentType = kind ? ACCEPTED_CONTENT_TYPES[kind] : file.type || 'application/octet-stream'
  const ticket = await endpoints.documents.uploadTicket({ fileName: file.name, contentType, size: file.size })
  try {
    await uploadFile(ticket.uploadUrl, file, ticket.headers ?? {}, onProgress, signal)
  } catch (e) {
    // The storage answers in its own words (or not at all): say it plainly.
    if (e instanceof UploadError) throw new Error(i18n.t('errors.network'))
    throw e
  }
  return { objectKey: ticket.objectKey, fileName: file.name }
}

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`

// ---------- opened documents (per user, in this browser) ----------

const SEEN_MAX = 2000
const seenListeners = new Set<() => void>()
let seenCache: { key: string; ids: Set<string> } | null = null

function seenKey(): string {
  return `do.seen.${session.user()?.userId ?? 'anon'}`
}

function readSeen(): Set<string> {
  const key = seenKey()
  if (seenCache?.key === key) return seenCache.ids
  let ids: string[] = []
  try { ids = JSON.parse(localStorage.getItem(key) ?? '[]') as string[] } catch { ids = [] }
  seenCache = { key, ids: new Set(Array.isArray(ids) ? ids : []) }
  return seenCache.ids
}

/** Remembers that the user opened this document (the lists stop showing it as new). */
export function markSeen(documentId: string): void {
  const ids = readSeen()
  if (ids.has(documentId)) return
  const next = new Set([...ids, documentId])
  const list = [...next].slice(-SEEN_MAX)
  try { localStorage.setItem(seenKey(), JSON.stringify(list)) } catch { /* private mode */ }
  seenCache = { key: seenKey(), ids: new Set(list) }
  for (const l of seenListeners) l()
}

export function useSeen(): Set<string> {
  return useSyncExternalStore((fn) => { seenListeners.add(fn); return () => { seenListeners.delete(fn) } }, readSeen, readSeen)
}
