import { describe, expect, it } from 'vitest'
import { call, eventually, login, uniq } from '../../support/api.js'

describe('people and roles', () => {
  it('an office chief creates a user in their unit; the new user signs in with the initial password', async () => {
    const s = await login('chanhvp.tu')
    const username = `nv.${uniq()}`
    const res = await s.post('/api/users', {
      username, fullName: 'Nguyễn Thị Ánh Tuyết', email: `${username}@hanoi.dcs.vn`, clearance: 'internal',
      assignments: [{ unitId: 'hn-vptu', role: 'specialist', position: 'Chuyên viên Phòng Tổng hợp' }],
    })
    expect(res.status).toBe(201)
    expect(res.body.initialPassword).toMatch(/.{12,}/)
    // The generated password is temporary: the first sign-in asks for a new one.
    const first = await call('POST', '/api/auth/login', { body: { username, password: res.body.initialPassword } })
    expect(first.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) })
    const changed = await call('POST', '/api/auth/challenge', { body: { username, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: 'Mat-khau-moi#2026' } })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    const again = await login(username, 'Mat-khau-moi#2026')
    const me = await again.get('/api/me')
    expect(me.body.user.fullName).toBe('Nguyễn Thị Ánh Tuyết')
    expect(me.body.assignments[0].unit.name).toBe('Văn phòng Thành ủy')

    const unit = await s.get('/api/units/hn-vptu')
    expect(unit.body.members.map((m: any) => m.username)).toContain(username)
  })

  it('search ignores diacritics and stays within the caller\'s reach', async () => {
    const admin = await login('admin')
    const username = `tim.kiem.${uniq()}`
    await admin.post('/api/users', { username, fullName: 'Đặng Thị Hương Giang', assignments: [{ unitId: 'p-badinh', role: 'specialist' }], password: 'Mat-khau-rat-dai-1' })
    const found = await eventually(async () => {
      const r = await admin.get('/api/users?q=dang%20thi%20huong')
      expect(r.body.users.map((u: any) => u.username)).toContain(username)
      return r
    })
    expect(found.status).toBe(200)
    const ward = await login('bithu.hoankiem')
    const hidden = await ward.get('/api/users?q=dang%20thi%20huong')
    expect(hidden.status).toBe(200)
    expect(hidden.body.users.map((u: any) => u.username)).not.toContain(username)
  })

  it('refuses a user in a unit outside the caller\'s subtree, a clearance above their own, a taken user name', async () => {
    const s = await login('chanhvp.tu')
    const refusedName = `x.${uniq()}`
    const outside = await s.post('/api/users', { username: refusedName, fullName: 'Người Ngoài Phạm Vi', assignments: [{ unitId: 'p-badinh', role: 'clerk' }] })
    expect(outside.status).toBe(403)
    const tooHigh = await s.post('/api/users', { username: `y.${uniq()}`, fullName: 'Mức Mật Quá Cao', clearance: 'top-secret', assignments: [{ unitId: 'hn-vptu', role: 'clerk' }] })
    expect(tooHigh.status).toBe(403)
    expect(tooHigh.body.error.code).toBe('auth.clearanceTooLow')
    const taken = await s.post('/api/users', { username: 'admin', fullName: 'Trùng Tên Đăng Nhập', assignments: [{ unitId: 'hn-vptu', role: 'clerk' }] })
    expect(taken.status).toBe(409)
    // Nothing was left behind by the refusals: the name is still free, and no account exists for it.
    expect((await call('POST', '/api/auth/login', { body: { username: refusedName, password: 'Mat-khau-rat-dai-3' } })).status).toBe(401)
    const admin = await login('admin')
    expect((await admin.post('/api/users', { username: refusedName, fullName: 'Người Ngoài Phạm Vi', assignments: [{ unitId: 'p-badinh', role: 'clerk' }] })).status).toBe(201)
  })

  it('disabling a user blocks their sign-in; a member cannot manage users', async () => {
    const admin = await login('admin')
    const username = `tam.khoa.${uniq()}`
    const created = await admin.post('/api/users', { username, fullName: 'Lý Văn Tạm', assignments: [{ unitId: 'x-socson', role: 'clerk' }], password: 'Mat-khau-rat-dai-2' })
    const updated = await admin.patch(`/api/users/${created.body.user.userId}`, { status: 'disabled', version: 1 })
    expect(updated.status).toBe(200)
    const signIn = await call('POST', '/api/auth/login', { body: { username, password: 'Mat-khau-rat-dai-2' } })
    expect(signIn.status).toBe(401)
    const member = await login('dangvien.hangbac')
    expect((await member.post('/api/users', { username: `z.${uniq()}`, fullName: 'Không Được Tạo', assignments: [{ unitId: 'p-hoankiem-cb-hangbac', role: 'member' }] })).status).toBe(403)
  })
})
