/**
 * Sessions and passwords against the embedded issuer (the same use cases and
 * routes Cognito answers on AWS): the refresh token travels only in an
 * HttpOnly, Secure, SameSite=Strict cookie scoped to /api/auth; refresh gives
 * a new short-lived access token; sign-out revokes the refresh token; a
 * forgotten password is reset with a code mailed to the local mailbox (a wrong
 * code is refused and counts towards the lockout); changing one's password
 * needs the old one.
 */
import { describe, expect, it, vi } from 'vitest'
import { baseUrl, call, DEMO_PASSWORD, login, uniq } from '../../support/api.js'

vi.setConfig({ testTimeout: 120_000 })

interface Raw { status: number; body: any; cookies: string[]; retryAfter: number }
async function raw(path: string, opts: { body?: unknown; cookie?: string; token?: string; lang?: 'vi' | 'en' } = {}): Promise<Raw> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', 'accept-language': opts.lang ?? 'vi',
      ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: JSON.stringify(opts.body ?? {}),
  })
  const text = await res.text()
  let body: unknown = text
  try { body = JSON.parse(text) } catch { /* empty */ }
  return { status: res.status, body, cookies: res.headers.getSetCookie(), retryAfter: Number(res.headers.get('retry-after') ?? 0) }
}
/** "do_refresh=…" of a Set-Cookie, as a browser would send it back. */
const cookieOf = (r: Raw): string => {
  const c = r.cookies.find((x) => x.startsWith('do_refresh='))
  if (!c) throw new Error(`no refresh cookie in ${JSON.stringify(r.cookies)}`)
  return c.split(';')[0]
}

async function newPerson(email?: string) {
  const admin = await login('admin')
  const username = `phien.${uniq()}`
  const password = 'Mat-khau-ban-dau#2026'
  const res = await admin.post('/api/users', {
    username, fullName: 'Đỗ Văn Phiên', clearance: 'internal', password, ...(email ? { email } : {}),
    assignments: [{ unitId: 'hn-vptu', role: 'specialist' }],
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { username, password, admin, userId: res.body.user.userId as string }
}

async function mailedCode(adminToken: string, to: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const box = await (await fetch(`${baseUrl()}/local/mail`, { headers: { authorization: `Bearer ${adminToken}` } })).json() as any[]
    const m = box.find((x) => x.to.includes(to) && /đặt lại mật khẩu/.test(x.subject))
    if (m) return /: (\d{6})/.exec(m.text)![1]
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no reset mail to ${to}`)
}

describe('sessions: refresh and sign-out', () => {
  it('signs in with a short access token in the body and the refresh token only in an HttpOnly cookie; refresh works until sign-out revokes it', async () => {
    const { username, password } = await newPerson()
    const signedIn = await raw('/api/auth/login', { body: { username, password } })
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200)
    expect(signedIn.body.expiresIn).toBeLessThanOrEqual(15 * 60)
    expect(JSON.stringify(signedIn.body)).not.toMatch(/refresh/i)
    const setCookie = signedIn.cookies.find((c) => c.startsWith('do_refresh='))!
    expect(setCookie).toMatch(/; HttpOnly/)
    expect(setCookie).toMatch(/; Secure/)
    expect(setCookie).toMatch(/; SameSite=Strict/)
    expect(setCookie).toMatch(/; Path=\/api\/auth/)
    const cookie = cookieOf(signedIn)

    // Refresh: a new access token that works, and the person's name.
    const refreshed = await raw('/api/auth/refresh', { cookie })
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200)
    expect(refreshed.body.user).toMatchObject({ username, fullName: 'Đỗ Văn Phiên' })
    expect(refreshed.body.token).not.toBe(signedIn.body.token)
    expect((await call('GET', '/api/me', { token: refreshed.body.token })).status).toBe(200)

    // No cookie, or a made-up one: refused.
    expect((await raw('/api/auth/refresh')).status).toBe(401)
    expect((await raw('/api/auth/refresh', { cookie: 'do_refresh=bia-dat-khong-co-that' })).body.error.code).toBe('auth.sessionEnded')

    // Sign-out revokes: the cookie is cleared and the same refresh token is refused afterwards.
    const out = await raw('/api/auth/logout', { cookie })
    expect(out.status).toBe(204)
    expect(out.cookies.find((c) => c.startsWith('do_refresh='))).toMatch(/Max-Age=0/)
    const after = await raw('/api/auth/refresh', { cookie }, )
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('auth.sessionEnded')
    expect(after.body.error.message).toContain('Phiên đăng nhập đã kết thúc')
  })

  it('a disabled account cannot refresh', async () => {
    const { username, password, admin, userId } = await newPerson()
    const cookie = cookieOf(await raw('/api/auth/login', { body: { username, password } }))
    expect((await raw('/api/auth/refresh', { cookie })).status).toBe(200)
    const current = await admin.get(`/api/users/${userId}`)
    const disabled = await admin.patch(`/api/users/${userId}`, { status: 'disabled', version: current.body.user?.version ?? current.body.version })
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200)
    const refused = await raw('/api/auth/refresh', { cookie })
    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('auth.disabled')
  })
})

describe('passwords: forgotten and changed', () => {
  it('resets a forgotten password with the mailed code; a wrong code is refused and counted; the code works once', async () => {
    const email = `phien.${uniq()}@hn.example.vn`
    const { username, password, admin } = await newPerson(email)

    const asked = await raw('/api/auth/password/forgot', { body: { username } })
    expect(asked.status).toBe(202)
    // A name nobody has gets the same answer.
    const nobody = await raw('/api/auth/password/forgot', { body: { username: `khong.co.${uniq()}` } })
    expect(nobody).toMatchObject({ status: 202, body: asked.body })

    const code = await mailedCode(admin.token, email)
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const newPassword = 'Mat-khau-moi-sau-khi-quen#1'

    const wrong = await raw('/api/auth/password/confirm', { body: { username, code: wrongCode, newPassword }, lang: 'en' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'auth.invalidResetCode', message: 'Wrong reset code. Check the mail and enter the 6-digit code again.' })
    // Too weak: the policy's message, and the code is kept.
    const weak = await raw('/api/auth/password/confirm', { body: { username, code, newPassword: 'ngan' } })
    expect(weak.status).toBe(422)
    expect(weak.body.error.code).toBe('rule.passwordPolicy')
    // The old password still works until the reset.
    expect((await call('POST', '/api/auth/login', { body: { username, password } })).status).toBe(200)

    const done = await raw('/api/auth/password/confirm', { body: { username, code, newPassword } })
    expect(done.status, JSON.stringify(done.body)).toBe(204)
    expect((await call('POST', '/api/auth/login', { body: { username, password } })).status).toBe(401)
    expect((await call('POST', '/api/auth/login', { body: { username, password: newPassword } })).status).toBe(200)
    // Once.
    expect((await raw('/api/auth/password/confirm', { body: { username, code, newPassword: 'Lai-mot-mat-khau#2' } })).status).toBe(401)
  })

  it('wrong reset codes count towards the lockout: the fifth locks the account (429)', async () => {
    const email = `phien.${uniq()}@hn.example.vn`
    const { username, admin } = await newPerson(email)
    await raw('/api/auth/password/forgot', { body: { username } })
    const code = await mailedCode(admin.token, email)
    // Wrong codes, waiting out each slow-down as a patient attacker would, until the account locks.
    let wrongAnswers = 0
    let last: Raw | undefined
    for (let i = 1; i <= 12; i++) {
      const guess = String((Number(code) + i) % 1_000_000).padStart(6, '0')
      last = await raw('/api/auth/password/confirm', { body: { username, code: guess, newPassword: 'Mat-khau-moi-khoa#3' } })
      if (last.status === 401) wrongAnswers++
      else if (last.body.error.code === 'auth.slowDown') { await new Promise((r) => setTimeout(r, last!.retryAfter * 1000)); i-- }
      else break
    }
    expect(last!.status).toBe(429)
    expect(last!.body.error.code).toBe('auth.locked')
    // The fifth wrong code locks (sign-in-limits: 5 failures), as five wrong passwords do.
    expect(wrongAnswers).toBe(4)
    // Locked: even the right code waits.
    const right = await raw('/api/auth/password/confirm', { body: { username, code, newPassword: 'Mat-khau-moi-khoa#3' } })
    expect(right.status).toBe(429)
    expect(right.body.error.code).toBe('auth.locked')
  })

  it('changing one\'s own password needs the old one and the policy; sign-in then takes the new one', async () => {
    const { username, password } = await newPerson()
    const me = await raw('/api/auth/login', { body: { username, password } })
    const token = me.body.token as string
    const newPassword = 'Doi-mat-khau-cua-toi#4'

    expect((await raw('/api/auth/password/change', { body: { oldPassword: password, newPassword } })).status).toBe(401)
    const wrongOld = await raw('/api/auth/password/change', { token, body: { oldPassword: 'Sai-mat-khau#0000', newPassword } })
    expect(wrongOld.status).toBe(403)
    expect(wrongOld.body.error).toMatchObject({ code: 'auth.wrongOldPassword', message: 'Mật khẩu hiện tại không đúng.' })
    const weak = await raw('/api/auth/password/change', { token, body: { oldPassword: password, newPassword: 'ngan' } })
    expect(weak.status).toBe(422)

    expect((await raw('/api/auth/password/change', { token, body: { oldPassword: password, newPassword } })).status).toBe(204)
    expect((await call('POST', '/api/auth/login', { body: { username, password } })).status).toBe(401)
    expect((await call('POST', '/api/auth/login', { body: { username, password: newPassword } })).status).toBe(200)
    expect(DEMO_PASSWORD).not.toBe(newPassword)
  })
})
