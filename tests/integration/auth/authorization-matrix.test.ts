/**
 * The authorisation matrix, generated from the permission tables
 * (PERMISSIONS in shared/org/roles.ts, DOCUMENT_PERMISSIONS in
 * shared/documents/policy.ts) and asserted over HTTP: for representative
 * actions, a person holding each role in a unit that is the target itself,
 * its parent, its child, its sibling or in another branch of the city; a
 * party member; an anonymous caller; an expired token; and a clerk granting a
 * clearance above their own. The expected answer is computed here from the
 * table and the rule "a role held in a unit applies to it and its subtree",
 * independently of the engine, so a change to the tables or to the engine
 * that breaks the rule shows as a cell of the matrix.
 *
 * Fixture (made fresh per run): commune P under the city; grassroots G and
 * its sibling S under P; cell C under G; commune O elsewhere. The target is G.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importJWK, SignJWT, type JWK } from 'jose'
import { beforeAll, describe, expect, it, inject } from 'vitest'
import { loadIssuerKey, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../infra/local/identity.js'
import { PERMISSIONS, type Action, type Role } from '../../../shared/org/roles.js'
import { DOCUMENT_PERMISSIONS, type DocumentAction } from '../../../shared/documents/policy.js'
import { call, login, uniq, type Res } from '../../support/api.js'

type Relation = 'same' | 'parent' | 'child' | 'sibling' | 'other-branch'
const RELATIONS: Relation[] = ['same', 'parent', 'child', 'sibling', 'other-branch']
/** Roles whose rows differ in the tables below (the admin's row is the secretary's plus registration). */
const ROLES: Role[] = ['secretary', 'office-chief', 'clerk', 'specialist', 'inspector', 'member']
const PASSWORD = 'Ma-tran-quyen-2026'

const id = uniq()
const units = { P: `mx-p-${id}`, G: `mx-g-${id}`, S: `mx-s-${id}`, C: `mx-c-${id}`, O: `mx-o-${id}` }
/** Where a caller of each relation to the target G holds their role. */
const HOLDS_IN: Record<Relation, string> = { same: units.G, parent: units.P, child: units.C, sibling: units.S, 'other-branch': units.O }

/** Representative actions: the action in its table and the HTTP request that needs it on G. */
interface Probe { name: string; granted: (role: Role) => boolean; request: (token: string | undefined) => Promise<Res> }
const orgGrant = (a: Action) => (role: Role) => PERMISSIONS[role].includes(a)
const docGrant = (a: DocumentAction) => (role: Role) => DOCUMENT_PERMISSIONS[role].includes(a)
let created = 0
const PROBES: Probe[] = [
  { name: 'unit.read: GET /api/units/{G}', granted: orgGrant('unit.read'), request: (token) => call('GET', `/api/units/${units.G}`, { token }) },
  { name: 'user.read: GET /api/users?unitId=G', granted: orgGrant('user.read'), request: (token) => call('GET', `/api/users?unitId=${units.G}`, { token }) },
  { name: 'audit.read: GET /api/audit?unitId=G', granted: orgGrant('audit.read'), request: (token) => call('GET', `/api/audit?unitId=${units.G}`, { token }) },
  {
    name: 'unit.manage: POST /api/units (a cell under G)', granted: orgGrant('unit.manage'),
    request: (token) => call('POST', '/api/units', { token, body: { unitId: `mx-new-${id}-${++created}`, code: 'CB', name: `Chi bộ thử quyền ${created}`, level: 'cell', kind: 'cell', parentId: units.G, validFrom: '2026-01-01' } }),
  },
  { name: 'document.read: GET /api/documents?box=incoming-register&unitId=G', granted: docGrant('document.read'), request: (token) => call('GET', `/api/documents?box=incoming-register&unitId=${units.G}`, { token }) },
]

/** Allowed exactly when the role's row has the action and the role is held in G or above it. */
const expected = (role: Role, relation: Relation, probe: Probe): 'allow' | 'deny' =>
  probe.granted(role) && (relation === 'same' || relation === 'parent') ? 'allow' : 'deny'

const tokens = new Map<string, string>()
const username = (role: Role, relation: Relation) => `mx.${id}.${role}.${relation}`

beforeAll(async () => {
  const admin = await login('admin')
  for (const [unitId, code, name, level, kind, parentId] of [
    [units.P, 'ĐU', `Đảng ủy phường Ma Trận ${id}`, 'commune', 'party-committee', 'hn-tu'],
    [units.G, 'ĐU', 'Đảng bộ cơ sở Mục Tiêu', 'grassroots', 'grassroots-organisation', units.P],
    [units.S, 'ĐU', 'Đảng bộ cơ sở Anh Em', 'grassroots', 'grassroots-organisation', units.P],
    [units.C, 'CB', 'Chi bộ Con', 'cell', 'cell', units.G],
    [units.O, 'ĐU', `Đảng ủy xã Nhánh Khác ${id}`, 'commune', 'party-committee', 'hn-tu'],
  ] as const) {
    const res = await admin.post('/api/units', { unitId, code, name, level, kind, parentId, validFrom: '2026-01-01' })
    expect(res.status, `${unitId}: ${JSON.stringify(res.body)}`).toBe(201)
  }
  for (const role of ROLES) {
    for (const relation of RELATIONS) {
      const res = await admin.post('/api/users', {
        username: username(role, relation), fullName: `Người thử ${role} ${relation}`, clearance: 'internal', password: PASSWORD,
        assignments: [{ unitId: HOLDS_IN[relation], role }],
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      tokens.set(username(role, relation), (await login(username(role, relation), PASSWORD)).token)
    }
  }
}, 240_000)

describe('the authorisation matrix (from the permission tables, over HTTP)', () => {
  it('allows a role exactly where its table grants the action, in the target unit or above it; refuses the child, the sibling and the other branch', async () => {
    const mismatches: string[] = []
    let cells = 0
    for (const probe of PROBES) {
      for (const role of ROLES) {
        for (const relation of RELATIONS) {
          const res = await probe.request(tokens.get(username(role, relation)))
          const want = expected(role, relation, probe)
          const got = res.status < 300 ? 'allow' : [403, 404].includes(res.status) ? 'deny' : `status ${res.status}`
          cells++
          if (got !== want) mismatches.push(`${probe.name} as ${role} in ${relation}: expected ${want}, got ${got} ${JSON.stringify(res.body).slice(0, 160)}`)
        }
      }
    }
    expect(cells).toBe(PROBES.length * ROLES.length * RELATIONS.length)
    // Both answers occur: the matrix is not all allow or all deny.
    expect(PROBES.flatMap((p) => ROLES.flatMap((r) => RELATIONS.map((rel) => expected(r, rel, p)))).filter((e) => e === 'allow').length).toBeGreaterThan(10)
    expect(mismatches).toEqual([])
  }, 180_000)

  it('refuses an anonymous caller and an expired token on every probe (401)', async () => {
    const { privateKeyFile } = await loadIssuerKey(join(inject('dataDir'), 'identity'))
    const jwk = JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK
    const key = await importJWK(jwk, 'RS256')
    const expired = await new SignJWT({ username: username('secretary', 'same') }).setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(key)
    for (const probe of PROBES) {
      expect((await probe.request(undefined)).status, `${probe.name} anonymous`).toBe(401)
      expect((await probe.request(expired)).status, `${probe.name} expired`).toBe(401)
    }
  })

  it('a person whose table grants user.manage may grant their own clearance, not one above it', async () => {
    const secretary = tokens.get(username('secretary', 'same'))!
    const newUser = (clearance: string) => call('POST', '/api/users', { token: secretary, lang: 'en', body: { username: `mx.${id}.granted.${clearance}`, fullName: 'Người được cấp', clearance, password: PASSWORD, assignments: [{ unitId: units.C, role: 'member' }] } })
    expect((await newUser('internal')).status).toBe(201)
    const above = await newUser('confidential')
    expect(above.status).toBe(403)
    expect(above.body.error.code).toBe('auth.clearanceTooLow')
  })
})
