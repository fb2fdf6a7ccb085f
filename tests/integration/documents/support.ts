/** Helpers of the documents integration tests: PDFs, uploads, throw-away units and people. */
import { expect } from 'vitest'
import { renderDocumentPdf, type DemoPdf } from '../../../infra/local/demo-documents.js'
import { call, eventually, login, uniq, type Session } from '../../support/api.js'
import { vietnamDate } from '../../../shared/calendar/vietnam-time.js'
import { docxOf } from '../assistant/support.js'

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const PASSWORD = 'Thu-nghiem#2026'

export function pdfOf(summary: string, extra: Partial<DemoPdf> = {}): Promise<Uint8Array> {
  return renderDocumentPdf({
    superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'ĐẢNG ỦY PHƯỜNG HOÀN KIẾM', typeName: 'CÔNG VĂN', summary,
    body: ['Văn bản dùng trong kiểm thử tự động của hệ thống Văn phòng số.'], ...extra,
  })
}

/** A real (minimal) Word document, as a drafter would upload one. */
export function docxBytes(lines: string[] = ['ĐẢNG ỦY PHƯỜNG', 'CÔNG VĂN', 'V/v thử nghiệm hệ thống Văn phòng số']): Uint8Array {
  return docxOf(lines)
}

/** Asks for an upload slot and PUTs the bytes; returns what the API takes as `file`. */
export async function upload(s: Session, bytes: Uint8Array, fileName = 'van-ban.pdf', contentType = fileName.endsWith('.docx') ? DOCX : PDF): Promise<{ objectKey: string; fileName: string }> {
  const slot = await s.post('/api/documents/uploads', { fileName, contentType, size: bytes.length })
  expect(slot.status, JSON.stringify(slot.body)).toBe(201)
  const put = await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  return { objectKey: slot.body.objectKey, fileName }
}

export async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

export async function put<T = any>(s: Session, path: string, body: unknown, lang: 'vi' | 'en' = 'vi') {
  return call<T>('PUT', path, { token: s.token, body, lang })
}

/** A ward of its own (fresh counters, its own registers), under the city. */
export async function newWard(admin: Session, name: string): Promise<string> {
  const id = `p-doc-${uniq()}`
  const res = await admin.post('/api/units', { unitId: id, code: 'ĐU', name, level: 'commune', kind: 'party-committee', parentId: 'hn-tu', validFrom: '2025-07-01' })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return id
}

/** A person with one role in one unit, signed in. */
export async function person(admin: Session, unitId: string, role: string, fullName: string, position?: string, clearance = 'internal'): Promise<Session & { userId: string; username: string }> {
  const username = `${role.replace(/[^a-z]/g, '')}.${uniq()}`
  const res = await admin.post('/api/users', { username, fullName, clearance, password: PASSWORD, assignments: [{ unitId, role, ...(position ? { position } : {}) }] })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const s = await login(username, PASSWORD)
  return Object.assign(s, { userId: res.body.user.userId as string, username })
}

/** Retries until the read model caught up; generous, as other test files may load the platform meanwhile. */
export const settled = <T>(check: () => Promise<T>): Promise<T> => eventually(check, { timeoutMs: 45_000, intervalMs: 250 })

/** Waits until the read model shows the document (lists and search read it). */
export async function listed(s: Session, path: string, documentId: string, present = true): Promise<any[]> {
  return settled(async () => {
    const res = await s.get(path)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const ids = res.body.items.map((i: any) => i.documentId)
    if (present) expect(ids).toContain(documentId)
    else expect(ids).not.toContain(documentId)
    return res.body.items
  })
}

export const today = (): string => vietnamDate()
