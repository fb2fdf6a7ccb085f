import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, canonicalJson, entryHash, verifyChain, type ChainableEntry } from '../../../shared/audit/chain.js'

type Entry = ChainableEntry & { hash: string }

/** Builds a chain the way the audit writer does: each entry links to the previous hash. */
async function buildChain(actions: { action: string; target: string; details?: Record<string, unknown> }[]): Promise<Entry[]> {
  const out: Entry[] = []
  let prevHash = GENESIS_HASH
  for (const [i, a] of actions.entries()) {
    const content: ChainableEntry = {
      unitId: 'p-hoankiem', seq: i + 1, at: `2026-01-0${i + 1}T08:00:00.000Z`,
      actor: { userId: 'u-1', name: 'Nguyễn Văn A' }, sourceIp: '10.0.0.1', prevHash, ...a,
    }
    const hash = await entryHash(content)
    out.push({ ...content, hash })
    prevHash = hash
  }
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
    const result = await verifyChain(chain)

    // Assess
    expect(result).toEqual({ valid: true, checked: 4 })
  })

  it('accepts an empty trail', async () => {
    expect(await verifyChain([])).toEqual({ valid: true, checked: 0 })
  })

  it('detects a changed field in an entry (reason hash)', async () => {
    // Prepare: someone edits the details of the second entry in the table
    const chain = await fourEntries()
    chain[1] = { ...chain[1], details: { from: 'Chi bộ Hàng Đào', to: 'Chi bộ Hàng Bạc' } }

    // Act
    const result = await verifyChain(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'hash' })
  })

  it('detects a changed actor or time, not only details', async () => {
    const byActor = await fourEntries()
    byActor[2] = { ...byActor[2], actor: { userId: 'u-9', name: 'Người khác' } }
    const byTime = await fourEntries()
    byTime[0] = { ...byTime[0], at: '2026-01-01T09:00:00.000Z' }

    expect(await verifyChain(byActor)).toMatchObject({ valid: false, brokenAt: 3, reason: 'hash' })
    expect(await verifyChain(byTime)).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' })
  })

  it('detects a removed entry (reason gap)', async () => {
    // Prepare
    const chain = await fourEntries()
    chain.splice(1, 1)

    // Act
    const result = await verifyChain(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'gap' })
  })

  it('detects two entries swapped in order and renumbered (reason link)', async () => {
    // Prepare
    const chain = await fourEntries()
    const swapped = [chain[0], { ...chain[2], seq: 2 }, { ...chain[1], seq: 3 }, chain[3]]

    // Act
    const result = await verifyChain(swapped)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'link' })
  })

  it('detects a removed entry even when the later ones were renumbered (reason link)', async () => {
    // Prepare: entry 2 removed, entries 3 and 4 renumbered to close the gap
    const chain = await fourEntries()
    const tampered = [chain[0], { ...chain[2], seq: 2 }, { ...chain[3], seq: 3 }]

    // Act
    const result = await verifyChain(tampered)

    // Assess
    expect(result).toEqual({ valid: false, checked: 1, brokenAt: 2, reason: 'link' })
  })

  it('detects an entry rewritten with a recomputed hash, at the next entry (reason link)', async () => {
    // Prepare: the forger changes entry 2 and recomputes its own hash, but cannot fix entry 3
    const chain = await fourEntries()
    const { hash: _old, ...content } = chain[1]
    const forged = { ...content, target: 'cb-khac' }
    chain[1] = { ...forged, hash: await entryHash(forged) }

    // Act
    const result = await verifyChain(chain)

    // Assess
    expect(result).toEqual({ valid: false, checked: 2, brokenAt: 3, reason: 'link' })
  })

  it('detects a chain that does not start at the genesis hash', async () => {
    const chain = await fourEntries()
    const { hash: _old, ...first } = chain[0]
    const relinked = { ...first, prevHash: 'f'.repeat(64) }
    chain[0] = { ...relinked, hash: await entryHash(relinked) }

    expect(await verifyChain(chain)).toEqual({ valid: false, checked: 0, brokenAt: 1, reason: 'link' })
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
    const h1 = await entryHash(entry)
    const h2 = await entryHash(reordered)

    // Assess
    expect(h1).toMatch(/^[0-9a-f]{64}$/)
    expect(h2).toBe(h1)
    expect(await entryHash({ ...entry, seq: 2 })).not.toBe(h1)
  })
})
