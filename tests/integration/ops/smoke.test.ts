/**
 * `npm run smoke`, the operator's post-deploy check, run as the operator runs
 * it (the CLI, a child process) against the embedded runtime's URL: the
 * site, health, sign-in, one read per module, one write rolled back (the
 * user's notification preferences as they were); it fails on a wrong password,
 * and its origin check fails against an API that answers around CloudFront
 * (the embedded gateway has no origin-verify header to require).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { baseUrl, DEMO_PASSWORD, login } from '../../support/api.js'
import { moduleReads } from '../../../infra/operators/smoke.js'

const run = async (...args: string[]): Promise<{ code: number; out: string }> => {
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'infra/operators/smoke.ts', ...args], { encoding: 'utf8', timeout: 120_000 })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code?: number; stdout?: string }
    return { code: e.code ?? -1, out: e.stdout ?? '' }
  }
}

describe('npm run smoke', () => {
  it('passes against a working environment: site, health, sign-in and one read of every module', async () => {
    const admin = await login('admin')
    const before = (await admin.get('/api/notifications/preferences')).body
    const { code, out } = await run('--url', baseUrl(), '--username', 'admin', '--password', DEMO_PASSWORD)
    expect(out).toContain('ok    site loads')
    expect(out).toContain('ok    API health')
    expect(out).toContain('ok    sign-in')
    const modules = [...moduleReads().keys()]
    expect(modules.length).toBeGreaterThanOrEqual(10)
    for (const m of modules) expect(out, m).toMatch(new RegExp(`ok {4}read ${m}: GET /api/\\S+ → 200`))
    // One write, seen and undone: the preferences are as they were.
    expect(out).toMatch(/ok {4}one write rolled back: PUT \/api\/notifications\/preferences \(\S+\.email (true|false) → (true|false)\) read back, then put back and read back/)
    expect((await admin.get('/api/notifications/preferences')).body).toEqual(before)
    expect(out).not.toContain('FAIL')
    expect(code).toBe(0)
  }, 180_000)

  it('fails with a wrong password, and when the API answers without the CloudFront origin header', async () => {
    const wrong = await run('--url', baseUrl(), '--username', 'admin', '--password', 'not-the-password-1')
    expect(wrong.code).toBe(1)
    expect(wrong.out).toMatch(/FAIL {2}sign-in: POST \/api\/auth\/login → 401/)
    expect(wrong.out).toMatch(/FAIL {2}read org: not signed in/)
    expect(wrong.out).toMatch(/FAIL {2}one write rolled back: not signed in/)
    const around = await run('--url', baseUrl(), '--username', 'admin', '--password', DEMO_PASSWORD, '--api-url', baseUrl())
    expect(around.code).toBe(1)
    expect(around.out).toMatch(/FAIL {2}API refuses requests around CloudFront: .* → 200/)
  }, 180_000)
})
