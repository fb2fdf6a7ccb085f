/**
 * Words on screens read as Vietnamese does: an amount never wraps between its
 * number and "đ", a field message does not repeat the field's own name
 * ("Địa chỉ email Email không hợp lệ"), and no label carries a format code
 * such as "(YYYY-MM-DD)".
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGES, translate } from '../../../shared/i18n/messages'
import { money } from '../../../web/src/lib/money'

describe('amounts', () => {
  it.each([['vi', '120.000\u00a0đ'], ['en', '120,000\u00a0đ']] as const)('joins the number and "đ" with a non-breaking space (%s)', (lang, expected) => {
    expect(money(120000, lang)).toBe(expected)
    expect(money(120000, lang)).not.toMatch(/ đ/) // an ordinary space lets the line break there
  })
})

describe('field messages', () => {
  it('says "Địa chỉ email không hợp lệ" under an e-mail field, the name once', () => {
    const vi = translate('field.invalidEmail', 'vi', { path: 'Email' })
    expect(vi).toMatch(/^Địa chỉ email không hợp lệ/)
    expect(vi.match(/email/gi)).toHaveLength(1)
    expect(translate('field.invalidEmail', 'en', { path: 'E-mail' }).match(/e-?mail/gi)).toHaveLength(1)
  })

  it('writes no format code (YYYY, MM, DD) into a Vietnamese message', () => {
    const withCodes = Object.entries(MESSAGES).filter(([, m]) => /\b(YYYY|MM|DD)\b/.test(m.vi)).map(([k]) => k)
    expect(withCodes).toEqual([])
  })
})

describe('labels', () => {
  it('carries no "(YYYY-MM-DD)" in any screen string', () => {
    const dir = join(__dirname, '../../../web/src/i18n')
    const hits = readdirSync(dir).filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => /\((YYYY|yyyy|dd\/mm|mm\/dd)[^)]*\)/.test(line))
      .map(([f, n, line]) => `${f}:${n}: ${line.trim()}`)
    expect(hits).toEqual([])
  })
})
