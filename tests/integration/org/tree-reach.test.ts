/**
 * Reach resolution reads only what changed, not the city's tree: with 2,000
 * more units in the table, a ward secretary's requests (their tree, one unit)
 * read no unit items once the container holds the tree, and after a unit is
 * added they read that one unit — counted at the DynamoDB client, no timing.
 * The use cases run in this process against the platform's DynamoDB Local
 * (as a warm Lambda container would).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { auditKeyFile } from '../../../infra/local/audit-key.js'
import { countReads, readsOf } from '../../support/dynamo-reads.js'
import { syntheticUnits, writeUnits } from '../../support/synthetic-units.js'
import { flatten, login, uniq } from '../../support/api.js'

const BULK = 2_000
let units: typeof import('../../../functions/org/usecases/units.js')
let ctxOf: (username: string) => Promise<import('../../../functions/org/usecases/context.js').OrgContext>
const prefix = `reach-${uniq()}`

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'), TABLE_NAME: 'digital-office-local', AUDIT_KEY_FILE: auditKeyFile(inject('dataDir')), OUTBOX_DIR: mkdtempSync(join(tmpdir(), 'reach-outbox-')),
    AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
  })
  const { documentClient } = await import('../../../functions/lib/clients.js')
  const { appendTreeChange } = await import('../../../functions/lib/adapters/tree-log.js')
  const { orgContext, resolveActor } = await import('../../../functions/org/usecases/context.js')
  units = await import('../../../functions/org/usecases/units.js')
  ctxOf = async (username) => orgContext(await resolveActor({ username }), '127.0.0.1')
  // A root of its own that no demo user is assigned to: the city's other tests never see these units.
  const [root, ...rest] = syntheticUnits(BULK + 1, 'unused', prefix)
  await writeUnits(documentClient(), 'digital-office-local', [{ ...root, parentId: null, parents: [], level: 'city', kind: 'party-committee' }, ...rest.map((u) => (u.parentId === 'unused' ? { ...u, parentId: root.unitId, parents: [{ parentId: root.unitId, from: u.validFrom }] } : u))])
  await appendTreeChange({ unitIds: [], reload: true })
  countReads()
}, 180_000)

describe('reach at 2,000 more units', () => {
  it("a ward secretary's tree and unit page read no unit once the container holds the tree", async () => {
    const ward = await ctxOf('bithu.hoankiem')
    await units.getUnit(ward, 'p-hoankiem') // the container's first request reads the tree once
    const tree = await readsOf(async () => units.getTree(await ctxOf('bithu.hoankiem'), {}))
    expect(tree.result.roots.map((r) => r.unitId)).toEqual(['p-hoankiem'])
    expect(flatten(tree.result.roots).map((u) => u.unitId)).toContain('p-hoankiem-cb-hangbac')
    expect(tree.reads.byEntity.unit ?? 0).toBe(0)
    const page = await readsOf(async () => units.getUnit(await ctxOf('bithu.hoankiem'), 'p-hoankiem-cb-hangbac'))
    expect(page.result.unit.name).toBe('Chi bộ khu phố Hàng Bạc')
    expect(page.result.ancestors.map((a) => a.unitId)).toContain('p-hoankiem')
    expect(page.reads.byEntity.unit ?? 0).toBe(0)
    // A unit of the bulk load is there too (the reload entry), and still outside the ward's reach.
    const admin = await ctxOf('admin')
    await expect(units.getUnit(ward, `${prefix}-p3-cb4`)).rejects.toMatchObject({ code: 'auth.outsideSubtree' })
    expect((await units.getTree(admin, {})).roots.map((r) => r.unitId)).not.toContain(`${prefix}-p1`)
  })

  it('a unit added through the API is read once, alone, and is in the next request of any caller', async () => {
    const admin = await login('admin')
    const created = await admin.post('/api/units', { parentId: 'p-hoankiem', code: 'CB', name: `Chi bộ Đo tầm ${prefix}`, level: 'cell', kind: 'cell' })
    expect(created.status).toBe(201)
    const next = await readsOf(async () => units.getTree(await ctxOf('bithu.hoankiem'), {}))
    expect(flatten(next.result.roots).map((u) => u.name)).toContain(`Chi bộ Đo tầm ${prefix}`)
    // The units changed since the container's last read, each read once, whatever the 2,000 (other test files
    // add units to the same platform meanwhile, so "one" is this test's unit plus theirs); the change log once.
    expect(next.reads.byEntity.unit).toBeGreaterThanOrEqual(1)
    expect(next.reads.byEntity.unit).toBeLessThanOrEqual(10)
    expect(next.reads.byEntity.treeChange).toBe(1)
  })
})

describe('the tree a level at a time, and a search by name on the server', () => {
  it('gives the roots with one level, then the children of a unit on demand, each saying how many it has', async () => {
    const admin = await login('admin')
    const top = await admin.get('/api/units?levels=1')
    expect(top.status).toBe(200)
    const city = top.body.roots.find((r: any) => r.unitId === 'hn-tu')
    const ward = city.children.find((c: any) => c.unitId === 'p-hoankiem')
    expect(ward.children).toEqual([])
    expect(ward.childCount).toBeGreaterThan(3)
    const opened = await admin.get('/api/units?parentId=p-hoankiem')
    expect(opened.body.roots.map((c: any) => c.name)).toContain('Chi bộ khu phố Hàng Bạc')
    expect(opened.body.roots).toHaveLength(ward.childCount)
    const outside = await (await login('bithu.hoankiem')).get('/api/units?parentId=p-badinh')
    expect(outside.status).toBe(403)
  })

  it('finds units by name without diacritics within reach only, with the names of the units above', async () => {
    const ward = await login('bithu.hoankiem')
    const found = await ward.get(`/api/units?q=${encodeURIComponent('hang bac')}`)
    expect(found.status).toBe(200)
    const hit = found.body.matches.find((m: any) => m.unitId === 'p-hoankiem-cb-hangbac')
    expect(hit.name).toBe('Chi bộ khu phố Hàng Bạc')
    expect(hit.path).toEqual(['Thành ủy Hà Nội', 'Đảng ủy phường Hoàn Kiếm'])
    const elsewhere = await ward.get(`/api/units?q=${encodeURIComponent('ba dinh')}`)
    expect(elsewhere.body.matches).toEqual([])
    const admin = await login('admin')
    expect((await admin.get(`/api/units?q=${encodeURIComponent('ba dinh')}`)).body.matches.map((m: any) => m.name)).toContain('Đảng ủy phường Ba Đình')
  })
})
