import { describe, expect, it } from 'vitest'
import { createHash, createHmac } from 'node:crypto'
import { GENESIS_HASH, canonicalJson, entryHash, headMac, verifyChain, type ChainableEntry, type ChainHead, type Mac } from '../../../shared/audit/chain.js'

type Entry = ChainableEntry & { hash: string }

/** The installation's key (a KMS HMAC key on AWS, a key file locally); the forger does not have it. */
const hmac = (key: string): Mac => async (m) => createHmac('sha256', key).update(m).digest('hex')
const MAC = hmac('clé-de-test-de-32-octets-au-moins!!')
/** The head the writer kept for the last chain built. */
let lastHead: ChainHead | null = null
const check = (chain: unknown[], head: ChainHead | null = lastHead) => verifyChain(chain, MAC, head)

/** Builds a chain the way the audit writer does: each entry links to the previous hash. */
async function buildChain(actions: { action: string; target: string; details?: Record<string, unknown> }[]): Promise<Entry[]> {
  const out: Entry[] = []
  let prevHash = GENESIS_HASH
  for (const [i, a] of actions.entries()) {
    const content: ChainableEntry = {
      unitId: 'p-hoankiem', seq: i + 1, at: `2026-01-0${i + 1}T08:00:00.000Z`,
      actor: { userId: 'u-1', name: 'Nguyễn Văn A' }, sourceIp: '10.0.0.1', prevHash, ...a,
    }
    const hash = await entryHash(content, MAC)
    out.push({ ...content, hash })
    prevHash = hash
  }
  const last = out[out.length - 1]
  lastHead = last ? { unitId: 'p-hoankiem', seq: last.seq, hash: last.hash, mac: await headMac({ unitId: 'p-hoankiem', seq: last.seq, hash: last.hash }, MAC) } : null
  return out
}

const fourEntries = () => buildChain([
  { action: 'unit.create', target: 'cb-hangdao', details: { name: 'Chi bộ Hàng Đào' } },
  { action: 'unit.rename', target: 'cb-hangdao', details: { from: 'Chi bộ Hàng Đào', to: 'Chi bộ Hàng Đào 1' } },
  { action: 'user.create', target: 'u-2' },
  { action: 'unit.move', target: 'cb-hangdao', details: { to: 'p-badinh' } },
])

describe('verifyChain', () => {
  it('accepts an untouched chain and reports how many entries it checked', async () => {
    // Prepare
    const chain = await fourEntries()

    // Act
    const result = await check(chain)

    // Assess
    expect(result).toEqual({ valid: true, checked: 4 })
  })

  it('accepts an empty trail', async () => {
    expect(await check([], null)).toEqual({ valid: true, checked: 0 })
  })

  it('detects a changed field in an entry (reason hash)', async () => {
    // Prepare: someone edits the details of the second entry in the table
    const chain = await fourEntries()
    chain[1] = { ...chain[1], details: { from: 'Chi bộ Hàng Đào', to: 'Chi bộ Hàng Bạc' } }

    // Act
    const result = await check(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'hash' })
  })

  it('detects a changed actor or time, not only details', async () => {
    const byActor = await fourEntries()
    byActor[2] = { ...byActor[2], actor: { userId: 'u-9', name: 'Người khác' } }
    const byTime = await fourEntries()
    byTime[0] = { ...byTime[0], at: '2026-01-01T09:00:00.000Z' }

    expect(await check(byActor)).toMatchObject({ valid: false, brokenAt: 3, reason: 'hash' })
    expect(await check(byTime)).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' })
  })

  it('detects a removed entry (reason gap)', async () => {
    // Prepare
    const chain = await fourEntries()
    chain.splice(1, 1)

    // Act
    const result = await check(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'gap' })
  })

  it('detects two entries swapped in order and renumbered (reason link)', async () => {
    // Prepare
    const chain = await fourEntries()
    const swapped = [chain[0], { ...chain[2], seq: 2 }, { ...chain[1], seq: 3 }, chain[3]]

    // Act
    const result = await check(swapped)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'link' })
  })

  it('detects a removed entry even when the later ones were renumbered (reason link)', async () => {
    // Prepare: entry 2 removed, entries 3 and 4 renumbered to close the gap
    const chain = await fourEntries()
    const tampered = [chain[0], { ...chain[2], seq: 2 }, { ...chain[3], seq: 3 }]

    // Act
    const result = await check(tampered)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'link' })
  })

  it('detects an entry rewritten with a recomputed hash, at the next entry (reason link)', async () => {
    // Prepare: the forger changes entry 2 and recomputes its own hash, but cannot fix entry 3
    const chain = await fourEntries()
    const { hash: _old, ...content } = chain[1]
    const forged = { ...content, target: 'cb-khac' }
    chain[1] = { ...forged, hash: await entryHash(forged, MAC) }

    // Act
    const result = await check(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'link' })
  })

  it('detects a chain that does not start at the genesis hash', async () => {
    const chain = await fourEntries()
    const { hash: _old, ...first } = chain[0]
    const relinked = { ...first, prevHash: 'f'.repeat(64) }
    chain[0] = { ...relinked, hash: await entryHash(relinked, MAC) }

    expect(await check(chain)).toEqual({ valid: false, checked: 0, brokenAt: 1, reason: 'link' })
  })
})

describe('verifyChain against a forger who can write the table but not use the key', () => {
  it('detects an entry edited and every later hash recomputed with plain SHA-256 (reason hash)', async () => {
    const chain = await fourEntries()
    const sha = (m: string) => createHash('sha256').update(m).digest('hex')
    let prev = chain[0].hash
    const forged = chain.map((e, i) => {
      if (i === 0) return e
      const { hash: _h, ...content } = e
      const edited = { ...content, prevHash: prev, ...(i === 1 ? { target: 'cb-khac' } : {}) }
      const hash = sha(canonicalJson({ kind: 'audit-entry', ...edited }))
      prev = hash
      return { ...edited, hash }
    })
    expect(await check(forged)).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'hash' })
  })

  it('detects the newest entries deleted (reason truncated), and a head rewritten to hide it (reason head)', async () => {
    const chain = await fourEntries()
    const head = lastHead!
    expect(await check(chain.slice(0, 2))).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'truncated', head: 4 })
    const rewritten = { ...head, seq: 2, hash: chain[1].hash }
    expect(await check(chain.slice(0, 2), rewritten)).toEqual({ valid: false, checked: 2, brokenAt: 2, reason: 'head', head: 2 })
    expect(await check(chain, null)).toMatchObject({ valid: false, reason: 'head' })
  })

  it('refuses an entry carrying an attribute that was never recorded (reason schema)', async () => {
    const chain = await fourEntries()
    const padded = chain.map((e, i) => (i === 2 ? { ...e, approvedBy: 'Bí thư' } : e))
    expect(await check(padded)).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'schema' })
  })

  it('does not verify with another installation\'s key', async () => {
    const chain = await fourEntries()
    expect(await verifyChain(chain, hmac('một-khóa-khác-của-nơi-khác-32-byte'), lastHead)).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' })
  })
})

describe('canonicalJson and entryHash', () => {
  it('gives the same text whatever the key order, at every depth', () => {
    // Act
    const a = canonicalJson({ b: 1, a: { y: [1, { d: 2, c: 3 }], x: 'ừ' } })
    const b = canonicalJson({ a: { x: 'ừ', y: [1, { c: 3, d: 2 }] }, b: 1 })

    // Assess
    expect(a).toBe(b)
    expect(a).toBe('{"a":{"x":"ừ","y":[1,{"c":3,"d":2}]},"b":1}')
  })

  it('keeps array order significant', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })

  it('treats an absent field and an undefined field alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }))
  })

  it('hashes to 64 hex characters, equal for the same content in another key order', async () => {
    // Prepare
    const entry: ChainableEntry = {
      unitId: 'p-a', seq: 1, at: '2026-01-01T00:00:00.000Z', actor: { userId: 'u', name: 'A' }, action: 'x', target: 't', prevHash: GENESIS_HASH,
    }
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as ChainableEntry

    // Act
    const h1 = await entryHash(entry, MAC)
    const h2 = await entryHash(reordered, MAC)

    // Assess
    expect(h1).toMatch(/^[0-9a-f]{64}$/)
    expect(h2).toBe(h1)
    expect(await entryHash({ ...entry, seq: 2 }, MAC)).not.toBe(h1)
  })
})
