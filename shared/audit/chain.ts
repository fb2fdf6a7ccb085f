/**
 * Hash-chained audit entries: each entry's hash covers its content and the
 * previous entry's hash, so changing or removing any entry breaks the chain
 * from that point on. Uses Web Crypto (Node and browsers alike).
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainableEntry {
  unitId: string
  seq: number
  at: string
  actor: { userId: string; name: string }
  action: string
  target: string
  details?: Record<string, unknown>
  sourceIp?: string
  prevHash: string
}

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export async function entryHash(entry: ChainableEntry): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(entry))
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export interface ChainCheck { valid: boolean; checked: number; brokenAt?: number; reason?: 'hash' | 'link' | 'gap' }

/** Verifies entries in sequence order starting at seq 1. */
export async function verifyChain(entries: (ChainableEntry & { hash: string })[]): Promise<ChainCheck> {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { valid: false, checked: expectedSeq - 1, brokenAt: expectedSeq, reason: 'gap' }
    if (e.prevHash !== prev) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'link' }
    const { hash, ...content } = e
    if ((await entryHash(content)) !== hash) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'hash' }
    prev = hash
    expectedSeq++
  }
  return { valid: true, checked: entries.length }
}
