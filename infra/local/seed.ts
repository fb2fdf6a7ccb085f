/**
 * Loads the demo data on a first start (an empty table), through the same
 * transaction and audit code the API uses, as the "system" actor.
 */
import { randomUUID } from 'node:crypto'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { Unit, User } from '../../shared/org/contracts.js'
import { keys, ENTITY, SCHEMA_VERSION } from '../../shared/table/keys.js'
import { TABLE } from '../../shared/table/definition.js'
import { documentClient } from '../../functions/lib/clients.js'
import { env } from '../../functions/lib/env.js'
import { Transaction } from '../../functions/lib/adapters/transaction.js'
import { identity } from '../../functions/lib/adapters/identity.js'
import { memberItem, unitItem, userItem } from '../../functions/org/adapters/store.js'
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data.js'

const SYSTEM = { userId: 'system', name: 'Digital Office (dữ liệu mẫu)' }

export async function isEmpty(): Promise<boolean> {
  const res = await documentClient().send(new QueryCommand({
    TableName: env().TABLE_NAME, IndexName: TABLE.indexes.byCollection.name, Limit: 1,
    KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': TABLE.indexes.byCollection.partitionKey },
    ExpressionAttributeValues: { ':pk': keys.treeCollection().gsi1pk },
  }))
  return (res.Items ?? []).length === 0
}

export async function seedDemoData(): Promise<{ units: number; users: number }> {
  const now = new Date().toISOString()
  for (const s of DEMO_UNITS) {
    const unit: Unit = {
      ...s, predecessors: s.predecessors ?? [], successors: s.successors ?? [],
      parents: [{ parentId: s.parentId, from: s.validFrom }], names: [{ name: s.name, code: s.code, from: s.validFrom }],
      version: 1, createdAt: now, updatedAt: now,
    }
    await new Transaction().put(unitItem(unit), { expectVersion: 'new' })
      .audit({ unitId: unit.unitId, action: 'unit.create', target: unit.unitId, details: { code: unit.code, name: unit.name, parentId: unit.parentId, seed: true } })
      .commit(SYSTEM)
  }
  for (const d of DEMO_USERS) {
    const user: User = {
      userId: randomUUID(), username: d.username, fullName: d.fullName, email: d.email, clearance: d.clearance, mfa: d.mfa,
      status: 'active', assignments: d.assignments, version: 1, createdAt: now, updatedAt: now,
    }
    // Demo accounts sign in in one step: a known password, no authenticator (whatever the person's MFA flag says).
    await identity().createAccount({ username: user.username, email: user.email, password: DEMO_PASSWORD, temporary: false, mfa: false })
    const tx = new Transaction().put(userItem(user), { expectVersion: 'new' })
      .put({ ...keys.usernameClaim(user.username), entity: ENTITY.usernameClaim, schemaVersion: SCHEMA_VERSION, userId: user.userId }, { expectVersion: 'new' })
    for (const a of user.assignments) {
      tx.put(memberItem(a.unitId, user, a))
      tx.audit({ unitId: a.unitId, action: 'user.create', target: user.userId, details: { username: user.username, role: a.role, seed: true } })
    }
    await tx.commit(SYSTEM)
  }
  return { units: DEMO_UNITS.length, users: DEMO_USERS.length }
}
