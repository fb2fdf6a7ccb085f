import { describe, expect, it } from 'vitest'
import { authenticationFromHeaders, dangerousAttachment, isSpoofed, unitOfAddress } from '../../../shared/mail/inbound.js'

describe('rules for mail to official addresses', () => {
  it('names the unit of an official address only in the inbound domain', () => {
    expect(unitOfAddress('P-HoanKiem@CongVan.Digital-Office.local', 'congvan.digital-office.local')).toBe('p-hoankiem')
    expect(unitOfAddress('p-hoankiem@example.vn', 'congvan.digital-office.local')).toBeUndefined()
  })

  it('believes only the trusted host\'s Authentication-Results; unchecked is GRAY, not spoofed', () => {
    const trusted = 'mx.digital-office.local'
    expect(authenticationFromHeaders(['mx.attacker.example; spf=pass; dkim=pass; dmarc=pass'], trusted)).toEqual({ spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY', checkedBy: 'none' })
    const failed = authenticationFromHeaders(['mx.digital-office.local; spf=softfail smtp.mailfrom=x.vn; dkim=fail header.d=x.vn; dmarc=fail'], trusted)
    expect(failed).toEqual({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', checkedBy: trusted })
    expect(isSpoofed(failed)).toBe(true)
    expect(isSpoofed({ spf: 'FAIL', dkim: 'PASS', dmarc: 'GRAY', checkedBy: trusted })).toBe(false)
    expect(isSpoofed({ spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY', checkedBy: 'none' })).toBe(false)
  })

  it('refuses executables by name or bytes and archives whose content cannot be checked; a PDF passes', () => {
    expect(dangerousAttachment('hoso.pdf.exe', new Uint8Array([0x25, 0x50]))?.en).toContain('executable')
    expect(dangerousAttachment('hoso.pdf', new Uint8Array([0x4d, 0x5a, 0, 0]))?.en).toContain('executable')
    const zip = new Uint8Array(40); zip.set([0x50, 0x4b, 0x03, 0x04, 20, 0, 1, 0])
    expect(dangerousAttachment('hoso.zip', zip)?.en).toContain('password-protected')
    zip[6] = 0
    expect(dangerousAttachment('hoso.zip', zip)).toBeUndefined()
    expect(dangerousAttachment('hoso.rar', new Uint8Array([0x52, 0x61, 0x72, 0x21]))?.en).toContain('cannot be checked')
    expect(dangerousAttachment('cong-van.pdf', new TextEncoder().encode('%PDF-1.7'))).toBeUndefined()
  })
})
