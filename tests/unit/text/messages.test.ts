import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MESSAGES, pickLang, translate } from '../../../shared/i18n/messages.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

/** Every message code the server code can produce, found in the source text. */
function collectCodes(): Map<string, string> {
  const codes = new Map<string, string>() // code → first file using it
  const add = (code: string, file: string) => { if (!codes.has(code)) codes.set(code, relative(ROOT, file)) }
  const files = [...sourceFiles(join(ROOT, 'shared')), ...sourceFiles(join(ROOT, 'functions'))]
    .filter((f) => !f.endsWith(join('shared', 'i18n', 'messages.ts')))
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    // The first argument of each error constructor, e.g. `new ForbiddenError(readable ? 'auth.forbidden' : 'auth.outsideSubtree', ...)`.
    for (const m of text.matchAll(/new (?:RuleError|ConflictError|DomainError|ForbiddenError|UnauthenticatedError)\(([^{)]*)/g)) {
      for (const s of m[1].matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) add(s[1], file)
    }
    for (const m of text.matchAll(/'(field\.[a-zA-Z]+)'/g)) add(m[1], file)
    for (const m of text.matchAll(/new NotFoundError\('([a-z]+)'/g)) add(`notFound.${m[1]}`, file)
  }
  // Codes built inside shared/errors: defaults (`code = '...'`), fixed codes (`super('...'`) and the NotFound kinds.
  const errorsFile = join(ROOT, 'shared', 'errors', 'index.ts')
  const errors = readFileSync(errorsFile, 'utf8')
  for (const m of errors.matchAll(/(?:code = |super\()'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) add(m[1], errorsFile)
  const kinds = errors.match(/what: ((?:'[a-z]+'(?: \| )?)+)/)?.[1] ?? ''
  for (const m of kinds.matchAll(/'([a-z]+)'/g)) add(`notFound.${m[1]}`, errorsFile)
  return codes
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogue covers every code', () => {
  const codes = collectCodes()

  it('finds the codes in the source (the scan itself works)', () => {
    expect([...codes.keys()]).toEqual(expect.arrayContaining([
      'rule.cyclicMove', 'auth.outsideSubtree', 'auth.forbidden', 'auth.invalidCredentials', 'conflict.version',
      'request.malformedJson', 'field.required', 'field.invalidDate', 'notFound.unit', 'auth.required', 'validation.failed',
    ]))
  })

  it('has a Vietnamese and an English message for every code used in shared/ and functions/', () => {
    // Act
    const missing = [...codes].filter(([code]) => !MESSAGES[code]?.vi?.trim() || !MESSAGES[code]?.en?.trim()).map(([code, file]) => `${code} (${file})`)

    // Assess
    expect(missing).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.entries(MESSAGES).filter(([, m]) => placeholders(m.vi).join() !== placeholders(m.en).join()).map(([code]) => code)

    expect(mismatched).toEqual([])
  })
})

describe('translate', () => {
  it('fills the parameters into the Vietnamese message', () => {
    expect(translate('auth.outsideSubtree', 'vi', { unitId: 'p-hoankiem' })).toBe('Đơn vị p-hoankiem nằm ngoài phạm vi quản lý của bạn.')
  })

  it('fills the parameters into the English message, numbers included', () => {
    expect(translate('field.tooShort', 'en', { path: 'name', min: 2 })).toBe('name is too short (at least 2).')
    expect(translate('request.tooLarge', 'en', { limit: 262144 })).toBe('The request body is too large (at most 262144 bytes).')
  })

  it('leaves a placeholder visible when its parameter is missing', () => {
    expect(translate('notFound.unit', 'en')).toBe('Unit {id} not found.')
  })

  it('shows the code itself for an unknown code rather than failing', () => {
    expect(translate('no.such.code', 'vi')).toBe('no.such.code')
  })
})

describe('pickLang', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['EN', 'en'],
    ['fr-FR,fr;q=0.9', 'vi'],
  ])('picks %j → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang)
  })
})
