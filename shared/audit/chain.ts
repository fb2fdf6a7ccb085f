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

export type BreakReason = 'schema' | 'gap' | 'link' | 'hash' | 'head' | 'truncated' | 'checkpoint'
export interface ChainCheck { valid: boolean; checked: number; brokenAt?: number; reason?: BreakReason; head?: number }

/** A plain digest (SHA-256, hex): no key, so anyone can recompute it, and a checkpoint kept where nobody can rewrite it pins it. */
export type Digest = (message: string) => string

/**
 * A checkpoint of a unit's chain, written where it cannot be rewritten (S3
 * Object Lock on AWS): the count, the last entry's MAC, and a digest of
 * every stored entry up to it. Someone holding the MAC key can rebuild a
 * consistent chain and head, but not this digest as it was anchored.
 */
export interface Checkpoint { unitId: string; seq: number; hash: string; digest: string; at: string }

/** The running digest after one more stored entry (its whole stored form, MAC included). */
export const extendDigest = (prev: string, entry: unknown, digest: Digest): string => digest(prev + canonicalJson(entry))

/**
 * The next checkpoint of a unit: the entries after `last` (in order, each
 * already verified) folded into its digest. Null when nothing was added.
 */
export function nextCheckpoint(unitId: string, last: Checkpoint | null, tail: readonly unknown[], digest: Digest, at: string): Checkpoint | null {
  if (!tail.length) return null
  let d = last?.digest ?? GENESIS_HASH
  let end = { seq: 0, hash: '' }
  for (const raw of tail) { end = StoredEntry.parse(raw); d = extendDigest(d, end, digest) }
  return { unitId, seq: end.seq, hash: end.hash, digest: d, at }
}

/**
 * Verifies against the unit's anchored checkpoints too (oldest first). The
 * entries up to the newest checkpoint are checked by their links and by the
 * digests the checkpoints pin, without a MAC each (on AWS every MAC is a KMS
 * call): only the tail after it is re-MACed. A rewritten prefix, even one
 * MACed with the key, breaks at the first checkpoint it contradicts; where
 * the MACs still tell the entry, that entry is reported.
 */
export async function verifyAnchored(entries: readonly unknown[], mac: Mac, head: ChainHead | null | undefined, checkpoints: readonly Checkpoint[], digest: Digest): Promise<ChainCheck> {
  const anchors = [...checkpoints].sort((a, b) => a.seq - b.seq)
  const newest = anchors[anchors.length - 1]
  if (!newest) return verifyChain(entries, mac, head)
  let prev = GENESIS_HASH
  let d = GENESIS_HASH
  let expectedSeq = 1
  let next = 0
  for (const raw of entries) {
    const step = linked(raw, expectedSeq, prev)
    if ('broken' in step) return step.broken
    const e = step.entry
    if (e.seq <= newest.seq) {
      d = extendDigest(d, e, digest)
      while (anchors[next] && anchors[next].seq === e.seq) {
        if (anchors[next].digest !== d || anchors[next].hash !== e.hash) return located(entries, mac, anchors[next])
        next++
      }
    } else {
      const { hash, ...content } = e
      if ((await entryHash(content, mac)) !== hash) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'hash' }
    }
    prev = e.hash
    expectedSeq++
  }
  const checked = expectedSeq - 1
  // Fewer entries than anchored: the newest were deleted, whatever the head says now.
  if (checked < newest.seq) return { valid: false, checked, brokenAt: checked + 1, reason: 'truncated', head: newest.seq }
  return endsAtHead(checked, prev, mac, head)
}

/** A checkpoint contradicted: the full MAC check names the entry if it can; else the chain was rebuilt with the key. */
async function located(entries: readonly unknown[], mac: Mac, anchor: Checkpoint): Promise<ChainCheck> {
  const full = await verifyChain(entries.filter((e) => ((e as { seq?: number }).seq ?? 0) <= anchor.seq), mac, null)
  if (!full.valid && full.reason !== 'head') return full
  return { valid: false, checked: 0, brokenAt: anchor.seq, reason: 'checkpoint', head: anchor.seq }
}

type StoredEntry = z.infer<typeof StoredEntry>

/** One stored entry as the next of the chain: its schema, its place in the sequence, its link to the previous MAC. */
function linked(raw: unknown, expectedSeq: number, prev: string): { entry: StoredEntry } | { broken: ChainCheck } {
  const parsed = StoredEntry.safeParse(raw)
  const seqOf = (raw as { seq?: unknown })?.seq
  const checked = expectedSeq - 1
  if (!parsed.success) return { broken: { valid: false, checked, brokenAt: typeof seqOf === 'number' ? seqOf : expectedSeq, reason: 'schema' } }
  const e = parsed.data
  if (e.seq !== expectedSeq) return { broken: { valid: false, checked, brokenAt: expectedSeq, reason: 'gap' } }
  if (e.prevHash !== prev) return { broken: { valid: false, checked, brokenAt: e.seq, reason: 'link' } }
  return { entry: e }
}

/**
 * Verifies a unit's entries in sequence order from seq 1, and that they end
 * where the head says. Reports the first break: where (the seq) and how.
 */
export async function verifyChain(entries: readonly unknown[], mac: Mac, head?: ChainHead | null): Promise<ChainCheck> {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  for (const raw of entries) {
    const step = linked(raw, expectedSeq, prev)
    if ('broken' in step) return step.broken
    const e = step.entry
    const { hash, ...content } = e
    if ((await entryHash(content, mac)) !== hash) return { valid: false, checked: expectedSeq - 1, brokenAt: e.seq, reason: 'hash' }
    prev = hash
    expectedSeq++
  }
  return endsAtHead(expectedSeq - 1, prev, mac, head)
}

/** The chain verified up to `checked` (last MAC `prev`) ends where its MACed head says. */
async function endsAtHead(checked: number, prev: string, mac: Mac, head: ChainHead | null | undefined): Promise<ChainCheck> {
  if (!head) return checked === 0 ? { valid: true, checked } : { valid: false, checked, brokenAt: 1, reason: 'head' }
  if ((await headMac(head, mac)) !== head.mac) return { valid: false, checked, brokenAt: head.seq, reason: 'head', head: head.seq }
  if (head.seq > checked) return { valid: false, checked, brokenAt: checked + 1, reason: 'truncated', head: head.seq }
  if (head.seq < checked || head.hash !== prev) return { valid: false, checked, brokenAt: head.seq + 1, reason: 'head', head: head.seq }
  return { valid: true, checked }
}
