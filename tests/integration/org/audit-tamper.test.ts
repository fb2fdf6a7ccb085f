/**
 * Someone who can write the table (an operator, a stolen credential) edits
 * the audit trail directly: every kind of tampering is reported by the
 * verification, with where and how the chain breaks.
 */
import { createHash } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, inject, it } from 'vitest'
import { join } from 'node:path'
import { baseUrl, login, uniq } from '../../support/api.js'
import { canonicalJson, entryHash, headMac, verifyChain } from '../../../shared/audit/chain.js'
import { localMac } from '../../../functions/lib/adapters/audit-mac.js'

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

  /** The anchoring job, as the scheduler runs it, for one unit. */
  async function anchor(unitId: string) {
    const admin = await login('admin')
    const res = await fetch(`${baseUrl()}/local/jobs/audit-checkpoints`, { method: 'POST', body: JSON.stringify({ unitIds: [unitId] }), headers: { authorization: `Bearer ${admin.token}` } })
    expect(res.status).toBe(200)
    return res.json() as Promise<{ anchored: number; unchanged: number; broken: { unitId: string; reason: string }[] }>
  }

  /** What someone holding the MAC key (and the table) can do: rebuild every MAC and the head after an edit. */
  async function rewriteWithKey(unitId: string, edit: (content: Record<string, any>, i: number) => Record<string, any>, keep = Infinity) {
    const mac = localMac(join(inject('dataDir'), 'audit', 'hmac.key'))
    const items = await entries(unitId)
    let prev = items[0].prevHash as string
    const rebuilt: Record<string, unknown>[] = []
    for (const [i, item] of items.entries()) {
      if (i >= keep) { await ddb().send(new DeleteCommand({ TableName: TABLE, Key: { pk: item.pk, sk: item.sk } })); continue }
      const { pk, sk, entity, schemaVersion, hash: _h, ...content } = item
      const edited = { ...edit(content, i), prevHash: prev }
      const hash = await entryHash(edited as never, mac)
      await ddb().send(new PutCommand({ TableName: TABLE, Item: { pk, sk, entity, schemaVersion, ...edited, hash } }))
      rebuilt.push({ ...edited, hash })
      prev = hash
    }
    const head = (await ddb().send(new GetCommand({ TableName: TABLE, Key: { pk: `UNIT#${unitId}`, sk: 'AUDIT-HEAD' } }))).Item!
    const seq = rebuilt.length
    await ddb().send(new PutCommand({ TableName: TABLE, Item: { ...head, seq, hash: prev, mac: await headMac({ unitId, seq, hash: prev }, mac) } }))
    // Against the keyed chain and its head alone, the forgery holds.
    return verifyChain(rebuilt, mac, { unitId, seq, hash: prev, mac: await headMac({ unitId, seq, hash: prev }, mac) })
  }

  it('detects the whole chain rewritten with the key once a checkpoint anchors it, and anchors only a chain that verifies', async () => {
    const unit = await cellWithTrail()
    expect(await anchor(unit)).toMatchObject({ anchored: 1, broken: [] })
    // The chain grows after the checkpoint: the tail is re-MACed, the anchored part checked by its digest.
    const admin = await login('admin')
    expect((await admin.patch(`/api/units/${unit}`, { name: 'Chi bộ nhật ký bị sửa 4', version: 4 })).status).toBe(200)
    expect(await verify(unit)).toEqual({ valid: true, checked: 5 })
    expect(await anchor(unit)).toMatchObject({ anchored: 1, broken: [] })
    expect(await anchor(unit)).toMatchObject({ anchored: 0, unchanged: 1 })

    const forged = await rewriteWithKey(unit, (c, i) => (i === 1 ? { ...c, actor: { userId: 'u-khac', name: 'Người khác' } } : c))
    expect(forged).toEqual({ valid: true, checked: 5 })
    expect(await verify(unit)).toMatchObject({ valid: false, reason: 'checkpoint', brokenAt: 4 })
    // The job does not anchor the forged chain when it grows on.
    expect((await admin.patch(`/api/units/${unit}`, { name: 'Chi bộ nhật ký bị sửa 5', version: 5 })).status).toBe(200)
    expect((await anchor(unit)).broken).toEqual([expect.objectContaining({ unitId: unit, reason: 'checkpoint' })])
  })

  it('detects the newest anchored entries deleted even when the head is re-MACed with the key', async () => {
    const unit = await cellWithTrail()
    expect(await anchor(unit)).toMatchObject({ anchored: 1 })
    expect(await rewriteWithKey(unit, (c) => c, 2)).toEqual({ valid: true, checked: 2 })
    expect(await verify(unit)).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'truncated', head: 4 })
  })
})
