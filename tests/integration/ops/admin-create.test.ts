/**
 * `npm run admin:create`, run as the operator runs it (the CLI, a child
 * process) against the embedded runtime: the person it creates is the
 * administrator of the root unit, signs in through the embedded issuer with
 * the printed temporary password, must change it (NEW_PASSWORD_REQUIRED) and
 * set up an authenticator, and then manages people; what it wrote is in the
 * root unit's audit chain, which still verifies. A second run says it exists
 * and changes nothing. On an empty table (a fresh environment) it creates the
 * root unit too, and refuses without the root unit's name.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'
import { totpCode } from '../../../functions/lib/totp.js'
import { call, login, uniq } from '../../support/api.js'
import { ensureTables, localDynamoClient, mainTableInput } from '../../../infra/local/dynamodb.js'

const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const local = ['--local', '--data-dir', inject('dataDir'), '--dynamo-endpoint', inject('dynamoEndpoint')]
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'infra/operators/admin-create.ts', ...local, ...args], { encoding: 'utf8', timeout: 120_000 })
    return { code: 0, out: stdout, err: stderr }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, out: e.stdout ?? '', err: e.stderr ?? '' }
  }
}
const post = (path: string, body: unknown) => call('POST', path, { body })
const temporaryPassword = (out: string) => /temporary password \(printed once; changed at the first sign-in\): (\S+)/.exec(out)?.[1]

describe('npm run admin:create (embedded runtime)', () => {
  it('creates the administrator of the root unit, who signs in with the temporary password, changes it and sets up MFA', async () => {
    const username = `quantri.${uniq()}`
    const first = await run('--username', username, '--email', `${username}@example.vn`, '--full-name', 'Trần Thị Quản Trị')
    expect(first.code, first.err).toBe(0)
    expect(first.out).toContain('Đơn vị / unit: Thành ủy Hà Nội (hn-tu)')
    expect(first.out).toContain(`account created: ${username}`)
    expect(first.out).toContain('user created, administrator of Thành ủy Hà Nội')
    const password = temporaryPassword(first.out)
    expect(password).toBeDefined()

    // The temporary password is refused as a session: it must be changed first, then an authenticator is set up.
    const signIn = await post('/api/auth/login', { username, password })
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200)
    expect(signIn.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) })
    const changed = await post('/api/auth/challenge', { username, challenge: 'NEW_PASSWORD_REQUIRED', session: signIn.body.session, newPassword: 'Quan-tri-moi#2026' })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) })
    const setup = await post('/api/auth/mfa/setup', { username, session: changed.body.session })
    const done = await post('/api/auth/challenge', { username, challenge: 'MFA_SETUP', session: setup.body.session, code: totpCode(setup.body.secretCode) })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const token = done.body.token as string

    // An administrator of the root unit: manages people there.
    const me = (await call('GET', '/api/me', { token })).body.user
    expect(me).toMatchObject({ username, fullName: 'Trần Thị Quản Trị', assignments: [{ unitId: 'hn-tu', role: 'admin' }] })
    const person = await call('POST', '/api/users', { token, body: { username: `moi.${uniq()}`, fullName: 'Người Dùng Mới', assignments: [{ unitId: 'hn-vptu', role: 'specialist' }] } })
    expect(person.status, JSON.stringify(person.body)).toBe(201)

    // Audited in the root unit's chain, which still verifies (the operator's MAC is the functions' key).
    const inspector = await login('admin')
    const entries = (await inspector.get('/api/audit?unitId=hn-tu&limit=200')).body.entries as any[]
    expect(entries.find((e) => e.action === 'user.create' && e.details?.username === username)).toMatchObject({ actor: { name: expect.stringContaining('admin:create') } })
    expect((await inspector.get('/api/audit/verify?unitId=hn-tu')).body.valid).toBe(true)

    // A second run: exists, nothing changed, the password the person chose still works.
    const second = await run('--username', username, '--email', `${username}@example.vn`, '--full-name', 'Trần Thị Quản Trị')
    expect(second.code, second.err).toBe(0)
    expect(second.out).toContain(`the account already exists, its password is unchanged: ${username}`)
    expect(second.out).toContain('the user already exists (admin); không thay đổi gì / nothing changed')
    expect(temporaryPassword(second.out)).toBeUndefined()
    expect((await post('/api/auth/login', { username, password: 'Quan-tri-moi#2026' })).body.challenge).toBe('SOFTWARE_TOKEN_MFA')
  }, 240_000)

  it('on an empty table creates the root unit as well, and without its name refuses and writes nothing', async () => {
    const table = `fresh-${uniq()}`
    await ensureTables(localDynamoClient(inject('dynamoEndpoint')), [mainTableInput(table)])
    const username = `dau.${uniq()}`
    const args = ['--table', table, '--username', username, '--email', `${username}@example.vn`, '--full-name', 'Lê Văn Đầu Tiên']

    const refused = await run(...args)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('the tree is empty: --unit-name and --unit-code of the root unit are needed')
    expect(refused.out).not.toContain('account created')

    const created = await run(...args, '--unit-name', 'Tỉnh ủy Thử Nghiệm', '--unit-code', 'TU')
    expect(created.code, created.err).toBe(0)
    expect(created.out).toMatch(/root unit created: Tỉnh ủy Thử Nghiệm \(tu-[0-9a-f]{6}\)/)
    expect(created.out).toContain('administrator of Tỉnh ủy Thử Nghiệm')

    // The unit is the tree's root now: another administrator is placed there without being told where.
    const other = `hai.${uniq()}`
    const again = await run('--table', table, '--username', other, '--email', `${other}@example.vn`, '--full-name', 'Phạm Thị Thứ Hai')
    expect(again.code, again.err).toBe(0)
    expect(again.out).toMatch(/Đơn vị \/ unit: Tỉnh ủy Thử Nghiệm \(tu-[0-9a-f]{6}\)/)
    expect(again.out).not.toContain('root unit created')
  }, 240_000)
})
