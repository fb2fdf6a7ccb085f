/**
 * Official mail arriving (issue 17): a mail sent by a real SMTP client
 * (Python's smtplib) to a unit's official address becomes an incoming
 * document waiting for the clerk; bad mail gets a clear SMTP answer and
 * changes no document.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, inject, it, vi } from 'vitest'
import { baseUrl, login, type Session } from '../../support/api.js'
import { newWard, pdfOf, person, settled } from '../documents/support.js'

vi.setConfig({ testTimeout: 150_000 })

const DOMAIN = 'congvan.digital-office.local'
interface Sent { ok: boolean; code?: number; message?: string }

function smtplib(spec: Record<string, unknown>): Sent {
  const r = spawnSync('python3', ['tests/support/smtp-send.py'], { input: JSON.stringify({ port: inject('smtpPort'), ...spec }), encoding: 'utf8', timeout: 120_000 })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as Sent
}

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64')
const pdf = (name: string, bytes: Uint8Array) => ({ name, type: 'application/pdf', b64: b64(bytes) })
const mailTo = (ward: string, subject: string, attachments: unknown[], extra: Record<string, string> = {}) => ({
  mailFrom: 'vanthu@ubnd.example.vn', rcpt: [`${ward}@${DOMAIN}`],
  headers: { From: 'Văn phòng UBND tỉnh Bắc Ninh <vanthu@ubnd.example.vn>', To: `${ward}@${DOMAIN}`, Subject: subject, ...extra },
  text: 'Kính gửi Đảng ủy phường, xin gửi kèm công văn.', attachments,
})

/** A ZIP whose one entry is marked encrypted (general-purpose flag bit 0), as a password-protected archive is. */
function encryptedZip(): Uint8Array {
  const name = Buffer.from('hoso.pdf')
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt16LE(1, 6)
  header.writeUInt16LE(name.length, 26)
  return new Uint8Array(Buffer.concat([header, name, Buffer.from('ciphertext')]))
}

async function toConfirm(clerk: Session) {
  const res = await clerk.get('/api/documents?box=to-confirm')
  expect(res.status).toBe(200)
  return res.body.items as any[]
}

describe('mail to a unit\'s official address', () => {
  it('a mail with a PDF from an outside agency arrives as an incoming document waiting for the clerk, with sender, subject, attachments and checks', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Thư Đến')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Thư Đến')
    const subject = 'Công văn số 15/UBND-VP về phối hợp tổ chức hội nghị'

    const sent = smtplib(mailTo(ward, subject, [pdf('cong-van-15.pdf', await pdfOf('Công văn phối hợp tổ chức hội nghị')), { name: 'ghi-chu.txt', type: 'text/plain', b64: b64('Ghi chú kèm theo') }], {
      // Written by the sender itself, not by the receiving host: not believed.
      'Authentication-Results': 'mx.attacker.example; spf=pass; dkim=pass; dmarc=pass',
    }))
    expect(sent).toEqual({ ok: true })

    const item = await settled(async () => {
      const found = (await toConfirm(clerk)).find((i) => i.summary === subject)
      expect(found).toBeDefined()
      return found
    })
    expect(item).toMatchObject({ flow: 'incoming', status: 'arrived', issuer: { name: 'Văn phòng UBND tỉnh Bắc Ninh' }, hasContent: true })
    const doc = (await clerk.get(`/api/documents/${encodeURIComponent(item.documentId)}`)).body.document
    expect(doc.source.kind).toBe('email')
    expect(doc.mail).toMatchObject({
      from: { address: 'vanthu@ubnd.example.vn', name: 'Văn phòng UBND tỉnh Bắc Ninh' }, subject, to: `${ward}@${DOMAIN}`,
      authentication: { spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY', checkedBy: 'none' },
      verification: { valid: false, signatures: 0 },
    })
    expect(doc.mail.attachments.map((a: any) => a.fileName)).toEqual(['cong-van-15.pdf', 'ghi-chu.txt'])
    expect(doc.file.fileName).toBe('cong-van-15.pdf')

    // The clerk confirms it into the incoming register like any arrival.
    const confirmed = await clerk.post(`/api/documents/${encodeURIComponent(item.documentId)}/receipt`, {})
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(confirmed.body.document.status).toBe('received')

    // The clerk was told, in the notification centre.
    const notes = await clerk.get('/api/notifications')
    expect(notes.body.items.some((n: any) => n.kind === 'document.arrived' && n.title.includes(subject))).toBe(true)

    // The development mailbox shows the mail as delivered.
    const box = await (await fetch(`${baseUrl()}/local/mail`, { headers: { authorization: `Bearer ${admin.token}` } })).json() as any[]
    expect(box.find((m) => m.subject === subject)).toMatchObject({ to: [`${ward}@${DOMAIN}`], attachments: [{ fileName: 'cong-van-15.pdf' }, { fileName: 'ghi-chu.txt' }] })
  })

  it('refuses malformed, dangerous, oversized, spoofed, classified and PDF-less mail with a clear answer, and makes no document', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Thư Xấu')
    const clerk = await person(admin, ward, 'clerk', 'Văn thư Thư Xấu')
    const good = await pdfOf('Công văn hợp lệ')

    const cases: [string, Sent][] = [
      ['MẬT', smtplib(mailTo(ward, 'Báo cáo an ninh', [pdf('bao-cao.pdf', await pdfOf('Báo cáo tình hình an ninh', { mark: 'MẬT' }))]))],
      ['tệp chạy được', smtplib(mailTo(ward, 'Cài đặt phần mềm', [pdf('van-ban.pdf', good), { name: 'setup.exe', type: 'application/octet-stream', b64: b64(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])) }]))],
      ['tệp nén có mật khẩu', smtplib(mailTo(ward, 'Hồ sơ nén', [pdf('van-ban.pdf', good), { name: 'hoso.zip', type: 'application/zip', b64: b64(encryptedZip()) }]))],
      ['quá lớn', smtplib(mailTo(ward, 'Tệp rất lớn', [pdf('lon.pdf', new Uint8Array(Buffer.concat([Buffer.from(good), Buffer.alloc(10 * 1024 * 1024, 0x20)])))]))],
      ['SPF FAIL', smtplib(mailTo(ward, 'Giả mạo người gửi', [pdf('van-ban.pdf', good)], { 'Authentication-Results': 'mx.digital-office.local; spf=fail smtp.mailfrom=ubnd.example.vn; dkim=fail; dmarc=fail' }))],
      ['không có tệp PDF', smtplib(mailTo(ward, 'Chỉ có lời', []))],
      ['không đọc được', smtplib({ mailFrom: 'x@example.vn', rcpt: [`${ward}@${DOMAIN}`], raw_b64: b64('this is not a mail at all\r\n') })],
      ['Không có đơn vị nào', smtplib(mailTo('p-khong-co-that', 'Gửi nhầm', [pdf('van-ban.pdf', good)]))],
    ]
    for (const [reason, sent] of cases) {
      expect(sent.ok, reason).toBe(false)
      expect(sent.code, reason).toBe(550)
      expect(sent.message, reason).toContain(reason)
    }
    // Nothing arrived for the clerk: a good mail sent last is the only arrival (the read model follows the unit's writes in order).
    expect(smtplib(mailTo(ward, 'Công văn đến sau cùng', [pdf('van-ban.pdf', good)]))).toEqual({ ok: true })
    const arrived = await settled(async () => {
      const items = await toConfirm(clerk)
      expect(items.length).toBeGreaterThan(0)
      return items
    })
    expect(arrived.map((i) => i.summary)).toEqual(['Công văn đến sau cùng'])
    // The refusals are in the unit's trail.
    const notes = await clerk.get('/api/notifications')
    expect(notes.body.items.filter((n: any) => n.kind === 'mail.refused').length).toBeGreaterThanOrEqual(6)
  })
})
