/**
 * Demo data of the Party members module: the officers of two ward cells and
 * of the City Committee's Organisation Board (merged into DEMO_USERS), and
 * members of the cells Hàng Bạc and Hàng Đào with their fee profiles, the
 * assessments of the last months and their payments — written through the
 * same use cases (transactions, audit) the API uses.
 *
 * - dangvien.hangbac (Ngô Thị Hằng) sees her handbook and files a transfer;
 * - bithu.cb.hangbac decides for the cell, bithu.hoankiem for the ward,
 *   tochuc.tu (Organisation Board) or bithu.tu for the city, which issues the letter;
 * - bithu.cb.hangdao receives members transferred to Hàng Đào.
 */
import type { Actor } from '../../shared/auth/policy.js'
import type { CreateMemberBody } from '../../shared/members/contracts.js'
import { addMonths, monthOf } from '../../shared/members/fees.js'
import { orgStore } from '../../functions/org/adapters/store.js'
import { orgContext } from '../../functions/org/usecases/context.js'
import { createMember } from '../../functions/members/usecases/members.js'
import { assessCell, payCash } from '../../functions/members/usecases/fees.js'
import { memberStore } from '../../functions/members/adapters/store.js'

const fee = (category: CreateMemberBody['fee']['category'], amount?: number): CreateMemberBody['fee'] =>
  ({ category, area: 'city-ward', incomes: amount ? [{ from: '2024-01', amount }] : [], exemptions: [], reductions: [] })

export const DEMO_MEMBERS: (CreateMemberBody & { paidMonths: number })[] = [
  { fullName: 'Ngô Thị Hằng', birthDate: '1985-03-12', cardNumber: '010203040506', recordNumber: 'HN-123456', admissionDate: '2010-05-19', officialDate: '2011-05-19', cellId: 'p-hoankiem-cb-hangbac', username: 'dangvien.hangbac', workplace: 'Sở Văn hóa và Thể thao Hà Nội', residence: '12 Hàng Bạc, phường Hoàn Kiếm', phone: '0912 345 678', email: 'hang.ngo@example.vn', fee: fee('insured', 12_000_000), paidMonths: 7 },
  { fullName: 'Trần Văn Bạc', birthDate: '1955-08-01', cardNumber: '010203040507', recordNumber: 'HN-098765', admissionDate: '1980-02-03', officialDate: '1981-02-03', cellId: 'p-hoankiem-cb-hangbac', residence: '30 Hàng Bạc', fee: fee('pensioner', 8_500_000), paidMonths: 9 },
  { fullName: 'Lê Thu Hà', birthDate: '2004-10-20', cardNumber: '010203040508', recordNumber: 'HN-200401', admissionDate: '2024-05-19', cellId: 'p-hoankiem-cb-hangbac', workplace: 'Trường Đại học Quốc gia Hà Nội (sinh viên)', residence: '5 Hàng Bạc', fee: fee('student'), paidMonths: 5 },
  { fullName: 'Phạm Quốc Việt', birthDate: '1970-01-15', cardNumber: '010203040509', recordNumber: 'HN-150011', admissionDate: '1995-09-02', officialDate: '1996-09-02', cellId: 'p-hoankiem-cb-hangbac', residence: '44 Hàng Bạc', fee: fee('other'), paidMonths: 4 },
  { fullName: 'Nguyễn Văn Kỳ', birthDate: '1948-12-22', cardNumber: '010203040510', recordNumber: 'HN-000417', admissionDate: '1970-06-01', officialDate: '1971-06-01', cellId: 'p-hoankiem-cb-hangbac', residence: '2 Hàng Bạc', fee: fee('pensioner', 9_000_000), paidMonths: 0 },
  { fullName: 'Đào Minh Tâm', birthDate: '1979-07-07', cardNumber: '010203040601', recordNumber: 'HN-170707', admissionDate: '2005-03-26', officialDate: '2006-03-26', cellId: 'p-hoankiem-cb-hangdao', workplace: 'Công ty Điện lực Hoàn Kiếm', residence: '8 Hàng Đào', fee: fee('insured', 15_000_000), paidMonths: 9 },
  { fullName: 'Vũ Thị Lan', birthDate: '1958-04-30', cardNumber: '010203040602', recordNumber: 'HN-058430', admissionDate: '1985-01-01', officialDate: '1986-01-01', cellId: 'p-hoankiem-cb-hangdao', residence: '17 Hàng Đào', fee: fee('pensioner', 7_000_000), paidMonths: 9 },
]

const SEED_ACTOR: Actor = {
  userId: 'system', username: 'system', fullName: 'Digital Office (dữ liệu mẫu)', clearance: 'top-secret', mfa: true,
  assignments: [{ unitId: 'hn-tu', role: 'admin' }],
}

/** The members, the last nine months assessed in both cells, and the payments each made (oldest months first). */
export async function seedDemoMembers(): Promise<{ members: number }> {
  const ctx = orgContext(SEED_ACTOR, 'seed')
  const ids: { memberId: string; paidMonths: number }[] = []
  for (const { paidMonths, ...body } of DEMO_MEMBERS) {
    if (body.username && !(await orgStore.getUserByUsername(body.username))) continue
    const m = await createMember(ctx, body)
    ids.push({ memberId: m.memberId, paidMonths })
  }
  const thisMonth = monthOf(ctx.date)
  const months = Array.from({ length: 9 }, (_, i) => addMonths(thisMonth, i - 9))
  for (const cellId of ['p-hoankiem-cb-hangbac', 'p-hoankiem-cb-hangdao']) for (const month of months) await assessCell(ctx, { cellId, month })
  for (const { memberId, paidMonths } of ids) {
    for (const month of months.slice(0, paidMonths)) {
      const amount = (await memberStore.getAssessment(memberId, month))?.amount ?? 0
      if (amount > 0) await payCash(ctx, { memberId, month, amount, note: 'Thu tại buổi sinh hoạt chi bộ' })
    }
  }
  return { members: ids.length }
}
