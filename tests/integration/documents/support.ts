/** Helpers of the documents integration tests: PDFs, uploads, throw-away units and people. */
import { expect } from 'vitest'
import { renderDocumentPdf, type DemoPdf } from '../../../infra/local/demo-documents.js'
import { call, eventually, login, uniq, type Session } from '../../support/api.js'

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const PASSWORD = 'Thu-nghiem#2026'

export function pdfOf(summary: string, extra: Partial<DemoPdf> = {}): Promise<Uint8Array> {
  return renderDocumentPdf({
    superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', issuer: 'ĐẢNG ỦY PHƯỜNG HOÀN KIẾM', typeName: 'CÔNG VĂN', summary,
    body: ['Văn bản dùng trong kiểm thử tự động của hệ thống Văn phòng số.'], ...extra,
  })
}

/** A minimal DOCX: a ZIP whose entries are [Content_Types].xml and word/document.xml (stored, uncompressed). */
export function docxBytes(): Uint8Array {
  const entries: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
  ]
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, text] of entries) {
    const data = Buffer.from(text)
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt32LE(data.length, 18); header.writeUInt32LE(data.length, 22); header.writeUInt16LE(name.length, 26)
    const entry = Buffer.concat([header, Buffer.from(name), data])
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(name.length, 28); dir.writeUInt32LE(offset, 42)
    central.push(Buffer.concat([dir, Buffer.from(name)]))
    parts.push(entry)
    offset += entry.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, cd, end]))
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

export const today = (): string => new Date().toISOString().slice(0, 10)
