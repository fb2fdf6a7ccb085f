/**
 * Sign-in challenges against the embedded issuer, as Cognito plays them on
 * staging and prod: a temporary password must be changed (the policy's
 * message when too weak), an account with MFA sets up an authenticator app
 * (secret and otpauth URI, the first code checks it) and gives a TOTP code at
 * each later sign-in; wrong codes, reused codes and reused sessions are
 * refused, and wrong codes count towards the lockout as wrong passwords do.
 */
import { describe, expect, it, vi } from 'vitest'
import { totpCode } from '../../../functions/lib/totp.js'
import { call, login, uniq } from '../../support/api.js'

vi.setConfig({ testTimeout: 120_000 })

const post = (path: string, body: unknown, lang: 'vi' | 'en' = 'vi') => call('POST', path, { body, lang })
const signIn = (username: string, password: string) => post('/api/auth/login', { username, password })
/** The code an authenticator shows in the next 30 s: within the accepted window, and later than the code of now. */
const nextCode = (secret: string) => totpCode(secret, new Date(Date.now() + 30_000))
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

async function newPerson(opts: { mfa: boolean; password?: string }) {
  const admin = await login('admin')
  const username = `xacthuc.${uniq()}`
  const res = await admin.post('/api/users', {
    username, fullName: 'Lý Thị Xác Thực', clearance: 'internal', mfa: opts.mfa,
    ...(opts.password ? { password: opts.password } : {}), assignments: [{ unitId: 'hn-vptu', role: 'specialist' }],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { username, initialPassword: (res.body.initialPassword ?? opts.password) as string }
}

describe('sign-in challenges', () => {
  it('a new person with MFA changes the temporary password, sets up an authenticator and signs in later with its code', async () => {
    const { username, initialPassword } = await newPerson({ mfa: true })
    const newPassword = 'Mat-khau-cua-toi#2026'

    // The generated password is temporary.
    const first = await signIn(username, initialPassword)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) })
    expect(first.body.token).toBeUndefined()

    // Too weak: refused with the policy, and the same step can be tried again.
    const weak = await post('/api/auth/challenge', { username, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'ngan' }, 'en')
    expect(weak.status).toBe(422)
    expect(weak.body.error).toMatchObject({ code: 'rule.passwordPolicy' })
    expect(weak.body.error.message).toContain('at least 12 characters')
    const changed = await post('/api/auth/challenge', { username, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(changed.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) })

    // A session works once.
    const again = await post('/api/auth/challenge', { username, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Mot-mat-khau-khac#1' })
    expect(again.status).toBe(401)
    expect(again.body.error.code).toBe('auth.challengeExpired')
    // The temporary password is gone, the new one is the password now.
    expect((await signIn(username, initialPassword)).status).toBe(401)

    // Setting up the authenticator: the secret and the URI for its QR code; a wrong first code is refused.
    const setup = await post('/api/auth/mfa/setup', { username, session: changed.body.session })
    expect(setup.status, JSON.stringify(setup.body)).toBe(200)
    expect(setup.body.secretCode).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.body.otpauthUri).toBe(`otpauth://totp/Digital%20Office:${username}?secret=${setup.body.secretCode}&issuer=Digital%20Office&algorithm=SHA1&digits=6&period=30`)
    const wrong = await post('/api/auth/challenge', { username, challenge: 'MFA_SETUP', session: setup.body.session, code: otherCode(nextCode(setup.body.secretCode)) }, 'en')
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'auth.invalidCode', message: expect.stringContaining('Wrong verification code') })

    // Signing in again with the new password starts the setup again; the right code finishes it.
    const retry = await signIn(username, newPassword)
    expect(retry.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) })
    const setup2 = await post('/api/auth/mfa/setup', { username, session: retry.body.session })
    expect(setup2.body.secretCode).not.toBe(setup.body.secretCode)
    const secret = setup2.body.secretCode as string
    const done = await post('/api/auth/challenge', { username, challenge: 'MFA_SETUP', session: setup2.body.session, code: totpCode(secret) })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body).toMatchObject({ token: expect.any(String), user: { username, fullName: 'Lý Thị Xác Thực' } })
    expect((await call('GET', '/api/me', { token: done.body.token })).body.user.username).toBe(username)

    // Later sign-ins: password, then the code of the app.
    const later = await signIn(username, newPassword)
    expect(later.body).toEqual({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) })
    const good = nextCode(secret)
    const inside = await post('/api/auth/challenge', { username, challenge: 'SOFTWARE_TOKEN_MFA', session: later.body.session, code: good })
    expect(inside.status, JSON.stringify(inside.body)).toBe(200)
    expect((await call('GET', '/api/me', { token: inside.body.token })).status).toBe(200)

    // The same code does not work twice.
    const later3 = await signIn(username, newPassword)
    const replay = await post('/api/auth/challenge', { username, challenge: 'SOFTWARE_TOKEN_MFA', session: later3.body.session, code: good })
    expect(replay.status).toBe(401)
    expect(replay.body.error.code).toBe('auth.codeExpired')
  })

  it('counts wrong codes towards the lockout: the right password does not reset the count', async () => {
    const password = 'Da-chon-san#2026'
    const { username } = await newPerson({ mfa: true, password })

    // An administrator chose the password: no change asked, straight to the authenticator.
    for (let i = 0; i < 3; i++) {
      const step = await signIn(username, password)
      expect(step.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) })
      const setup = await post('/api/auth/mfa/setup', { username, session: step.body.session })
      const wrong = await post('/api/auth/challenge', { username, challenge: 'MFA_SETUP', session: setup.body.session, code: otherCode(nextCode(setup.body.secretCode)) })
      expect(wrong.status).toBe(401)
    }
    const slowed = await signIn(username, password)
    expect(slowed.status).toBe(429)
    expect(slowed.body.error.code).toBe('auth.slowDown')
  })

  it('an administrator turning MFA on asks for the authenticator at the next sign-in, and turning it off forgets it', async () => {
    const password = 'Da-chon-san#2026'
    const { username } = await newPerson({ mfa: false, password })
    expect((await signIn(username, password)).body).toMatchObject({ token: expect.any(String) })
    const admin = await login('admin')
    const found = (await admin.get(`/api/users?q=${username}`)).body.users.find((u: any) => u.username === username)
    const on = await admin.patch(`/api/users/${found.userId}`, { mfa: true, version: found.version })
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    expect((await signIn(username, password)).body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) })
    const off = await admin.patch(`/api/users/${found.userId}`, { mfa: false, version: on.body.user.version })
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    expect((await signIn(username, password)).body).toMatchObject({ token: expect.any(String) })
  })

  it('refuses malformed answers with field messages', async () => {
    const noCode = await post('/api/auth/challenge', { username: 'ai.do', challenge: 'SOFTWARE_TOKEN_MFA', session: 'x' })
    expect(noCode.status).toBe(400)
    expect(noCode.body.error.issues).toEqual([expect.objectContaining({ path: 'code', code: 'field.required' })])
    const letters = await post('/api/auth/challenge', { username: 'ai.do', challenge: 'SOFTWARE_TOKEN_MFA', session: 'x', code: '12ab56' })
    expect(letters.status).toBe(400)
    const unknownSession = await post('/api/auth/challenge', { username: 'ai.do', challenge: 'SOFTWARE_TOKEN_MFA', session: 'khong-co', code: '123456' })
    expect(unknownSession.status).toBe(401)
    expect(unknownSession.body.error.code).toBe('auth.challengeExpired')
  })

  it('demo people sign in in one step, MFA flag or not', async () => {
    for (const username of ['admin', 'bithu.tu', 'kiemtra.tu', 'vanthu.tu']) {
      const res = await signIn(username, 'DigitalOffice@2026')
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ token: expect.any(String), user: { username } })
      expect(res.body.challenge).toBeUndefined()
    }
  })
})
