import { describe, expect, it } from 'vitest'
import { eventually, login } from '../../support/api.js'
import { HANGBAC, monthsAgo, newCell, newMember } from './support.js'

describe('member records and the electronic handbook', () => {
  it('a member signs in and sees their own record, fees paid and owed, and their requests', async () => {
    const hang = await login('dangvien.hangbac')
    const res = await hang.get('/api/me/handbook')
    expect(res.status).toBe(200)
    expect(res.body.member).toMatchObject({ fullName: 'Ngô Thị Hằng', cardNumber: '010203040506', cellId: HANGBAC, status: 'active' })
    expect(res.body.cell.name).toBe('Chi bộ khu phố Hàng Bạc')
    // Demo: nine months assessed at 1% of 12,000,000 đ, the oldest seven paid.
    expect(res.body.fees.months).toHaveLength(9)
    expect(res.body.fees.months.every((m: any) => m.due === 120_000)).toBe(true)
    expect(res.body.fees.arrears).toBe(240_000)
    expect(res.body.fees.paidUpTo).toBe(monthsAgo(3))
    expect(Array.isArray(res.body.transfers)).toBe(true)
  })

  it('a member sees only themselves; the cell secretary sees the cell; a ward specialist elsewhere is refused', async () => {
    const hang = await login('dangvien.hangbac')
    const cellList = await hang.get(`/api/members?cellId=${HANGBAC}`)
    expect(cellList.status).toBe(403)

    const secretary = await login('bithu.cb.hangbac')
    const list = await secretary.get(`/api/members?cellId=${HANGBAC}`)
    expect(list.status).toBe(200)
    const names = list.body.members.map((m: any) => m.fullName)
    expect(names).toEqual(expect.arrayContaining(['Ngô Thị Hằng', 'Trần Văn Bạc', 'Lê Thu Hà']))
    const other = list.body.members.find((m: any) => m.fullName === 'Trần Văn Bạc')
    expect((await hang.get(`/api/members/${other.memberId}`)).status).toBe(403)
    expect((await secretary.get(`/api/members/${other.memberId}`)).status).toBe(200)

    const badinh = await login('chuyenvien.badinh')
    const outside = await badinh.get(`/api/members?cellId=${HANGBAC}`)
    expect(outside.status).toBe(403)
    expect(outside.body.error.code).toBe('auth.outsideSubtree')
  })

  it('refuses a second record with the same card number, and a cell that was dissolved, changing nothing', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const m = await newMember(admin, cellId)
    const dup = await admin.post('/api/members', { fullName: 'Người Trùng Thẻ', cardNumber: m.cardNumber, recordNumber: 'HN-DUP-1', admissionDate: '2015-05-19', cellId, fee: { category: 'student' } }, 'en')
    expect(dup.status).toBe(409)
    expect(dup.body.error.message).toMatch(/card number .* already belongs/i)
    const list = await admin.get(`/api/members?cellId=${cellId}`)
    expect(list.body.members).toHaveLength(1)

    const ended = await admin.post('/api/members', { fullName: 'Chi Bộ Cũ', cardNumber: '123456789', recordNumber: 'HN-OLD-1', admissionDate: '2015-05-19', cellId: 'hk-du-hangbac', fee: { category: 'student' } })
    expect(ended.status).toBe(422)
  })

  it('refuses a reduction other than 30/50/70% or longer than 12 months with a clear message', async () => {
    const admin = await login('admin')
    const cellId = await newCell(admin)
    const res = await admin.post('/api/members', {
      fullName: 'Giảm Quá Hạn', cardNumber: '99887766', recordNumber: 'HN-RED-1', admissionDate: '2015-05-19', cellId,
      fee: { category: 'other', reductions: [{ percent: 50, from: '2026-01', to: '2027-06' }] },
    }, 'vi')
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].message).toMatch(/không được quá 12 tháng/)
  })
})

describe('member search (read model)', () => {
  it('finds members by name without diacritics within the caller\'s cells only', async () => {
    const secretary = await login('bithu.cb.hangbac')
    const found = await eventually(async () => {
      const r = await secretary.get('/api/members/search?q=ngo thi hang')
      expect(r.status).toBe(200)
      expect(r.body.members.map((m: any) => m.fullName)).toContain('Ngô Thị Hằng')
      return r.body.members
    })
    expect(found.every((m: any) => m.cellId === HANGBAC)).toBe(true)
    const other = await login('bithu.cb.hangdao')
    expect((await other.get('/api/members/search?q=ngo thi hang')).body.members).toEqual([])
    expect((await (await login('dangvien.hangbac')).get('/api/members/search?q=hang')).body.members).toEqual([])
  })
})
