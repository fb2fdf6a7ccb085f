/**
 * Rules for mail arriving at a unit's official address (thư điện tử công vụ):
 * the address of a unit, what the receiving host's authentication verdicts
 * say about the sender, and which attachments are dangerous. Pure: the SES
 * receipt handler and the local SMTP server both use them.
 */

/** A unit's official address: `<unitId>@<inbound domain>` (e.g. `p-hoankiem@congvan.hanoi.dcs.vn`). */
export const officialAddress = (unitId: string, domain: string): string => `${unitId}@${domain}`.toLowerCase()

/** The unit an official address names, if it is one (the domain compared without case). */
export function unitOfAddress(address: string, domain: string): string | undefined {
  const m = /^([a-z0-9][a-z0-9._-]*)@(.+)$/i.exec(address.trim())
  return m && m[2].toLowerCase() === domain.toLowerCase() ? m[1].toLowerCase() : undefined
}

/** SES receipt verdict statuses (also what the local server records). */
export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED'
export interface MailAuthentication {
  spf: VerdictStatus
  dkim: VerdictStatus
  dmarc: VerdictStatus
  /** Who decided: SES's receipt verdicts, or a trusted Authentication-Results header (the local server has no DNS: GRAY = not checked). */
  checkedBy: string
}

const RESULT: Record<string, VerdictStatus> = {
  pass: 'PASS', fail: 'FAIL', softfail: 'FAIL', hardfail: 'FAIL', permerror: 'PROCESSING_FAILED', temperror: 'PROCESSING_FAILED', neutral: 'GRAY', none: 'GRAY', policy: 'FAIL',
}

/**
 * The verdicts of the Authentication-Results headers (RFC 8601) that the
 * trusted receiving host wrote; a header naming any other host is the
 * sender's own claim and is ignored. Missing results are GRAY (not checked).
 */
export function authenticationFromHeaders(values: readonly string[], trustedAuthserv: string): MailAuthentication {
  const out: MailAuthentication = { spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY', checkedBy: 'none' }
  for (const value of values) {
    const [authserv, ...rest] = value.split(';').map((p) => p.trim())
    if (authserv.split(/\s+/)[0].toLowerCase() !== trustedAuthserv.toLowerCase()) continue
    out.checkedBy = trustedAuthserv
    for (const part of rest) {
      const m = /^(spf|dkim|dmarc)\s*=\s*([a-z]+)/i.exec(part)
      if (m) out[m[1].toLowerCase() as 'spf' | 'dkim' | 'dmarc'] = RESULT[m[2].toLowerCase()] ?? 'GRAY'
    }
  }
  return out
}

/**
 * A sender is taken as spoofed when DMARC failed, or when SPF and DKIM both
 * failed. Unchecked (GRAY) is not spoofed: it is recorded and shown as such.
 */
export const isSpoofed = (a: MailAuthentication): boolean => a.dmarc === 'FAIL' || (a.spf === 'FAIL' && a.dkim === 'FAIL')

const EXECUTABLE_EXTENSIONS = new Set(['exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'dll', 'cpl', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'ps1', 'jar', 'lnk', 'sh', 'app', 'apk', 'iso', 'img'])
const INSPECTABLE_ARCHIVES_ONLY = new Set(['rar', '7z', 'ace', 'arj', 'cab'])

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v)

/** Is a ZIP entry encrypted (general-purpose flag bit 0 of any local file header)? */
function zipEncrypted(b: Uint8Array): boolean {
  for (let i = 0; i + 8 <= b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x03 && b[i + 3] === 0x04 && (b[i + 6] & 1) === 1) return true
  }
  return false
}

/** Why an attachment is dangerous (an executable, an encrypted or uninspectable archive), in vi and en; none when it is not. */
export function dangerousAttachment(fileName: string, bytes: Uint8Array): { vi: string; en: string } | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  if (EXECUTABLE_EXTENSIONS.has(ext) || startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x23, 0x21])) {
    return { vi: 'tệp chạy được (chương trình, kịch bản)', en: 'an executable (program or script)' }
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipEncrypted(bytes)) return { vi: 'tệp nén có mật khẩu, không kiểm tra được nội dung', en: 'a password-protected archive whose content cannot be checked' }
  if (INSPECTABLE_ARCHIVES_ONLY.has(ext) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    return { vi: 'tệp nén không kiểm tra được nội dung', en: 'an archive whose content cannot be checked' }
  }
  return undefined
}
