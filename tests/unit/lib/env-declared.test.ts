import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FUNCTION_ENV_NAMES, functionEnvironment } from '../../../functions/lib/env.js'
import { HOUSE_ENV_VARS } from '../../../infra/constructs/app-function.js'
import { WORKFLOWS } from '../../../infra/definitions/workflows.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const sources = (dir: string): string[] => readdirSync(join(ROOT, dir)).flatMap((name) => {
  const path = join(dir, name)
  if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
  return /\.(ts|tsx)$/.test(name) ? [path] : []
})
const declared = new Set<string>(FUNCTION_ENV_NAMES)

describe('one function configuration (functions/lib/env.ts)', () => {
  it('is the only place under functions/ and shared/ that reads process.env', () => {
    const readers = [...sources('functions'), ...sources('shared')]
      .filter((file) => relative('functions/lib/env.ts', file) !== '')
      .filter((file) => /process\s*\.\s*env|process\s*\[\s*['"]env/.test(readFileSync(join(ROOT, file), 'utf8')))
    expect(readers).toEqual([])
  })

  it('declares every variable CDK sets on a function', () => {
    const setByCdk = new Set<string>([...HOUSE_ENV_VARS, ...WORKFLOWS.map((w) => w.arnEnvVar)])
    for (const file of ['infra/constructs/app-function.ts', ...sources('infra/stacks')]) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\s*=/g)) setByCdk.add(m[1])
      for (const block of text.matchAll(/(?:environment: |const env: [^=]*= )\{([\s\S]*?)\n\s{2,8}\}/g)) {
        for (const m of block[1].matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+):/g)) setByCdk.add(m[1])
      }
    }
    expect(setByCdk.size).toBeGreaterThan(20)
    expect([...setByCdk].filter((name) => !declared.has(name))).toEqual([])
  })

  it('refuses to set a name it does not declare', () => {
    expect(() => functionEnvironment({ NOT_A_SETTING: 'x' } as never)).toThrow(/NOT_A_SETTING is not declared/)
    expect(functionEnvironment({ TABLE_NAME: 't', DB_NAME: undefined })).toEqual({ TABLE_NAME: 't' })
  })
})
