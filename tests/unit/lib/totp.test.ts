import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode } from '../../../functions/lib/totp.js'

// RFC 6238 Appendix B, SHA-1: the ASCII secret "12345678901234567890", 8 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'))
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
  [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
]

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('gives the RFC\'s code at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(code)
    // Six digits are the last six of the same truncation.
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code.slice(-6))
  })

  it('gives RFC 4226\'s HOTP values (Appendix D)', () => {
    const key = Buffer.from('12345678901234567890', 'ascii')
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489'])
  })

  it('round-trips base32 and reads the RFC secret in its usual spelling', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes)
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString('ascii')).toBe('12345678901234567890')
  })

  it('accepts the code of the step before and after (clock drift), not two steps away, and says which step matched', () => {
    const at = new Date(1111111111 * 1000)
    const step = Math.floor(1111111111 / 30)
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, at), at)).toBe(step)
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() - 30_000)), at)).toBe(step - 1)
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() + 30_000)), at)).toBe(step + 1)
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() - 60_000)), at)).toBeUndefined()
    expect(matchTotp(RFC_SECRET, '12345', at)).toBeUndefined()
    expect(matchTotp(RFC_SECRET, 'abcdef', at)).toBeUndefined()
  })

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'ngo.thi.hang', 'Digital Office'))
      .toBe('otpauth://totp/Digital%20Office:ngo.thi.hang?secret=JBSWY3DPEHPK3PXP&issuer=Digital%20Office&algorithm=SHA1&digits=6&period=30')
  })
})
