/**
 * Someone who can write the table (an operator, a stolen credential) edits
 * the audit trail directly: every kind of tampering is reported by the
 * verification, with where and how the chain breaks.
 */
import { createHash } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, inject, it } from 'vitest'
import { login, uniq } from '../../support/api.js'
import { canonicalJson } from '../../../shared/audit/chain.js'

const TABLE = 'digital-office-local'
const ddb = () => DynamoDBDocumentClient.from(new DynamoDBClient({
  endpoint: inject('dynamoEndpoint'), region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
}))

/** A new cell with four audit entries (created, renamed three times). */
async function cellWithTrail(): Promise<string> {
  const admin = await login('admin')
  const id = `cb-sua-${uniq()}`
  expect((await admin.post('/api/units', { unitId: id, code: 'CB', name: 'Chi bộ nhật ký bị sửa', level: 'cell', kind: 'cell', parentId: 'x-socson', validFrom: '2026-01-01' })).status).toBe(201)
  for (let v = 1; v <= 3; v++) expect((await admin.patch(`/api/units/${id}`, { name: `Chi bộ nhật ký bị sửa ${v}`, version: v })).status).toBe(200)
  return id
}

const entries = async (unitId: string) => (await ddb().send(new QueryCommand({
  TableName: TABLE, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': `UNIT#${unitId}`, ':sk': 'AUDIT#' },
}))).Items!

async function verify(unitId: string) {
  const inspector = await login('kiemtra.tu')
  const res = await inspector.get(`/api/audit/verify?unitId=${unitId}`)
  expect(res.status).toBe(200)
  return res.body
}

describe('a tampered audit trail is detected', () => {
  it('verifies an untouched trail, head included', async () => {
    const unit = await cellWithTrail()
    expect(await verify(unit)).toEqual({ valid: true, checked: 4 })
  })

  it('detects an entry edited and every later hash recomputed, as the forger can without the key', async () => {
    const unit = await cellWithTrail()
    const items = await entries(unit)
    let prev = items[0].prevHash as string
    for (const [i, item] of items.entries()) {
      const { pk, sk, entity, schemaVersion, hash: _h, ...content } = item
      const edited = { ...content, prevHash: prev, ...(i === 1 ? { actor: { userId: 'u-khac', name: 'Người khác' } } : {}) }
      const hash = createHash('sha256').update(canonicalJson({ kind: 'audit-entry', ...edited })).digest('hex')
      await ddb().send(new PutCommand({ TableName: TABLE, Item: { pk, sk, entity, schemaVersion, ...edited, hash } }))
      prev = hash
    }
    const head = (await ddb().send(new GetCommand({ TableName: TABLE, Key: { pk: `UNIT#${unit}`, sk: 'AUDIT-HEAD' } }))).Item!
    await ddb().send(new PutCommand({ TableName: TABLE, Item: { ...head, hash: prev } }))
    expect(await verify(unit)).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' })
  })

  it('detects the newest entries deleted, and the head moved back to hide it', async () => {
    const unit = await cellWithTrail()
    const items = await entries(unit)
    for (const item of items.slice(2)) await ddb().send(new DeleteCommand({ TableName: TABLE, Key: { pk: item.pk, sk: item.sk } }))
    expect(await verify(unit)).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'truncated', head: 4 })
    const head = (await ddb().send(new GetCommand({ TableName: TABLE, Key: { pk: `UNIT#${unit}`, sk: 'AUDIT-HEAD' } }))).Item!
    await ddb().send(new PutCommand({ TableName: TABLE, Item: { ...head, seq: 2, hash: items[1].hash } }))
    expect(await verify(unit)).toMatchObject({ valid: false, reason: 'head' })
  })

  it('detects an attribute added to an entry, which is never returned as if recorded', async () => {
    const unit = await cellWithTrail()
    const items = await entries(unit)
    await ddb().send(new PutCommand({ TableName: TABLE, Item: { ...items[2], approvedBy: 'Bí thư Thành ủy' } }))
    expect(await verify(unit)).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'schema' })
  })
})
