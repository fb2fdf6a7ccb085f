/**
 * The first administrator of a fresh environment (`npm run admin:create`,
 * admin-create.ts): an account at the identity provider with a temporary
 * password, and the person's records in the org store (the table) making
 * them the administrator (`admin`) of the root unit — created too when the
 * tree is empty. Nobody can sign in before this runs, so it cannot be an API
 * call or an import (both need an administrator); the operator runs it with
 * their own AWS credentials.
 *
 * Idempotent, part by part: an account that exists is kept (its password is
 * not touched), records that exist are kept, so a second run says what exists
 * and a run that stopped half way (throttled, interrupted) is finished by the
 * next one.
 *
 * Two account makers behind one small interface: Cognito's AdminCreateUser
 * (its mapping unit-tested against a fake that answers as Cognito does,
 * tests/unit/operators/first-admin.test.ts), and the embedded issuer through
 * the identity port (tests/integration/ops/admin-create.test.ts signs the
 * created person in).
 */
import { randomUUID } from 'node:crypto'
import { AdminCreateUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { z } from 'zod'
import { clearance, levelId, unitCode, unitKind, username, type Unit, type User } from '../../shared/org/contracts.js'
import { today } from '../../shared/org/tree.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../shared/table/keys.js'
import { Transaction } from '../../functions/lib/adapters/transaction.js'
import { generatePassword } from '../../functions/lib/adapters/identity.js'
import type { IdentityPort } from '../../functions/lib/adapters/identity-port.js'
import { orgStore, unitItem } from '../../functions/org/adapters/store.js'
import { putUser } from '../../functions/org/usecases/users.js'
import { OperatorError, whileThrottled } from './environment.js'

export { OperatorError }

/** What the operator gives (checked with zod: a typo is refused before anything is written). */
export const FirstAdminInput = z.strictObject({
  username,
  email: z.email(),
  fullName: z.string().trim().min(2).max(200),
  /** An existing unit to administer; by default the tree's one root. */
  unitId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/).optional(),
  /** The root unit to create when the tree is empty (all four are then needed). */
  unitName: z.string().trim().min(2).max(200).optional(),
  unitCode: unitCode.optional(),
  level: levelId.default('city'),
  kind: unitKind.default('party-committee'),
  /** As the demo's city administrator: an administrator gives people clearances up to their own. */
  clearance: clearance.default('secret'),
  /** Print the temporary password once instead of having it mailed (Cognito); the embedded issuer always prints it. */
  printPassword: z.boolean().default(false),
})
export type FirstAdminInput = z.input<typeof FirstAdminInput>

export type AccountOutcome = { status: 'created'; temporaryPassword?: string } | { status: 'exists' }

/** Makes the sign-in account with a temporary password (changed at the first sign-in). */
export interface AdminAccounts {
  create(a: { username: string; email: string; printPassword: boolean }): Promise<AccountOutcome>
}

type CognitoSender = Pick<CognitoIdentityProviderClient, 'send'>

/**
 * Cognito: AdminCreateUser with a verified address. By default Cognito makes
 * the temporary password and mails it (the pool's invitation message);
 * `printPassword` suppresses the mail and sets a generated temporary password
 * that the command prints once. An existing account (UsernameExistsException)
 * is left as it is.
 */
export function cognitoAdminAccounts(client: CognitoSender, userPoolId: string, opts: { wait?: (attempt: number) => Promise<unknown> } = {}): AdminAccounts {
  return {
    async create({ username: name, email: address, printPassword }) {
      const temporaryPassword = printPassword ? generatePassword() : undefined
      try {
        await whileThrottled('Cognito', () => client.send(new AdminCreateUserCommand({
          UserPoolId: userPoolId, Username: name,
          UserAttributes: [{ Name: 'email', Value: address }, { Name: 'email_verified', Value: 'true' }],
          ...(temporaryPassword ? { MessageAction: 'SUPPRESS', TemporaryPassword: temporaryPassword } : { DesiredDeliveryMediums: ['EMAIL'] }),
        })), opts)
      } catch (err) {
        const { name: code, message } = (err ?? {}) as { name?: string; message?: string }
        if (code === 'UsernameExistsException') return { status: 'exists' }
        if (code === 'AliasExistsException') throw new OperatorError(`Địa chỉ ${address} đã thuộc một tài khoản khác / ${address} already belongs to another account`)
        if (code === 'ResourceNotFoundException') throw new OperatorError(`Không có user pool ${userPoolId} / no user pool ${userPoolId} in this account and region (${message ?? ''})`)
        if (code === 'InvalidParameterException') throw new OperatorError(`Cognito từ chối / Cognito refused: ${message ?? code}`)
        throw err
      }
      return { status: 'created', ...(temporaryPassword ? { temporaryPassword } : {}) }
    },
  }
}

/** The embedded issuer (or any identity port): a generated temporary password, printed; MFA set up at the first sign-in. */
export function portAdminAccounts(port: Pick<IdentityPort, 'createAccount'>): AdminAccounts {
  return {
    async create({ username: name, email: address }) {
      const temporaryPassword = generatePassword()
      try {
        await port.createAccount({ username: name, email: address, password: temporaryPassword, temporary: true, mfa: true })
      } catch (err) {
        if ((err as { code?: string })?.code === 'conflict.usernameTaken') return { status: 'exists' }
        throw err
      }
      return { status: 'created', temporaryPassword }
    },
  }
}

const OPERATOR = { userId: 'system', name: 'Digital Office (lệnh quản trị / operator: admin:create)' }

export interface FirstAdminResult {
  account: AccountOutcome
  unit: { unitId: string; name: string; created: boolean }
  user: { userId: string; created: boolean; roles: string[] }
}

/** The unit the administrator administers: the one given, the tree's one root, or a new root when the tree is empty. */
async function rootUnit(input: z.output<typeof FirstAdminInput>, now: Date): Promise<{ unit: Unit; created: boolean }> {
  if (input.unitId) {
    const unit = await orgStore.getUnit(input.unitId, true)
    if (!unit) throw new OperatorError(`Không có đơn vị ${input.unitId} / no unit ${input.unitId}`)
    return { unit, created: false }
  }
  const units = await orgStore.listUnits()
  const roots = units.filter((u) => u.parentId === null && !u.validTo)
  if (roots.length === 1) return { unit: roots[0]!, created: false }
  if (roots.length > 1) throw new OperatorError(`Có ${roots.length} đơn vị gốc (${roots.map((r) => `${r.unitId} "${r.name}"`).join(', ')}): chọn một bằng --unit-id / several root units: choose one with --unit-id`)
  if (!input.unitName || !input.unitCode) {
    throw new OperatorError('Cây tổ chức còn trống: cần --unit-name và --unit-code của đơn vị gốc / the tree is empty: --unit-name and --unit-code of the root unit are needed')
  }
  const at = now.toISOString()
  const validFrom = today(now)
  const unit: Unit = {
    unitId: `${unitCodeSlug(input.unitCode)}-${randomUUID().slice(0, 6)}`, code: input.unitCode, name: input.unitName, level: input.level, kind: input.kind,
    parentId: null, validFrom, parents: [{ parentId: null, from: validFrom }], names: [{ name: input.unitName, code: input.unitCode, from: validFrom }],
    predecessors: [], successors: [], version: 1, createdAt: at, updatedAt: at,
  }
  await new Transaction().put(unitItem(unit), { expectVersion: 'new' })
    .audit({ unitId: unit.unitId, action: 'unit.create', target: unit.unitId, details: { code: unit.code, name: unit.name, parentId: null, operator: 'admin:create' } })
    .commit(OPERATOR, now)
  return { unit, created: true }
}

const unitCodeSlug = (code: string) => code.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unit'

/**
 * The account, then the records (as the API's createUser does): an account
 * made without records (the table write failed) is completed by a re-run.
 */
export async function createFirstAdmin(accounts: AdminAccounts, raw: FirstAdminInput, now = new Date()): Promise<FirstAdminResult> {
  const parsed = FirstAdminInput.safeParse(raw)
  if (!parsed.success) throw new OperatorError(`Tham số không hợp lệ / invalid options: ${parsed.error.issues.map((i) => `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} (${i.message})`).join(', ')}`)
  const input = parsed.data
  const existing = await orgStore.getUserByUsername(input.username)
  if (existing) {
    // The records are there: only a missing account is made (a first run that stopped after the records, or an account deleted by hand).
    const account = await accounts.create({ username: input.username, email: input.email, printPassword: input.printPassword })
    const first = existing.assignments[0]
    const named = first ? await orgStore.getUnit(first.unitId) : undefined
    return { account, unit: { unitId: first?.unitId ?? '', name: named?.name ?? '', created: false }, user: { userId: existing.userId, created: false, roles: existing.assignments.map((a) => a.role) } }
  }
  const { unit, created: unitCreated } = await rootUnit(input, now)
  const account = await accounts.create({ username: input.username, email: input.email, printPassword: input.printPassword })
  const at = now.toISOString()
  const user: User = {
    userId: randomUUID(), username: input.username, fullName: input.fullName, email: input.email, clearance: input.clearance, mfa: true, status: 'active',
    assignments: [{ unitId: unit.unitId, role: 'admin', position: 'Quản trị hệ thống' }], version: 1, createdAt: at, updatedAt: at,
  }
  const tx = putUser(new Transaction(), user, [], 'new')
    .put({ ...keys.usernameClaim(user.username), entity: ENTITY.usernameClaim, schemaVersion: SCHEMA_VERSION, userId: user.userId }, { expectVersion: 'new' })
    .audit({ unitId: unit.unitId, action: 'user.create', target: user.userId, details: { username: user.username, fullName: user.fullName, roles: ['admin'], clearance: user.clearance, operator: 'admin:create' } })
  await tx.commit(OPERATOR, now)
  return { account, unit: { unitId: unit.unitId, name: unit.name, created: unitCreated }, user: { userId: user.userId, created: true, roles: ['admin'] } }
}
