import { describe, expect, it } from 'vitest'
import { holderEmails, holderIds, type HolderSource } from '../../../functions/org/usecases/holders.js'
import type { Member } from '../../../functions/org/adapters/store.js'
import { orgPolicy } from '../../../shared/auth/policy.js'
import { documentPolicy } from '../../../shared/documents/policy.js'
import { memberPolicy } from '../../../shared/members/policy.js'
import type { User } from '../../../shared/org/contracts.js'

const member = (unitId: string, userId: string, role: string): Member => ({ unitId, userId, fullName: userId, username: userId, role })
const user = (userId: string, email?: string) => ({ userId, ...(email ? { email } : {}) }) as User

// The ward's secretary, its clerk, an office chief holding two roles, and the city's secretary above them.
const MEMBERS: Record<string, Member[]> = {
  ward: [member('ward', 'sec', 'secretary'), member('ward', 'clerk', 'clerk'), member('ward', 'chief', 'office-chief,clerk'), member('ward', 'x', 'chairman')],
  cell: [member('cell', 'cell-sec', 'secretary'), member('cell', 'sec', 'deputy-secretary')],
  city: [member('city', 'city-sec', 'secretary')],
}
const source: HolderSource = {
  listMembers: async (unitId) => MEMBERS[unitId] ?? [],
  getUsers: async (ids) => ids.map((id) => user(id, id === 'clerk' ? undefined : `${id}@example.vn`)),
}

describe('holders of a permission in exactly a unit', () => {
  it('finds those whose role in the unit grants the action, not those above it nor unknown roles', async () => {
    expect(await holderIds(orgPolicy, 'reorganisation.decide', 'ward', source)).toEqual(['sec'])
    expect(await holderIds(documentPolicy, 'document.register', 'ward', source)).toEqual(['clerk', 'chief'])
    expect(await holderIds(documentPolicy, 'document.direct', 'ward', source)).toEqual(['sec', 'chief'])
  })

  it('lists a person once across several units and several roles', async () => {
    expect(await holderIds(memberPolicy, 'transfer.approve', ['cell', 'ward'], source)).toEqual(['cell-sec', 'sec'])
    expect(await holderIds(documentPolicy, 'document.read', 'ward', source)).toEqual(['sec', 'clerk', 'chief'])
  })

  it('mails only those who have an address', async () => {
    expect(await holderEmails(documentPolicy, 'document.register', 'ward', source)).toEqual(['chief@example.vn'])
    expect(await holderEmails(memberPolicy, 'transfer.approve', 'city', source)).toEqual(['city-sec@example.vn'])
    expect(await holderEmails(memberPolicy, 'transfer.approve', 'nowhere', source)).toEqual([])
  })
})
