/**
 * Validation messages name fields in words: every field a contract accepts
 * has a Vietnamese and an English label, and the 400 a bad body gets never
 * shows a field's code ("Trường validFrom" → "Ngày hiệu lực").
 */
import { describe, expect, it } from 'vitest'
import { CONTRACTS, PATH_PARAMETERS } from '../../../shared/api/contracts.js'
import { fieldKeys } from '../../../shared/api/field-keys.js'
import { ValidationError } from '../../../shared/errors/index.js'
import { FIELD_LABELS, issueMessage } from '../../../shared/i18n/field-labels.js'
import { parse } from '../../../functions/lib/validation.js'

const looksLikeCode = (s: string) => /[a-z][A-Z]/.test(s) || /[._]/.test(s.replace(/\.$/, '')) || /^[a-z]+$/.test(s)
const word = (k: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${k}([^\\p{L}\\p{N}]|$)`, 'u')

describe('field labels', () => {
  it('every field of every contract (queries, bodies, path parameters) has a label in both languages, in words', () => {
    const keys = new Set<string>(Object.keys(PATH_PARAMETERS))
    for (const c of Object.values(CONTRACTS)) {
      if (c.query) fieldKeys(c.query, keys)
      if (c.body && c.body !== 'none') fieldKeys(c.body, keys)
    }
    expect(keys.size).toBeGreaterThan(200)
    const missing = [...keys].filter((k) => !FIELD_LABELS[k]?.vi || !FIELD_LABELS[k]?.en)
    expect(missing).toEqual([])
    const codeLike = [...keys].filter((k) => looksLikeCode(FIELD_LABELS[k]!.vi) || looksLikeCode(FIELD_LABELS[k]!.en) || FIELD_LABELS[k]!.en === k)
    expect(codeLike).toEqual([])
  })

  it('no message of a refused body or query contains a field code, in Vietnamese or English', () => {
    let checked = 0
    const offenders: string[] = []
    for (const [route, c] of Object.entries(CONTRACTS)) {
      for (const schema of [c.query, c.body === 'none' ? undefined : c.body]) {
        if (!schema) continue
        const keys = [...fieldKeys(schema)]
        // An empty body (what is required), and every field given a value of the wrong kind.
        for (const bad of [{}, Object.fromEntries(keys.map((k) => [k, [[{ x: 1 }]]]))]) {
          try { parse(schema, bad) } catch (e) {
            if (!(e instanceof ValidationError)) throw e
            // field.unknown lists the keys the client sent that no contract knows: those are the client's own words.
            for (const issue of e.issues.filter((i) => i.code !== 'field.unknown')) {
              for (const lang of ['vi', 'en'] as const) {
                const message = issueMessage(issue, lang)
                checked++
                if (message.includes('{path}') || message.startsWith('Trường ')) offenders.push(`${route} ${issue.path}: ${message}`)
                for (const k of issue.path.split('.')) {
                  const label = FIELD_LABELS[k]?.[lang] ?? ''
                  if (!/^\d+$/.test(k) && k !== '(body)' && !label.toLowerCase().includes(k.toLowerCase()) && word(k).test(message)) offenders.push(`${route} ${issue.path}: ${message}`)
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(offenders).toEqual([])
  })

  it('names the field and the item of a list in words', () => {
    expect(issueMessage({ path: 'validFrom', code: 'field.invalidDate', params: { path: 'validFrom' } }, 'vi')).toBe('Ngày hiệu lực không phải ngày hợp lệ (ví dụ 03/12/2026).')
    expect(issueMessage({ path: 'moves.2.toCellId', code: 'field.required', params: { path: 'moves.2.toCellId' } }, 'vi')).toBe('Chưa có Chi bộ đến (mục 3): thông tin này là bắt buộc.')
    expect(issueMessage({ path: 'validFrom', code: 'field.required', params: { path: 'validFrom' } }, 'en')).toBe('Valid from is required.')
  })
})
