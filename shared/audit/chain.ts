/**
 * The audit trail of a unit, tamper-evident: each entry's MAC covers its
 * content and the previous entry's MAC, keyed with a secret the application
 * can use but not read (a KMS HMAC key on AWS, a key file of the data
 * directory locally), so nobody who can write the table can recompute the
 * chain after editing it. The chain head (count and last MAC) is MACed too,
 * so deleting the newest entries is detected; entries are checked against
 * their schema, so an attribute added afterwards is not taken as recorded.
 * Pure: the MAC function is given (functions/lib/adapters/audit-mac.ts).
 */
import { z } from 'zod'

export const GENESIS_HASH = '0'.repeat(64)

/** A keyed MAC of a message, in hex (HMAC-SHA-256). */
export type Mac = (message: string) => Promise<string>

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

/** What a stored entry is, exactly: nothing more may come back from the table as if it had been recorded. */
const StoredEntry = z.strictObject({
  unitId: z.string().min(1),
  seq: z.number().int().positive(),
  at: z.string().datetime(),
  actor: z.strictObject({ userId: z.string(), name: z.string() }),
  action: z.string().min(1),
  target: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  sourceIp: z.string().optional(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})

/** The head of a unit's chain: how many entries and the last one's MAC, itself MACed. */
export interface ChainHead { unitId: string; seq: number; hash: string; mac: string }

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export const entryHash = (entry: ChainableEntry, mac: Mac): Promise<string> => mac(canonicalJson({ kind: 'audit-entry', ...entry }))
export const headMac = (head: Omit<ChainHead, 'mac'>, mac: Mac): Promise<string> =>
  mac(canonicalJson({ kind: 'audit-head', unitId: head.unitId, seq: head.seq, hash: head.hash }))

export type BreakReason = 'schema' | 'gap' | 'link' | 'hash' | 'head' | 'truncated'
export interface ChainCheck { valid: boolean; checked: number; brokenAt?: number; reason?: BreakReason; head?: number }

/**
 * Verifies a unit's entries in sequence order from seq 1, and that they end
 * where the head says. Reports the first break: where (the seq) and how.
 */
export async function verifyChain(entries: readonly unknown[], mac: Mac, head?: ChainHead | null): Promise<ChainCheck> {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  for (const raw of entries) {
    const parsed = StoredEntry.safeParse(raw)
    const seqOf = (raw as { seq?: unknown })?.seq
    if (!parsed.success) return { valid: false, checked: expectedSeq - 1, brokenAt: typeof seqOf === 'number' ? seqOf : expectedSeq, reason: 'schema' }
    const e = parsed.data
    if (e.seq !== expectedSeq) return { valid: false, checked: expectedSeq - 1, brokenAt: expectedSeq, reason: 'gap' }
    if (e.prevHash !== prev) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'link' }
    const { hash, ...content } = e
    if ((await entryHash(content, mac)) !== hash) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'hash' }
    prev = hash
    expectedSeq++
  }
  const checked = expectedSeq - 1
  if (!head) return checked === 0 ? { valid: true, checked } : { valid: false, checked, brokenAt: 1, reason: 'head' }
  if ((await headMac(head, mac)) !== head.mac) return { valid: false, checked, brokenAt: head.seq, reason: 'head', head: head.seq }
  if (head.seq > checked) return { valid: false, checked, brokenAt: checked + 1, reason: 'truncated', head: head.seq }
  if (head.seq < checked || head.hash !== prev) return { valid: false, checked, brokenAt: head.seq + 1, reason: 'head', head: head.seq }
  return { valid: true, checked }
}
