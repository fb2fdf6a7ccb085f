/**
 * Wrong passwords slow sign-in down and then lock the account for a while
 * (429, vi/en, Retry-After), even for the right password; the lockout is
 * audited and an administrator can lift it.
 */
import { describe, expect, it, vi } from 'vitest'
import { baseUrl, call, login, uniq } from '../../support/api.js'
import { newWard, PASSWORD } from '../documents/support.js'

vi.setConfig({ testTimeout: 120_000 })

const signIn = async (username: string, password: string, lang: 'vi' | 'en' = 'vi') => {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify({ username, password }),
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() as any }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function account(admin: Awaited<ReturnType<typeof login>>, ward: string, name: string) {
  const username = `khoa.${uniq()}`
  const res = await admin.post('/api/users', { username, fullName: name, clearance: 'internal', password: PASSWORD, assignments: [{ unitId: ward, role: 'specialist' }] })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { username, userId: res.body.user.userId as string }
}

describe('sign-in throttling and lockout', () => {
  it('slows down after three wrong passwords, locks at the fifth even for the right one, audits it, and an administrator unlocks', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Khóa Tài Khoản')
    const { username, userId } = await account(admin, ward, 'Người Nhập Sai')

    for (let i = 0; i < 3; i++) expect((await signIn(username, 'sai-mat-khau')).status).toBe(401)
    // Straight after the third: wait a moment first.
    const slowed = await signIn(username, PASSWORD)
    expect(slowed.status).toBe(429)
    expect(slowed.body.error.code).toBe('auth.slowDown')
    expect(Number(slowed.retryAfter)).toBeGreaterThanOrEqual(1)
    await sleep(1100)
    expect((await signIn(username, 'sai-mat-khau')).status).toBe(401)
    await sleep(2100)
    const locked = await signIn(username, 'sai-mat-khau', 'en')
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'auth.locked' })
    expect(locked.body.error.message).toContain('15 minutes')
    expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60)
    // The right password does not get through a lock.
    const stillLocked = await signIn(username, PASSWORD)
    expect(stillLocked.status).toBe(429)
    expect(stillLocked.body.error.message).toContain('Tài khoản tạm khóa')

    // The lockout is in the ward's audit trail, once; the administrator sees it and lifts it.
    const trail = await admin.get(`/api/audit?unitId=${ward}`)
    expect(trail.body.entries.filter((e: any) => e.action === 'auth.locked' && e.target === userId)).toHaveLength(1)
    expect((await admin.get(`/api/users/${userId}`)).body.signIn).toMatchObject({ locked: true })
    const specialist = await login('chuyenvien.badinh')
    expect((await call('DELETE', `/api/users/${userId}/sign-in-lock`, { token: specialist.token })).status).toBe(403)
    const lifted = await call('DELETE', `/api/users/${userId}/sign-in-lock`, { token: admin.token })
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200)
    expect(lifted.body.signIn).toEqual({ locked: false })
    expect((await signIn(username, PASSWORD)).status).toBe(200)
    expect((await admin.get(`/api/audit?unitId=${ward}`)).body.entries.some((e: any) => e.action === 'auth.unlocked' && e.target === userId)).toBe(true)
  })

  it('counts concurrent wrong passwords: twenty at once give at most four 401s, the rest 429, and one lockout', async () => {
    const admin = await login('admin')
    const ward = await newWard(admin, 'Đảng ủy phường Dò Mật Khẩu')
    const { username, userId } = await account(admin, ward, 'Người Bị Dò')
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(username, `doan-sai-${i}`)))
    const statuses = answers.map((a) => a.status)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(16)
    expect((await signIn(username, PASSWORD)).body.error.code).toBe('auth.locked')
    const trail = await admin.get(`/api/audit?unitId=${ward}`)
    expect(trail.body.entries.filter((e: any) => e.action === 'auth.locked' && e.target === userId)).toHaveLength(1)
  })

  it('gives a name nobody has the same answers as a real account (nothing tells them apart)', async () => {
    const ghost = `khong.ai.${uniq()}`
    for (let i = 0; i < 3; i++) expect((await signIn(ghost, 'sai-mat-khau')).body.error.code).toBe('auth.invalidCredentials')
    expect((await signIn(ghost, 'sai-mat-khau')).body.error.code).toBe('auth.slowDown')
  })
})
