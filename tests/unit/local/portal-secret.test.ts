import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPortalSecret } from '../../../infra/local/portal/secret.js'

const root = mkdtempSync(join(tmpdir(), 'do-portal-secret-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('loadPortalSecret', () => {
  it('makes one secret per data directory and keeps it across starts', () => {
    const a = loadPortalSecret(join(root, 'a'))
    const b = loadPortalSecret(join(root, 'b'))
    expect(a).not.toBe(b)
    expect(a.length).toBeGreaterThanOrEqual(40)
    expect(loadPortalSecret(join(root, 'a'))).toBe(a)
  })
})
