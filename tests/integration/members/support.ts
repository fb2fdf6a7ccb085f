/** Helpers of the members integration tests: a fresh cell with members, so tests sharing one platform never collide. */
import { expect } from 'vitest'
import { eventually, login, uniq, type Session } from '../../support/api.js'

export const HANGBAC = 'p-hoankiem-cb-hangbac'
export const HANGDAO = 'p-hoankiem-cb-hangdao'

let cardSeq = Math.floor(Math.random() * 1_000_000)
export const card = (): string => `77${String(Date.now() % 1_000_000).padStart(6, '0')}${String(cardSeq++ % 10_000).padStart(4, '0')}`

/** A new cell under a ward (default Hoàn Kiếm), created by the admin. */
export async function newCell(admin: Session, parentId = 'p-hoankiem', name = `Chi bộ thử ${uniq()}`): Promise<string> {
  const unitId = `${parentId}-cb-${uniq()}`
  const res = await admin.post('/api/units', { unitId, code: 'CB', name, level: 'cell', kind: 'cell', parentId, validFrom: '2026-01-01' })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return unitId
}

export async function newMember(officer: Session, cellId: string, extra: Record<string, unknown> = {}): Promise<any> {
  const res = await officer.post('/api/members', {
    fullName: `Đảng viên ${uniq()}`, cardNumber: card(), recordNumber: `HN-${uniq()}`, admissionDate: '2015-05-19', cellId,
    fee: { category: 'insured', area: 'city-ward', incomes: [{ from: '2025-01', amount: 10_000_000 }] }, ...extra,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.member
}

export const thisMonth = (): string => new Date().toISOString().slice(0, 7)
export const monthsAgo = (n: number): string => {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - n)
  return d.toISOString().slice(0, 7)
}

/** Decides the current step once the workflow has reached it (the task token arrives asynchronously). */
export const decideWhenReady = (s: Session, transferId: string, approved: boolean, comment?: string) => eventually(async () => {
  const r = await s.post(`/api/members/transfers/${transferId}/decision`, { approved, comment })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body.transfer
}, { timeoutMs: 30_000 })

/** A new cell with a member and its own secretary, and a transfer of that member to Hàng Đào filed by the administrator. */
export async function transferFromNewCell(admin: Session, secretaryName: string): Promise<{ cell: string; member: any; transferId: string; cellSecretary: Session }> {
  const cell = await newCell(admin)
  const member = await newMember(admin, cell)
  const filed = await admin.post('/api/members/transfers', { memberId: member.memberId, toUnitId: HANGDAO, reason: 'Chuyển nơi cư trú' })
  expect(filed.status, JSON.stringify(filed.body)).toBe(202)
  const username = `bithu.${uniq()}`
  const created = await admin.post('/api/users', { username, fullName: secretaryName, assignments: [{ unitId: cell, role: 'secretary' }], password: 'DigitalOffice@2026' })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return { cell, member, transferId: filed.body.transfer.transferId as string, cellSecretary: await login(username) }
}
